"""The table family (the 2014–2018 推进计划, the 2020 任务清单): a table of 任务清单, (任务目标),
落实举措, 执行部门 and 完成时间, read into sections, tasks and measures.

Rows: the header (repeated at page breaks, skipped), a section (一、…), a task (``N.`` in the
first cell), or a continuation (first cell empty: the task goes on over a page break). A
paragraph a page break cut is joined: the last one before the break does not end a sentence.
In a task's 落实举措 cell the national measure ("国家知识产权局：…") comes first, then the
provincial paragraphs (各地区要…, 有关地区要…, 有条件的地区要…); its 执行部门 cell holds 局内：
departments and one 省份： rule per provincial paragraph, in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..errors import Msg
from .document import Cell, Document, Row, Table
from .draft import DraftMeasure, DraftSection, DraftTask, Gap, Incomplete, Review
from .parties import names_in
from .text import ends_sentence, fold, numeral_value

_COLUMNS = {
    "task": ("任务清单", "重点任务", "主要任务", "任务名称", "任务"),
    "goal": ("任务目标", "目标"),
    "measures": ("落实举措", "工作举措", "具体举措", "工作措施", "主要举措", "举措"),
    "executors": ("执行部门", "责任部门", "责任单位", "牵头部门", "执行单位"),
    "completion": ("完成时间", "完成时限", "时间节点", "时限", "时间"),
}
_SECTION = re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*、\s*(.*)$", re.S)
_TASK = re.compile(r"^\s*([0-9]{1,4})\s*[.、]\s*(.*)$", re.S)
NATIONAL = re.compile(r"^\s*国家知识产权局\s*：")
# Who a provincial paragraph addresses, at its start: 各地区要, 有关地区要, 有条件的地区要, 各地要,
# 有关省份要, 各省（区、市）要…
PROVINCIAL = re.compile(
    r"^\s*(?:各|有关|有条件的|相关|部分|其他|试点|重点)?[^，。：；]{0,10}?"
    r"(?:地区|省份|地方|省（区、市）|省区市|各地|省市|城市)[^，。：；]{0,4}?(?:要|应|可|需)"
)
_MARKER = re.compile(r"(局内|省份)\s*：")


@dataclass
class _Task:
    number: int
    title: str
    section: int
    paragraphs: list[str] = field(default_factory=list)
    executors: list[str] = field(default_factory=list)
    completion: list[str] = field(default_factory=list)
    goal: list[str] = field(default_factory=list)
    joined: bool = False  # a paragraph cut by a page break was joined


def header_columns(row: Row) -> dict[str, int] | None:
    """The header row's columns (task, measures, executors…), or None if ``row`` is no header."""
    found: dict[str, int] = {}
    for i, cell in enumerate(row):
        text = re.sub(r"\s", "", fold("".join(cell)))
        for column, names in _COLUMNS.items():
            if column not in found and text in names:
                found[column] = i
                break
    if "measures" in found and ("executors" in found or "task" in found):
        found.setdefault("task", 0)
        return found
    return None


def find_header(document: Document) -> tuple[int, int, dict[str, int]] | None:
    """Where the list's table starts: (table index, row index, columns)."""
    for ti, table in enumerate(document.tables()):
        for ri, row in enumerate(table.rows):
            columns = header_columns(row)
            if columns is not None:
                return ti, ri, columns
    return None


def front_text(document: Document, table_at: int, row_at: int) -> str:
    """What stands before the table's header: paragraphs, and rows above it (a sheet's title)."""
    out: list[str] = []
    tables = 0
    for block in document.blocks:
        if isinstance(block, Table):
            if tables == table_at:
                out.extend(p for row in block.rows[:row_at] for cell in row for p in cell)
                break
            tables += 1
        else:
            out.append(block.lstrip("#").strip())
    return "\n".join(out)


def _cell(row: Row, index: int | None) -> Cell:
    if index is None or index >= len(row):
        return []
    return [re.sub(r"</?b>", "", p).strip() for p in row[index]]


class _Reader:
    def __init__(self, columns: dict[str, int], review: Review) -> None:
        self.columns = columns
        self.review = review
        self.sections: list[tuple[int, str]] = []
        self.tasks: list[_Task] = []

    def row(self, row: Row) -> None:
        if header_columns(row) is not None:
            return
        first = " ".join(_cell(row, self.columns["task"])).strip()
        folded = fold(first)
        rest = [p for key in ("measures", "executors") for p in _cell(row, self.columns.get(key))]
        section = _SECTION.match(folded)
        task = _TASK.match(folded)
        if section and not rest and numeral_value(section.group(1)):
            self.sections.append((numeral_value(section.group(1)) or 0, first[section.start(2) :]))
        elif task and (not self.tasks or int(task.group(1)) != self.tasks[-1].number):
            title = first[task.start(2) :].strip()
            number = int(task.group(1))
            self.tasks.append(_Task(number, title, len(self.sections)))
            self._content(row, continued=False)
        elif self.tasks and (not first or task):
            self._content(row, continued=True)
        elif first or rest:
            self.review.notes.append(Msg("notice_row_skipped", text=first[:40] or rest[0][:40]))

    def _content(self, row: Row, *, continued: bool) -> None:
        task = self.tasks[-1]
        paragraphs = _cell(row, self.columns.get("measures"))
        cut = bool(task.paragraphs) and not ends_sentence(fold(task.paragraphs[-1]))
        if continued and paragraphs and cut:
            task.paragraphs[-1] += paragraphs.pop(0)
            task.joined = True
        task.paragraphs.extend(paragraphs)
        task.executors.extend(_cell(row, self.columns.get("executors")))
        task.completion.extend(_cell(row, self.columns.get("completion")))
        task.goal.extend(_cell(row, self.columns.get("goal")))


def read_table(document: Document, year: int, review: Review) -> list[DraftSection]:
    """The sections of the table family's list in ``document`` (whose header ``find_header``
    found), findings recorded in ``review``."""
    where = find_header(document)
    assert where is not None
    table_at, row_at, columns = where
    reader = _Reader(columns, review)
    for i, table in enumerate(document.tables()):
        if i < table_at:
            continue
        for row in table.rows[row_at + 1 if i == table_at else 0 :]:
            reader.row(row)
    return _sections(reader, year, review)


def _sections(reader: _Reader, year: int, review: Review) -> list[DraftSection]:
    sections = [DraftSection(i + 1, title) for i, (_n, title) in enumerate(reader.sections)]
    _gaps("section", [n for n, _ in reader.sections], review)
    _gaps("task", [t.number for t in reader.tasks], review)
    if not sections and reader.tasks:
        sections.append(DraftSection(1, reader.tasks[0].title))
        review.notes.append(Msg("notice_no_sections"))
    for task in reader.tasks:
        target = sections[max(task.section, 1) - 1]
        target.tasks.append(_draft_task(task, year, review))
    if reader.tasks:
        _last_complete(reader.tasks[-1], sections[-1].tasks[-1], review)
    return [s for s in sections if s.tasks]


def _gaps(kind: str, numbers: list[int], review: Review) -> None:
    expected = 1
    for n in numbers:
        if n > expected:
            after = str(expected - 1) if expected > 1 else None
            review.gaps.append(Gap(kind, after, [str(k) for k in range(expected, n)][:20]))
        expected = max(expected, n + 1)


def _draft_task(task: _Task, year: int, review: Review) -> DraftTask:
    departments, rules = executors(task.executors)
    completion = "".join(task.completion).strip() or None
    draft = DraftTask(
        number=task.number,
        title=task.title,
        goal="\n".join(task.goal).strip() or None,
        departments=departments,
        completion=completion,
        due=due_of(completion, year),
    )
    paragraphs = _measure_paragraphs(task, len(rules))
    provincial = 0
    for i, (actor, text) in enumerate(paragraphs, start=1):
        measure = DraftMeasure(f"{task.number}.{i}", actor, text)
        if actor == "province":
            rule = rules[provincial] if provincial < len(rules) else None
            provincial += 1
            measure.rule = rule
            if rule is None:
                review.no_party.append(measure.id)
        elif not departments:
            review.no_party.append(measure.id)
        draft.measures.append(measure)
    if len(rules) > provincial:
        review.notes.append(
            Msg("notice_rules_left", task=task.number, rules=len(rules), paragraphs=provincial)
        )
    return draft


def executors(cell: list[str]) -> tuple[list[str], list[str]]:
    """The 执行部门 cell: its 局内 departments (simplified) and its 省份 rules (verbatim), in
    order. Text before any marker names departments too (a cell with no 局内：)."""
    text = "\n".join(cell)
    folded = fold(text)
    marks = list(_MARKER.finditer(folded))
    departments: list[str] = []
    rules: list[str] = []
    head = folded[: marks[0].start()] if marks else folded
    if head.strip():
        departments.extend(names_in(head.replace("\n", "，")))
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(folded)
        if mark.group(1) == "局内":
            departments.extend(names_in(folded[mark.end() : end].replace("\n", "，")))
        else:
            rule = text[mark.end() : end].strip().rstrip("。.")
            if rule:
                rules.append(" ".join(rule.split()))
    return list(dict.fromkeys(departments)), rules


def _measure_paragraphs(task: _Task, rules: int) -> list[tuple[str, str]]:
    """(actor, text) of each measure: the national paragraph, then the provincial ones. A cell
    flattened into fewer paragraphs than it has measures is parted where a provincial paragraph
    begins after a full stop."""
    paragraphs = task.paragraphs
    if len(paragraphs) < 1 + rules:
        paragraphs = [part for p in paragraphs for part in _parted(p)]
    out: list[tuple[str, str]] = []
    for i, paragraph in enumerate(paragraphs):
        folded = fold(paragraph)
        if NATIONAL.match(folded) or (i == 0 and not PROVINCIAL.match(folded)):
            out.append(("national", paragraph))
        elif PROVINCIAL.match(folded) or not out:
            out.append(("province", paragraph))
        else:
            # Neither: a measure written in more than one paragraph.
            actor, text = out[-1]
            out[-1] = (actor, f"{text}\n{paragraph}")
    return out


def _parted(paragraph: str) -> list[str]:
    folded = fold(paragraph)
    cuts = [0]
    for found in re.finditer(r"[。；]\s*", folded):
        if PROVINCIAL.match(folded, found.end()) and found.end() < len(folded):
            cuts.append(found.end())
    cuts.append(len(paragraph))
    return [paragraph[a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def due_of(completion: str | None, year: int) -> date | None:
    """The day a 完成时间 means, where it is sure: 年内有阶段性成果, 年内完成, 年底前 -> 31
    December; N月底前 -> that month's last day. Else None."""
    if not completion:
        return None
    folded = fold(completion).strip()
    if folded.startswith(("年内", "年底", "全年")):
        return date(year, 12, 31)
    month = re.fullmatch(r"(?:([0-9]{4})年)?([0-9]{1,2})月底(?:前)?(?:完成)?", folded)
    if month:
        y = int(month.group(1) or year)
        m = int(month.group(2))
        if 1 <= m <= 12 and y == year:
            following = date(y + (m == 12), m % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1)
    return None


def _last_complete(task: _Task, draft: DraftTask, review: Review) -> None:
    """A copy that ends mid-item: the last measure stops mid-sentence, or the last task has no
    measure, or provincial measures but no 执行部门 at all."""
    if not draft.measures:
        review.incomplete = Incomplete(str(task.number), "text")
        return
    last = draft.measures[-1]
    if not ends_sentence(fold(last.text)):
        review.incomplete = Incomplete(last.id, "text")
    elif not task.executors and any(m.actor == "province" for m in draft.measures):
        review.incomplete = Incomplete(last.id, "cells")
