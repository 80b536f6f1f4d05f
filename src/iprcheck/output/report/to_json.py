"""The report as JSON other tools can read. Schema ``iprcheck-report``, version 1:

```
{
  "format": "iprcheck-report", "version": 1,
  "header": {"list": {"id", "title", "title_en", "deadline"},
             "province", "province_en", "national", "department",
             "profile": [type keys] | null, "ledger": path | null, "last_update": ISO time | null,
             "as_of": "YYYY-MM-DD", "days_left": N (negative once the deadline has passed;
             null, as "deadline", for a list without one)},
  "totals": {"mandatory": {"total", "todo", "in-progress", "done", "blocked", "waived"},
             "optional": {same keys}},
  "sections": [{"number", "title", "title_en", "totals": {like the top level}}],
  "tasks": [{"number", "section", "title", "title_en", "due", "totals": {…}}],
  "items": [one object per obligation, exactly as `iprcheck list --format json` prints them],
  "attention": {"blocked": [ids],
                "overdue": [{"id", "due", "days", "internal", "owner"}] (most overdue first),
                "open_mandatory": [ids], "waived": [ids],
                "due_soon": [{"id", "due", "days" (left; 0 = today), "internal", "owner"}]
                            (soonest first), "within": N (report --within)},
  "owners": [divisions] (report --owner; [] = every item),
  "since": null | {"date": "YYYY-MM-DD",
                   "changes": [each change after that day, as `iprcheck history --format json`
                               prints it]}   (report --since: 本期进展)
  "findings": [{"level": "error" | "warning", "code", "id"}],
  "progress": [{"week_end": "YYYY-MM-DD", "done": N, "open": N}]   (mandatory obligations)
}
```

Counts only cover obligations with a requirement (what the ledger's profile owes). Finding codes
are listed in ``report.py``. New keys may be added within version 1; none is removed or renamed.
"""

from __future__ import annotations

from typing import Any

import msgspec

from ...reports.report import Group, Overdue, Report
from .. import View
from ..guards import json_text
from ..rows import records

FORMAT = "iprcheck-report"
VERSION = 1


def _group(g: Group) -> dict[str, Any]:
    out: dict[str, Any] = {"number": g.number}
    if g.section is not None:
        out["section"] = g.section
    out.update(title=g.title, title_en=g.title_en)
    if g.section is not None:
        out["due"] = g.due.isoformat() if g.due else None
    out["totals"] = msgspec.to_builtins(g.totals)
    return out


def _due(o: Overdue) -> dict[str, Any]:
    return {
        "id": o.id,
        "due": o.due.isoformat(),
        "days": o.days,
        "internal": o.internal,
        "owner": o.owner,
    }


def as_dict(report: Report) -> dict[str, Any]:
    f = report.facts
    a = report.attention
    return {
        "format": FORMAT,
        "version": VERSION,
        "header": {
            "list": {
                "id": f.list_id,
                "title": f.list_title,
                "title_en": f.list_title_en,
                "deadline": f.deadline.isoformat() if f.deadline else None,
            },
            "province": f.province,
            "province_en": f.province_en,
            "national": f.national,
            "department": f.department,
            "profile": list(f.profile) if f.profile is not None else None,
            "ledger": f.ledger,
            "last_update": f.last_update,
            "as_of": f.as_of.isoformat(),
            "days_left": f.days_left,
        },
        "totals": msgspec.to_builtins(report.totals),
        "sections": [_group(g) for g in report.sections],
        "tasks": [_group(g) for g in report.tasks],
        "items": records(report.items),
        "attention": {
            "blocked": a.blocked,
            "overdue": [_due(o) for o in a.overdue],
            "open_mandatory": a.open_mandatory,
            "waived": a.waived,
            "due_soon": [_due(o) for o in a.due_soon],
            "within": a.within,
        },
        "owners": list(report.owners),
        "since": None
        if report.since is None
        else {"date": report.since.isoformat(), "changes": [ev.to_json() for ev in report.changes]},
        "findings": [{"level": x.level, "code": x.code, "id": x.id} for x in report.findings],
        "progress": [
            {"week_end": w.end.isoformat(), "done": w.done, "open": w.open} for w in report.progress
        ],
    }


def to_json(report: Report, view: View) -> str:
    return json_text(as_dict(report))
