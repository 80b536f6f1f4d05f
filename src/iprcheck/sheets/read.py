"""``read_sheet``: the one door through which a 台账 file comes in.

Whatever goes wrong while a workbook or a CSV is opened or read — a cut file, a flipped byte,
a bad shared-string index, a cell reference that is no cell, XML that is not XML — is one
``IprcheckError`` naming the file and, where it got that far, the sheet and row. A refusal the
readers word themselves (a bomb, a formula, a bad status) passes through as it is.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import IprcheckError
from ..files import read_regular
from .csvfile import read_csv
from .table import Reading, Sheet
from .workbook import read_workbook

MAX_BYTES = 20 * 1024 * 1024  # far more than a 台账 of thousands of rows
_ZIP = b"PK\x03\x04"


def read_sheet(path: Path) -> Sheet:
    try:
        data = read_regular(path, MAX_BYTES)
    except IprcheckError:
        raise
    except OSError as exc:
        raise IprcheckError("import_unreadable", path=str(path), reason=exc) from None
    file = str(path)
    at = Reading()
    try:
        if data.startswith(_ZIP):
            return read_workbook(data, file, at)
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            raise IprcheckError("import_not_workbook", path=file)
        return read_csv(data, file, at)
    except IprcheckError:
        raise
    except Exception:  # the guard: a stranger's file may break a library anywhere
        if at.row:
            raise IprcheckError(
                "import_damaged_at", path=file, sheet=at.sheet, row=at.row
            ) from None
        raise IprcheckError("import_damaged", path=file) from None
