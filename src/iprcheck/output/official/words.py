"""Text as an official document writes it: escaped, dated in words, named whole.

Every text from the ledger or the list passes ``clean`` on its way into a run: control and
invisible characters (bidirectional overrides, zero-width spaces, C0 and C1 controls) are
written out as escapes, as every other format writes them (``output.guards.shown``), and what
XML cannot hold at all (lone surrogates, U+FFFE/U+FFFF) likewise, so a hostile note neither
stops the writer nor reverses a line of the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date
from itertools import combinations

from ...i18n import t
from ...vocab import NATIONAL_OFFICE
from ..guards import shown

TITLE_CHARS = 19.5  # what one title line holds at 22 pt in 156 mm, with room to spare


def w(key: str, lang: str, /, **params: object) -> str:
    """A document's words (``i18n/documents.py``, keys ``docx_*``)."""
    return t(f"docx_{key}", lang, **params)


# What XML 1.0 cannot hold once ``shown`` has written out the controls: surrogates, U+FFFE/F.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def clean(text: object) -> str:
    """Text fit for a run: line ends as newlines, every control or invisible character and
    every character XML refuses written out as an escape (``\\u202e``)."""
    s = "" if text is None else str(text)
    s = shown(s.replace("\r\n", "\n").replace("\r", "\n"))
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", s)


def width(text: str) -> float:
    """Width in em: a Latin letter or digit takes half of a Chinese character."""
    return sum(0.5 if ord(c) < 0x2E80 else 1.0 for c in text)


MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def day_text(d: date | str | None, lang: str) -> str:
    """2020年9月30日 / 30 September 2020."""
    if d is None:
        return ""
    if isinstance(d, str):
        try:
            d = date.fromisoformat(d)
        except ValueError:
            return clean(d)
    if lang == "zh":
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"  # not strftime: it follows the locale


def gist(text: str, limit: int = 48) -> str:
    """The measure's first sentence, without the 国家知识产权局： prefix; a longer one is cut at
    its last clause (，；) within ``limit``, so that the report reads whole words."""
    head = text.removeprefix(NATIONAL_OFFICE + "：")
    first = head.split("。", 1)[0].strip()
    if len(first) <= limit:
        return first
    cut = max(first.rfind(mark, 0, limit) for mark in "，；")
    if cut >= 16:
        return first[: _past_title(first, cut)]
    end = _past_title(first, limit - 1)
    return first[:end] + ("…" if end < len(first) else "")


def _past_title(text: str, end: int) -> int:
    """Where a cut at ``end`` may fall: after the 》 of a document title it would break open
    (《关于…的通知》 is named whole in a report, never as 《关于…)."""
    if text.rfind("《", 0, end) > text.rfind("》", 0, end):
        close = text.find("》", end)
        if close != -1:
            return close + 1
    return end


def sentence(text: str, lang: str) -> str:
    """Text ending as a sentence does."""
    text = text.strip()
    if not text:
        return ""
    if lang == "zh":
        return text if text[-1] in "。！？；…”）" else text + "。"
    return text if text[-1] in ".!?;…)" else text + "."


def joined(parts: Iterable[str], lang: str) -> str:
    """Clauses of one sentence: ``，`` / ``, ``."""
    return ("，" if lang == "zh" else ", ").join(p for p in parts if p)


def listed(parts: Iterable[str], lang: str) -> str:
    """Items named in a row: ``、`` / ``, ``."""
    return ("、" if lang == "zh" else ", ").join(p for p in parts if p)


# The kinds of file an office keeps its evidence in; a reference ending so names a file.
_FILE = re.compile(
    r"\.(?:pdf|ofd|docx?|wps|rtf|txt|xlsx?|et|csv|pptx?|dps|jpe?g|png|gif|bmp|tiff?|zip|rar|7z"
    r"|html?)$",
    re.IGNORECASE,
)


def evidence_title(ref: str) -> str:
    """Evidence as a document names it: a file by its name without folder or extension
    (``材料/浙知发〔2020〕12号.pdf`` -> 浙知发〔2020〕12号), anything else (a document number, a web
    address) as written."""
    ref = ref.strip()
    if "://" in ref or not _FILE.search(ref):
        return ref
    name = re.split(r"[\\/]", ref)[-1]
    return _FILE.sub("", name).strip() or ref


# ---------------------------------------------------------------------------------------------
# Titles.


def list_words(title: str) -> list[str]:
    """The list's title in two pieces when it ends in a 任务清单 (or 清单)."""
    title = clean(title)
    for word in ("任务清单", "清单"):
        at = title.rfind(word)
        if at > 0:
            return [title[:at], title[at:]]
    return [title]


def broken(pieces: Sequence[str], limit: float = TITLE_CHARS) -> list[str]:
    """A title in lines broken only between ``pieces`` (GB/T 9704 7.2: 词意完整，排列对称):
    the fewest lines that fit, and of those the most even; one line when nothing fits."""
    pieces = [x for x in pieces if x]
    full = "".join(pieces)
    if width(full) <= limit or len(pieces) < 2:
        return [full]
    for n in range(1, len(pieces)):
        best: list[str] | None = None
        for cuts in combinations(range(1, len(pieces)), n):
            bounds = (0, *cuts, len(pieces))
            lines = ["".join(pieces[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
            if max(width(x) for x in lines) > limit:
                continue
            if best is None or _spread(lines) < _spread(best):
                best = lines
        if best:
            return best
    return [full]


def _spread(lines: Sequence[str]) -> float:
    widths = [width(x) for x in lines]
    return max(widths) - min(widths)
