"""A notice copied from a web page (.html): its paragraphs and tables, by the standard library's
``html.parser``. Nothing is fetched, no script runs: script, style and the page's head are
skipped, character references are decoded, every tag is only a place where a paragraph, a row
or a cell begins or ends.
"""

from __future__ import annotations

from html.parser import HTMLParser

from ..errors import IprcheckError
from .document import Document, Table
from .text import visible

# Tags that end one paragraph and begin the next.
_BLOCK = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre"}
    | {"section", "article", "header", "footer", "blockquote", "caption", "dd", "dt", "dl"}
)
# Tags whose content is not the page's text.
_HIDDEN = frozenset(
    {"script", "style", "head", "template", "noscript", "textarea", "select", "option", "svg"}
)
MAX_ROWS = 20_000


class _Page(HTMLParser):
    def __init__(self, document: Document) -> None:
        super().__init__(convert_charrefs=True)
        self.document = document
        self.text: list[str] = []  # the paragraph being read
        self.hidden = 0
        self.tables: list[Table] = []  # open tables, innermost last
        self.cell: list[str] | None = None  # the innermost open cell of the outermost table

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCK:
            self.flush()
        elif tag == "table":
            self.flush()
            self.tables.append(Table())
        elif tag == "tr" and self.tables:
            self.flush()
            if len(self.tables) == 1:
                self._row()
        elif tag in ("td", "th") and self.tables:
            self.flush()
            if len(self.tables) == 1:
                self._cell()

    def _row(self) -> None:
        rows = self.tables[0].rows
        if len(rows) >= MAX_ROWS:
            raise IprcheckError("notice_too_many_rows", path=self.document.name, limit=MAX_ROWS)
        rows.append([])
        self.cell = None

    def _cell(self) -> None:
        rows = self.tables[0].rows
        if not rows:
            rows.append([])
        self.cell = []
        rows[-1].append(self.cell)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK or tag in ("td", "th", "tr"):
            self.flush()
        elif tag == "table" and self.tables:
            self.flush()
            table = self.tables.pop()
            if not self.tables:
                self.document.blocks.append(table)
                self.cell = None

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.text.append(data)

    def flush(self) -> None:
        """The paragraph read so far goes where it stands: into the open cell, or the page."""
        text = " ".join(visible("".join(self.text)).split())
        self.text = []
        if not text:
            return
        if self.tables and self.cell is not None:
            self.cell.append(text)
        elif not self.tables:
            self.document.blocks.append(text)


def read_html(text: str, name: str) -> Document:
    document = Document(name, "html")
    page = _Page(document)
    page.feed(text)
    page.close()
    page.flush()
    while page.tables:  # a table never closed still counts
        table = page.tables.pop()
        if not page.tables:
            document.blocks.append(table)
    return document
