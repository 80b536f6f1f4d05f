"""Every sheet of the report's workbook (台账, 汇总, 本期进展) and of the rollup's (by province, and
by measure) prints as an office prints it: paper and orientation set, the header row repeated on
a sheet longer than a page, a row of wrapped text as tall as its lines (a row left at one line
prints one line), and never so many columns on one page width that the text shrinks below
legibility (the 24-column matrix on A4 came out at about 4 pt)."""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

import pytest
from conftest import Cli
from report_ledger import AS_OF, build
from rollup_ledgers import make_country

from iprcheck import ledger
from iprcheck.tasklist import load

openpyxl = pytest.importorskip("openpyxl")

PAPER_MM = {8: (420, 297), 9: (297, 210)}  # A3, A4: long side, short side
PX_MM = 25.4 / 96
LEGIBLE = 0.7  # at least 70 % of the size the sheet is drawn at (11 pt prints at 7.7 pt)
ROWS_A_PAGE = 30


@pytest.fixture(scope="module")
def country(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("country")
    made = make_country(root, load())
    long = "推进中，" * 80
    ledger.mark(made["浙江省"], load(), ["3.2"], "blocked", note=long, by="t")
    return root


def workbooks(cli: Cli, country: Path, tmp_path: Path) -> dict[str, Any]:
    build(tmp_path)
    cli.ok("report", "--as-of", AS_OF, "--since", "2020-06-01", "-o", "report.xlsx", lang="zh")
    cli.ok("rollup", str(country), "-o", "rollup.xlsx", lang="zh")
    cli.ok("rollup", str(country), "--by", "measure", "-o", "measure.xlsx", lang="zh")
    return {
        name: openpyxl.load_workbook(tmp_path / f"{name}.xlsx") for name in ("rollup", "measure")
    }


def width_units(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def column_width(ws: Any, letter: str) -> float:
    dim = ws.column_dimensions.get(letter)
    return float(dim.width) if dim is not None and dim.width else 8.43


def scale(ws: Any) -> float:
    """How far fitting the used columns to the page's width shrinks them (1: not at all)."""
    from openpyxl.utils import get_column_letter

    long, short = PAPER_MM[int(ws.page_setup.paperSize)]
    paper = long if ws.page_setup.orientation == "landscape" else short
    margins = (ws.page_margins.left + ws.page_margins.right) * 25.4
    columns = [get_column_letter(n) for n in range(1, ws.max_column + 1)]
    drawn = sum((column_width(ws, c) * 7 + 5) * PX_MM for c in columns)
    return min(1.0, (paper - margins) / drawn)


def test_every_visible_sheet_prints(cli: Cli, country: Path, tmp_path: Path) -> None:
    for book, wb in workbooks(cli, country, tmp_path).items():
        for ws in wb.worksheets:
            if ws.sheet_state != "visible":
                continue
            where = f"{book}.xlsx/{ws.title}"
            assert int(ws.page_setup.paperSize) in PAPER_MM, where
            assert ws.page_setup.orientation in ("landscape", "portrait"), where
            if ws.max_row > ROWS_A_PAGE:
                assert ws.print_title_rows, f"{where}: no header row repeated"
            if ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1:
                assert scale(ws) >= LEGIBLE, f"{where}: printed at {scale(ws):.0%}"


def test_wrapped_rows_are_as_tall_as_their_text(cli: Cli, country: Path, tmp_path: Path) -> None:
    """A cell whose text is wider than its column wraps, and its row is set at least two lines
    tall: LibreOffice and WPS print a row at the height the file gives it."""
    checked = 0
    for book, wb in workbooks(cli, country, tmp_path).items():
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    if not isinstance(c.value, str) or not c.alignment.wrap_text:
                        continue
                    if width_units(c.value) <= 2 * column_width(ws, c.column_letter):
                        continue
                    height = ws.row_dimensions[c.row].height
                    assert height and height >= 28, f"{book}.xlsx/{ws.title}!{c.coordinate}"
                    checked += 1
    assert checked > 50  # measures, reasons, notes: the sheets do wrap


def test_the_matrix_is_not_squeezed_onto_a4(cli: Cli, country: Path, tmp_path: Path) -> None:
    wb = workbooks(cli, country, tmp_path)["rollup"]
    matrix = wb.worksheets[0]
    assert matrix.max_column >= 24
    assert int(matrix.page_setup.paperSize) == 8 and matrix.page_setup.orientation == "landscape"
    assert matrix.print_title_cols == "$A:$A" or matrix.print_title_cols == "A:A"
    assert scale(matrix) >= 0.85
