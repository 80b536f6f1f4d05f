"""The export record: what each row of an exported 台账 said when it was exported.

Written into the workbook's custom document properties, which Excel, WPS and LibreOffice keep
through an edit and a save (each value well under the 255 characters Excel's dialog allows):

- ``iprcheck.export``: ``1 2020-09-30T10:00:00+08:00`` — the record's version, when it was made;
- ``iprcheck.row.8.2``: ``s=… n=… e=… o=… d=…`` — per row, a short digest of each cell import
  reads (状态, 进展情况, 佐证材料, 责任处室, 内部时限) as written (``columns.token``).

Digests, not values: a note may be long, and import only asks whether a cell is the one that
was exported, and whether the ledger's value still is. A row not in the record was not
exported (a division's own 台账 holds only its rows).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from msgspec import Struct

from ..obligations import Tracking
from .columns import READ, tokens

VERSION = "1"
EXPORT = "iprcheck.export"
ROW = "iprcheck.row."
LIST, UNIT = "iprcheck.list", "iprcheck.unit"
_CODES = {"status": "s", "note": "n", "evidence": "e", "owner": "o", "internal_due": "d"}
_FIELDS = {code: field for field, code in _CODES.items()}
assert set(_CODES) == set(READ)


class ExportRecord(Struct, frozen=True):
    made: str  # when the 台账 was exported (ISO time)
    rows: dict[str, dict[str, str]]  # obligation id -> field -> token


def properties(rows: Iterable[tuple[str, Tracking]], made: datetime) -> list[tuple[str, str]]:
    """The custom properties that record ``rows`` (obligation id, tracking) as exported."""
    out = [(EXPORT, f"{VERSION} {made.isoformat(timespec='seconds')}")]
    for oid, tr in rows:
        out.append((ROW + oid, " ".join(f"{_CODES[f]}={tok}" for f, tok in tokens(tr).items())))
    return out


def from_properties(props: Mapping[str, Any]) -> ExportRecord | None:
    """The record in a workbook's custom properties; None where there is none (a 台账 made by
    hand, or by an iprcheck from before the record) or it is not one this version writes."""
    head = str(props.get(EXPORT) or "").split()
    if len(head) != 2 or head[0] != VERSION:
        return None
    rows: dict[str, dict[str, str]] = {}
    for name, value in props.items():
        if not name.startswith(ROW):
            continue
        cells = {}
        for pair in str(value or "").split():
            code, _, tok = pair.partition("=")
            if code in _FIELDS and tok:
                cells[_FIELDS[code]] = tok
        rows[name[len(ROW) :]] = cells
    return ExportRecord(head[1], rows)
