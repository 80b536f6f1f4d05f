"""The plan family (推进计划 from 2020 on, 工作指引): headings 一、 and （一）, items ``N.``
numbered through the whole plan, each ending with who is responsible ("（保护司负责）").

The text is read as one run (a copy flattened onto one line reads as the same): every place a
heading or an item number could start is found in one pass, and a number is taken only where it
is the next one expected (or a few further on, after a break: a gap) and stands where a
heading or an item begins (after a full stop, a closing bracket, a line's start, or a heading's
title). Nothing before the first 一、 (the notice's front matter) is part of the list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import Msg
from .draft import DraftMeasure, DraftSection, DraftTask, Gap, Incomplete, Review
from .parties import Party, responsibility
from .text import ends_sentence, fold, numeral_value

_CANDIDATE = re.compile(
    r"(?P<sec>[一二三四五六七八九十]{1,3})、"
    r"|（(?P<sub>[一二三四五六七八九十]{1,3})）"
    r"|(?<![0-9A-Za-z.])(?P<item>[0-9]{1,3})[.、](?![0-9])"
)
# What may stand just before a heading or an item number in a flattened copy.
_BOUNDARY = frozenset(" \n。；！？）”」』》：")
_GAP_AT_MOST = 3  # numbers a copy may skip and still be read on
_SUFFIX_SPAN = 200  # characters an item's closing "（…负责）" may take
_TRIES = 20


@dataclass(frozen=True)
class Mark:
    kind: str  # sec | sub | item
    number: int
    start: int
    end: int


@dataclass
class _Item:
    number: int
    start: int  # of its text, after the number
    end: int


@dataclass
class _Heading:
    label: str | None
    title: str
    items: list[_Item] = field(default_factory=list)


@dataclass
class _Section:
    number: int
    title: str
    headings: list[_Heading] = field(default_factory=list)


def marks(folded: str) -> list[Mark]:
    """The headings and item numbers of the plan in ``folded``, in order; [] if it has none."""
    found = list(_CANDIDATE.finditer(folded))
    out: list[Mark] = []
    state = {"sec": 0, "sub": 0, "item": 0}
    for i, m in enumerate(found):
        kind = m.lastgroup or ""
        number = numeral_value(m.group(kind)) if kind != "item" else int(m.group(kind))
        if not number:
            continue
        at_boundary = m.start() == 0 or folded[m.start() - 1] in _BOUNDARY
        in_heading = bool(out) and out[-1].kind != "item" and _no_stop(folded, out[-1].end, m)
        if not out:
            # The plan starts at a 一、 that a （一） or an item 1 follows, wherever it stands
            # (a copy joined without a break runs the front matter into it).
            if not (kind == "sec" and number == 1 and _starts_plan(found, i)):
                continue
        elif not _next(kind, number, state, at_boundary, in_heading):
            continue
        state[kind] = number
        if kind == "sec":
            state["sub"] = 0
        out.append(Mark(kind, number, m.start(), m.end()))
    return out


def _no_stop(folded: str, start: int, m: re.Match[str]) -> bool:
    """Whether nothing ends a sentence between a heading and ``m``: ``m`` is then still
    right after the heading's title (一、全面强化知识产权保护（一）…, with no break between)."""
    if m.start() - start > 80:
        return False
    between = folded[start : m.start()]
    return not any(c in between for c in "。；！？")


def _starts_plan(found: list[re.Match[str]], i: int) -> bool:
    """A 一、 begins the plan where a （一） or an item 1 follows it."""
    return any(m.group("sub") == "一" or m.group("item") == "1" for m in found[i + 1 : i + 4])


def _next(kind: str, number: int, state: dict[str, int], boundary: bool, heading: bool) -> bool:
    expected = state[kind] + 1
    if number == expected:
        return boundary or heading or kind == "sub"
    return boundary and expected < number <= expected + _GAP_AT_MOST


def read_plan(text: str, review: Review) -> tuple[list[DraftSection], int] | None:
    """The plan in ``text`` (its paragraphs joined by line ends) and where it starts (what is
    before is the notice's front matter); None if it has no plan."""
    folded = fold(text)
    found = marks(folded)
    if not any(m.kind == "item" for m in found):
        return None
    sections = _structure(text, found)
    _gaps(found, review)
    return _draft(text, folded, sections, review), found[0].start


def _first_line(text: str) -> str:
    return text.strip().split("\n", 1)[0].strip()


def _structure(text: str, found: list[Mark]) -> list[_Section]:
    sections: list[_Section] = []
    for i, mark in enumerate(found):
        end = found[i + 1].start if i + 1 < len(found) else len(text)
        content = text[mark.end : end]
        if mark.kind == "sec":
            sections.append(_Section(mark.number, _first_line(content)))
        elif mark.kind == "sub":
            label = text[mark.start : mark.end]
            sections[-1].headings.append(_Heading(label, _first_line(content)))
        else:
            section = sections[-1]
            if not section.headings:
                section.headings.append(_Heading(None, section.title))
            section.headings[-1].items.append(_Item(mark.number, mark.end, end))
    return sections


def _gaps(found: list[Mark], review: Review) -> None:
    last: dict[str, Mark] = {}
    for mark in found:
        key = "sub" if mark.kind == "sub" else mark.kind
        before = last.get(key)
        if mark.kind == "sub" and (before is None or last["sec"].start > before.start):
            before = None
        expected = before.number + 1 if before else 1
        if mark.number > expected:
            kind = {"sec": "section", "sub": "task", "item": "item"}[mark.kind]
            missing = [str(n) for n in range(expected, mark.number)]
            review.gaps.append(Gap(kind, str(before.number) if before else None, missing))
        last[key] = mark


def _draft(text: str, folded: str, sections: list[_Section], review: Review) -> list[DraftSection]:
    out: list[DraftSection] = []
    task_number = 0
    all_items = [item for s in sections for h in s.headings for item in h.items]
    last = all_items[-1] if all_items else None
    for section in sections:
        drafted = DraftSection(len(out) + 1, section.title)
        for heading in section.headings:
            if not heading.items:
                review.notes.append(Msg("notice_heading_empty", title=heading.title[:40]))
                continue
            task_number += 1
            task = DraftTask(task_number, heading.title, label=heading.label)
            for item in heading.items:
                task.measures.append(_measure(text, folded, item, item is last, review))
            drafted.tasks.append(task)
        if drafted.tasks:
            out.append(drafted)
        else:
            review.notes.append(Msg("notice_section_empty", title=section.title[:40]))
    _last_has_party(out, review)
    return out


def _last_has_party(sections: list[DraftSection], review: Review) -> None:
    """The last item without the responsible party most items end with: the copy may have
    been cut just after a full stop."""
    items = [m for s in sections for t in s.tasks for m in t.measures]
    bare = bool(items) and items[-1].id in review.no_party
    if review.incomplete is None and bare and len(review.no_party) * 2 < len(items):
        review.incomplete = Incomplete(items[-1].id, "party")


def _measure(text: str, folded: str, item: _Item, last: bool, review: Review) -> DraftMeasure:
    end = item.end
    while end > item.start and folded[end - 1].isspace():
        end -= 1
    found = _suffix_at_end(folded, item.start, end) or _first_suffix(folded, item.start, end)
    ident = str(item.number)
    if found is None:
        body = text[item.start : end].strip()
        review.no_party.append(ident)
        if last and not ends_sentence(fold(body)):
            review.incomplete = Incomplete(ident, "text")
        return DraftMeasure(ident, "national", body)
    open_at, close_at, party = found
    if text[close_at:end].strip():
        review.notes.append(Msg("notice_after_item", item=ident, chars=len(text[close_at:end])))
    measure = DraftMeasure(ident, "national", text[item.start : open_at].strip())
    measure.responsibility = text[open_at + 1 : close_at - 1].strip()
    _assign(measure, party)
    return measure


def _assign(measure: DraftMeasure, party: Party) -> None:
    if party.provinces is not None:
        measure.actor = "province"
        measure.mandatory_for = [party.provinces]
        measure.departments = party.departments or None
    else:
        measure.departments = party.departments


def _suffix_at_end(folded: str, start: int, end: int) -> tuple[int, int, Party] | None:
    """The item's closing "（…负责）": its opening and closing offsets and the party it names."""
    if end <= start or folded[end - 1] != "）":
        return None
    depth = 0
    for at in range(end - 1, max(start, end - _SUFFIX_SPAN) - 1, -1):
        char = folded[at]
        if char == "）":
            depth += 1
        elif char == "（":
            depth -= 1
            if depth == 0:
                party = responsibility(folded[at + 1 : end - 1])
                return (at, end, party) if party else None
    return None


def _first_suffix(folded: str, start: int, end: int) -> tuple[int, int, Party] | None:
    """Where an item is followed by other text (the last item by what ends the notice): the
    first "（…负责）" or "（责任单位：…）" in it ends the item. A few tries at most: what is
    searched is a stranger's text."""
    found: list[tuple[int, int, Party]] = []
    for word in ("负责）", "责任单位："):
        at = folded.find(word, start, end)
        for _ in range(_TRIES):
            if at == -1:
                break
            close = folded.find("）", at, min(end, at + _SUFFIX_SPAN)) + 1
            suffix = _suffix_at_end(folded, start, close) if close > 0 else None
            if suffix is not None:
                found.append(suffix)
                break
            at = folded.find(word, at + 1, end)
    return min(found, key=lambda f: f[0]) if found else None
