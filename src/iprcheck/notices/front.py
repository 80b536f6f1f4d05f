"""What a notice says about itself before the list: the list's title and year, the notice's
文号, and the short id a library of lists knows it by.

The front matter (the notice's own title, 文号, addressees, 特此通知, the date, "（国家知识产权局
代章）") is read only for these; none of it is a section, a task or a responsibility.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import fold, simplified

# The kinds of annual document, longest first: the id is year + kind (2021-推进计划).
KINDS = (
    "任务清单",
    "推进计划",
    "工作指引",
    "工作要点",
    "实施方案",
    "工作方案",
    "行动计划",
    "行动方案",
    "计划",
    "清单",
    "指引",
    "要点",
    "方案",
)
_KIND = "|".join(KINDS)
# A title: a year, then words without a break or a sentence's punctuation, then a kind. Bounded
# (60 characters), so that no search runs on through a long line.
_TITLE = re.compile(
    rf"((?:19|20|21)[0-9]{{2}})\s?年[^\s。，；：、《》“”（）〔〕]{{0,60}}?(?:{_KIND})"
)
# 文号: 国知发运字〔2021〕3号 (also with (2021) or [2021] in a copy).
_NUMBER = re.compile(r"[〔（]((?:19|20|21)[0-9]{2})[〕）]\s?[0-9]{1,4}\s?号")
_ISSUER = re.compile(r"[\u4e00-\u9fff]{2,10}$")
_YEAR = re.compile(r"((?:19|20|21)[0-9]{2})\s?年")
# Only this much of the front matter is searched: a notice's letter is a page or two.
FRONT_CHARS = 20_000


@dataclass(frozen=True)
class Front:
    title: str | None  # verbatim
    year: int | None
    kind: str | None  # simplified, one of KINDS
    document_number: str | None  # verbatim


def read_front(text: str) -> Front:
    """The title, year, kind and 文号 in the front matter ``text`` (original, not folded)."""
    text = text[-FRONT_CHARS:]
    folded = fold(text)
    title = _title(text, folded)
    number = _NUMBER.search(folded)
    number_at = _number_start(folded, number.start()) if number else None
    year: int | None = None
    kind: str | None = None
    if title is not None:
        found = _TITLE.fullmatch(fold(title))
        if found:
            year = int(found.group(1))
            kind = next(k for k in KINDS if simplified(fold(title)).endswith(k))
    if year is None and number is not None:
        year = int(number.group(1))
    if year is None:
        any_year = _YEAR.search(folded)
        year = int(any_year.group(1)) if any_year else None
    return Front(
        title=title,
        year=year,
        kind=kind,
        document_number=None
        if number is None or number_at is None
        else text[number_at : number.end()],
    )


def _number_start(folded: str, bracket: int) -> int | None:
    """Where a 文号 starts, given its 〔: its issuer's short name just before (国知发运字), from
    国知 where it says so (…的通知国知发运字 run together in a copy)."""
    issuer = _ISSUER.search(folded, max(0, bracket - 10), bracket)
    if issuer is None:
        return None
    at = folded.rfind("国知", issuer.start(), bracket)
    return at if at != -1 else issuer.start()


def _title(text: str, folded: str) -> str | None:
    """The list's own title: the last one standing on its own; else one the notice names in
    《》 (国家知识产权局关于印发《2021年…推进计划》的通知)."""
    quoted: str | None = None
    standing: str | None = None
    for found in _TITLE.finditer(folded):
        start, end = found.span()
        if start > 0 and folded[start - 1] == "《":
            quoted = quoted or text[start:end]
        elif not _inside_sentence(folded, start, end):
            standing = text[start : _with_remark(folded, end)]
    return standing or quoted


_REMARK = re.compile(r"（[^\s。，；：、《》“”（）]{1,20}）")


def _with_remark(folded: str, end: int) -> int:
    """Where a title standing on its own ends: after the kind, or after a short remark the
    title carries in brackets (…推进计划（试行）, …清单（征求意见稿））."""
    remark = _REMARK.match(folded, end)
    return remark.end() if remark else end


def _inside_sentence(folded: str, start: int, end: int) -> bool:
    """Whether the title found is part of a sentence (…的通知, 关于印发…) rather than a line of
    its own."""
    before = folded[max(0, start - 4) : start]
    after = folded[end : end + 3]
    return "印发" in before or "关于" in before or after.startswith(("的通知", "》"))


def list_id(year: int, kind: str | None) -> str:
    """A short id to type: 2021-推进计划, 2020-任务清单 (or 2021-清单 where the kind is unclear)."""
    return f"{year}-{kind or '清单'}"
