"""Report commands: report and check. Parse, build the Report, hand it to the output pipeline.

Help lists every command, so a command module imports at its top only what its options need;
each command imports the library it uses when it runs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import IprcheckError
from ..output import Format, Subject, check_output, deliver, guess, parse_format
from .app import Commands, State, state_of, written
from .exits import Exit
from .options import (
    AsOfOpt,
    ForceOpt,
    OutputOpt,
    ProvinceTypeOpt,
    as_of,
    day,
    format_option,
    profile,
)

if TYPE_CHECKING:
    from ..reports.report import Report

commands = Commands()


def _build(
    state: State,
    when: str | None,
    province_type: list[str] | None,
    *,
    since: str | None = None,
    within: int = 14,
    owners: list[str] | None = None,
) -> Report:
    from ..ledger import resolve
    from ..reports.report import build

    override = profile(province_type, state.catalog.categories)
    led = state.current_ledger
    if led is None and override is None:
        raise IprcheckError("report_needs_ledger", path=str(resolve(state.ledger)))
    return build(
        state.catalog,
        led,
        as_of(when),
        override,
        since=day(since),
        within=within,
        owners=tuple(owners or ()),
    )


@commands.command("report")
def report(
    ctx: typer.Context,
    fmt: Annotated[
        str | None,
        format_option(
            Subject.REPORT,
            "Output format (default: from the --output file's extension, else terminal). 格式",
        ),
    ] = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    as_of_: AsOfOpt = None,
    province_type: ProvinceTypeOpt = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE",
            help="Also list the changes recorded after this day (本期进展). 自何日起",
        ),
    ] = None,
    within: Annotated[
        int,
        typer.Option(
            "--within", metavar="DAYS", min=0, help="Due within this many days: listed. 临近时限"
        ),
    ] = 14,
    owner: Annotated[
        list[str] | None,
        typer.Option("--owner", metavar="DIVISION", help="Only this division's items. 责任处室"),
    ] = None,
) -> None:
    """Where the province stands: progress, what needs attention, the ledger's own problems.

    Without a ledger, --province-type previews a profile's obligations, all to do; with one,
    it overrides the ledger's profile, as in list.

    Example: iprcheck report --format xlsx --output 台账.xlsx
    """
    state = state_of(ctx)
    if output is not None:
        check_output(output, force=force)  # before any work
    chosen = parse_format(fmt) if fmt else guess(output)
    rep = _build(state, as_of_, province_type, since=since, within=within, owners=owner)
    deliver(
        Subject.REPORT, chosen, rep, state.lang, output=output, force=force, written=written(state)
    )


@commands.command("check")
def check(
    ctx: typer.Context,
    as_of_: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            help="Check as of the end of this day, YYYY-MM-DD (default: today). 截至日期",
        ),
    ] = None,
) -> None:
    """Check the ledger: errors (exit code 1) and warnings (exit code 0).

    Errors: done without evidence, blocked without a note, a mandatory obligation waived without
    a reason. Warnings: an open mandatory obligation with no owner, an internal due date later
    than the list's.

    Example: iprcheck check && iprcheck report --output report.html
    """
    from ..reports.report import build

    state = state_of(ctx)
    rep = build(state.catalog, state.require_ledger(), as_of(as_of_))
    deliver(Subject.CHECK, Format.TEXT, rep, state.lang)
    if rep.errors:
        raise typer.Exit(Exit.ERROR)
