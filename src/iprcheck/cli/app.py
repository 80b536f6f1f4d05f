"""The application: its commands, loaded lazily, and the one error boundary.

Commands live one group to a module (``catalog_cmds``, ``ledger_cmds``, ``import_cmd``,
``report_cmds``, ``rollup_cmd``, ``config_cmd``) and are registered here, in ``COMMANDS``. The
root group imports a command's module only when that command runs, the way Click documents
"lazily loading subcommands" (``get_command``, ``list_commands``), so ``iprcheck list`` never
builds, or imports, what ``rollup`` needs. Help lists them all.

The root's ``main`` is the one error boundary: it runs the command line as Click documents for
handling errors yourself (``standalone_mode=False``), and a domain error becomes one line on
stderr and exit code 1, a usage error one line and exit code 2, each in the user's language.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from typing import Annotated, Any, TypeVar

import typer

from .. import __version__
from ..errors import IprcheckError
from ..i18n import t
from .command import Command, Group
from .exits import Exit
from .state import State, cut_warning, listed, say, state_of, written
from .usage import UsageProblem, problem_line

__all__ = [
    "COMMANDS",
    "Commands",
    "State",
    "app",
    "cut_warning",
    "listed",
    "main",
    "say",
    "state_of",
    "written",
]

# name -> the module that defines it. Help lists the everyday ones first (help.EVERYDAY).
COMMANDS: dict[str, str] = {
    "init": "ledger_cmds",
    "mark": "ledger_cmds",
    "report": "report_cmds",
    "import": "import_cmd",
    "assign": "ledger_cmds",
    "check": "report_cmds",
    "list": "catalog_cmds",
    "show": "catalog_cmds",
    "search": "catalog_cmds",
    "history": "ledger_cmds",
    "undo": "ledger_cmds",
    "profile": "ledger_cmds",
    "merge": "ledger_cmds",
    "rollup": "rollup_cmd",
    "upgrade": "ledger_cmds",
    "config": "config_cmd",
    "lists": "lists_cmd",
    "validate": "catalog_cmds",
}


F = TypeVar("F", bound=Callable[..., None])


class Commands:
    """A module's commands, built one at a time: ``Commands.build(name)`` makes the Click
    command of just that one, with Typer's own API. A group of commands (``config``) is a
    ``typer.Typer(cls=Group)`` whose commands are made with ``cls=Command``."""

    def __init__(self) -> None:
        self._functions: dict[str, Callable[..., None]] = {}
        self._groups: dict[str, typer.Typer] = {}

    def group(self, name: str, commands: typer.Typer) -> None:
        """A command with commands of its own (``config set``, ``config get``…)."""
        self._groups[name] = commands

    def command(self, name: str) -> Callable[[F], F]:
        def register(function: F) -> F:
            self._functions[name] = function
            return function

        return register

    def build(self, name: str) -> Any:
        if name in self._groups:
            group = typer.main.get_command(self._groups[name])
            group.name = name
            return group
        one = typer.Typer(
            add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False
        )
        one.command(name, cls=Command)(self._functions[name])
        return typer.main.get_command(one)


class Root(Group):
    """iprcheck itself: its commands, each loaded when asked for; and the error boundary."""

    is_root = True

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, name: str) -> Any:
        module = COMMANDS.get(name)
        if module is None:
            return None
        commands: Commands = import_module(f"{__package__}.{module}").commands
        return commands.build(name)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Run the command line; every error is one line in the user's language. No arguments
        at all is a request for help."""
        given = list(sys.argv[1:] if args is None else args)
        if not given:
            args = ["--help"]
        state = State.start(given)
        extra.setdefault("obj", state)
        run = super().main
        if not standalone_mode:
            return run(args, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            code = run(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except typer.TyperException as exc:  # the parser's errors, and our UsageProblem
            say(problem_line(exc, state.lang), err=True)
            code = exc.exit_code
        except IprcheckError as exc:
            say(exc.render(state.lang), err=True)
            code = Exit.ERROR
        except typer.Abort:  # Ctrl-D at a prompt
            say(t("aborted", state.lang), err=True)
            code = Exit.ERROR
        except OSError as exc:
            # A path the system refuses before iprcheck gets to say why (a name too long to
            # even ask whether it is a folder): still one line, and nothing was written yet.
            error = IprcheckError("path_refused", path=exc.filename or "", reason=exc)
            say(error.render(state.lang), err=True)
            code = Exit.ERROR
        sys.exit(code if isinstance(code, int) else Exit.OK)


app = typer.Typer(
    cls=Root,
    name="iprcheck",
    help="2020年推动知识产权高质量发展任务清单 — checklist, ledger and reports.\n\n"
    "Example: iprcheck list --province-type pilot",
    context_settings={"help_option_names": ["-h", "--help"]},
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"iprcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    state = state_of(ctx)
    if ctx.invoked_subcommand is None:  # options, but no command: `iprcheck --lang zh`
        raise UsageProblem("usage_missing_command")
    if state.problem is not None:  # a damaged settings file
        raise state.problem


def main() -> None:
    _utf8_pipes()
    app(prog_name="iprcheck")


def _utf8_pipes() -> None:
    """Output into a file or a pipe is UTF-8 whatever the console's code page (a Chinese
    Windows pipe would be GBK, which lacks ░, •, ▶ and the BOM). A console itself is written
    as the platform writes consoles."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and not stream.isatty():
            reconfigure(encoding="utf-8")
