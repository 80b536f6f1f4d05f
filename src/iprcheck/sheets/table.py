"""A 台账 as read: its rows by obligation id, each cell with its place (``台账!I7``).

Rows arrive one at a time from a workbook or a CSV. The header row is the first of the first
ten with a 编号 (ID) column; columns are found by their headings (Chinese or English, as report
writes them, or the CSV's own keys), so a sheet whose columns were moved, or an office's own
台账 with more columns, reads the same. Only the columns import reads are kept of each row, so
a long sheet costs what its rows of interest hold.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from msgspec import Struct

from ..characters import shown
from ..errors import IprcheckError
from .columns import READ, Formula, headings, normal
from .record import LIST, UNIT, ExportRecord, from_properties

HEADER_WITHIN = 10
MAX_ROWS = 2_000  # a 台账 has a row per obligation: a province's few dozen, a long list's hundreds
UNKNOWN_SHOWN = 10  # unknown columns named, at most; then how many more
_TAKEN = ("id", "measure", *READ)


class Reading:
    """Where a reader has got to (the sheet, the row), for a message if the file breaks."""

    def __init__(self) -> None:
        self.sheet: str | None = None
        self.row = 0


class Cell(NamedTuple):
    place: str  # 台账!I7
    value: Any  # as the file holds it: text, a number, a date, a Formula, or None


class Row(Struct, frozen=True):
    number: int  # the sheet's row number (1-based), or the CSV's record
    cells: dict[str, Cell]  # field -> its cell


class Sheet(Struct, frozen=True):
    file: str  # the file's name as given, for messages
    name: str  # the sheet's name; the file's name for a CSV
    rows: list[Row]
    unknown: list[str]  # the headings of columns import leaves alone and does not know
    more_unknown: int = 0  # unknown columns beyond those named
    list_id: str | None = None  # from the workbook's custom properties
    unit: str | None = None
    title: str | None = None  # the first text above the header row
    record: ExportRecord | None = None


def column_letter(n: int) -> str:
    """1 -> A, 27 -> AA: how Excel names the ``n``-th column."""
    letters = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class Table:
    """Takes rows one at a time (``add``) and makes the ``Sheet``."""

    def __init__(self, file: str, name: str) -> None:
        self.file, self.name = file, name
        self.above: list[Sequence[Any]] = []  # rows before the header
        self.fields: dict[int, str] | None = None  # column index -> field
        self.unknown: list[str] = []
        self.more_unknown = 0
        self.rows: list[Row] = []
        self.count = 0

    def add(self, number: int, values: Sequence[Any]) -> None:
        self.count += 1
        if number > MAX_ROWS:
            raise IprcheckError("import_too_many_rows", path=self.file, limit=MAX_ROWS)
        if self.fields is None:
            if self.count > HEADER_WITHIN:
                raise IprcheckError("import_no_header", sheet=self.name, valid="编号 / ID")
            if not self._header(values):
                self.above.append(values)
            return
        cells = {
            field: Cell(f"{self.name}!{column_letter(c + 1)}{number}", values[c])
            for c, field in self.fields.items()
            if c < len(values)
        }
        if "id" in cells and _said(cells["id"].value):
            self.rows.append(Row(number, cells))

    def _header(self, values: Sequence[Any]) -> bool:
        known = headings()
        named = [known.get(_said(v).casefold()) for v in values]
        if "id" not in named:
            return False
        self.fields = {}
        for c, (value, field) in enumerate(zip(values, named, strict=True)):
            if field in _TAKEN and field not in self.fields.values():
                self.fields[c] = field
            elif field is None and _said(value):
                self._unknown(_said(value))
        return True

    def _unknown(self, heading: str) -> None:
        if len(self.unknown) < UNKNOWN_SHOWN:
            cut = heading if len(heading) <= 20 else heading[:20] + "…"
            self.unknown.append(shown(cut))
        else:
            self.more_unknown += 1

    def sheet(self, props: dict[str, Any] | None = None) -> Sheet:

        if self.fields is None:
            raise IprcheckError("import_no_header", sheet=self.name, valid="编号 / ID")
        props = props or {}
        title = next((_said(v) for row in self.above for v in row if _said(v)), None)
        return Sheet(
            self.file,
            self.name,
            self.rows,
            self.unknown,
            self.more_unknown,
            list_id=str(props[LIST]) if props.get(LIST) else None,
            unit=str(props[UNIT]) if props.get(UNIT) else None,
            title=title,
            record=from_properties(props),
        )


def _said(value: Any) -> str:
    if isinstance(value, Formula):
        return ""
    return normal(value).strip()
