"""The Click classes every iprcheck command is built from, extended where Click documents it.

``Command`` and ``Group`` subclass Typer's ``TyperCommand`` and ``TyperGroup`` and override only
methods Click documents for subclasses:

* ``__init__`` adds the global options (``options.global_options``), so that they are taken
  after the command too, by the command's own parser;
* ``parse_args`` refuses, in the user's language, what Click would word in English or read
  wrongly: an option typed with one hyphen or an input method's dash (``-note``, ``—note``),
  and arguments left over;
* ``resolve_command`` (groups) names an unknown command, and the one meant;
* ``format_usage`` and ``format_help`` write the help in the user's language, laid out by the
  one wrapping rule (``help.py``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from difflib import get_close_matches
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from .options import global_options
from .state import state_of
from .usage import DASHES, UsageProblem, check_dashes


def _with_globals(params: list[Any] | None, *, root: bool = False) -> list[Any]:
    """A command's parameters and the global options; the root's help lists these first."""
    own = [o for p in params or [] for o in p.opts]
    shared = global_options(root=root, taken=own)
    return [*shared, *(params or [])] if root else [*(params or []), *shared]


class _InTheUsersLanguage:
    """Usage and help in the user's language, laid out by ``help.py`` (imported only when help
    is shown: its pages are read for nothing else)."""

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        from .help import usage

        formatter.write(usage(self, ctx, state_of(ctx).lang) + "\n")

    def format_help(self, ctx: Any, formatter: Any) -> None:
        from .help import page

        formatter.write(page(self, ctx, state_of(ctx).lang, formatter.width))


class Command(_InTheUsersLanguage, TyperCommand):
    """One iprcheck command (``list``, ``mark``…)."""

    # Left-over arguments are refused by parse_args below, in the user's language.
    allow_extra_args = True

    def __init__(self, name: str | None, *, params: list[Any] | None = None, **attrs: Any):
        super().__init__(name, params=_with_globals(params), **attrs)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        with naming(ctx):
            check_dashes(args, self.get_params(ctx))
            rest = super().parse_args(ctx, args)
            if rest and not ctx.resilient_parsing:
                raise UsageProblem("usage_extra", args=" ".join(rest))
        return rest


class Group(_InTheUsersLanguage, TyperGroup):
    """A command with commands of its own (``config``), and the root."""

    is_root = False  # the root takes the global options as its own, and shows them

    def __init__(self, *, params: list[Any] | None = None, **attrs: Any) -> None:
        super().__init__(params=_with_globals(params, root=self.is_root), **attrs)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        with naming(ctx):
            # Only up to the command: what follows is the command's to read.
            check_dashes(args[: _command_at(args, self, ctx)], self.get_params(ctx))
            return super().parse_args(ctx, args)

    def resolve_command(self, ctx: Any, args: list[str]) -> tuple[str | None, Any, list[str]]:
        name = args[0] if args else ""
        known = self.list_commands(ctx)
        with naming(ctx):
            if name not in known and not name.startswith("-"):
                like = get_close_matches(name, known, n=1)
                if like:
                    raise UsageProblem("usage_no_command_like", name=name, like=like[0])
                raise UsageProblem("usage_no_command", name=name)
            return super().resolve_command(ctx, args)


@contextmanager
def naming(ctx: Any) -> Iterator[None]:
    """A usage error raised while ``ctx``'s arguments are parsed names its command, as Click's
    own ``augment_usage_errors`` does for the errors of a parameter: its help is the one to
    point to (``iprcheck mark -h``), and its parameters say what an option is."""
    try:
        yield
    except typer.TyperException as exc:
        if getattr(exc, "ctx", None) is None:
            exc.ctx = ctx  # type: ignore[attr-defined]  # every usage error has one
        raise


def _command_at(args: list[str], group: Group, ctx: Any) -> int:
    """Where the command's name stands in ``args``: after the group's own options, and after
    anything typed as an option (``—lang zh``)."""
    takes_value = {
        o for p in group.get_params(ctx) if not getattr(p, "is_flag", True) for o in p.opts
    }
    i = 0
    while i < len(args):
        arg = args[i]
        if not arg.startswith(("-", *DASHES)) or arg == "--":
            return i
        i += 2 if arg in takes_value else 1
    return i
