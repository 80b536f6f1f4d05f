"""Text as a notice's reader sees it, and the one form structure is recognised in.

A copy of a notice may have its full-width punctuation turned into ASCII, full-width digits,
traditional characters, odd spaces. Structure (国家知识产权局：, 一、, （一）, 12., （保护司负责）,
局内：, 省份：…必做) is recognised in ``fold(text)``: the same text with each such character
replaced by the one form, one character for one, so that every offset in the folded text is the
same offset in the original, and what is kept is always sliced from the original, verbatim.
"""

from __future__ import annotations

import re
from functools import cache

from .hanzi import SIMPLIFIED, TRADITIONAL

# ASCII and other forms of the punctuation structure is written with -> the full-width form the
# national office prints. Only these: a "." stays (1. and 1．are both item numbers below).
_PUNCTUATION = {
    "(": "（",
    ")": "）",
    ":": "：",
    ",": "，",
    ";": "；",
    "!": "！",
    "?": "？",
    "．": ".",
    "［": "〔",
    "］": "〕",
    "[": "〔",
    "]": "〕",
    "【": "〔",
    "】": "〕",
    "\u3000": " ",
    "\xa0": " ",
    "\t": " ",
}
_DIGITS = {chr(0xFF10 + n): str(n) for n in range(10)}


@cache
def _table() -> dict[int, str]:
    table = {ord(t): s for t, s in zip(TRADITIONAL, SIMPLIFIED, strict=True)}
    table.update({ord(k): v for k, v in (_PUNCTUATION | _DIGITS).items()})
    return table


def fold(text: str) -> str:
    """``text`` with punctuation, digits and characters in one form, offset for offset."""
    return text.translate(_table())


def simplified(text: str) -> str:
    """``text`` in simplified characters (a department's name is its name in either form)."""
    return text.translate({ord(t): s for t, s in zip(TRADITIONAL, SIMPLIFIED, strict=True)})


def mostly_traditional(text: str) -> bool:
    """Whether ``text`` is printed in traditional characters: more than a stray one (the 2020
    list's 意見) has a simplified form."""
    changed = sum(a != b for a, b in zip(text, simplified(text), strict=True))
    return changed >= 20 and changed * 50 >= len(text)


# What ends a sentence, or a paragraph a page break did not cut (in folded text).
SENTENCE_END = tuple("。！？；”’」』）…")


def ends_sentence(folded: str) -> bool:
    return folded.rstrip().endswith(SENTENCE_END)


# Characters that are not words: controls (but tab and line feed), zero-width spaces and joiners,
# bidirectional marks, the BOM. A notice copied from a web page may carry them; they would only
# hide the structure, and no verbatim text needs them.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff]"
)


def visible(text: str) -> str:
    """``text`` without invisible characters, line ends as ``\\n``."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    return _INVISIBLE.sub("", text)


def decode(data: bytes) -> str | None:
    """Text as a Chinese office saves it: UTF-8 (with or without a BOM), UTF-16 with its BOM,
    or GBK (decoded as GB18030, its superset); None if it is none of these."""
    if data.startswith(b"\xef\xbb\xbf"):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


_CN = "零一二三四五六七八九"


def numeral_value(text: str) -> int | None:
    """一 -> 1, 十 -> 10, 十二 -> 12, 二十三 -> 23 (how a document numbers its parts); else None."""
    if not text or len(text) > 3 or any(c not in _CN + "十" for c in text):
        return None
    if "十" not in text:
        return _CN.index(text) if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return None
    value = (_CN.index(tens) if tens else 1) * 10 + (_CN.index(units) if units else 0)
    return value or None
