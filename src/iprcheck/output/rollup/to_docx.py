"""The rollup as the national coordinator's Word 汇总, in the layout of the report
(``output/official``, GB/T 9704-2012).

What it holds: the title and the day it was made; 一、总体情况 (how many of the list's reporting
units sent a ledger, the provinces' mandatory figures, the files left out); 二、未报送单位 (each
named); 三、推进受阻情况 (every blocked obligation, by measure, each unit with its reason); the
落款 (the ``office`` setting, where it is made, and the date); and, as 附件, a table per section:
by unit (each unit × the section's tasks), or with ``View.by == "measure"`` by measure (who owes
each provincial measure and who has not done it).

A 汇总 has no 主送 line: who receives it (the office's leadership, a meeting) is the
coordinator's to write.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from ...numbers import chinese_numeral, percent
from ...reports.rollup import Cell, Rollup, Row
from ...vocab import Requirement, Status
from .. import View
from ..excerpt import DOCUMENT_CHARS, excerpt, ledger
from ..official.page import TEXT_MM, new_document, saved
from ..official.words import broken, clean, day_text, gist, joined, list_words, listed, w
from ..official.writer import Writer
from .labels import cell_label, display_name, not_done, task_title

if TYPE_CHECKING:
    from ...tasklist import Section

TABLE_PT = 10.5  # 五号: a unit's row of a section's tasks fits the 版心


def to_docx(rollup: Rollup, view: View, today: date | None = None) -> bytes:
    """``today``: the day the 汇总 is made and dated (the rollup counts every change recorded)."""
    day = today or date.today()
    doc = new_document(view.lang)
    writer = RollupWriter(doc, rollup, view, day)
    writer.write()
    return saved(
        doc,
        title=clean("".join(writer.title_lines())),
        author=clean(view.office or ""),
        lang=view.lang,
        day=day,
    )


class RollupWriter(Writer):
    def __init__(self, doc: Any, rollup: Rollup, view: View, day: date) -> None:
        super().__init__(doc, view.lang)
        self.rollup, self.view, self.day = rollup, view, day
        self.list_title = rollup.catalog.task_list.title
        self.list_title_en = rollup.catalog.task_list.title_en or self.list_title

    def write(self) -> None:
        lang = self.lang
        self.title(self.title_lines())
        self.centred(w("subtitle_anon", lang, date=day_text(self.day, lang)))
        self.blank()
        self.text(w("rollup_intro", lang, list=self.list_name(), date=day_text(self.day, lang)))
        self.heading1(1, w("rollup_overview", lang))
        self.overview()
        self.heading1(2, w("rollup_missing_head", lang))
        self.missing()
        self.heading1(3, w("rollup_blocked_head", lang))
        self.blocked()
        start = len(self.doc.paragraphs) - 1
        self.annex_line(w("annex_line", lang, title=self.annex_title()))
        self.blank()
        self.keep_from(start)
        self.signature(clean(self.view.office or "") or None, day_text(self.day, lang))
        self.annex()

    def list_name(self) -> str:
        return self.list_title if self.lang == "zh" else self.list_title_en

    def title_lines(self) -> list[str]:
        if self.lang != "zh":
            return [w("rollup_title", self.lang, list=clean(self.list_name()))]
        return broken([*list_words(self.list_title), w("rollup_title_tail", self.lang)])

    def name(self, row: Row) -> str:
        return display_name(row, self.lang, self.rollup)

    # -- the body

    def overview(self) -> None:
        r, lang = self.rollup, self.lang
        units = len(r.catalog.task_list.reporting_units)
        missing = len(r.missing)
        text = w("rollup_received", lang, units=units, sent=units - missing, missing=missing)
        national = [row for row in r.rows if row.national]
        if national:
            text += w("rollup_national", lang, n=len(national))
        self.text(text)
        provinces = [row for row in r.rows if not row.national]
        if provinces:
            total, done = sum(p.total for p in provinces), sum(p.done for p in provinces)
            all_done = sum(p.total > 0 and p.done == p.total for p in provinces)
            blocked = sum(p.blocked > 0 for p in provinces)
            parts = [
                w("rollup_figures", lang, n=len(provinces), total=total, done=done,
                  percent=percent(done, total)),
                w("rollup_all_done", lang, n=all_done) if all_done else "",
                w("rollup_with_blocked", lang, n=blocked) if blocked else "",
            ]  # fmt: skip
            self.text(joined(parts, lang) + self.end())
        if r.skipped:
            self.text(w("rollup_skipped", lang, n=len(r.skipped)))

    def missing(self) -> None:
        r, lang = self.rollup, self.lang
        if not r.missing:
            self.text(w("rollup_missing_none", lang))
            return
        english = {u.name: u.name_en for u in r.catalog.task_list.reporting_units}
        names = [n if lang == "zh" else english.get(n) or n for n in r.missing]
        self.text(w("rollup_missing", lang, n=len(names), names=listed(names, lang)))

    def blocked(self) -> None:
        """Every blocked obligation, by measure in the list's order, each unit with its reason."""
        r, lang = self.rollup, self.lang
        reasons = r.blocked_reasons
        if not reasons:
            self.text(w("rollup_blocked_none", lang))
            return
        units = {b.province for b in reasons}
        self.text(w("rollup_blocked_intro", lang, n=len(reasons), units=len(units)))
        rows = {row.name: row for row in r.rows}
        by_id: dict[str, list[str]] = {}
        for b in reasons:
            row = rows[b.province]
            unit = self.name(row)
            where = ledger(unit, str(row.path), b.id, lang)
            note = excerpt(clean(b.note or "").strip(), lang, where, DOCUMENT_CHARS)
            one = w("rollup_blocked_one", lang, unit=unit, note=note or w("no_reason", lang))
            by_id.setdefault(b.id, []).append(one)
        measures = r.catalog.by_id
        for oid in sorted(by_id, key=_id_order):
            text = measures[oid].measure.text if oid in measures else ""
            p = self.para()
            self.lead(p, oid, gist(clean(text)))
            self.run(p, ("：" if lang == "zh" else ": ") + listed(by_id[oid], lang) + self.end())

    # -- the annex: a table per section

    def annex_title(self) -> str:
        key = "rollup_annex_measures" if self.view.by == "measure" else "rollup_annex_title"
        return w(key, self.lang)

    def annex(self) -> None:
        lang = self.lang
        self.annex_page(w("annex", lang), [self.annex_title()],
                        w("subtitle_anon", lang, date=day_text(self.day, lang)))  # fmt: skip
        for n, section in enumerate(self.rollup.catalog.task_list.sections, 1):
            title = section.title if lang == "zh" else section.title_en or section.title
            head = f"{chinese_numeral(n)}、{title}" if lang == "zh" else f"{n}. {title}"
            if self.view.by == "measure":
                if self.measure_table(section, head):
                    continue
            else:
                self.caption(head)
                self.unit_table(section)
            self.blank()
        if self.view.by != "measure":
            self.text(w("rollup_legend", lang), indent=False)

    def unit_table(self, section: Section) -> None:
        """Each unit that sent a ledger × the section's tasks; the section's mandatory done
        of each unit; then how many owe each task and have done it."""
        lang, rollup = self.lang, self.rollup
        numbers = [task.number for task in section.tasks]
        heads = [w("rollup_col_unit", lang)]
        heads += [f"{task.number}. {task_title(task, lang)}" for task in section.tasks]
        heads.append(w("rollup_col_section_done", lang))
        rows = [
            [self.name(r), *(_cell(r, n, lang) for n in numbers), _section_done(r, numbers)]
            for r in rollup.rows
        ]
        summary = {s.task.number: s for s in rollup.tasks}
        rows.append([w("rollup_row_done", lang),
                     *(f"{summary[n].done}/{summary[n].owe}" for n in numbers), ""])  # fmt: skip
        self.table(heads, rows, _widths(len(numbers)), left=(0,), size=TABLE_PT, total=True)

    def measure_table(self, section: Section, head: str) -> bool:
        """The section's provincial measures, who owes each and who has not done it; False
        where the section has none."""
        lang = self.lang
        numbers = {task.number for task in section.tasks}
        measures = [m for m in self.rollup.measures if int(m.id.split(".")[0]) in numbers]
        if not measures:
            return False
        self.caption(head)
        heads = [w(f"rollup_col_{k}", lang) for k in ("id", "measure", "owe", "done", "open")]
        rows = [
            [m.id, gist(clean(m.text), 30), str(len(m.owe)),
             str(m.count(Status.DONE)), not_done(m, lang) or "—"]
            for m in measures
        ]  # fmt: skip
        self.table(heads, rows, (14, 48, 18, 18, 58), left=(1, 4), size=TABLE_PT)
        self.blank()
        return True


def _id_order(oid: str) -> tuple[int, ...]:
    return tuple(int(x) for x in oid.split(".") if x.isdigit())


def _cell(row: Row, number: int, lang: str) -> str:
    """The state of a unit's obligations under a task; in brackets where it owes nothing there
    and the cell shows what it may do (选做)."""
    cell = row.cells.get(number)
    if cell is None or cell.state is Cell.NOT_APPLICABLE:
        return "—"
    label = cell_label(cell.state, lang)
    if not cell.optional:
        return label
    return f"（{label}）" if lang == "zh" else f"({label})"


def _section_done(row: Row, numbers: Sequence[int]) -> str:
    mine = [
        i for i in row.items if i.task.number in numbers and i.requirement is Requirement.MANDATORY
    ]
    if not mine:
        return "—"
    return f"{sum(i.status is Status.DONE for i in mine)}/{len(mine)}"


def _widths(tasks: int) -> tuple[float, ...]:
    """The unit's name, the tasks sharing what is left, the section's figure: 156 mm."""
    unit, done = 34.0, 20.0
    each = (TEXT_MM - unit - done) / max(tasks, 1)
    return (unit, *[each] * tasks, done)
