"""Catalog commands: validate, list, show, search. Parse, call the library, hand the result to
the output pipeline.

Help lists every command, so a command module imports at its top only what its options need;
each command imports the library it uses when it runs.
"""

from __future__ import annotations

from typing import Annotated

import typer

from ..i18n import t
from ..output import Format, Subject, deliver, parse_format
from ..vocab import Actor, Requirement
from .app import Commands, say, state_of
from .options import ProvinceTypeOpt, format_option, profile
from .usage import UsageProblem

commands = Commands()


@commands.command("validate")
def validate(
    ctx: typer.Context,
    file: Annotated[
        str | None, typer.Argument(help="Task list YAML (default: --tasks, else the bundled list).")
    ] = None,
) -> None:
    """Check a task list against the schema; print every located problem.

    Example: iprcheck validate my_tasks.yaml
    """
    from ..tasklist import read_source
    from ..tasklist.model import obligations
    from ..tasklist.validate import validate as check  # PyYAML and pydantic: here only

    state = state_of(ctx)
    source = read_source(file if file is not None else state.tasks)
    task_list = check(source)
    obs = obligations(task_list)
    national = sum(o.actor is Actor.NATIONAL for o in obs)
    say(
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


@commands.command("list")
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
        Actor | None, typer.Option("--actor", help="national or province. 执行主体")
    ] = None,
    requirement: Annotated[
        Requirement | None,
        typer.Option(
            "--requirement", "-r", help="mandatory or optional (needs a profile). 必做/选做"
        ),
    ] = None,
    fmt: Annotated[
        str,
        format_option(Subject.LISTING, "Output format."),
    ] = "table",
    full: Annotated[
        bool, typer.Option("--full", help="Show each measure's whole text in the table.")
    ] = False,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            metavar="STATUS",
            help="Status in the ledger, repeatable (done, 已完成…; 未完成: all open). 状态",
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
    from ..obligations import Filters, listing, statuses_named
    from ..output.listing import Listing

    state = state_of(ctx)
    filters = Filters(
        sections=tuple(section or ()),
        tasks=tuple(task or ()),
        departments=tuple(department or ()),
        actor=actor,
        requirement=requirement,
        statuses=statuses_named(status or ()),
        owners=tuple(owner or ()),
    )
    led = state.current_ledger
    tracked = (led.profile, led.entries(state.catalog), led.state()) if led else None
    whose, chosen = listing(
        state.catalog, profile(province_type, state.catalog.categories), filters, tracked=tracked
    )
    h = led.header if led else None
    view = Listing(
        chosen,
        whose,
        province=h.province if h else None,
        national=h.national if h else False,
        department=h.department if h else None,
        full=full,
    )
    deliver(Subject.LISTING, parse_format(fmt), view, state.lang)


@commands.command("show")
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
    from ..obligations import find_task
    from ..output.taskpage import TaskPage

    state = state_of(ctx)
    task, focus = find_task(state.catalog, ident)
    section = next(s for s in state.catalog.task_list.sections if task in s.tasks)
    led = state.current_ledger
    chosen = profile(province_type, state.catalog.categories) or (led.profile if led else None)
    tracking = led.state() if led else {}
    page = TaskPage(task, section, chosen, tracking, focus)
    deliver(Subject.TASK, Format.TEXT, page, state.lang)


@commands.command("search")
def search_(
    ctx: typer.Context,
    text: Annotated[
        str, typer.Argument(help="Text to find (Chinese substrings work), e.g. 地理标志.")
    ],
) -> None:
    """Find text in titles and measures; matches are highlighted.

    Example: iprcheck search 地理标志
    """
    from ..obligations import search
    from ..output.taskpage import SearchHits

    state = state_of(ctx)
    if not text.strip():  # "" is in every text: it would print the whole list
        raise UsageProblem("search_empty")
    hits = search(state.catalog, text)
    if not hits:
        say(t("search_none", state.lang, query=text))
        raise typer.Exit(1)
    deliver(Subject.SEARCH, Format.TEXT, SearchHits(text, hits), state.lang)
