"""The rollup as JSON other tools can read.

Schema ``iprcheck-rollup``, version 1 (new keys may be added within a version; none is removed
or renamed):

```
{"format": "iprcheck-rollup", "version": 1,
 "list": {"id", "year", "title", "title_en", "sha256"}, "sort": "progress|name|updated",
 "provinces": [{"province": name, "name_source": "header|file|national", "path",
                "national": bool, "department", "types": [type keys],
                "totals": {exactly report --format json's "totals"},
                "mandatory": {"done", "total", "percent"}, "blocked": N (all requirements),
                "last_update": ISO time | null,
                "copies": N (copies of this ledger joined: 1 where there was one),
                "cells": {"<task>": "done|partly-done|in-progress|blocked|not-started|
                          not-applicable"},
                "optional_cells": [tasks whose cell shows optional obligations only]}],
 "tasks": [{"task", "section", "title", "title_en", "owe", "done", "percent"}],
 "skipped": [{"path", "reason" (a sentence in the --lang language),
              "code": "unreadable|other-list|duplicate|not-found|conflict"}],
 "missing": [the list's reporting units no ledger was counted for (未报送), in its order],
 "notes": [sentences: ledgers of different units that share one ledger id],
 "by": "province|measure" (rollup --by),
 "measures": [{"id", "owe": [{"province", "status"}] (the provinces that must do it)}]
             (every provincial obligation, in the list's order),
 "blocked": [{"province", "id", "note", "owner"}] (every blocked obligation)}
```

"skipped" and "notes" are also said on the command's stderr.
"""

from __future__ import annotations

from typing import Any

import msgspec

from ...reports.rollup import Rollup, Row
from .. import View
from ..guards import json_text

FORMAT = "iprcheck-rollup"
VERSION = 1  # new keys may be added within a version; none is removed or renamed


def as_dict(rollup: Rollup, lang: str, by: str = "province") -> dict[str, Any]:
    tl = rollup.catalog.task_list
    section_of = {task.number: s.number for s in tl.sections for task in s.tasks}
    return {
        "format": FORMAT,
        "version": VERSION,
        "list": {
            "id": tl.id,
            "year": tl.year,
            "title": tl.title,
            "title_en": tl.title_en,
            "sha256": rollup.catalog.source.digest,
        },
        "sort": rollup.sort.value,
        "provinces": [_province(r) for r in rollup.rows],
        "tasks": [
            {
                "task": s.task.number,
                "section": section_of[s.task.number],
                "title": s.task.title,
                "title_en": s.task.title_en,
                "owe": s.owe,
                "done": s.done,
                "percent": s.percent,
            }
            for s in rollup.tasks
        ],
        "skipped": [
            {"path": str(s.path), "reason": s.error.render(lang), "code": s.reason.value}
            for s in rollup.skipped
        ],
        "missing": list(rollup.missing),
        "notes": [note.render(lang) for note in rollup.notes],
        "by": by,
        "measures": [
            {"id": m.id, "owe": [{"province": x.province, "status": x.status.value} for x in m.owe]}
            for m in rollup.measures
        ],
        "blocked": [
            {"province": b.province, "id": b.id, "note": b.note, "owner": b.owner}
            for b in rollup.blocked_reasons
        ],
    }


def _province(r: Row) -> dict[str, Any]:
    return {
        "province": r.name,
        "name_source": r.name_source,
        "path": str(r.path),
        "national": r.national,
        "department": r.department,
        "types": list(r.types),
        "totals": msgspec.to_builtins(r.totals),
        "mandatory": {"done": r.done, "total": r.total, "percent": r.percent},
        "blocked": r.blocked,
        "last_update": r.last_update,
        "copies": r.copies,
        "cells": {str(n): c.state.value for n, c in r.cells.items()},
        "optional_cells": [n for n, c in r.cells.items() if c.optional],
    }


def to_json(rollup: Rollup, view: View) -> str:
    return json_text(as_dict(rollup, view.lang, view.by))
