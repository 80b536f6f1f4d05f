"""Report commands: report and check. Parse, call report.py, hand the Report to a view.

Nothing heavy is imported here at module level: ``iprcheck --help`` loads this file.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .cli import ProvinceTypeOpt, State, app, day, state_of
from .errors import IprcheckError
from .exports import Format

if TYPE_CHECKING:
    from .report import Report


def _as_of(value: str | None) -> date:
    return day(value) or date.today()


AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="Report as of the end of this day, YYYY-MM-DD (default: today). 截至日期",
    ),
]


def _build(state: State, as_of: str | None, province_type: list[str] | None) -> Report:
    from .applicability import Profile
    from .ledger import resolve
    from .report import build

    override = Profile.of(province_type) if province_type else None
    led = state.current_ledger
    if led is None and override is None:
        raise IprcheckError("report_needs_ledger", path=str(resolve(state.ledger)))
    return build(state.catalog, led, _as_of(as_of), override)


@app.command()
def report(
    ctx: typer.Context,
    fmt: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format (default: from the --output file's extension, else terminal). 格式",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to this file instead of the screen. 输出文件",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the --output file if it exists.")
    ] = False,
    as_of: AsOfOpt = None,
    province_type: ProvinceTypeOpt = None,
) -> None:
    """Where the province stands: progress, what needs attention, the ledger's own problems.

    Without a ledger, --province-type previews a profile's obligations, all to do; with one,
    it overrides the ledger's profile, as in list.

    Example: iprcheck report --format xlsx --output 台账.xlsx
    """
    from .exports import check_output, guess, render, write_atomic
    from .i18n import t

    state = state_of(ctx)
    if output is not None:
        check_output(output, force=force)
    chosen = fmt or guess(output)
    rep = _build(state, as_of, province_type)
    if output is not None:
        from .render import console

        width = console().width if chosen is Format.terminal else 80
        write_atomic(output, render(rep, chosen, state.lang, width=width), force=force)
        typer.echo(t("written", state.lang, path=output), err=True)
        return
    if chosen is Format.terminal:
        from .exports.terminal import show
        from .render import console

        show(rep, state.lang, console())
        return
    if chosen is Format.xlsx and sys.stdout.isatty():
        raise IprcheckError("output_binary")
    data = render(rep, chosen, state.lang)
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


@app.command()
def check(
    ctx: typer.Context,
    as_of: Annotated[
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
    from .exports.terminal import checks
    from .render import console, emit
    from .report import build

    state = state_of(ctx)
    rep = build(state.catalog, state.require_ledger(), _as_of(as_of))
    emit(checks(rep, state.lang), console())
    if rep.errors:
        raise typer.Exit(1)
