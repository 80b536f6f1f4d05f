"""Usage errors as one line in the user's language, told apart by class and public attributes.

Click words its usage errors in English, on four lines. Typer exports the base of them all
(``typer.TyperException``) and ``typer.BadParameter``; the rest are told apart by the public
attributes Click documents for them: ``option_name`` and ``possibilities`` (no such option),
``option_name`` alone (an option used wrongly), ``param_type`` (a missing parameter), ``param``
and ``ctx``. Nothing here reads Click's English. The errors Click would raise without such
attributes (an extra argument, an unknown command, no command) iprcheck raises first, as its
own ``UsageProblem`` (see ``command.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import typer

from ..errors import Msg
from ..i18n import t


class UsageProblem(typer.BadParameter):
    """A usage error of ours, put into words in the user's language when shown (exit code 2)."""

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.msg = Msg(key, **params)


def not_choice(
    option: str, value: str, valid: Sequence[str], valid_zh: Sequence[str] = ()
) -> UsageProblem:
    """A value that is none of an option's choices, which are listed Chinese first for a
    Chinese reader where there are Chinese words for them."""
    return UsageProblem(
        "usage_not_choice",
        option=option,
        value=value,
        valid=", ".join(valid),
        valid_zh="、".join(valid_zh or valid),
    )


def problem_line(exc: typer.TyperException, lang: str) -> str:
    """The one line to show for an error of the command line's parser."""
    if getattr(exc, "exit_code", 2) != 2:  # not a usage error: Click has no other here
        return exc.format_message()
    command = "iprcheck"
    ctx: Any = getattr(exc, "ctx", None)
    if ctx is not None:
        command = ctx.command_path
    return t("usage_error", lang, problem=_detail(exc, lang), help=f"{command} -h")


def _detail(exc: typer.TyperException, lang: str) -> str:
    if isinstance(exc, UsageProblem):
        return exc.msg.render(lang)
    option = getattr(exc, "option_name", None)
    if option is not None and hasattr(exc, "possibilities"):  # no such option
        detail = t("usage_no_option", lang, name=option)
        like = list(getattr(exc, "possibilities", None) or ())  # the nearest first
        if like:
            detail += t("usage_did_you_mean", lang, names=like[0])
        return detail
    if option is not None:  # an option used wrongly: a value missing, or given to a flag
        flag = _is_flag(getattr(exc, "ctx", None), option)
        return t("usage_flag_value" if flag else "usage_needs_value", lang, option=option)
    if isinstance(exc, typer.BadParameter):
        param: Any = exc.param
        name = param.human_readable_name if param is not None else ""
        if hasattr(exc, "param_type"):  # a parameter that must be given
            return t("usage_missing", lang, name=_name_of(exc.ctx, param, lang))
        return t("usage_bad_option", lang, option=(param.opts or [name])[0] if param else "")
    return exc.format_message()  # none is raised in iprcheck: English, but one line


def _name_of(ctx: Any, param: Any, lang: str) -> str:
    """An argument as its command's help names it: 编号… 状态 in Chinese, ID... STATUS."""
    if param is None:
        return ""
    if lang == "zh" and ctx is not None:
        from ..i18n.help_zh import PARAMS  # the Chinese help, read for this error only
        from .help import key_of

        found = PARAMS.get(f"{key_of(ctx)} {param.name}")
        if found is not None:
            return found[0]
    return str(param.metavar or param.human_readable_name.upper())


def _is_flag(ctx: Any, option: str) -> bool:
    command = ctx.command if ctx is not None else None
    params = command.get_params(ctx) if command is not None else []
    return any(option in p.opts and getattr(p, "is_flag", False) for p in params)


# An input method's dashes, typed in place of --.
DASHES = ("—", "–", "－", "―", "⸺")


def check_dashes(args: Iterable[str], options: Iterable[Any]) -> None:
    """Refuse ``-note`` (one hyphen, which the parser would read as ``-n ote``) and ``—note`` (an
    input method's dash, which it would take for a value), naming the option meant; the value
    of an option is never looked at (``--note -note``)."""
    params = list(options)
    longs = {o for p in params for o in p.opts if o.startswith("--")}
    takes_value = {o for p in params if not getattr(p, "is_flag", True) for o in p.opts}
    words = iter(args)
    for arg in words:
        if arg == "--":
            return
        name = arg.partition("=")[0]
        if name in takes_value and "=" not in arg:
            next(words, None)
            continue
        for dash in (*DASHES, "-"):
            if name.startswith(dash) and not name.startswith("--"):
                word = name.lstrip("".join(DASHES) + "-")
                if len(word) >= 2 and f"--{word}" in longs:
                    raise UsageProblem("usage_dash_option", typed=name, name=f"--{word}")
