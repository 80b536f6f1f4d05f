"""A 台账 workbook (.xlsx) from a colleague, read within bounds.

Before openpyxl builds anything, the package is opened by ``ooxml.open_package`` (the sizes
its parts declare) and every XML part is streamed through expat (``ooxml.walk_xml``): a part
openpyxl parses whole holds at most ``PART.elements`` elements; the shared strings at most
``MAX_STRINGS`` strings; a worksheet no value below row ``MAX_ROWS`` or right of column
``MAX_COLS``, nor more than ``ROW_CELLS`` cells in a row or ``SHEET_CELLS`` in all; and no
cell, string or attribute more than ``CELL_CHARS`` characters (what an Excel cell holds). So
a bomb is refused while it streams, in bounded memory, naming the workbook; and openpyxl then
reads only the rows and columns that hold values.

The sheet read is the visible one named 台账 (Ledger), else the first visible sheet: a hidden
sheet is never taken for the one a colleague filled in. openpyxl's warnings (an extension it
does not read, a date it cannot place) are about the file, not for the user: they are silenced.
"""

from __future__ import annotations

import io
import re
import warnings
from typing import Any

from .. import ooxml
from ..errors import IprcheckError
from .columns import CELL_CHARS, Formula
from .table import MAX_ROWS, Reading, Sheet, Table

# What a 台账 may hold. Each bound also bounds the time openpyxl takes (it spends some tens of
# microseconds on every cell, string and style it builds), so that the worst file within all
# of them still reads in a few seconds and a few hundred megabytes at most.
MAX_COLS = 1_000  # a 台账 has a dozen columns; an office's own a few dozen
ROW_CELLS = 16_384  # cells in one row, with a value or only a style: Excel's own last column
SHEET_CELLS = 100_000  # cells in one sheet: MAX_ROWS rows of 50
MAX_STRINGS = 50_000  # shared strings (LibreOffice and Excel keep text there, once each)
LIMITS = ooxml.Limits(parts=1_000, part=32 * 1024 * 1024, total=96 * 1024 * 1024)
PART = ooxml.XmlLimits(elements=20_000, text=CELL_CHARS)  # parsed whole: styles, properties…
STREAMED = ooxml.XmlLimits(elements=400_000, text=CELL_CHARS)  # sheets and strings, streamed
ALL_ELEMENTS = 1_000_000
SHEET_NAMES = ("台账", "Ledger")

_REF = re.compile(r"([A-Za-z]{1,7})")


class Shape:
    """Watches a worksheet stream past: the last row and column holding a value, each cell's
    text within ``CELL_CHARS``, no value beyond ``MAX_ROWS`` or ``MAX_COLS``."""

    def __init__(self, file: str, part: str) -> None:
        self.file, self.part = file, part
        self.rows = self.cols = 0
        self.row = self.col = 0
        self.cells = 0  # in this row
        self.all_cells = 0
        self.in_cell = False
        self.valued = False
        self.chars = 0

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == "row":
            r = attrs.get("r", "")
            self.row = int(r) if r.isdigit() and len(r) < 9 else self.row + 1
            self.col = self.cells = 0
        elif tag == "c":
            self.cells += 1
            self.all_cells += 1
            if self.cells > ROW_CELLS:  # openpyxl makes all of a row's cells at once
                raise IprcheckError("import_too_many_columns", path=self.file, limit=ROW_CELLS)
            if self.all_cells > SHEET_CELLS:
                raise IprcheckError("import_too_many_cells", path=self.file, limit=SHEET_CELLS)
            found = _REF.match(attrs.get("r", ""))
            self.col = _column(found.group(1)) if found else self.col + 1
            self.in_cell, self.valued, self.chars = True, False, 0
        elif tag == "is" and self.in_cell:
            self.valued = True

    def text(self, length: int) -> None:
        if self.in_cell:
            self.valued = True
            self.chars += length
            if self.chars > CELL_CHARS:
                raise IprcheckError("import_cell_too_long", path=self.file, limit=CELL_CHARS)

    def end(self, tag: str) -> None:
        if tag != "c":
            return
        self.in_cell = False
        if not self.valued:
            return
        if self.row > MAX_ROWS:
            raise IprcheckError("import_too_many_rows", path=self.file, limit=MAX_ROWS)
        if self.col > MAX_COLS:
            raise IprcheckError("import_too_many_columns", path=self.file, limit=MAX_COLS)
        self.rows = max(self.rows, self.row)
        self.cols = max(self.cols, self.col)


class Strings:
    """Watches the shared strings stream past: how many, each within ``CELL_CHARS``."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.count = 0
        self.chars = 0

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == "si":
            self.count += 1
            self.chars = 0
            if self.count > MAX_STRINGS:
                raise IprcheckError("import_too_many_strings", path=self.file, limit=MAX_STRINGS)

    def text(self, length: int) -> None:
        self.chars += length
        if self.chars > CELL_CHARS:
            raise IprcheckError("import_cell_too_long", path=self.file, limit=CELL_CHARS)

    def end(self, tag: str) -> None:
        pass


def _column(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def scan(data: bytes, file: str) -> tuple[int, int]:
    """Check the package's bounds; the last row and column holding a value in any sheet."""
    package = ooxml.open_package(data, file, LIMITS)
    rows = cols = 0
    total = 0
    for info in package.infolist():
        member = info.filename
        if not member.lower().endswith((".xml", ".rels")):
            continue  # VML and media: openpyxl does not read them here
        watcher: ooxml.Watcher | None = None
        limits = PART
        if member.startswith("xl/worksheets/") and member.count("/") == 2:
            shape = Shape(file, member)
            watcher, limits = shape, STREAMED
        elif member.rsplit("/", 1)[-1].lower().startswith("sharedstrings"):
            watcher, limits = Strings(file), STREAMED
        total += ooxml.walk_xml(package, member, file, limits, watcher)
        if total > ALL_ELEMENTS:
            raise IprcheckError("import_too_many_elements", path=file)
        if isinstance(watcher, Shape):
            rows, cols = max(rows, watcher.rows), max(cols, watcher.cols)
    return rows, cols


def read_workbook(data: bytes, file: str, at: Reading) -> Sheet:
    """The 台账 in ``data`` (an .xlsx named ``file``). ``at`` is told the sheet and row being
    read, so that a failure can say where."""
    rows, cols = scan(data, file)
    from openpyxl import load_workbook  # only import reads workbooks; it costs 100 ms to load

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        # Not data_only: a formula cell must show as one, to be refused; read_only streams.
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        try:
            ws = _chosen(wb.worksheets, file)
            props = {p.name: getattr(p, "value", None) for p in wb.custom_doc_props.props}
            table = Table(file, ws.title)
            at.sheet = ws.title
            if rows and cols:
                for number, row in enumerate(ws.iter_rows(max_row=rows, max_col=cols), 1):
                    at.row = number
                    table.add(number, [_value(c) for c in row])
        finally:
            wb.close()
    return table.sheet(props)


def _chosen(sheets: list[Any], file: str) -> Any:
    visible = [ws for ws in sheets if getattr(ws, "sheet_state", "visible") == "visible"]
    if not visible:
        raise IprcheckError("import_no_sheet", path=file)
    return next((ws for ws in visible if ws.title in SHEET_NAMES), visible[0])


def _value(cell: Any) -> Any:
    if getattr(cell, "data_type", None) == "f":
        return Formula(str(cell.value))
    return getattr(cell, "value", None)
