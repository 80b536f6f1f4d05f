"""Characters that text from a file may hold but no output may obey or lose.

One set, used everywhere: the views write these out as escapes (``output.guards``), and the 台账
that comes back compares and refuses by the same set (``sheets``). It sits below both so that
what a writer wrote and what the reader expects are the same text.
"""

from __future__ import annotations

import re

# C0 controls but tab and line feed, DEL, C1 controls; zero-width characters, the Arabic letter
# mark, bidirectional embeddings, overrides and isolates, word joiners, the BOM, and the line
# and paragraph separators; the noncharacters U+FFFE and U+FFFF and lone surrogates, which no
# XML document (a workbook's cells) can hold at all.
HIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064"
    "\u2066-\u2069\ufeff\ufffe\uffff\ud800-\udfff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def shown(text: str) -> str:
    """``text`` with every control or invisible character written out as an escape."""
    return HIDDEN.sub(_escape, text)


def has_hidden(text: str) -> bool:
    return HIDDEN.search(text) is not None


# A spreadsheet treats a cell starting with these as a formula (OWASP's CSV injection list). A
# CSV cell iprcheck writes that starts with one, or with the apostrophe that keeps such a cell
# text, gets one more apostrophe in front; the reader takes exactly that one away.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"


def quoted(text: str) -> str:
    """``text`` as a CSV cell that Excel shows as text, never runs."""
    return TEXT_MARK + text if text.startswith((*FORMULA_START, TEXT_MARK)) else text


def unquoted(text: str) -> str:
    """The text ``quoted`` was given."""
    if text.startswith(TEXT_MARK) and text[1:].startswith((*FORMULA_START, TEXT_MARK)):
        return text[1:]
    return text
