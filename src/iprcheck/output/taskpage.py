"""``show`` and ``search``: a whole task laid out for reading, and search hits in context."""

from __future__ import annotations

from typing import Any

from msgspec import Struct

from ..i18n import t
from ..obligations import UNTRACKED, Hit, Profile, Tracking, fold
from ..tasklist import Section, Task
from . import View
from . import labels as L
from .wrap import Wrapped


class TaskPage(Struct, frozen=True):
    task: Task
    section: Section
    profile: Profile | None
    tracking: dict[str, Tracking]
    focus: str | None = None  # the obligation asked for


def page(data: TaskPage, view: View) -> list[Any]:
    """Header, then each measure with its rule, its requirement for the profile, its targets."""
    from rich.padding import Padding
    from rich.rule import Rule

    from .console import text  # rich: only the text view draws with it

    lang, task, section, focus = view.lang, data.task, data.section, data.focus
    parts: list[Any] = []
    head = text(f"{t('task_heading', lang, number=task.number)}  ", style="bold")
    head.append_text(text(task.title, style="bold cyan"))
    parts.append(head)
    if lang == "en":
        parts.append(text(task.title_en, style="italic"))
    sec_title = section.title if lang == "zh" else section.title_en
    c = L.colon(lang)  # a Chinese line takes the full-width colon
    parts.append(text(f"{L.section_name(section.number, lang)}{c}{sec_title}", style="dim"))
    parts.append(text(f"{t('col_departments', lang)}{c}" + "、".join(task.departments)))
    completion = task.completion or "—"
    due = f" ({task.due.isoformat()})" if task.due else ""
    parts.append(text(f"{t('col_completion', lang)}{c}{completion}{due}"))
    for m in task.measures:
        parts.append(Rule(style="dim"))
        # The arrow shows the measure asked for without colour too (NO_COLOR, piped).
        line = text("▶ " if m.id == focus else "")
        line.append(m.id, style="bold reverse" if m.id == focus else "bold")
        line.append("  ")
        line.append(m.actor.label(lang), style="bold")
        if m.rule:
            line.append_text(text(f"  {t('col_rule', lang)}{c}{m.rule}"))
        if data.profile is not None and m.rule:
            req = data.profile.requirement(m)
            line.append("  → ")
            line.append(L.requirement_label(req, lang), style="bold green" if req else "dim")
        tr = data.tracking.get(m.id, UNTRACKED)
        if tr is not UNTRACKED:
            line.append(f"  [{tr.status.label(lang)}]", style=tr.status.info.style)
        parts.append(line)
        parts.append(Padding(Wrapped(text(m.text)), (0, 0, 0, 2)))
        if m.targets:
            parts.append(text(f"  {t('targets', lang)}{c.rstrip()}", style="bold"))
            for target in m.targets:
                parts.append(Padding(text(f"• {target.text}"), (0, 0, 0, 4)))
                parts.append(Padding(text(L.target_line(target, lang), style="dim"), (0, 0, 0, 6)))
    return parts


class SearchHits(Struct, frozen=True):
    query: str
    hits: list[Hit]


def hits(data: SearchHits, view: View) -> list[Any]:
    """One row per hit: where it is, then the text around the match, wrapped under itself."""
    from rich.table import Table

    from .console import text  # rich: only the text view draws with it

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(overflow="fold")
    for hit in data.hits:
        grid.add_row(hit.where, highlight(hit.text, data.query))
    count = t("search_count", view.lang, count=len(data.hits), query=data.query)
    return [grid, text(count, style="dim")]


def highlight(value: str, query: str, context: int | None = 40) -> Any:
    """The text around each match, the match highlighted; long texts are cut to the matches."""
    from .console import text  # rich: only the text view draws with it
    from .guards import shown

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
