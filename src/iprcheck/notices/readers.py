"""A notice file, whatever its format, read into a ``Document`` — within bounds.

What the file is comes from its bytes, not its name (a .docx renamed .doc is still read): a zip
package is a Word document or a workbook, opened by ``ooxml.open_package``; the old binary
formats and PDF are refused with what to do instead; anything else is text (UTF-8, UTF-16, GBK),
read as CSV, HTML or plain text by its name and content. The file is at most ``MAX_BYTES``.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..errors import IprcheckError
from ..files import read_regular
from ..ooxml import open_package
from .document import Cell, Document, Row, Table
from .text import decode, visible

MAX_BYTES = 20 * 1024 * 1024  # a notice with scanned seals is a few MB
MAX_ROWS = 20_000
MAX_COLUMNS = 64

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97–2003, Excel 97–2003, WPS


def read(path: Path) -> Document:
    """The notice at ``path``; IprcheckError (one line) for a file it cannot be."""
    name = str(path)
    try:
        data = read_regular(path, MAX_BYTES)
    except FileNotFoundError:
        raise IprcheckError("file_missing", path=name) from None
    except IsADirectoryError:
        raise IprcheckError("notice_is_folder", path=name) from None
    except PermissionError as exc:
        raise IprcheckError("file_unreadable", path=name, reason=exc) from None
    except OSError as exc:
        raise IprcheckError("file_unreadable", path=name, reason=exc) from None
    return read_bytes(data, name)


def read_bytes(data: bytes, name: str) -> Document:
    if data.startswith(b"PK\x03\x04"):
        return _package(data, name)
    if data.startswith(_OLE):
        raise IprcheckError("notice_old_office", path=name)
    if data.startswith(b"%PDF"):
        raise IprcheckError("notice_pdf", path=name)
    text = decode(data)
    if text is None:
        raise IprcheckError("notice_encoding", path=name)
    text = visible(text)
    suffix = Path(name).suffix.lower()
    if suffix == ".csv":
        return _csv(text, name)
    if suffix in (".html", ".htm", ".xhtml") or _looks_like_html(text):
        from .web import read_html  # the HTML reader, only for a page copied from the web

        return read_html(text, name)
    return _plain(text, name)


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<meta", "<body", "<table"))


def _package(data: bytes, name: str) -> Document:
    package = open_package(data, name)
    names = set(package.namelist())
    if "word/document.xml" in names:
        from .word import read_docx  # the Word reader, only for a .docx

        return read_docx(data, name)
    if "xl/workbook.xml" in names:
        return _workbook(data, name)
    raise IprcheckError("notice_not_document", path=name)


# ---------------------------------------------------------------------------------------------
# A workbook: every sheet a table, each cell's lines its paragraphs.


def _workbook(data: bytes, name: str) -> Document:
    import zipfile

    from openpyxl import load_workbook  # only a workbook needs it

    document = Document(name, "xlsx")
    try:
        # read_only streams the rows; data_only gives a formula's last value, never the formula.
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, IndexError):
        raise IprcheckError("notice_damaged", path=name) from None
    try:
        for sheet in wb.worksheets:
            table = Table()
            for values in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):
                if len(table.rows) >= MAX_ROWS:
                    raise IprcheckError("notice_too_many_rows", path=name, limit=MAX_ROWS)
                table.rows.append([_cell_lines(value) for value in values])
            document.blocks.append(table)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError, IndexError):
        raise IprcheckError("notice_damaged", path=name) from None
    finally:
        wb.close()
    return document


def _cell_lines(value: Any) -> Cell:
    if value is None:
        return []
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, datetime | date):
        value = value.isoformat()[:10]
    return _lines(visible(str(value)))


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


# ---------------------------------------------------------------------------------------------
# Text: CSV, or plain text (a web page's table copied as TAB-separated rows, or paragraphs).


def _csv(text: str, name: str) -> Document:
    first = text[:4000]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    table = Table()
    try:
        for cells in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if len(table.rows) >= MAX_ROWS:
                raise IprcheckError("notice_too_many_rows", path=name, limit=MAX_ROWS)
            table.rows.append([_lines(cell) for cell in cells[:MAX_COLUMNS]])
    except csv.Error:
        raise IprcheckError("notice_bad_csv", path=name) from None
    return Document(name, "csv", [table])


# The few tags a web page's table keeps when copied as text: <p>…</p> around each paragraph of a
# cell, <b> around a heading. Bounded, so that a stray "<" never makes a search run on.
_OPEN = re.compile(r"<p(?:\s[^<>]{0,200})?>", re.IGNORECASE)
_CLOSE = re.compile(r"</p\s*>", re.IGNORECASE)
_TAG = re.compile(r"</?(?:p|b|strong|span|br|font)(?:\s[^<>]{0,200})?/?>", re.IGNORECASE)
_GAP = re.compile(r"\s{2,}")


def _plain(text: str, name: str) -> Document:
    document = Document(name, "txt")
    table: Table | None = None
    for line in text.split("\n"):
        if "\t" in line:
            if table is None:
                table = Table()
                document.blocks.append(table)
            if len(table.rows) >= MAX_ROWS:
                raise IprcheckError("notice_too_many_rows", path=name, limit=MAX_ROWS)
            table.rows.append(_tab_row(line))
            continue
        if line.strip():
            table = None
            document.blocks.append(_TAG.sub("", line).strip())
    return document


def _tab_row(line: str) -> Row:
    return [_tab_cell(cell) for cell in line.split("\t")[:MAX_COLUMNS]]


def _tab_cell(cell: str) -> Cell:
    """A cell's paragraphs: its <p>…</p>, else its parts between runs of spaces."""
    if _CLOSE.search(cell):
        out = []
        for part in _CLOSE.split(cell):
            starts = [m.end() for m in _OPEN.finditer(part)]
            text = part[starts[-1] :] if starts else part
            out.append(_TAG.sub("", text).strip())
        return [p for p in out if p]
    plain = _TAG.sub("", cell).strip()
    return [part for part in _GAP.split(plain) if part]
