"""Ledger commands: init, mark, history, undo, assign, merge. Parse, call the ledger, say what
was done.

Help lists every command, so a command module imports at its top only what its options need;
each command imports the library it uses when it runs.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from ..errors import IprcheckError
from ..i18n import t
from ..output import Subject, deliver, parse_format
from .app import Commands, say, state_of
from .options import ByOpt, ProvinceOpt, ProvinceTypeOpt, day, format_option
from .usage import UsageProblem

commands = Commands()


def _waiting(lang: str) -> Callable[[Path], None]:
    """What a writer says while another holds the ledger."""

    def tell(path: Path) -> None:
        say(t("ledger_waiting", lang, path=path), err=True)

    return tell


def _text(value: str | None, option: str) -> str | None:
    """Text from the command line that can be stored. Bytes that are not UTF-8 in the arguments
    reach Python as lone surrogates, which no UTF-8 file can hold: refuse them here."""
    if value is not None:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise UsageProblem("usage_not_utf8", option=option) from None
    return value


def _evidence(refs: list[str] | None) -> list[str]:
    """Evidence references: each must say something, or check would count "" as evidence."""
    for ref in refs or []:
        _text(ref, "--evidence")
        if not ref.strip():
            raise UsageProblem("usage_blank", option="--evidence")
    return refs or []


def _note(value: str | None) -> str | None:
    """A note of nothing but spaces says nothing: it counts as empty (so a waiver still needs a
    reason, as check expects)."""
    value = _text(value, "--note")
    return "" if value is not None and not value.strip() else value


@commands.command("init")
def init(
    ctx: typer.Context,
    province: ProvinceOpt = None,
    province_type: ProvinceTypeOpt = None,
    national: Annotated[
        bool,
        typer.Option("--national", help="A ledger of the national office's own measures. 国家局"),
    ] = False,
    department: Annotated[
        str | None,
        typer.Option(
            "--department",
            "-d",
            metavar="DEPT",
            help="With --national: one department's measures. 执行部门",
        ),
    ] = None,
    list_: Annotated[
        str | None,
        typer.Option(
            "--list",
            metavar="ID",
            help="The task list to track, from `iprcheck lists` (its id or year). 任务清单",
        ),
    ] = None,
) -> None:
    """Create a ledger for one province's profile (or the national office); never overwrites.

    Example: iprcheck init --province 广东省 --province-type pilot-leading
    """
    from .. import ledger
    from ..ledger.binding import catalog_named
    from ..output.labels import profile_line

    state = state_of(ctx)
    if department is not None and not national:
        raise UsageProblem("usage_department_needs_national")
    if national and (province is not None or province_type):
        raise UsageProblem("usage_national_no_province")
    path = ledger.resolve(state.ledger)
    if list_ is not None and state.tasks:
        raise UsageProblem("usage_list_and_tasks")
    catalog = catalog_named(list_) if list_ is not None else state.catalog
    if province is None and not national and sys.stdin.isatty():
        typed = typer.prompt(t("init_ask_province", state.lang), default="", show_default=False)
        province = typed.strip() or None
    made = ledger.init(
        path,
        catalog,
        province=province,
        types=province_type or [],
        national=national,
        department=department,
        on_wait=_waiting(state.lang),
    )
    owner = made.ledger.header.province or (t("national_office", state.lang) if national else "—")
    if national and department:
        owner += f" {department}"
    say(
        t(
            "init_done",
            state.lang,
            path=path,
            who=owner,
            # A national ledger has no province types: say what it tracks instead.
            profile=t("tracks_measures", state.lang, count=len(made.ledger.entries(catalog)))
            if national
            else profile_line(made.ledger.profile, state.lang),
        )
    )
    if made.ledger.header.province is None and not national:
        say(t("init_no_province", state.lang), err=True)


@commands.command("mark")
def mark(
    ctx: typer.Context,
    args: Annotated[
        list[str],
        typer.Argument(
            metavar="ID... STATUS",
            help="Task numbers (6), ids (9.3), ranges (8-10), then a status: todo, "
            "in-progress, done, blocked, waived (or 未开始 进行中 已完成 受阻 不适用).",
        ),
    ],
    note: Annotated[
        str | None,
        typer.Option("--note", "-n", metavar="TEXT", help="Progress note or reason. 进展情况"),
    ] = None,
    evidence: Annotated[
        list[str] | None,
        typer.Option(
            "--evidence", "-e", metavar="REF", help="Evidence reference, repeatable. 佐证材料"
        ),
    ] = None,
    remove_evidence: Annotated[
        list[str] | None,
        typer.Option(
            "--remove-evidence",
            metavar="REF",
            help="Take a wrong evidence reference away (recorded; undo brings it back).",
        ),
    ] = None,
    by: ByOpt = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would change; record nothing.")
    ] = False,
) -> None:
    """Record the status of obligations; one call is all-or-nothing.

    Example: iprcheck mark 3 4 5.2 in-progress --note "已部署"
    """
    from .. import ledger
    from ..obligations import status_named
    from ..vocab import parse_status, parse_status_filter

    state = state_of(ctx)
    # A Chinese input method's full-width space joins what the user meant as two words.
    args = [word for arg in args for word in arg.split()]
    if len(args) >= 3 and parse_status(" ".join(args[-2:])) is not None:
        args = [*args[:-2], " ".join(args[-2:])]  # mark 6 in progress
    if len(args) < 2:
        raise UsageProblem("usage_mark_args")
    *idents, status = args
    if (
        parse_status_filter(status) is None
        and parse_status(idents[0]) is not None
        and len(idents) >= 1
    ):
        raise UsageProblem(
            "usage_mark_order", ids=" ".join([*idents[1:], status]), status=idents[0]
        )
    refs = _evidence(evidence)
    path = ledger.resolve(state.ledger)
    result = ledger.mark(
        path,
        state.catalog,
        idents,
        status_named(status),
        note=_note(note),
        evidence=refs,
        by=state.who(_text(by, "--by")),
        dry_run=dry_run,
        on_wait=_waiting(state.lang),
        remove_evidence=_evidence(remove_evidence),
    )
    if result.created:
        say(t("init_auto", state.lang, path=path), err=True)
    ids = ", ".join(ev.obligation for ev in result.events)
    word = status_named(status).label(state.lang)
    said = "would_mark" if dry_run else "marked"
    if result.events:
        say(t(said, state.lang, count=len(result.events), ids=ids, status=word))
    if result.unchanged:
        say(t("unchanged", state.lang, ids=", ".join(result.unchanged), status=word))
    blocked = result.unexplained()
    if blocked:
        say(t("blocked_hint", state.lang, ids=", ".join(blocked)), err=True)
    if dry_run:
        for ev in result.events:
            before = ev.before.given().get("status")
            say(f"  {ev.obligation}: {before.label(state.lang) if before else ''} → {word}")
        say(t("dry_run", state.lang))


@commands.command("history")
def history(
    ctx: typer.Context,
    ident: Annotated[
        list[str] | None, typer.Argument(metavar="[ID]...", help="Only these tasks or obligations.")
    ] = None,
    fmt: Annotated[
        str,
        format_option(Subject.HISTORY, "Output format."),
    ] = "table",
) -> None:
    """Every recorded change, oldest first.

    Example: iprcheck history 6
    """
    from .. import ledger
    from ..output.history import History

    state = state_of(ctx)
    led = state.require_ledger()
    events = ledger.history(led, state.catalog, ident or [])
    deliver(Subject.HISTORY, parse_format(fmt), History(events), state.lang)


@commands.command("undo")
def undo(
    ctx: typer.Context,
    by: ByOpt = None,
) -> None:
    """Revert the most recent command; the undo itself is recorded.

    Example: iprcheck undo
    """
    from .. import ledger

    state = state_of(ctx)
    done = ledger.undo(
        ledger.resolve(state.ledger),
        state.catalog,
        by=state.who(_text(by, "--by")),
        on_wait=_waiting(state.lang),
    )
    led, events = done.ledger, done.events
    ids = ", ".join(ev.obligation or t("profile", state.lang) for ev in events)
    say(t("undone", state.lang, count=len(events), ids=ids))
    # The most recent command may be a colleague's (a shared folder, a merged copy): say so.
    undone = next(ev for ev in led.events if ev.command == events[0].undo_of)
    if undone.by != events[0].by:
        when = undone.when.astimezone().strftime("%Y-%m-%d %H:%M")
        say(t("undid_other", state.lang, who=undone.by, when=when), err=True)


@commands.command("assign")
def assign(
    ctx: typer.Context,
    ident: Annotated[
        list[str], typer.Argument(metavar="ID...", help="Tasks, obligation ids or ranges.")
    ],
    owner: Annotated[
        str | None,
        typer.Option(
            "--owner",
            metavar="DIVISION",
            help='Responsible division inside the office ("" clears it). 责任处室',
        ),
    ] = None,
    due: Annotated[
        str | None,
        typer.Option(
            "--due", metavar="DATE", help='Internal deadline, YYYY-MM-DD ("" clears it). 内部时限'
        ),
    ] = None,
    by: ByOpt = None,
) -> None:
    """Give obligations an owner (责任处室) and an internal deadline.

    Example: iprcheck assign 8-10 --owner 运用促进处 --due 2020-10-31
    """
    from .. import ledger

    state = state_of(ctx)
    done = ledger.assign(
        ledger.resolve(state.ledger),
        state.catalog,
        ident,
        owner=_text(owner, "--owner"),
        due="" if due is not None and not due.strip() else day(due),
        by=state.who(_text(by, "--by")),
        on_wait=_waiting(state.lang),
    )
    if done.events:
        ids = ", ".join(ev.obligation for ev in done.events)
        say(t("assigned", state.lang, count=len(done.events), ids=ids))
    if done.unchanged:
        say(t("assign_unchanged", state.lang, ids=", ".join(done.unchanged)))


@commands.command("merge")
def merge(
    ctx: typer.Context,
    other: Annotated[
        str,
        typer.Argument(metavar="PATH", help="Another copy of this ledger (a file, or its folder)."),
    ],
) -> None:
    """Fold in the changes another copy of this ledger has and this one lacks.

    Example: iprcheck merge ~/Downloads/iprcheck-ledger.jsonl
    """
    from .. import ledger

    state = state_of(ctx)
    ours, theirs = ledger.resolve(state.ledger), ledger.resolve(other)
    if not theirs.exists():
        raise IprcheckError("merge_missing", path=str(theirs))
    if ours.exists() and theirs.resolve() == ours.resolve():
        raise IprcheckError("merge_self", path=str(theirs))
    merged = ledger.merge(ours, theirs, state.catalog, on_wait=_waiting(state.lang)).merged
    assert merged is not None
    result = merged
    say(t("merged", state.lang, count=len(result.added), path=other))
    if result.conflicts:
        say(t("merge_conflicts", state.lang, ids=", ".join(result.conflicts)))
    if result.ahead:
        say(t("merge_ahead", state.lang, ids=", ".join(result.ahead)), err=True)


@commands.command("profile")
def profile(
    ctx: typer.Context,
    province: ProvinceOpt = None,
    province_type: ProvinceTypeOpt = None,
    by: ByOpt = None,
) -> None:
    """Show whose ledger this is and what it owes; with options, change it (recorded; undo
    reverts it). A province that becomes a pilot during the year declares it here.

    Example: iprcheck profile --province-type pilot-leading
    """
    from .. import ledger
    from ..output.labels import profile_line

    state = state_of(ctx)
    if province is None and not province_type:
        led = state.require_ledger()
        named = led.province(state.catalog)
        say(profile_line(led.profile, state.lang, province=named, national=led.header.national))
        return
    done = ledger.profile(
        ledger.resolve(state.ledger),
        state.catalog,
        province=_text(province, "--province"),
        types=province_type,
        by=state.who(_text(by, "--by")),
        on_wait=_waiting(state.lang),
    )
    led = done.ledger
    who = profile_line(led.profile, state.lang, province=led.province(state.catalog))
    say(t("profile_changed" if done.events else "profile_unchanged", state.lang, who=who))


@commands.command("upgrade")
def upgrade(
    ctx: typer.Context,
    by: ByOpt = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would change; record nothing.")
    ] = False,
) -> None:
    """Bind the ledger to a corrected task list: show the obligations the correction changed,
    added or removed (their records are kept), and record the new binding; undo reverts it.

    Example: iprcheck --tasks tasks_2020_v2.yaml upgrade --dry-run
    """
    from .. import ledger
    from ..obligations import summary

    state = state_of(ctx)
    done = ledger.upgrade(
        ledger.resolve(state.ledger),
        state.catalog,
        by=state.who(_text(by, "--by")),
        dry_run=dry_run,
        on_wait=_waiting(state.lang),
    )
    if not done.events:
        say(t("upgrade_none", state.lang))
        return
    for oid in done.named:
        obligation = state.catalog.by_id.get(oid)
        what = summary(obligation.measure.text) if obligation else t("upgrade_removed", state.lang)
        say(f"  {oid}  {what}")
    key = "upgrade_would" if dry_run else "upgrade_done"
    say(t(key, state.lang, count=len(done.named)))
