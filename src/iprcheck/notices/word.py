"""A Word notice (.docx): its body's paragraphs and tables, read from the XML itself.

The package is opened by ``ooxml.open_package`` first (declared sizes bounded, no document type
declaration anywhere), then ``word/document.xml`` is read with the standard library's streaming
parser, one body element at a time. Not python-docx: its ``_Row.cells`` resolves a vertically
merged cell by walking up the rows, each step an index search through the table, which on a
stranger's table of merged rows takes time far beyond its size. Here a merged cell's later rows
are what they are on the page, empty (a continuation row), and a cell spanning columns keeps
its columns; the walk is linear in the document.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from xml.etree import ElementTree as ET

from ..errors import IprcheckError
from ..ooxml import open_package, read_part
from .document import Cell, Document, Row, Table
from .text import visible

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Elements that only wrap others (content controls, custom XML, smart tags, tracked insertions):
# what they hold counts as if it stood in their place.
_WRAPPERS = frozenset(
    W + tag for tag in ("sdt", "sdtContent", "customXml", "smartTag", "ins", "hyperlink")
)
# Text that is not shown as such: deleted text, field instructions, text boxes' own paragraphs
# (drawn elsewhere on the page), footnote references.
_SKIPPED = frozenset(W + tag for tag in ("del", "instrText", "delText", "txbxContent", "rPr"))
# A table this long is no notice; reading stops with a message rather than running on.
MAX_ROWS = 20_000
MAX_COLUMNS = 64


def read_docx(data: bytes, name: str) -> Document:
    package = open_package(data, name)
    names = set(package.namelist())
    if "word/document.xml" not in names:
        raise IprcheckError("notice_not_document", path=name)
    part = read_part(package, "word/document.xml", name)
    document = Document(name, "docx")
    try:
        for element in _body_children(part):
            _block(element, document)
    except ET.ParseError:
        raise IprcheckError("package_damaged", path=name, part="word/document.xml") from None
    return document


def _body_children(part: bytes) -> Iterator[ET.Element]:
    """Each child of ``w:body`` once it has been read whole; then it is let go."""
    depth = 0
    for event, element in ET.iterparse(io.BytesIO(part), events=("start", "end")):
        if event == "start":
            depth += 1
            continue
        depth -= 1
        if depth == 2:  # w:document > w:body > this
            yield element
            element.clear()


def _block(element: ET.Element, document: Document) -> None:
    if element.tag == W + "p":
        if element.find(f"{W}pPr/{W}numPr") is not None:
            document.auto_numbered += 1
        document.blocks.extend(paragraph_lines(element))
    elif element.tag == W + "tbl":
        document.blocks.append(_table(element, document.name))
    elif element.tag in _WRAPPERS:
        for child in element:
            _block(child, document)


def paragraph_lines(paragraph: ET.Element) -> list[str]:
    """A paragraph's text; a line break in it (w:br) parts it, as an office means it to."""
    pieces: list[str] = []
    stack = [paragraph]
    while stack:
        element = stack.pop()
        tag = element.tag
        if tag in _SKIPPED:
            continue
        if tag == W + "t":
            pieces.append(element.text or "")
        elif tag == W + "tab":
            pieces.append("\t")
        elif tag in (W + "br", W + "cr"):
            pieces.append("\n")
        stack.extend(reversed(element))
    text = visible("".join(pieces))
    return [line.strip() for line in text.split("\n") if line.strip()]


def _rows(table: ET.Element) -> Iterator[ET.Element]:
    for child in table:
        if child.tag == W + "tr":
            yield child
        elif child.tag in _WRAPPERS:
            yield from _rows(child)


def _table(table: ET.Element, name: str) -> Table:
    out = Table()
    for tr in _rows(table):
        if len(out.rows) >= MAX_ROWS:
            raise IprcheckError("notice_too_many_rows", path=name, limit=MAX_ROWS)
        out.rows.append(_row(tr))
    return out


def _grid_value(element: ET.Element | None) -> int:
    if element is None:
        return 0
    try:
        return max(0, min(int(element.get(W + "val") or "1"), MAX_COLUMNS))
    except ValueError:
        return 0


def _row(tr: ET.Element) -> Row:
    row: Row = [[] for _ in range(_grid_value(tr.find(f"{W}trPr/{W}gridBefore")))]
    for tc in _cells(tr):
        span = _grid_value(tc.find(f"{W}tcPr/{W}gridSpan")) or 1
        merge = tc.find(f"{W}tcPr/{W}vMerge")
        # A vertically merged cell's later rows (vMerge without "restart") show nothing of
        # their own: the row continues the one above.
        continued = merge is not None and merge.get(W + "val", "continue") != "restart"
        row.append([] if continued else _cell(tc))
        row.extend([] for _ in range(span - 1))
        if len(row) >= MAX_COLUMNS:
            break
    return row[:MAX_COLUMNS]


def _cells(tr: ET.Element) -> Iterator[ET.Element]:
    for child in tr:
        if child.tag == W + "tc":
            yield child
        elif child.tag in _WRAPPERS:
            yield from _cells(child)


def _cell(tc: ET.Element) -> Cell:
    """A cell's paragraphs; a table inside it gives its paragraphs in reading order."""
    out: Cell = []
    stack = [tc]
    while stack:
        element = stack.pop()
        if element.tag == W + "p":
            out.extend(paragraph_lines(element))
        elif element.tag not in _SKIPPED:
            stack.extend(reversed(element))
    return out
