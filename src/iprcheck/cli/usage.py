"""Usage errors as one line in the user's language.

Click's own usage error is four lines (usage, a hint, then the message), always in English. The
command line is parsed by the Click that typer 0.28 vendors (``typer._click``, the only Click
there is with it: see pyproject's pin), so its exception classes are named from there, here
and in ``app.py`` only.
"""

from __future__ import annotations

import re
from typing import Any

import typer
from typer._click import exceptions as click_exc
from typer._types import TyperChoice

from ..errors import IprcheckError, Msg
from ..i18n import detect_lang, t
from ..output.guards import shown

# Options of iprcheck itself, which go before the command: `iprcheck --ledger x.jsonl list`.
GLOBAL_OPTIONS = ("--tasks", "--ledger", "--lang", "--version")

UsageError = click_exc.UsageError
NoArgsIsHelp = click_exc.NoArgsIsHelpError


class UsageProblem(typer.BadParameter):
    """A usage error of ours, put into words in the user's language when shown (exit code 2)."""

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.msg = Msg(key, **params)


class OneLine(click_exc.UsageError):
    """A usage error already put into one line: shown as it is on stderr, exit code 2."""

    def __init__(self, line: str) -> None:
        super().__init__(line)
        self.line = line

    def show(self, file: Any = None) -> None:
        typer.echo(shown(self.line), err=True)  # it may quote what was typed


def lang_typed(args: list[str]) -> str | None:
    """What --lang says on a command line, wherever it stands, before Click has parsed it."""
    chosen = None
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            chosen = args[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg.removeprefix("--lang=")
    return chosen


def lang_in(args: list[str]) -> str:
    """The language a command line asks for, before Click has parsed it: --lang wherever it
    stands, then what iprcheck's settings and the locale say."""
    from .. import config

    try:
        configured = config.get("lang")
    except IprcheckError:  # a damaged settings file is said by the command, not here
        configured = None
    return detect_lang(lang_typed(args), configured)


_QUOTED = re.compile(r"^(?P<value>'.*'|\".*\") is not (?:one of |a valid (?P<type>[\w ]+)\.)")


def usage_line(exc: click_exc.UsageError, lang: str, command: str = "iprcheck") -> str:
    """One line for a usage error: what is wrong, and where the help is."""
    detail = exc.format_message()
    if isinstance(exc, UsageProblem):
        detail = exc.msg.render(lang)
    elif isinstance(exc, click_exc.NoSuchOption) and exc.option_name in GLOBAL_OPTIONS:
        sub = exc.ctx.info_name if exc.ctx is not None else "list"
        detail = t("usage_global_option", lang, name=exc.option_name, command=sub)
    elif isinstance(exc, click_exc.NoSuchOption):
        detail = t("usage_no_option", lang, name=exc.option_name)
        if exc.possibilities:
            detail += t("usage_did_you_mean", lang, names=", ".join(sorted(exc.possibilities)))
    elif isinstance(exc, click_exc.MissingParameter):
        name = exc.param.human_readable_name if exc.param is not None else ""
        # An argument's name is the code's ("text"); its metavar, if any, is what help shows.
        name = {"text": "TEXT"}.get(name, name)
        detail = t("usage_missing", lang, name=name)
    elif isinstance(exc, click_exc.BadParameter):
        where = exc.param.opts[0] if exc.param is not None and exc.param.opts else ""
        choices = getattr(exc.param.type, "choices", None) if exc.param is not None else None
        found = _QUOTED.match(exc.message)
        if found and where:
            value = found["value"][1:-1]
            if choices:
                valid = ", ".join(str(getattr(c, "value", c)) for c in choices)
                detail = t("usage_not_choice", lang, option=where, value=value, valid=valid)
            else:
                kind = found["type"]
                kind = t(f"type_{kind}", lang) if kind in ("int", "float") else kind
                detail = t("usage_bad_value", lang, option=where, value=value, type=kind)
        elif where:
            detail = t("usage_bad_option", lang, option=where, problem=exc.message)
    elif isinstance(exc, click_exc.BadOptionUsage) and "requires an argument" in exc.message:
        detail = t("usage_needs_value", lang, option=exc.option_name)
    elif exc.message.startswith("Got unexpected extra argument"):
        extra = exc.message.split(" (", 1)[-1].removesuffix(")")
        detail = t("usage_extra", lang, args=extra)
    elif exc.message.startswith("Missing command"):
        detail = t("usage_missing_command", lang)
    elif exc.message.startswith("No such command"):
        name = exc.message.removeprefix("No such command ").rstrip(".").strip("'\"")
        detail = t("usage_no_command", lang, name=name)
    if exc.ctx is not None:
        command = exc.ctx.command_path
    return t("usage_error", lang, problem=detail, help=f"{command} -h")


def format_choice(names: list[str]) -> Any:
    """``--format``'s choices: the formats the output pipeline has writers for."""
    return TyperChoice(names)
