"""The report as one self-contained HTML page: inline CSS and SVG, no scripts, no network.

The page is drawn by a Jinja2 template with autoescape on, so every string from the ledger (notes,
owners, evidence) reaches the page as text. The geometry of the charts is computed here, as
numbers, and the template only places them.
"""

from __future__ import annotations

from typing import Any

from ... import __version__
from ...i18n import t
from ...numbers import percent
from ...obligations import summary
from ...reports.report import Counts, Report, Week
from ...vocab import STATUSES, Requirement, Status
from .. import View
from .. import labels as L
from ..history import change_rows
from ..templates import environment

COLOURS = {s.value: f"#{s.info.colour}" for s in STATUSES}
MAX_DOTS = 60  # beyond this many weeks the dots would merge into the line
BAR_ORDER = (Status.DONE, Status.IN_PROGRESS, Status.BLOCKED, Status.WAIVED, Status.TODO)
# The burndown's drawing area inside its viewBox.
CHART_W, CHART_H = 720, 260
PAD_L, PAD_R, PAD_T, PAD_B = 44, 16, 16, 40


def segments(counts: Counts, width: float = 1000) -> list[dict[str, Any]]:
    """One stacked bar: done first, then in progress, blocked, waived, to do."""
    total = counts.total
    out, x = [], 0.0
    for status in BAR_ORDER:
        n = counts[status]
        if not n or not total:
            continue
        w = width * n / total
        out.append({"status": status.value, "count": n, "x": round(x, 2), "w": round(w, 2)})
        x += w
    return out


def burndown(weeks: list[Week], total: int, lang: str) -> dict[str, Any] | None:
    """Points and labels for the weekly chart: open mandatory obligations (the burndown) and
    done ones, on one scale from 0 to the number of mandatory obligations."""
    if not weeks:
        return None
    top = max(total, 1)
    inner_w = CHART_W - PAD_L - PAD_R
    inner_h = CHART_H - PAD_T - PAD_B
    step = inner_w / (len(weeks) - 1) if len(weeks) > 1 else 0.0

    def x(i: int) -> float:
        return round(PAD_L + (i * step if len(weeks) > 1 else inner_w / 2), 1)

    def y(v: int) -> float:
        return round(PAD_T + inner_h * (1 - v / top), 1)

    every = max(1, -(-len(weeks) // 8))  # at most about eight date labels
    at = [i for i in range(len(weeks)) if i % every == 0 or i == len(weeks) - 1]
    if len(at) > 1 and x(at[-1]) - x(at[-2]) < 40:
        del at[-2]  # the last (as-of) label wins over a crowded neighbour
    # Within a year the month and day say it all; across years the year matters more.
    fmt = "%m-%d" if (weeks[-1].end - weeks[0].end).days < 300 else "%Y-%m"
    xlabels = [{"x": x(i), "text": weeks[i].end.strftime(fmt)} for i in at]
    ticks = sorted({0, top // 2, top})
    return {
        "w": CHART_W,
        "h": CHART_H,
        "left": PAD_L,
        "right": CHART_W - PAD_R,
        "top": PAD_T,
        "bottom": CHART_H - PAD_B,
        "open": " ".join(f"{x(i)},{y(w.open)}" for i, w in enumerate(weeks)),
        "done": " ".join(f"{x(i)},{y(w.done)}" for i, w in enumerate(weeks)),
        "points": []
        if len(weeks) > MAX_DOTS
        else [
            {"x": x(i), "open": y(w.open), "done": y(w.done), "week": w}
            for i, w in enumerate(weeks)
        ],
        "yticks": [{"y": y(v), "text": v} for v in ticks],
        "xlabels": xlabels,
        "first": weeks[0].end.isoformat(),
        "last": weeks[-1].end.isoformat(),
        "summary": f"{weeks[0].done} → {weeks[-1].done}",
    }


def context(report: Report, lang: str) -> dict[str, Any]:
    f = report.facts
    a = report.attention

    def brief(oid: str) -> dict[str, Any]:
        item = report.item(oid)
        return {"id": oid, "summary": summary(item.text), "item": item}

    bars = []
    for req, c in report.totals:
        if c.total or req is Requirement.MANDATORY:
            bars.append(
                {
                    "label": req.label(lang),
                    "done": c.done,
                    "total": c.total,
                    "pct": percent(c.done, c.total),
                    "segments": segments(c),
                }
            )
    sections = []
    for g in report.sections:
        m, o = g.totals.mandatory, g.totals.optional
        sections.append(
            {
                "number": g.number,
                "title": L.group_title(g, lang),
                "done": m.done,
                "total": m.total,
                "pct": percent(m.done, m.total),
                "segments": segments(m),
                "optional": t("report_optional_short", lang, done=o.done, total=o.total)
                if o.total
                else "",
            }
        )
    tasks = [
        {
            "number": g.number,
            "title": L.group_title(g, lang),
            "items": [i for i in report.items if i.task.number == g.number],
            "totals": g.totals,
        }
        for g in report.tasks
    ]
    return {
        "lang": lang,
        "html_lang": "zh-CN" if lang == "zh" else "en",
        "title": L.title(report, lang),
        "who": L.who(f, lang),
        "profile": L.profile(f, lang) if f.profile is not None else None,
        "as_of": t("report_as_of", lang, date=f.as_of.isoformat()),
        "deadline": t("report_deadline", lang, date=f.deadline.isoformat()) if f.deadline else "",
        "days": L.days(f, lang),
        "late": f.days_left is not None and f.days_left < 0,
        "ledger_line": L.ledger_line(f, lang),
        "colon": L.colon(lang),
        "bars": bars,
        "statuses": [{"key": s.value, "label": s.label(lang)} for s in STATUSES],
        "legend": [{"key": s.value, "label": s.label(lang)} for s in BAR_ORDER],
        "colours": COLOURS,
        # patterns over these colours, so that a black-and-white print still tells them apart
        "hatched": ("in-progress", "blocked", "waived"),
        "badges": [{"key": s.value, "fill": s.info.fill, "ink": s.info.ink} for s in STATUSES],
        "counts": L.status_counts(report, lang),
        "sections": sections,
        "blocked": [brief(i) for i in a.blocked],
        "overdue": [
            {**brief(o.id), "text": f"{L.overdue_text(o, lang)} · {L.owner_text(o.owner, lang)}"}
            for o in a.overdue
        ],
        "due_soon": [
            {**brief(o.id), "text": f"{L.due_soon_text(o, lang)} · {L.owner_text(o.owner, lang)}"}
            for o in a.due_soon
        ],
        "within": a.within,
        "since": report.since.isoformat() if report.since else None,
        "changes": change_rows(report.changes, lang),
        "owners": ("、" if lang == "zh" else ", ").join(report.owners),
        "open_mandatory": [brief(i) for i in a.open_mandatory],
        "waived": [brief(i) for i in a.waived],
        "findings": [
            {
                "level": x.level,
                "label": L.level(x, lang),
                "id": x.id,
                "text": L.finding_text(x, lang),
            }
            for x in report.findings
        ],
        "check_summary": t(
            "check_summary", lang, errors=len(report.errors), warnings=len(report.warnings)
        ),
        "chart": burndown(report.progress, report.totals.mandatory.total, lang),
        "tasks": tasks,
        "generated_by": t("generated_by", lang, version=__version__),
    }


def to_html(report: Report, view: View) -> str:
    lang = view.lang
    env = environment()
    env.globals.update(
        t=lambda key, **kw: t(key, lang, **kw),
        status_label=lambda s: Status(s).label(lang),
        requirement=lambda item, rule=False: L.requirement(item, lang, rule=rule),
        note=lambda item: L.note(item, lang),
        when=L.when,
        due=lambda item: L.due(item, lang),
    )
    return env.get_template("report.html.j2").render(**context(report, lang))
