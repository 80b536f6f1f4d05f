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

# C0 controls but tab and line feed, DEL, C1 controls; zero-width characters, the Arabic letter
# mark, bidirectional embeddings, overrides and isolates, word joiners, the BOM, and the line
# and paragraph separators.
_HIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064"
    "\u2066-\u2069\ufeff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def shown(text: str) -> str:
    """``text`` with every control or invisible character written out as an escape."""
    return _HIDDEN.sub(_escape, text)


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


def has_hidden(text: str) -> bool:
    return _HIDDEN.search(text) is not None


# A spreadsheet treats a cell starting with these as a formula (OWASP's CSV injection list).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A CSV cell Excel will not run: a note such as ``=HYPERLINK(...)`` or ``-1+1`` in a CSV
    that is e-mailed and double-clicked would become a formula. A leading apostrophe keeps it
    text, as OWASP advises."""
    if isinstance(value, str):
        value = shown(value)
        if value.startswith(_FORMULA_START):
            return "'" + value
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
