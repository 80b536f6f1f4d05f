"""The command line: parse, call the library, render. Logic lives in the other modules."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer._click import exceptions as click_exc
from typer.core import TyperGroup

from . import __version__
from .errors import IprcheckError, Msg
from .i18n import detect_lang

if TYPE_CHECKING:
    from datetime import date

    from .applicability import Profile
    from .catalog import Catalog
    from .ledger import Ledger


class Lang(StrEnum):
    zh = "zh"
    en = "en"


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class ActorChoice(StrEnum):
    national = "national"
    province = "province"


class RequirementChoice(StrEnum):
    mandatory = "mandatory"
    optional = "optional"


class UsageProblem(typer.BadParameter):
    """A usage error of ours, put into words in the user's language when shown (exit code 2)."""

    def __init__(self, key: str, /, **params: object) -> None:
        super().__init__(key)
        self.msg = Msg(key, **params)


class _OneLine(click_exc.UsageError):
    """Click's usage error (usage, a hint, then the message: four lines, always English) as one
    line on stderr in the user's language, still exit code 2."""

    def __init__(self, line: str) -> None:
        super().__init__(line)
        self.line = line

    def show(self, file: Any = None) -> None:
        typer.echo(self.line, err=True)


def _lang_in(args: list[str]) -> str:
    """The language a command line asks for, before Click has parsed it."""
    chosen = None
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            chosen = args[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg.removeprefix("--lang=")
    return detect_lang(chosen)


def _lang_of(ctx: typer.Context) -> str:
    state = ctx.find_object(State)
    if state is not None:
        return state.lang
    chosen = ctx.find_root().params.get("lang")  # not yet an enum before the callback runs
    return detect_lang(str(getattr(chosen, "value", chosen)) if chosen else None)


_QUOTED = re.compile(r"^(?P<value>'.*'|\".*\") is not (?:one of |a valid (?P<type>[\w ]+)\.)")


# Options of iprcheck itself, which go before the command: `iprcheck --ledger x.jsonl list`.
GLOBAL_OPTIONS = ("--tasks", "--ledger", "--lang", "--version")


def usage_line(exc: click_exc.UsageError, lang: str, command: str = "iprcheck") -> str:
    """One line for a usage error: what is wrong, and where the help is."""
    from .i18n import t

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


class _Group(TyperGroup):
    """The one error boundary: a domain error becomes one line on stderr and exit code 1; a
    usage error, one line and exit code 2."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any
    ) -> Any:
        given = list(args)  # parsing consumes the list
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click_exc.UsageError as exc:  # the global options: --lang fr, --tasks alone
            if isinstance(exc, click_exc.NoArgsIsHelpError | _OneLine):
                raise
            raise _OneLine(usage_line(exc, _lang_in(given))) from None

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except IprcheckError as exc:
            typer.echo(exc.render(_lang_of(ctx)), err=True)
            raise typer.Exit(1) from None
        except click_exc.UsageError as exc:
            if isinstance(exc, click_exc.NoArgsIsHelpError | _OneLine):
                raise
            where = " ".join(filter(None, [ctx.command_path, ctx.invoked_subcommand]))
            raise _OneLine(usage_line(exc, _lang_of(ctx), where)) from None
        except BrokenPipeError:
            # `iprcheck list | head` closes the pipe early; that is not an error.
            sys.stderr.close()
            raise typer.Exit(0) from None
        except OSError as exc:
            # A path the system refuses before iprcheck gets to say why (a name too long to
            # even ask whether it is a folder): still one line, and nothing was written yet.
            error = IprcheckError("path_refused", path=exc.filename or "", reason=exc)
            typer.echo(error.render(_lang_of(ctx)), err=True)
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=_Group,
    name="iprcheck",
    help="2020年推动知识产权高质量发展任务清单 — checklist, ledger and reports.\n\n"
    "Example: iprcheck list --province-type pilot",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    add_completion=False,
)


@dataclass
class State:
    lang: str
    tasks: str | None
    ledger: str | None

    @cached_property
    def catalog(self) -> Catalog:
        from .catalog import load

        return load(self.tasks)

    @cached_property
    def current_ledger(self) -> Ledger | None:
        """The ledger in effect, checked against the task list; None where there is none."""
        from .ledger import open_for_reading

        return open_for_reading(self.ledger, self.catalog)

    def require_ledger(self) -> Ledger:
        from .ledger import LedgerError, resolve

        if self.current_ledger is None:
            raise LedgerError("ledger_missing", path=str(resolve(self.ledger)))
        return self.current_ledger


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
    # Without --lang before the command, a misplaced one still says which language the error
    # about it should be in (`iprcheck list -h --lang zh`).
    chosen = detect_lang(lang.value) if lang else _lang_in(sys.argv[1:])
    ctx.obj = State(chosen, tasks, ledger)


def state_of(ctx: typer.Context) -> State:
    state = ctx.find_object(State)
    assert state is not None
    return state


def _profile(types: list[str] | None) -> Profile | None:
    from .applicability import Profile

    return Profile.of(types) if types else None


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def day(value: str | None) -> date | None:
    """A day given on the command line: YYYY-MM-DD only (Python also takes "20201031", which
    reads like a number), and in the years a ledger holds, where report arithmetic is safe."""
    from datetime import date

    if value is None:
        return None
    try:
        if not _DAY.fullmatch(value):
            raise ValueError
        when = date.fromisoformat(value)
    except ValueError:
        raise IprcheckError("bad_date", value=value) from None
    if not 1970 <= when.year <= 2199:
        raise IprcheckError("date_out_of_range", value=value)
    return when


def _out(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


ProvinceTypeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--province-type",
        "-p",
        metavar="TYPE",
        help="Province type, repeatable; types combine as one province's profile: all, involved, "
        "pilot, pilot-leading, pilot-supporting, pilot-featured (or 试点省, 引领型…). 省份类型",
    ),
]


@app.command()
def validate(
    ctx: typer.Context,
    file: Annotated[
        str | None, typer.Argument(help="Task list YAML (default: --tasks, else the bundled list).")
    ] = None,
) -> None:
    """Check a task list against the schema; print every located problem.

    Example: iprcheck validate my_tasks.yaml
    """
    from .catalog import read_source
    from .catalog import validate as check
    from .i18n import t
    from .models import Actor, obligations

    state = state_of(ctx)
    source = read_source(file if file is not None else state.tasks)
    task_list = check(source)
    obs = obligations(task_list)
    national = sum(o.actor is Actor.NATIONAL for o in obs)
    typer.echo(
        t(
            "validate_ok",
            state.lang,
            path=source.name,
            sections=len(task_list.sections),
            tasks=sum(len(s.tasks) for s in task_list.sections),
            measures=len(obs),
            national=national,
            province=len(obs) - national,
        )
    )


@app.command("list")
def list_(
    ctx: typer.Context,
    province_type: ProvinceTypeOpt = None,
    section: Annotated[
        list[int] | None,
        typer.Option("--section", "-s", metavar="N", help="Section number, repeatable. 部分"),
    ] = None,
    task: Annotated[
        list[int] | None,
        typer.Option("--task", "-t", metavar="N", help="Task number, repeatable. 任务"),
    ] = None,
    department: Annotated[
        list[str] | None,
        typer.Option(
            "--department",
            "-d",
            metavar="DEPT",
            help="Executing department of the national office, e.g. 保护司. 执行部门",
        ),
    ] = None,
    actor: Annotated[
        ActorChoice | None, typer.Option("--actor", help="national or province. 执行主体")
    ] = None,
    requirement: Annotated[
        RequirementChoice | None,
        typer.Option(
            "--requirement", "-r", help="mandatory or optional (needs a profile). 必做/选做"
        ),
    ] = None,
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ListFormat.table,
    full: Annotated[
        bool, typer.Option("--full", help="Show each measure's whole text in the table.")
    ] = False,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            metavar="STATUS",
            help="Status in the ledger, repeatable (done, 已完成…). 状态",
        ),
    ] = None,
    owner: Annotated[
        list[str] | None,
        typer.Option("--owner", metavar="DIVISION", help="Responsible division. 责任处室"),
    ] = None,
) -> None:
    """List obligations, filtered by province type and more.

    With a ledger here, its profile and statuses apply; --province-type overrides the profile.

    Example: iprcheck list --province-type pilot --section 1
    """
    from .applicability import Filters, listing
    from .ledger import parse_status
    from .models import Actor, Requirement
    from .records import records

    state = state_of(ctx)
    filters = Filters(
        sections=section or (),
        tasks=task or (),
        departments=department or (),
        actor=Actor(actor.value) if actor else None,
        requirement=Requirement(requirement.value) if requirement else None,
        statuses=tuple(parse_status(s) for s in status or ()),
        owners=tuple(owner or ()),
    )
    override = _profile(province_type)
    profile, chosen, tracking = listing(state.catalog, state.current_ledger, override, filters)
    if fmt is ListFormat.table:
        from rich.text import Text

        from .i18n import t
        from .render import console, emit, list_table, profile_line

        done = t("count_listed", state.lang, count=len(chosen))
        parts = [
            Text(profile_line(profile, state.lang, state.current_ledger), style="dim"),
            list_table(chosen, tracking, state.lang, full=full),
            Text(done if chosen else t("no_match", state.lang), style="dim"),
        ]
        emit(parts, console())
        return
    from . import render

    rows = records(chosen, tracking)
    if fmt is ListFormat.json:
        _out(render.to_json(rows))
    elif fmt is ListFormat.csv:
        _out(render.to_csv(rows))
    else:
        _out(render.to_markdown(rows, state.lang))


@app.command()
def show(
    ctx: typer.Context,
    ident: Annotated[
        str, typer.Argument(metavar="ID", help="Task number (6) or obligation id (6.2).")
    ],
    province_type: ProvinceTypeOpt = None,
) -> None:
    """Show a whole task: every measure, its rule, departments, targets.

    Example: iprcheck show 6.2
    """
    from .applicability import find_task
    from .render import console, emit, task_page

    state = state_of(ctx)
    task, focus = find_task(state.catalog, ident)
    led = state.current_ledger
    profile = _profile(province_type) or (led.profile if led else None)
    tracking = led.state() if led else {}
    emit(task_page(state.catalog, task, profile, tracking, state.lang, focus), console())


@app.command()
def search(
    ctx: typer.Context,
    text: Annotated[
        str, typer.Argument(help="Text to find (Chinese substrings work), e.g. 地理标志.")
    ],
) -> None:
    """Find text in titles and measures; matches are highlighted.

    Example: iprcheck search 地理标志
    """
    from rich.text import Text

    from .i18n import t
    from .render import console, emit, search_grid, search_hits

    state = state_of(ctx)
    if not text.strip():  # "" is in every text: it would print the whole list
        raise UsageProblem("search_empty")
    hits = search_hits(state.catalog, text)
    out = console()
    if not hits:
        out.print(t("search_none", state.lang, query=text))
        raise typer.Exit(1)
    count = Text(t("search_count", state.lang, count=len(hits), query=text), style="dim")
    emit([search_grid(hits, text), count], out)


def main() -> None:
    args = sys.argv[1:]
    name = _invoked_command(args)
    everything = app.registered_commands
    if name is not None:
        # Typer builds every command's parameters before running one (~1 ms each): build only
        # the command that runs. Help for the whole app still sees them all.
        app.registered_commands = [c for c in everything if _name_of(c) == name]
    try:
        if not args or "-h" in args or "--help" in args:
            _help(args)
        else:
            app(prog_name="iprcheck")
    finally:
        app.registered_commands = everything  # for a second call in the same process


def _help(args: list[str]) -> None:
    """Help, laid out by display width and, for a Chinese user, in Chinese."""
    from typer.main import get_command

    from . import helptext

    command = get_command(app)
    chinese = _lang_in(args) == "zh"
    if chinese:
        helptext.translate(command)
    with helptext.laid_out(chinese=chinese):
        command(args, prog_name="iprcheck")


_GLOBAL_WITH_VALUE = {"--tasks", "--ledger", "--lang"}


def _invoked_command(args: list[str]) -> str | None:
    """The subcommand a command line runs, or None when that is not plain to see."""
    names = {_name_of(c) for c in app.registered_commands}
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in _GLOBAL_WITH_VALUE:
            skip = True
        elif arg.startswith("-"):
            if arg.split("=", 1)[0] not in _GLOBAL_WITH_VALUE:
                return None  # --help, --version, or an option we do not know: build everything
        else:
            return arg if arg in names else None
    return None


def _name_of(info: Any) -> str:
    return str(info.name or info.callback.__name__.replace("_", "-"))


# The ledger, report and rollup commands register themselves on ``app``.
from . import cli_ledger, cli_report, cli_rollup  # noqa: E402, F401
