"""The application: its global options, the one error boundary, and commands loaded lazily.

Commands live one group to a module (``catalog_cmds``, ``ledger_cmds``, ``import_cmd``,
``report_cmds``, ``rollup_cmd``) and are registered here, in ``COMMANDS``. The root group
imports a command's module only when that command runs (the way Click documents "lazily
loading subcommands"), so ``iprcheck list`` never builds, or imports, what ``rollup`` needs.
Help lists them all.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import cached_property
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from typer.core import TyperGroup

from .. import __version__
from ..errors import IprcheckError
from ..i18n import detect_lang, t
from ..output.guards import shown
from .exits import Exit
from .options import Lang
from .usage import NoArgsIsHelp, OneLine, UsageError, UsageProblem, lang_in, lang_typed, usage_line

if TYPE_CHECKING:
    from ..ledger import Ledger
    from ..tasklist import Catalog

# name -> the module that defines it, in the order help lists them.
COMMANDS: dict[str, str] = {
    "validate": "catalog_cmds",
    "list": "catalog_cmds",
    "show": "catalog_cmds",
    "search": "catalog_cmds",
    "lists": "lists_cmd",
    "init": "ledger_cmds",
    "mark": "ledger_cmds",
    "history": "ledger_cmds",
    "undo": "ledger_cmds",
    "assign": "ledger_cmds",
    "merge": "ledger_cmds",
    "profile": "ledger_cmds",
    "upgrade": "ledger_cmds",
    "import": "import_cmd",
    "report": "report_cmds",
    "check": "report_cmds",
    "rollup": "rollup_cmd",
    "config": "config_cmd",
}


F = TypeVar("F", bound=Callable[..., None])


class Commands:
    """A module's commands, built one at a time: ``Commands.build(name)`` makes the Click
    command of just that one, with Typer's own API."""

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
        one.command(name)(self._functions[name])
        return typer.main.get_command(one)


class LazyGroup(TyperGroup):
    """The root command. Loads each command when asked for it, and is the one error boundary:
    a domain error becomes one line on stderr and exit code 1; a usage error one line and 2."""

    # Help in Chinese translates each command as it is built (``help.translate``).
    on_build: Any = None

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, name: str) -> Any:
        module = COMMANDS.get(name)
        if module is None:
            return None
        commands: Commands = import_module(f"{__package__}.{module}").commands
        built = commands.build(name)
        if self.on_build is not None:
            self.on_build(name, built)
        return built

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """The command named, with two kindnesses before it is parsed: the global options
        (``--lang``, ``--ledger``, ``--tasks``) are taken wherever they stand, also after the
        command (``iprcheck list --lang zh``); and an option typed with one hyphen or an input
        method's dash (``-note``, ``—note``) is named, with the option meant."""
        name = args[0] if args else ""
        if name not in COMMANDS and not name.startswith("-"):
            from difflib import get_close_matches

            like = get_close_matches(name, list(COMMANDS), n=1)
            if like:
                raise UsageProblem("usage_no_command_like", name=name, like=like[0])
            raise UsageProblem("usage_no_command", name=name)
        cmd_name, cmd, rest = super().resolve_command(ctx, args)
        if cmd is not None:
            rest = lift_globals(ctx, cmd, rest)
        return cmd_name, cmd, rest

    def make_context(
        self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any
    ) -> Any:
        given = list(args)  # parsing consumes the list
        try:
            return super().make_context(info_name, args, parent, **extra)
        except UsageError as exc:  # the global options: --lang fr, --tasks alone
            if isinstance(exc, NoArgsIsHelp | OneLine):
                raise
            raise OneLine(usage_line(exc, lang_in(given))) from None

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except IprcheckError as exc:
            say(exc.render(_lang_of(ctx)), err=True)
            raise typer.Exit(Exit.ERROR) from None
        except UsageError as exc:
            if isinstance(exc, NoArgsIsHelp | OneLine):
                raise
            where = " ".join(filter(None, [ctx.command_path, ctx.invoked_subcommand]))
            raise OneLine(usage_line(exc, _lang_of(ctx), where)) from None
        except BrokenPipeError:
            # `iprcheck list | head` closes the pipe early; that is not an error.
            sys.stderr.close()
            raise typer.Exit(Exit.OK) from None
        except OSError as exc:
            # A path the system refuses before iprcheck gets to say why (a name too long to
            # even ask whether it is a folder): still one line, and nothing was written yet.
            error = IprcheckError("path_refused", path=exc.filename or "", reason=exc)
            say(error.render(_lang_of(ctx)), err=True)
            raise typer.Exit(Exit.ERROR) from None


_GLOBAL_VALUES = ("--tasks", "--ledger", "--lang")
_DASHES = ("—", "–", "－", "―", "⸺")  # an input method's dashes, in place of --


def lift_globals(ctx: Any, cmd: Any, rest: list[str]) -> list[str]:
    """``rest`` without the global options in it, which go into the root's parameters (a
    value given after the command wins over one before it); and a misspelt option named."""
    takes_value = {
        opt for p in cmd.params if not getattr(p, "is_flag", False) for opt in p.opts
    } - {o for p in cmd.params if p.param_type_name == "argument" for o in p.opts}
    longs = {opt for p in cmd.params for opt in p.opts if opt.startswith("--")}
    longs |= set(_GLOBAL_VALUES)
    kept: list[str] = []
    i = 0
    while i < len(rest):
        arg = rest[i]
        if arg == "--":
            kept += rest[i:]
            break
        name, eq, value = arg.partition("=")
        if name in _GLOBAL_VALUES and name not in longs - set(_GLOBAL_VALUES):
            if not eq:
                if i + 1 >= len(rest):
                    raise UsageProblem("usage_needs_value", option=name)
                value = rest[i + 1]
                i += 1
            _set_global(ctx, name, value)
            i += 1
            continue
        _check_dash(arg, longs)
        kept.append(arg)
        if arg in takes_value and i + 1 < len(rest):
            kept.append(rest[i + 1])
            i += 1
        i += 1
    return kept


def _set_global(ctx: Any, name: str, value: str) -> None:
    if name == "--lang":
        try:
            ctx.params["lang"] = Lang(value)
        except ValueError:
            raise UsageProblem(
                "usage_not_choice", option="--lang", value=value, valid="zh, en"
            ) from None
    else:
        ctx.params[name.removeprefix("--")] = value


def _check_dash(arg: str, longs: set[str]) -> None:
    """``-note`` (one hyphen: Click would read it as ``-n ote``) and ``—note`` (an input
    method's dash) name the option meant, where there is one."""
    bare = arg.partition("=")[0]
    for dash in (*_DASHES, "-"):
        if bare.startswith(dash) and not bare.startswith("--"):
            word = bare.lstrip("".join(_DASHES) + "-")
            if len(word) >= 2 and f"--{word}" in longs:
                raise UsageProblem("usage_dash_option", typed=bare, name=f"--{word}")


def _lang_of(ctx: typer.Context) -> str:
    state = ctx.find_object(State)
    if state is not None:
        return state.lang
    chosen = ctx.find_root().params.get("lang")  # not yet parsed before the callback runs
    return detect_lang(str(getattr(chosen, "value", chosen)) if chosen else None)


class State:
    """What every command shares: the language, the user's settings, and the task list and
    ledger in effect (each read once, when first asked for)."""

    def __init__(
        self, lang: str, tasks: str | None, ledger: str | None, settings: dict[str, str]
    ) -> None:
        self.lang = lang
        self.tasks = tasks
        self.settings = settings
        # --ledger or $IPRCHECK_LEDGER, else the setting, else the current folder.
        self.ledger = ledger or settings.get("ledger")

    def who(self, explicit: str | None) -> str | None:
        """Who records: --by or $IPRCHECK_BY, else the setting (else, later, the login)."""
        return explicit or self.settings.get("by")

    @cached_property
    def catalog(self) -> Catalog:
        """--tasks (a file, or a library list's id or year); else the list the ledger in
        effect tracks; else the bundled list."""
        from ..ledger import resolve
        from ..ledger.binding import catalog_for

        try:
            here: Path | None = resolve(self.ledger)
        except IprcheckError:  # several ledgers in the folder: the command says so
            here = None
        return catalog_for(self.tasks, here if here is not None and here.is_file() else None)

    @cached_property
    def current_ledger(self) -> Ledger | None:
        """The ledger in effect, checked against the task list; None where there is none."""
        from ..ledger import open_for_reading

        ledger = open_for_reading(self.ledger, self.catalog)
        if ledger is not None and ledger.missing:
            say(cut_warning(ledger, self.lang), err=True)
        if ledger is not None and ledger.list_changes:
            ids = ", ".join(ledger.list_changes)
            say(t("ledger_list_changed", self.lang, path=ledger.path, ids=ids), err=True)
        return ledger

    def require_ledger(self) -> Ledger:
        from ..ledger import LedgerError, resolve

        if self.current_ledger is None:
            raise LedgerError("ledger_missing", path=str(resolve(self.ledger)))
        return self.current_ledger


def say(text: str, *, err: bool = False) -> None:
    """A message to the user. What it quotes may come from a file (a province, a note, a
    path), so its control and invisible characters are shown, never obeyed."""
    typer.echo(shown(text), err=err)


def written(state: State) -> Callable[[Path], None]:
    """What a command says once it has written an --output file: on stderr, as every message,
    so that stdout only ever holds what was asked for."""

    def tell(path: Path) -> None:
        say(t("written", state.lang, path=path), err=True)

    return tell


def cut_warning(ledger: Ledger, lang: str) -> str:
    return t(
        "ledger_cut",
        lang,
        path=ledger.path,
        missing=ledger.missing,
        sealed=ledger.header.changes,
        present=ledger.count,
    )


def state_of(ctx: typer.Context) -> State:
    state = ctx.find_object(State)
    assert state is not None
    return state


app = typer.Typer(
    cls=LazyGroup,
    name="iprcheck",
    help="2020年推动知识产权高质量发展任务清单 — checklist, ledger and reports.\n\n"
    "Example: iprcheck list --province-type pilot",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
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
    tasks: Annotated[
        str | None,
        typer.Option(
            "--tasks",
            envvar="IPRCHECK_TASKS",
            metavar="FILE",
            help="Task list YAML to use instead of the bundled 2020 list. 任务清单文件",
        ),
    ] = None,
    ledger: Annotated[
        str | None,
        typer.Option(
            "--ledger",
            envvar="IPRCHECK_LEDGER",
            metavar="PATH",
            help="Ledger file or folder (default: the current folder). 台账位置",
        ),
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang",
            help="Language of labels and messages (default: IPRCHECK_LANG, then the locale). 语言",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    # Given but empty, as `--ledger "$UNSET"` in a script gives: not the current folder.
    # (An empty IPRCHECK_TASKS or IPRCHECK_LEDGER counts as unset, as is usual.)
    for option, value in (("--tasks", tasks), ("--ledger", ledger)):
        if value is not None and not value.strip():
            raise UsageProblem("usage_blank", option=option)
    from .. import config

    settings = config.load()
    # Without --lang before the command, a misplaced one still says which language the error
    # about it should be in (`iprcheck list -h --lang zh`).
    chosen = (
        detect_lang(lang.value)
        if lang
        else detect_lang(lang_typed(sys.argv[1:]), settings.get("lang"))
    )
    ctx.obj = State(chosen, tasks, ledger, settings)


def main() -> None:
    _utf8_pipes()
    args = sys.argv[1:]
    if not args or "-h" in args or "--help" in args:
        from .help import show_help

        show_help(app, args, chinese=lang_in(args) == "zh")
    else:
        app(prog_name="iprcheck")


def _utf8_pipes() -> None:
    """Output into a file or a pipe is UTF-8 whatever the console's code page (a Chinese
    Windows pipe would be GBK, which lacks ░, •, ▶ and the BOM). A console itself is written
    as the platform writes consoles."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and not stream.isatty():
            reconfigure(encoding="utf-8")
