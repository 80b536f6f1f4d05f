"""What makes text from a file safe in each target: one guard per kind of output.

Anything read from a ledger or a task list is data. On a terminal (and in every text output) its
control characters are shown, not obeyed (``\\x1b`` as the four characters ``\\x1b``), and so
are the invisible ones that can make one name pass for another (``张三\\u200b``) or reverse a
line (bidirectional overrides). A spreadsheet cell never becomes a formula; Markdown never
becomes a link, an image or HTML. JSON output carries the data exactly: it is for programs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..characters import HIDDEN as _HIDDEN
from ..characters import has_hidden, quoted, shown

__all__ = ["capped", "csv_cell", "has_hidden", "json_text", "md_table", "md_text", "shown"]


def json_text(data: object) -> str:
    """JSON of ``data``, readable (not ASCII-escaped) and exact, with every control or
    invisible character written as its ``\\u`` escape: a program reading it gets the data as
    it is, a terminal showing it is never told to do anything."""
    import json

    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _HIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


# A note is stored whole, however long; a view shows this much of it (a screenful).
SHOWN_AT_MOST = 2000


def capped(text: str, lang: str) -> str:
    """``text`` as a view shows it: at most ``SHOWN_AT_MOST`` characters, then how long it is."""
    if len(text) <= SHOWN_AT_MOST:
        return text
    more = f"…（共 {len(text)} 字）" if lang == "zh" else f"… ({len(text)} characters)"
    return text[:SHOWN_AT_MOST] + more


def csv_cell(value: object) -> object:
    """A CSV cell Excel will not run: a note such as ``=HYPERLINK(...)`` or ``-1+1`` in a CSV
    that is e-mailed and double-clicked would become a formula. A leading apostrophe keeps it
    text, as OWASP advises (and a cell that starts with an apostrophe gets one more, so that
    the 台账's CSV reads back exactly)."""
    if isinstance(value, str):
        return quoted(shown(value))
    return value


def xlsx_text(value: str) -> str:
    """Text for a workbook cell: the writer stores it as a string cell (never a formula);
    characters a workbook cannot hold, and invisible ones, are written out."""
    return shown(value)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|!])")


def md_text(value: object) -> str:
    """Text safe in Markdown, also in a table cell: HTML shown as text (a wiki renders raw HTML,
    and a note is user input), no link or image syntax (``[x](javascript:…)``,
    ``![x](http://…)``), pipes escaped, lines joined with ``<br>``."""
    text = shown("" if value is None else str(value).replace("\r\n", "\n"))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return text.replace("\n", "<br>")


def md_table(heads: Sequence[object], rows: Sequence[Sequence[object]]) -> list[str]:
    """A Markdown table's lines, every cell guarded, then a blank line."""
    out = ["| " + " | ".join(md_text(h) for h in heads) + " |", "|" + "---|" * len(heads)]
    out += ["| " + " | ".join(md_text(c) for c in row) + " |" for row in rows]
    return [*out, ""]
