"""A 台账 as CSV (report's, or Excel's re-save of it), read within bounds.

UTF-8 (with or without the BOM report writes), else GBK as Excel on Chinese Windows saves a CSV
(GB18030, its superset, decodes every GBK file). A cell is carried whole, however long (the file
is bounded, and so is how many cells it may split into); the apostrophe report's CSV puts before
a cell Excel would take as a formula is the writer's, not the text's, and is taken away.
"""

from __future__ import annotations

import codecs
import csv
import io

from ..characters import unquoted
from ..errors import IprcheckError
from .table import MAX_ROWS, Reading, Sheet, Table

# Cells in the whole file: a 台账 of MAX_ROWS rows has a few hundred thousand. A line of
# millions of commas would otherwise become millions of strings at once.
MAX_CELLS = 1_000_000


def decoded(data: bytes, file: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise IprcheckError("import_not_utf8", path=file, offset=exc.start + 3) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise IprcheckError("import_encoding", path=file) from None


def read_csv(data: bytes, file: str, at: Reading) -> Sheet:
    """The 台账 in ``data`` (a CSV named ``file``). ``at`` is told the record being read."""
    text = decoded(data, file)
    if text.count(",") > MAX_CELLS:
        raise IprcheckError("import_too_many_cells", path=file, limit=MAX_CELLS)
    table = Table(file, file)
    at.sheet = file
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))  # a long note is carried whole
    try:
        for number, row in enumerate(csv.reader(io.StringIO(text, newline="")), 1):
            at.row = number
            if number > MAX_ROWS:
                raise IprcheckError("import_too_many_rows", path=file, limit=MAX_ROWS)
            table.add(number, [unquoted(v) for v in row])
    finally:
        csv.field_size_limit(limit)
    return table.sheet()
