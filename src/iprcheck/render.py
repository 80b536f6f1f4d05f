"""Views of the catalog for people and programs: tables, task pages, search hits, exports.

rich is imported inside the functions that draw, so the JSON and CSV paths never pay for it.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .i18n import status_label, t

if TYPE_CHECKING:
    from rich.console import Console

    from .applicability import Entry, Profile
    from .catalog import Catalog
    from .ledger import Ledger
    from .models import Task
    from .records import Tracking

STATUS_STYLE = {
    "todo": "dim",
    "in-progress": "yellow",
    "done": "green",
    "blocked": "bold red",
    "waived": "magenta",
}


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def emit(parts: Sequence[Any], out: Console) -> None:
    """Print to ``out``; piped or into a file, without the spaces tables pad lines with."""
    if out.is_terminal:
        for part in parts:
            out.print(part)
        return
    with out.capture() as cap:
        for part in parts:
            out.print(part)
    out.file.write("\n".join(line.rstrip() for line in cap.get().split("\n")))
    out.file.flush()


def to_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


CSV_FIELDS = [
    "id",
    "section",
    "task",
    "task_title",
    "actor",
    "requirement",
    "rule",
    "mandatory_for",
    "optional_for",
    "departments",
    "completion",
    "due",
    "status",
    "owner",
    "internal_due",
    "note",
    "evidence",
    "updated",
    "text",
]


def to_csv(rows: Sequence[dict[str, Any]]) -> str:
    """UTF-8 with a BOM, so that Excel opens the Chinese text correctly on a double-click."""
    import csv

    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv.DictWriter(buf, CSV_FIELDS, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(
            {
                k: csv_text("; ".join(map(str, v)) if isinstance(v, list) else v)
                for k, v in row.items()
            }
        )
    return buf.getvalue()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: object) -> object:
    """A cell Excel will not run: a note such as ``=HYPERLINK(...)`` or ``-1+1`` in a CSV that
    is e-mailed and double-clicked would become a formula. A leading apostrophe keeps it text,
    as OWASP advises; the xlsx export sets the cell type instead."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def md_cell(value: object) -> str:
    """Text safe in a Markdown table cell: pipes escaped, lines joined, and HTML shown as text
    (a wiki renders raw HTML, and a note is user input)."""
    text = "" if value is None else str(value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|").replace("\r\n", "\n").replace("\n", "<br>")


def md_table(heads: Sequence[object], rows: Sequence[Sequence[object]]) -> list[str]:
    """A Markdown table's lines, then a blank line."""
    out = ["| " + " | ".join(md_cell(h) for h in heads) + " |", "|" + "---|" * len(heads)]
    out += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows]
    return [*out, ""]


def requirement_label(req: str | None, lang: str) -> str:
    return t(f"req_{req}", lang) if req else t("req_none", lang)


def to_markdown(rows: Sequence[dict[str, Any]], lang: str) -> str:
    heads = [
        t(k, lang) for k in ("col_id", "col_task", "col_requirement", "col_status", "col_measure")
    ]
    cells = [
        [
            r["id"],
            f"{r['task']}. {r['task_title'] if lang == 'zh' else r['task_title_en']}",
            requirement_label(r["requirement"], lang),
            status_label(r["status"], lang),
            r["text"],
        ]
        for r in rows
    ]
    return "\n".join(md_table(heads, cells))


def profile_line(profile: Profile | None, lang: str, ledger: Ledger | None = None) -> str:
    """Whose obligations these are: the ledger's owner, where one is in effect, and the profile."""
    from .models import PROVINCE_TYPE_LABELS, ProvinceType

    sep = "：" if lang == "zh" else ": "
    if ledger is not None and ledger.header.national:
        dept = ledger.header.department
        return t("national_office", lang) + (f" · {dept}" if dept else "")
    owner = f"{ledger.header.province} · " if ledger is not None and ledger.header.province else ""
    if profile is None:
        return f"{owner}{t('profile', lang)}{sep}{t('no_profile', lang)}"
    names = [
        PROVINCE_TYPE_LABELS[ProvinceType(k)][0 if lang == "zh" else 1] for k in profile.type_keys()
    ]
    return f"{owner}{t('profile', lang)}{sep}" + ("、" if lang == "zh" else ", ").join(names)


def list_table(
    entries: Sequence[Entry],
    tracking: dict[str, Tracking],
    lang: str,
    *,
    full: bool = False,
    title: str | None = None,
) -> Any:
    """Obligations grouped under their task: id, requirement, status, the measure."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from .records import UNTRACKED, summary

    table = Table(
        box=box.SIMPLE_HEAD, title=title, title_justify="left", pad_edge=False, expand=False
    )
    table.add_column(t("col_id", lang), no_wrap=True, style="bold")
    table.add_column(t("col_requirement", lang), no_wrap=True)
    table.add_column(t("col_status", lang), no_wrap=True)
    table.add_column(t("col_measure", lang), overflow="fold", ratio=1)
    show_owner = any(tracking.get(e.obligation.id, UNTRACKED).owner for e in entries)
    if show_owner:
        table.add_column(t("col_owner", lang), overflow="fold", max_width=12)
    current_task = None
    for e in entries:
        o = e.obligation
        if o.task.number != current_task:
            current_task = o.task.number
            task_title = o.task.title if lang == "zh" else o.task.title_en
            table.add_row(
                str(o.task.number),
                "",
                "",
                Text(task_title, style="bold cyan"),
                *([""] if show_owner else []),
            )
        tr = tracking.get(o.id, UNTRACKED)
        req = e.requirement.value if e.requirement else None
        actor = "" if req else t(f"actor_{o.actor.value}", lang)
        req_cell = Text(
            requirement_label(req, lang) if req else actor,
            style="bold" if req == "mandatory" else "",
        )
        status = Text(status_label(tr.status, lang), style=STATUS_STYLE.get(tr.status, ""))
        text = o.measure.text if full else summary(o.measure.text)
        row: list[str | Text] = [f"  {o.id}", req_cell, status, Text(text)]
        if show_owner:
            row.append(Text(tr.owner or ""))  # Text: what a user typed is never markup
        table.add_row(*row)
    return table


def task_page(
    catalog: Catalog,
    task: Task,
    profile: Profile | None,
    tracking: dict[str, Tracking],
    lang: str,
    focus: str | None = None,
) -> list[Any]:
    """The whole task laid out for reading: header, each measure with its rule and targets."""
    from rich.padding import Padding
    from rich.rule import Rule
    from rich.text import Text

    from .records import UNTRACKED

    section = next(s for s in catalog.task_list.sections if task in s.tasks)
    parts: list[Any] = []
    head = Text()
    head.append(f"{t('task_heading', lang, number=task.number)}  ", style="bold")
    head.append(task.title, style="bold cyan")
    parts.append(head)
    if lang == "en":
        parts.append(Text(task.title_en, style="italic"))
    sec_title = section.title if lang == "zh" else section.title_en
    c = "：" if lang == "zh" else ": "  # a Chinese line takes the full-width colon
    parts.append(Text(f"{t('section', lang, number=section.number)}{c}{sec_title}", style="dim"))
    parts.append(Text(f"{t('col_departments', lang)}{c}" + "、".join(task.departments)))
    completion = task.completion or "—"
    due = f" ({task.due.isoformat()})" if task.due else ""
    parts.append(Text(f"{t('col_completion', lang)}{c}{completion}{due}"))
    for m in task.measures:
        parts.append(Rule(style="dim"))
        # The arrow shows the measure asked for without colour too (NO_COLOR, piped).
        line = Text("▶ " if m.id == focus else "")
        line.append(m.id, style="bold reverse" if m.id == focus else "bold")
        line.append("  ")
        line.append(t(f"actor_{m.actor.value}", lang), style="bold")
        if m.rule:
            line.append(f"  {t('col_rule', lang)}{c}{m.rule}")
        if profile is not None and m.rule:
            req = profile.requirement(m)
            line.append("  → ")
            line.append(
                requirement_label(req.value if req else None, lang),
                style="bold green" if req else "dim",
            )
        tr = tracking.get(m.id, UNTRACKED)
        if tr is not UNTRACKED:
            line.append(
                f"  [{status_label(tr.status, lang)}]", style=STATUS_STYLE.get(tr.status, "")
            )
        parts.append(line)
        parts.append(Padding(Text(m.text), (0, 0, 0, 2)))
        if m.targets:
            parts.append(Text(f"  {t('targets', lang)}{c.rstrip()}", style="bold"))
            for target in m.targets:
                parts.append(Padding(Text(f"• {target.text}"), (0, 0, 0, 4)))
                parts.append(Padding(Text(target_line(target, lang), style="dim"), (0, 0, 0, 6)))
    return parts


UNITS = {"month": ("个月", " months"), "point": ("分", " points"), "percent": ("%", "%")}


def target_line(target: Any, lang: str) -> str:
    """``≤ 16 个月`` / ``Examination cycle for high-value patents: ≤ 16 months``."""
    sign = "≤" if target.comparator == "<=" else "≥"
    unit = UNITS[target.unit][0 if lang == "zh" else 1]
    value = f"{sign} {target.value}{unit}"
    return value if lang == "zh" else f"{target.metric_en}: {value}"


# Traditional forms the PDF extraction left in the text (意見); a search for 意见 should find them.
_FOLD = str.maketrans({"見": "见"})


def fold(text: str) -> str:
    return text.translate(_FOLD).casefold()


def search_hits(catalog: Catalog, query: str) -> list[tuple[str, str, str]]:
    """(where, field, text) for every title and measure text that contains ``query``."""
    needle = fold(query)
    hits: list[tuple[str, str, str]] = []
    for section in catalog.task_list.sections:
        for value in (section.title, section.title_en):
            if needle in fold(value):
                hits.append((f"§{section.number}", "title", value))
        for task in section.tasks:
            for value in (task.title, task.title_en):
                if needle in fold(value):
                    hits.append((str(task.number), "title", value))
            for m in task.measures:
                if needle in fold(m.text):
                    hits.append((m.id, "text", m.text))
    return hits


def search_grid(hits: Sequence[tuple[str, str, str]], query: str) -> Any:
    """One row per hit: where it is, then the text around the match, wrapped under itself."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(overflow="fold")
    for where, _field, value in hits:
        grid.add_row(where, highlight(value, query))
    return grid


def highlight(text: str, query: str, context: int | None = 40) -> Any:
    """The text around each match, the match highlighted; long texts are cut to the matches."""
    from rich.text import Text

    needle = fold(query)
    folded = fold(text)
    spans = []
    start = 0
    while needle and (i := folded.find(needle, start)) >= 0:
        spans.append((i, i + len(needle)))
        start = i + len(needle)
    if context is None or not spans:
        lo, hi = 0, len(text)
    else:
        lo, hi = max(0, spans[0][0] - context), min(len(text), spans[-1][1] + context)
    out = Text("…" if lo > 0 else "")
    piece = Text(text[lo:hi])
    for a, b in spans:
        piece.stylize("bold black on yellow", a - lo, b - lo)
    out.append_text(piece)
    if hi < len(text):
        out.append("…")
    return out


def history_table(events: Sequence[Any], lang: str) -> Any:
    """Every change, oldest first: when, who, which obligation, from → to, note, evidence."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column(t("col_when", lang), no_wrap=True)
    table.add_column(t("col_who", lang), overflow="fold", max_width=10)
    table.add_column(t("col_id", lang), no_wrap=True)
    table.add_column(t("col_change", lang), overflow="fold")
    table.add_column(t("col_note", lang), overflow="fold", ratio=1)
    for ev in events:
        when = ev.when.isoformat(sep=" ", timespec="seconds")
        if ev.kind == "status":
            change = (
                f"{status_label(ev.before.get('status', ''), lang)} → "
                f"{status_label(ev.after['status'], lang)}"
            )
        else:
            names = {"owner": t("col_owner", lang), "due": t("internal_due", lang)}
            sep = "；" if lang == "zh" else ", "
            change = sep.join(
                f"{names.get(k, k)}: {ev.before.get(k) or '—'} → {v or '—'}"
                for k, v in ev.after.items()
            )
        if ev.undo_of:
            change += " (undo)" if lang == "en" else "（撤销）"
        note = ev.note or ""
        if ev.evidence:
            note += ("\n" if note else "") + "📎 " + "; ".join(ev.evidence)
        # Text: what a user typed is never markup ("[/x]" in a note would stop the table).
        table.add_row(when, Text(ev.by), ev.obligation, Text(change), Text(note))
    return table
