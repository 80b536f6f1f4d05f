"""The report for a terminal: header, progress bars, counts, attention, checks, a sparkline.

Bars are drawn with two characters (█ done, ░ not) rather than colour alone, so the report reads
the same piped into a file, with NO_COLOR, or pasted into an e-mail.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from ...i18n import t
from ...numbers import percent
from ...obligations import summary
from ...reports.report import Overdue, Report, Week
from ...vocab import STATUSES, Requirement, Status
from .. import View
from .. import labels as L
from ..console import text
from ..history import change
from ..wrap import Keep, Wrapped

SPARKS = "▁▂▃▄▅▆▇█"


def bar(done: int, total: int, width: int) -> Text:
    filled = done * width // total if total else 0
    if done and not filled:
        filled = 1  # something done is never drawn as nothing
    out = Text()
    out.append("█" * filled, style="green")
    out.append("░" * (width - filled), style="dim")
    return out


def sparkline(values: list[int], top: int) -> str:
    top = max(top, 1)
    return "".join(SPARKS[min(v, top) * (len(SPARKS) - 1) // top] for v in values)


def draw(report: Report, view: View) -> list[RenderableType]:
    lang, width = view.lang, view.width
    whole = keep(report, lang)
    parts: list[RenderableType] = [*_header(report, lang, whole), Text()]
    parts += [*_bars(report, lang, width), Text()]
    parts += [*_sections(report, lang, width), Text()]
    if report.since is not None:
        parts += [*_since(report, lang, whole), Text()]
    parts += [*_attention(report, lang, whole), Text()]
    notes = _notes(report, lang, whole)
    if notes:
        parts += [*notes, Text()]
    parts += [*checks(report, lang, grouped=True), Text()]
    parts += _progress(report, lang, width)
    return parts


def keep(report: Report, lang: str) -> Keep:
    """The names the report never breaks across lines: its province and divisions, the people
    who recorded its changes, the documents given as evidence, and the vocabulary's words."""
    f = report.facts
    names = [f.province, f.province_en, f.department, *report.owners]
    names.append(L.shown_path(f.ledger) if f.ledger else None)
    for i in report.items:
        names += [i.owner, *i.evidence]
    for ev in report.changes:
        names += [ev.by, *ev.evidence]
    return L.keep(lang, names, f.categories)


def _header(report: Report, lang: str, whole: Keep) -> list[RenderableType]:
    f = report.facts
    out: list[RenderableType] = [text(L.title(report, lang), style="bold")]
    who = L.who(f, lang)
    if f.profile is not None:
        who += f" · {t('profile', lang)}{L.colon(lang)}{L.profile(f, lang)}"
    out.append(Wrapped(text(who), whole))
    line = Text(t("report_as_of", lang, date=f.as_of.isoformat()))
    if f.deadline is not None and f.days_left is not None:
        line.append(" · " + t("report_deadline", lang, date=f.deadline.isoformat()) + " · ")
        line.append(L.days(f, lang), style="bold red" if f.days_left < 0 else "bold")
    out.append(line)
    out.append(Wrapped(text(L.ledger_line(f, lang), style="dim"), whole))
    if report.owners:
        sep = "、" if lang == "zh" else ", "
        owners = sep.join(L.name(o) for o in report.owners)
        out.append(Wrapped(text(t("report_owner_only", lang, owners=owners), style="bold"), whole))
    return out


def _bars(report: Report, lang: str, width: int) -> list[RenderableType]:
    from rich import box

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(no_wrap=True, justify="right")
    size = max(10, min(40, width - 30))
    for req, c in report.totals:
        if c.total or req is Requirement.MANDATORY:
            grid.add_row(
                req.label(lang),
                bar(c.done, c.total, size),
                f"{c.done}/{c.total}",
                f"{percent(c.done, c.total)}%",
            )
    counts = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    counts.add_column("")
    for s in STATUSES:
        counts.add_column(s.label(lang), justify="right", style=s.info.style)
    counts.add_column(t("report_total", lang), justify="right", style="bold")
    for label, values in L.status_counts(report, lang):
        counts.add_row(label, *map(str, values))
    return [grid, counts]


def _sections(report: Report, lang: str, width: int) -> list[RenderableType]:
    from rich.cells import cell_len

    size = max(10, min(30, width // 5))
    optional = max(
        (
            cell_len(t("report_optional_short", lang, done=o.done, total=o.total)) + 1
            for g in report.sections
            if (o := g.totals.optional).total
        ),
        default=0,
    )
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(
        no_wrap=True, overflow="ellipsis", max_width=max(12, width - size - optional - 20)
    )
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(no_wrap=True, style="dim")
    for g in report.sections:
        m, o = g.totals.mandatory, g.totals.optional
        grid.add_row(
            L.section_number(g.number, lang),
            text(L.group_title(g, lang)),
            bar(m.done, m.total, size) if m.total else Text("—", style="dim"),
            f"{m.done}/{m.total}",
            f"{percent(m.done, m.total)}%" if m.total else "",
            t("report_optional_short", lang, done=o.done, total=o.total) if o.total else "",
        )
    return [Text(t("report_by_section", lang), style="bold"), grid]


def _items_grid() -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column()
    return grid


def _ids(ids: list[str]) -> str:
    return "  ".join(ids)


def _attention(report: Report, lang: str, whole: Keep) -> list[RenderableType]:
    """Blocked and waived items one by one with their notes; overdue ones grouped by due date
    and open mandatory ones as a list of ids, so that a bad week still fits on a screen."""
    a = report.attention
    return [
        Text(t("report_attention", lang), style="bold"),
        _head(t("att_blocked", lang), len(a.blocked), "bold red", lang),
        *_noted(report, a.blocked, "red", lang, whole),
        _head(t("att_overdue", lang), len(a.overdue), "bold yellow", lang),
        *_dated(a.overdue, L.overdue_text, lang, whole),  # most overdue first, with who holds it
        _head(t("att_due_soon", lang, days=a.within), len(a.due_soon), "bold", lang),
        *_dated(a.due_soon, L.due_soon_text, lang, whole),
        _head(t("att_open_mandatory", lang), len(a.open_mandatory), "bold", lang),
        *([_indent(Text(_ids(a.open_mandatory)), 4)] if a.open_mandatory else []),
        _head(t("att_waived", lang), len(a.waived), "bold magenta", lang),
        *_noted(report, a.waived, "magenta", lang, whole),
    ]


def _head(title: str, count: int, style: str, lang: str) -> Text:
    head = Text(f"  {title} ({count})", style=style if count else "dim")
    if not count:
        head.append(f" {t('att_none', lang)}")
    return head


def _noted(
    report: Report, ids: list[str], style: str, lang: str, whole: Keep
) -> list[RenderableType]:
    """Each item with its measure and its note (cut where long)."""
    if not ids:
        return []
    grid = _items_grid()
    for oid in ids:
        item = report.item(oid)
        body = text(summary(item.text))
        body.append("\n")
        body.append_text(text(_cut(L.note(item, lang), report, oid, lang), style=style))
        grid.add_row(oid, Wrapped(body, whole))
    return [_indent(grid, 4)]


def _dated(
    rows: list[Overdue], words: Callable[[Overdue, str], str], lang: str, whole: Keep
) -> list[RenderableType]:
    """Each item with its date and its owner."""
    if not rows:
        return []
    grid = _items_grid()
    for o in rows:
        line = f"{words(o, lang)} · {L.name(_owner(o.owner, lang))}"
        grid.add_row(o.id, Wrapped(text(line), whole))
    return [_indent(grid, 4)]


def _owner(owner: str | None, lang: str) -> str:
    return owner or t("att_no_owner", lang)


def _since(report: Report, lang: str, whole: Keep) -> list[RenderableType]:
    """本期进展: every change after the --since day, one line each, oldest first."""

    assert report.since is not None
    head = Text(t("report_since", lang, date=report.since.isoformat()), style="bold")
    if not report.changes:
        return [head, Text(f"  {t('report_since_none', lang)}", style="dim")]
    head.append(f" · {t('report_since_count', lang, count=len(report.changes))}", style="")
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column()
    for ev in report.changes:
        body = text(_cut(change(ev, lang), report, ev.obligation, lang))
        if ev.note:
            body.append_text(text(f" · {_cut(ev.note, report, ev.obligation, lang)}"))
        if ev.evidence:
            refs = _cut("; ".join(ev.evidence), report, ev.obligation, lang)
            body.append_text(text(f" · 📎 {refs}", style="dim"))
        when = ev.when.astimezone().strftime("%Y-%m-%d %H:%M")
        grid.add_row(when, ev.obligation, Wrapped(body, whole))
    return [head, _indent(grid, 2)]


def _cut(value: str, report: Report, oid: str | None, lang: str) -> str:
    """A note or list of evidence as the report shows it: cut where long, with the command
    that prints it whole."""
    return L.cut(value, lang, L.whole_note(oid, report.facts.ledger))


def _notes(report: Report, lang: str, whole: Keep) -> list[RenderableType]:
    """Every item with a progress note or evidence, but the blocked and waived ones, whose
    notes the attention list shows already."""

    shown = [
        i
        for i in report.items
        if (i.note or i.evidence) and i.status not in (Status.BLOCKED, Status.WAIVED)
    ]
    if not shown:
        return []
    grid = _items_grid()
    for i in shown:
        body = text(i.status.label(lang), style=i.status.info.style)
        if i.note:
            body.append_text(text(f" · {_cut(i.note, report, i.id, lang)}"))
        if i.evidence:
            refs = _cut("; ".join(i.evidence), report, i.id, lang)
            body.append_text(text(f"\n📎 {refs}", style="dim"))
        grid.add_row(i.id, Wrapped(body, whole))
    return [Text(t("report_notes", lang), style="bold"), _indent(grid, 2)]


def _indent(renderable: RenderableType, left: int) -> RenderableType:
    from rich.padding import Padding

    return Padding(renderable, (0, 0, 0, left), expand=False)


def checks(report: Report, lang: str, *, grouped: bool = False) -> list[RenderableType]:
    """The ledger's own problems: one line each for ``iprcheck check``; in the report, one line
    per kind of problem with the ids it concerns."""
    if not report.findings:
        return [Text(t("check_clean", lang), style="green")]
    head = Text(f"{t('report_checks', lang)}{L.colon(lang)}", style="bold")
    style = "bold red" if report.errors else "bold yellow"
    head.append(
        t("check_summary", lang, errors=len(report.errors), warnings=len(report.warnings)),
        style=style,
    )
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=not grouped, style="" if grouped else "bold", overflow="fold")
    if not grouped:
        grid.add_column(overflow="fold")
    kinds: dict[tuple[str, str], list[str]] = {}
    for x in report.findings:
        kinds.setdefault((x.level, x.code), []).append(x.id)
    for x in report.findings:
        level = Text(L.level(x, lang), style="red" if x.level == "error" else "yellow")
        if not grouped:
            grid.add_row(level, x.id, L.finding_text(x, lang))
            continue
        ids = kinds.pop((x.level, x.code), None)
        if ids:
            body = Text(L.finding_text(x, lang), style="bold")
            body.append(f" ({len(ids)})\n")
            body.append(_ids(ids))
            grid.add_row(level, body)
    return [head, _indent(grid, 2)]


def _progress(report: Report, lang: str, width: int) -> list[RenderableType]:
    out: list[RenderableType] = [Text(t("report_progress", lang), style="bold")]
    weeks: list[Week] = report.progress
    if not weeks:
        return [*out, Text(f"  {t('report_progress_none', lang)}", style="dim")]
    shown = weeks[-max(8, width - 40) :]
    line = Text("  ")
    line.append(sparkline([w.done for w in shown], report.totals.mandatory.total), "green")
    line.append(f"  {shown[0].done} → {shown[-1].done}")
    line.append(f"  {shown[0].end.isoformat()} – {shown[-1].end.isoformat()}", style="dim")
    return [*out, line]


def check_lines(report: Report, view: View) -> list[RenderableType]:
    """``iprcheck check``: one line per problem."""
    return checks(report, view.lang)
