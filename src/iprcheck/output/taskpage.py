"""``show`` and ``search``: a whole task laid out for reading, and search hits in context."""

from __future__ import annotations

from typing import Any

from msgspec import Struct

from ..i18n import t
from ..obligations import UNTRACKED, Profile, Tracking
from ..search import Hit, fold
from ..tasklist import Measure, Section, Task
from ..tasklist.model import in_english
from ..vocab import Status
from . import View
from . import labels as L
from .console import text  # rich: this module is only loaded to draw the text view
from .guards import shown
from .wrap import Keep, Wrapped


class TaskPage(Struct, frozen=True):
    task: Task
    section: Section
    profile: Profile | None
    tracking: dict[str, Tracking]
    focus: str | None = None  # the obligation asked for


def page(data: TaskPage, view: View) -> list[Any]:
    """Header, then each measure with its rule, its requirement for the profile, its targets,
    and what the ledger knows of it: status, owner, internal deadline, note and evidence."""
    from rich.padding import Padding

    lang, task, section = view.lang, data.task, data.section
    whole = keep(data, lang)
    parts: list[Any] = []
    mark = task.label if task.label is not None else t("task_heading", lang, number=task.number)
    head = text(f"{mark}  ", style="bold")
    head.append_text(text(task.title, style="bold cyan"))
    parts.append(Wrapped(head, whole))
    if lang == "en" and task.title_en:
        parts.append(Wrapped(text(task.title_en, style="italic"), whole))
    sec_title = in_english(section.title, section.title_en, lang)
    c = L.colon(lang)  # a Chinese line takes the full-width colon
    parts.append(
        Wrapped(text(f"{L.section_name(section.number, lang)}{c}{sec_title}", style="dim"))
    )
    # The task's 执行部门, and those a plan names per item (shown again on each item's line).
    named = [*task.departments, *(d for m in task.measures for d in m.departments or ())]
    departments = "、".join(dict.fromkeys(named)) or "—"
    parts.append(Wrapped(text(f"{t('col_departments', lang)}{c}{departments}"), whole))
    completion = task.completion or "—"
    due = f" ({task.due.isoformat()})" if task.due else ""
    parts.append(Wrapped(text(f"{t('col_completion', lang)}{c}{completion}{due}"), whole))
    for m in task.measures:
        parts += _measure(data, m, lang, whole)
        tr = data.tracking.get(m.id, UNTRACKED)
        if tr is not UNTRACKED:
            parts += [Padding(x, (0, 0, 0, 2)) for x in _tracked(tr, m.id, lang, whole)]
    return parts


def keep(data: TaskPage, lang: str) -> Keep:
    """The names a task page never breaks across lines: its departments, the divisions and
    people of its measures' records, the documents given as evidence."""
    names: list[str | None] = list(data.task.departments)
    for m in data.task.measures:
        names += m.departments or []
        tr = data.tracking.get(m.id, UNTRACKED)
        names += [tr.owner, tr.by, *tr.evidence]
    return L.keep(lang, names)


def _measure(data: TaskPage, m: Measure, lang: str, whole: Keep) -> list[Any]:
    """A rule, then the measure's line (id, who, the province rule, the requirement, the
    status), its text, its targets."""
    from rich.padding import Padding
    from rich.rule import Rule

    focus, c = data.focus, L.colon(lang)
    # The arrow shows the measure asked for without colour too (NO_COLOR, piped).
    line = text("▶ " if m.id == focus else "")
    line.append(m.id, style="bold reverse" if m.id == focus else "bold")
    line.append("  ")
    line.append(m.actor.label(lang), style="bold")
    if m.departments:
        line.append_text(text(f" · {'、'.join(m.departments)}"))
    if m.rule:
        line.append_text(text(f"  {t('col_rule', lang)}{c}{m.rule}"))
    if data.profile is not None and m.rule:
        req = data.profile.requirement(m)
        line.append("  → ")
        line.append(L.requirement_label(req, lang), style="bold green" if req else "dim")
    tr = data.tracking.get(m.id, UNTRACKED)
    if tr is not UNTRACKED:
        line.append(f"  [{tr.status.label(lang)}]", style=tr.status.info.style)
    out: list[Any] = [Rule(style="dim"), Wrapped(line, whole)]
    out.append(Padding(Wrapped(text(m.text), whole), (0, 0, 0, 2)))
    if m.targets:
        out.append(text(f"  {t('targets', lang)}{c.rstrip()}", style="bold"))
        for target in m.targets:
            out.append(Padding(Wrapped(text(f"• {target.text}"), whole), (0, 0, 0, 4)))
            shown = text(L.target_line(target, lang), style="dim")
            out.append(Padding(Wrapped(shown, whole), (0, 0, 0, 6)))
    return out


def _tracked(tr: Tracking, oid: str, lang: str, whole: Keep) -> list[Any]:
    """What the ledger knows of a measure beyond its status: the owner and internal deadline,
    the progress note (a blocked or waived one without its reason says so), the evidence, and
    the last change; a long note or list of evidence cut, with the command that prints it."""

    lines: list[Any] = []
    owner = t("show_owner", lang, owner=L.name(tr.owner)) if tr.owner else ""
    due = t("show_internal_due", lang, due=tr.internal_due) if tr.internal_due else ""
    if owner or due:
        lines.append(Wrapped(text(" · ".join(filter(None, [owner, due]))), whole))
    note = L.tracked_progress(tr, lang)
    if not note and tr.status in (Status.BLOCKED, Status.WAIVED):
        note = t("att_no_note", lang)
    if note:
        body = text(t("show_progress", lang), style="bold")
        body.append_text(text(L.cut(note, lang, L.whole_note(oid)), style=tr.status.info.style))
        lines.append(Wrapped(body, whole))
    if tr.evidence:
        body = text(t("show_evidence", lang), style="bold")
        body.append_text(text(L.cut("; ".join(tr.evidence), lang, L.whole_note(oid))))
        lines.append(Wrapped(body, whole))
    if tr.updated:
        when = L.when(tr.updated)
        changed = t("show_updated", lang, when=when, by=L.name(tr.by or "—"))
        lines.append(Wrapped(text(changed, style="dim"), whole))
    return lines


class SearchHits(Struct, frozen=True):
    query: str
    hits: list[Hit]


def hits(data: SearchHits, view: View) -> list[Any]:
    """One row per hit: where it is, then the text around the match, wrapped under itself."""
    from rich.table import Table

    whole = L.keep(view.lang)
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column()
    for hit in data.hits:
        grid.add_row(hit.where, Wrapped(highlight(hit.text, data.query), whole))
    count = t("search_count", view.lang, count=len(data.hits), query=data.query)
    return [grid, text(count, style="dim")]


def highlight(value: str, query: str, context: int | None = 40) -> Any:
    """The text around each match, the match highlighted; long texts are cut to the matches."""

    value = shown(value)  # the spans are found in the text as it will be shown
    needle = fold(shown(query))
    folded = fold(value)
    spans = []
    start = 0
    while needle and (i := folded.find(needle, start)) >= 0:
        spans.append((i, i + len(needle)))
        start = i + len(needle)
    if context is None or not spans:
        lo, hi = 0, len(value)
    else:
        lo, hi = max(0, spans[0][0] - context), min(len(value), spans[-1][1] + context)
    out = text("…" if lo > 0 else "")
    piece = text(value[lo:hi])  # already shown: no change
    for a, b in spans:
        piece.stylize("bold black on yellow", a - lo, b - lo)
    out.append_text(piece)
    if hi < len(value):
        out.append("…")
    return out
