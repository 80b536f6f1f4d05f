"""The rollup command: many province ledgers in one national view. Parse, roll up, hand the
Rollup to the output pipeline.

Exit codes: 0 every ledger was counted; 3 the rollup was printed but something was left out
(each named on stderr); 1 an error, or anything left out under ``--strict`` (then nothing but
the error lines is printed); 2 a usage error.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from ..errors import IprcheckError
from ..i18n import t
from ..output import Subject, check_output, deliver, guess, parse_format
from ..vocab import SortKey
from .app import Commands, State, say, state_of, written
from .exits import Exit
from .options import ForceOpt, OutputOpt, format_option

if TYPE_CHECKING:
    from ..tasklist import Catalog

commands = Commands()


def _list_of(state: State, paths: list[Path]) -> Catalog:
    """--tasks, else the list most of the ledgers found track (bound to its year's list)."""
    from ..ledger.binding import catalog_for, most_common_list
    from ..reports.rollup import find

    if state.tasks:
        return catalog_for(state.tasks, None)
    return most_common_list(p for p in find(paths) if isinstance(p, Path))


@commands.command("rollup")
def rollup_(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH...",
            help="Ledger files, or folders searched recursively for ledgers. 台账或其所在文件夹",
        ),
    ],
    sort: Annotated[
        SortKey,
        typer.Option(
            "--sort",
            help="Order of the provinces: progress (most done first), name (the list's order), "
            "updated (most recent first). 排序",
        ),
    ] = SortKey.PROGRESS,
    fmt: Annotated[
        str | None,
        format_option(
            Subject.ROLLUP,
            "Output format (default: from the --output file's extension, else table).",
        ),
    ] = None,
    by: Annotated[
        Literal["province", "measure"],
        typer.Option(
            "--by",
            help="province: provinces × tasks; measure: each provincial obligation and the "
            "provinces that owe it. 汇总方式",
        ),
    ] = "province",
    output: OutputOpt = None,
    force: ForceOpt = False,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Fail (exit 1, print nothing else) if any ledger is left out."
        ),
    ] = False,
) -> None:
    """Roll province ledgers up into one national view: provinces × tasks.

    Each ledger found is checked: one that cannot be read, tracks another task list, or repeats
    a province already read is named on stderr and left out, and the rest is still shown. Exit
    code 0: all counted; 3: something left out; 1: an error (or anything left out, with
    --strict). Ledgers are only read, never written.

    Example: iprcheck rollup submissions/ -f html -o rollup.html
    """
    from ..reports.rollup import rollup

    state = state_of(ctx)
    if output is not None:
        check_output(output, force=force)  # before reading a thousand ledgers, not after
    chosen = parse_format(fmt) if fmt else guess(output)
    result = rollup(paths, _list_of(state, paths), sort)
    for skip in result.skipped:
        say(t("rollup_left_out", state.lang, reason=skip.error.render(state.lang)), err=True)
    for note in result.notes:
        say(note.render(state.lang), err=True)
    if result.skipped and strict:
        raise IprcheckError("rollup_strict", count=len(result.skipped))
    if not result.rows:
        raise IprcheckError("rollup_nothing")
    if by == "measure":
        import msgspec

        result = msgspec.structs.replace(result, by="measure")
    deliver(
        Subject.ROLLUP,
        chosen,
        result,
        state.lang,
        output=output,
        force=force,
        written=written(state),
    )
    if result.skipped:
        raise typer.Exit(Exit.LEFT_OUT)
