"""The rollup command: many province ledgers in one national view. Parse, call rollup.py, render.

Exit codes: 0 every ledger was counted; 3 the rollup was printed but something was left out
(each named on stderr); 1 an error, or anything left out under ``--strict`` (then nothing but
the error lines is printed); 2 a usage error.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .cli import app, state_of
from .i18n import t

if TYPE_CHECKING:
    from .rollup import Rollup, SortKey

EXIT_LEFT_OUT = 3


# The choices are spelled here rather than imported from rollup.py, which would load the ledger
# reader on every start-up of every command.
class RollupSort(StrEnum):
    progress = "progress"
    name = "name"
    updated = "updated"


class RollupFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"


@app.command()
def rollup(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH...",
            help="Ledger files, or folders searched recursively for ledgers. 台账或其所在文件夹",
        ),
    ],
    sort: Annotated[
        RollupSort,
        typer.Option(
            "--sort",
            help="Order of the provinces: progress (most done first), name (the list's order), "
            "updated (most recent first). 排序",
        ),
    ] = RollupSort.progress,
    fmt: Annotated[
        RollupFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format (default: from the --output file's extension, else table).",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to this file (atomically) instead of stdout.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the --output file if it exists.")
    ] = False,
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
    from .errors import IprcheckError
    from .exports import Format, check_output, guess
    from .rollup import SortKey
    from .rollup import rollup as roll_up

    state = state_of(ctx)
    if output is not None:
        check_output(output, force=force)  # before reading a thousand ledgers, not after
    if fmt is None:  # as report does: rollup.html is HTML
        guessed = guess(output)
        fmt = RollupFormat.table if guessed is Format.terminal else RollupFormat(guessed.value)
    if fmt is RollupFormat.xlsx and output is None and sys.stdout.isatty():
        raise IprcheckError("rollup_xlsx_stdout")
    result = roll_up(paths, state.catalog, SortKey(sort.value))
    for skip in result.skipped:
        typer.echo(t("rollup_left_out", state.lang, reason=skip.error.render(state.lang)), err=True)
    if result.skipped and strict:
        raise IprcheckError("rollup_strict", count=len(result.skipped))
    if not result.rows:
        raise IprcheckError("rollup_nothing")
    data = _render(result, fmt, state.lang, SortKey(sort.value), output)
    if data is not None:
        if output is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            from .exports import write_atomic

            write_atomic(output, data, force=force)
            typer.echo(t("written", state.lang, path=output))
    if result.skipped:
        raise typer.Exit(EXIT_LEFT_OUT)


def _render(
    result: Rollup, fmt: RollupFormat, lang: str, sort: SortKey, output: Path | None
) -> bytes | None:
    """The bytes to write, or None where the table went straight to the terminal."""
    from . import rollup_views as views

    if fmt is RollupFormat.table:
        if output is not None:
            return views.to_text(result, lang).encode("utf-8")
        from .render import console

        out = console()
        for part in views.terminal(result, lang, styled=out.is_terminal):
            out.print(part)
        return None
    if fmt is RollupFormat.xlsx:
        return views.to_xlsx(result, lang)
    if fmt is RollupFormat.json:
        text = views.to_json(result, lang, sort)
    elif fmt is RollupFormat.csv:
        text = views.to_csv(result)
    elif fmt is RollupFormat.markdown:
        text = views.to_markdown(result, lang)
    else:
        text = views.to_html(result, lang)
    return text.encode("utf-8")
