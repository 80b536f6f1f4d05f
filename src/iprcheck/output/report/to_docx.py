"""The report as the Word document an office sends upward: a 落实情况报告 in the layout of
GB/T 9704-2012 (``output/official``).

What the national office receives: the title (``{office}关于…落实情况的报告`` once the ``office``
setting names the sender), the 报送单位 and date, the 主送 line (国家知识产权局：), an overview
with the mandatory figures, 本期进展 in sentences (``report --since``), the progress of every
obligation under its section (一、) and task (（一）), 存在问题 (blocked, and past the list's due
date), 下一步打算 grouped by what is open, 特此报告, the 落款 and, as 附件, a table with a row
per section.

What stays out unless the office asks for its own copy (``View.internal``, ``report
--internal``): the divisions (责任处室), internal due dates and the misses of them, assignments
in 本期进展, the ledger's file name and the ledger check's findings; the copy sent upward never
names the tool. The own copy carries 内部使用 top left and no 主送 line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ...numbers import percent
from ...vocab import Status
from .. import View
from .. import labels as L
from ..excerpt import DOCUMENT_CHARS, excerpt, here, history
from ..official.page import TEXT_MM, new_document, saved
from ..official.words import (
    broken,
    clean,
    day_text,
    evidence_title,
    gist,
    joined,
    list_words,
    listed,
    sentence,
    w,
)
from ..official.writer import Writer
from . import since_sentences

if TYPE_CHECKING:
    from ...obligations import Item
    from ...reports.report import Counts, Facts, Finding, Report


def to_docx(report: Report, view: View) -> bytes:
    doc = new_document(view.lang)
    ReportWriter(doc, report, view).write()
    return saved(
        doc,
        title=clean("".join(title_lines(report, view))),
        author=clean(sender(report, view) or ""),
        lang=view.lang,
        day=report.facts.as_of,
    )


def who(report: Report, lang: str) -> str | None:
    """The reporting unit as the ledger names it; None for a ledger that names none."""
    f = report.facts
    if f.national or f.province:
        name = L.who(f, lang)
        return name.replace(" ", "") if lang == "zh" else name
    return None


def sender(report: Report, view: View) -> str | None:
    """Who sends the report: the office setting, else the unit the ledger names."""
    return view.office or who(report, view.lang)


def list_name(facts: Facts, lang: str) -> str:
    """The list's title in ``lang``; the Chinese one where a list has no English title."""
    return (facts.list_title_en or facts.list_title) if lang != "zh" else facts.list_title


def title_lines(report: Report, view: View) -> list[str]:
    """``浙江省知识产权局关于2020年…任务清单落实情况的报告`` with the office set, else
    ``浙江省2020年…任务清单落实情况报告``; broken between words (``words.broken``)."""
    f, lang = report.facts, view.lang
    if lang != "zh":  # the unit is named in the line under the title
        return [w("title", lang, list=clean(list_name(f, lang)))]
    if view.office:
        about = clean(view.office) + w("title_about", lang)
        return broken([about, *list_words(f.list_title), w("title_about_tail", lang)])
    unit = clean(who(report, lang) or "")
    return broken([unit, *list_words(f.list_title), w("title_tail", lang)])


class ReportWriter(Writer):
    """The report's parts, in order (``write``)."""

    def __init__(self, doc: Any, report: Report, view: View) -> None:
        super().__init__(doc, view.lang)
        self.report, self.view = report, view
        self.internal = view.internal

    def write(self) -> None:
        report, lang = self.report, self.lang
        self.head()
        self.overview()
        self.since()
        number = 0
        for g in report.sections:
            items = [i for i in report.items if i.obligation.section.number == g.number]
            if items:
                number += 1
                self.heading1(number, L.group_title(g, lang))
                self.tasks(items)
        self.heading1(number + 1, w("problems", lang))
        self.problems()
        self.heading1(number + 2, w("next", lang))
        self.next_steps()
        self.ending()
        self.annex()

    # -- the head

    def head(self) -> None:
        """内部使用 (the office's own copy), the title, the 报送单位 and date, the ledger line
        (own copy) or the 主送 line (a province's report sent upward)."""
        f, lang = self.report.facts, self.lang
        if self.internal:
            self.mark(w("internal_mark", lang))
        self.title(title_lines(self.report, self.view))
        unit = sender(self.report, self.view)
        when = day_text(f.as_of, lang)
        key = "subtitle" if unit else "subtitle_anon"
        self.centred(w(key, lang, who=unit or "", date=when))
        if self.internal:
            self.centred(L.ledger_line(f, lang))
        elif not f.national:
            self.addressee(w("addressee", lang))
        if self.internal or f.national:
            self.blank()

    def overview(self) -> None:
        f, lang = self.report.facts, self.lang
        unit = sender(self.report, self.view) or w("we_anon", lang)
        when = day_text(f.as_of, lang)
        self.text(w("intro", lang, list=list_name(f, lang), who=unit, date=when))
        m, o = self.report.totals.mandatory, self.report.totals.optional
        sentences = []
        if m.total:
            lead = w("overview_mandatory", lang, total=m.total, done=m.done,
                     percent=percent(m.done, m.total))  # fmt: skip
            # 广东省承担必做举措…: the unit leads the sentence in Chinese only
            lead = (unit if lang == "zh" else "") + lead
            sentences.append(joined([lead, *self._counts(m, STATES)], lang))
        if o.total:
            lead = w("overview_optional", lang, total=o.total, done=o.done)
            sentences.append(joined([lead, *self._counts(o, OPTIONAL_STATES)], lang))
        text = ("；" if lang == "zh" else ". ").join(sentences)
        text = (text + ("。" if lang == "zh" else ". ")) if text else ""
        self.text(text + self._days())

    def _days(self) -> str:
        f, lang = self.report.facts, self.lang
        left, deadline = f.days_left, day_text(f.deadline, lang)
        if left is None:  # a list without a deadline of its own: no countdown
            return ""
        if left > 0:
            return w("days_left", lang, date=deadline, days=left)
        if left == 0:
            return w("days_today", lang, date=deadline)
        return w("days_over", lang, date=deadline, days=-left)

    def _counts(self, counts: Counts, keys: Sequence[Status]) -> list[str]:
        return [w(f"count_{k.value}", self.lang, n=counts[k]) for k in keys if counts[k]]

    def since(self) -> None:
        """本期进展 (``report --since``): what changed, in sentences."""
        report, lang = self.report, self.lang
        if report.since is None:
            return
        self.text(since_sentences.intro(report, lang, internal=self.internal))
        for text in since_sentences.sentences(report, lang, internal=self.internal):
            self.text(text)

    # -- each obligation under its section and task

    def tasks(self, items: list[Item]) -> None:
        titles = {g.number: g for g in self.report.tasks}
        order: dict[int, list[Item]] = {}
        for item in items:
            order.setdefault(item.task.number, []).append(item)
        for n, (task, mine) in enumerate(order.items(), 1):
            group = titles.get(task)
            name = (
                L.group_title(group, self.lang) if group else L.task_title(mine[0].task, self.lang)
            )
            self.heading2(n, name)
            for item in mine:
                self.obligation(item)

    def obligation(self, item: Item) -> None:
        """``1.2　各地区要…（必做，已完成）。进展情况：…。佐证材料：…。``"""
        lang = self.lang
        p = self.para()
        self.lead(p, item.id, gist(clean(item.text)))
        state = item.status.label(lang)
        req = item.requirement
        tag = w("req_status", lang, req=w(f"req_{req.value}", lang), status=state) if req else ""
        self.run(p, (tag or (f"（{state}）" if lang == "zh" else f" ({state})")) + self.end())
        rest = []
        note = self.note(item)
        if note:
            key = "waived_note" if item.status is Status.WAIVED else "progress"
            rest.append(sentence(w(key, lang, note=note), lang))
        refs = listed((clean(evidence_title(e)) for e in item.evidence if e.strip()), lang)
        if refs:
            rest.append(sentence(w("evidence", lang, refs=refs), lang))
        if self.internal:
            rest.append(sentence(self._owner_due(item), lang))
        if any(rest):
            sep = "" if lang == "zh" else " "
            self.run(p, sep + sep.join(x for x in rest if x))

    def note(self, item: Item) -> str:
        """The item's note, a long one cut with where to read it whole."""
        where = history(item.id, self.lang) if self.internal else here(self.lang)
        return excerpt(clean(item.note or "").strip(), self.lang, where, DOCUMENT_CHARS)

    def _owner_due(self, item: Item) -> str:
        lang, parts = self.lang, []
        owner = clean(item.owner or "").strip()
        if owner:
            parts.append(w("owner", lang, owner=owner))
        if item.internal_due:
            parts.append(w("internal_due", lang, date=day_text(item.internal_due, lang)))
        return ("；" if lang == "zh" else "; ").join(parts)

    # -- 存在问题

    def problems(self) -> None:
        lang, a = self.lang, self.report.attention
        overdue = [o for o in a.overdue if self.internal or not o.internal]
        if a.blocked:
            self.text(w("blocked_intro", lang, n=len(a.blocked)))
            for oid in a.blocked:
                item = self.report.item(oid)
                reason = self.note(item) or w("no_reason", lang)
                self.item_line(item, self.end() + sentence(w("reason", lang, note=reason), lang))
        if overdue:
            self.text(w("overdue_intro", lang, n=len(overdue)))
            for o in overdue:
                key = "overdue_internal" if o.internal else "overdue_list"
                late = w(key, lang, date=day_text(o.due, lang), days=o.days)
                self.item_line(self.report.item(o.id), self._bracket(late) + self.end())
        if not a.blocked and not overdue:
            self.text(w("no_problems", lang))
        if self.internal and self.report.findings:
            self.findings()

    def findings(self) -> None:
        """The ledger check's findings, one sentence per kind naming the ids: the office's own
        copy only."""
        lang, found = self.lang, self.report.findings
        self.text(w("findings_intro", lang, n=len(found)))
        by_code: dict[str, list[Finding]] = {}
        for f in found:
            by_code.setdefault(f.code, []).append(f)
        colon = "：" if lang == "zh" else ": "
        for group in by_code.values():
            said = L.level(group[0], lang) + colon + L.finding_text(group[0], lang)
            ids = listed((f.id for f in group), lang)
            self.text(said + self._bracket(ids) + self.end())

    def item_line(self, item: Item, after: str) -> None:
        p = self.para()
        self.lead(p, item.id, gist(clean(item.text)))
        self.run(p, after)

    def _bracket(self, text: str) -> str:
        return f"（{text}）" if self.lang == "zh" else f" ({text})"

    # -- 下一步打算

    def next_steps(self) -> None:
        """What is open, grouped: blocked, in progress, not started (一是…二是…三是…), each with
        its ids; in the office's own copy, who holds which and the internal due dates."""
        lang, report = self.lang, self.report
        open_ = [report.item(oid) for oid in report.attention.open_mandatory]
        if not open_:
            self.text(w("next_none", lang))
            return
        f = report.facts
        left = f.days_left
        key = "next_intro" if left is not None and left >= 0 else "next_intro_late"
        self.text(w(key, lang, n=len(open_), date=day_text(f.deadline, lang)))
        groups = [(s, [i for i in open_ if i.status is s]) for s in NEXT_ORDER]
        for nth, (status, items) in enumerate(((s, g) for s, g in groups if g), 1):
            ids = listed((i.id for i in items), lang)
            text = w(f"next_{status.value}", lang, nth=w(f"nth_{nth}", lang), n=len(items), ids=ids)
            if self.internal:
                text += self._holders(items)
            self.text(text)

    def _holders(self, items: list[Item]) -> str:
        """``其中，保护处负责3.2、3.3（内部时限2020年10月31日），6.2尚未明确责任处室。``"""
        lang = self.lang
        held: dict[str, list[str]] = {}
        for i in items:
            due = w("next_internal_due", lang, date=day_text(i.internal_due, lang))
            held.setdefault(clean(i.owner or "").strip(), []).append(
                i.id + (due if i.internal_due else "")
            )
        parts = [
            w("next_owner", lang, owner=owner, ids=listed(ids, lang))
            for owner, ids in held.items()
            if owner
        ]
        if "" in held:
            ids = held[""]
            parts.append(w("next_unowned", lang, ids=listed(ids, lang)))
        return w("next_owners", lang, parts=("；" if lang == "zh" else "; ").join(parts))

    # -- the end and the annex

    def ending(self) -> None:
        """特此报告, the annex line and the 落款 (GB/T 9704 7.3.4, 7.3.5.2), kept together."""
        lang = self.lang
        start = len(self.doc.paragraphs) - 1  # the last of the body goes with the 落款
        closing = w("closing", lang)
        if closing:
            self.text(closing)
        self.annex_line(w("annex_line", lang, title=self.annex_title()))
        self.blank()
        self.keep_from(start)
        self.signature(sender(self.report, self.view), day_text(self.report.facts.as_of, lang))

    def annex_title(self) -> str:
        return w("annex_title", self.lang, list=list_name(self.report.facts, self.lang))

    def annex(self) -> None:
        """附件 on a page of its own, then its table: a row per section, and the total."""
        lang, f = self.lang, self.report.facts
        if lang == "zh":
            lines = broken([*list_words(f.list_title), w("annex_tail", lang)])
        else:
            lines = [self.annex_title()]
        self.annex_page(
            w("annex", lang), lines, w("subtitle_anon", lang, date=day_text(f.as_of, lang))
        )
        self.caption(w("unit", lang), right=True)
        keys = ["col_seq", "col_section", "col_mandatory", "col_done", "col_in-progress"]
        keys += ["col_blocked", "col_percent"]
        # 156 mm; English headings are longer, and wrap between words
        widths = (14, 54, *[17.6] * 5) if lang == "zh" else (12, 46, 26, 15, 21, 19, 17)
        assert abs(sum(widths) - TEXT_MM) < 1
        rows: list[list[str]] = []
        total = dict.fromkeys(("total", "done", "in-progress", "blocked"), 0)
        for n, g in enumerate(self.report.sections, 1):
            figures = _figures_of(g.totals.mandatory)
            for k, figure in figures.items():
                total[k] += figure
            rows.append([str(n), L.group_title(g, lang), *_figures(figures)])
        rows.append(["", w("total", lang), *_figures(total)])
        self.table([w(k, lang) for k in keys], rows, widths, total=True)


STATES = (Status.IN_PROGRESS, Status.BLOCKED, Status.TODO, Status.WAIVED)
OPTIONAL_STATES = (Status.IN_PROGRESS, Status.BLOCKED, Status.WAIVED)
NEXT_ORDER = (Status.BLOCKED, Status.IN_PROGRESS, Status.TODO)


def _figures_of(m: Counts) -> dict[str, int]:
    return {"total": m.total, "done": m.done, "in-progress": m.in_progress, "blocked": m.blocked}


def _figures(m: Mapping[str, int]) -> list[str]:
    pct = f"{percent(m['done'], m['total'])}%" if m["total"] else "—"
    return [str(m["total"]), str(m["done"]), str(m["in-progress"]), str(m["blocked"]), pct]
