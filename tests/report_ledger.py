"""A pilot province's ledger through the summer of 2020, recorded through the library with the
clock set to each step's date: what the report tests read. Not a test module."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from iprcheck import ledger
from iprcheck.ledger import ops
from iprcheck.tasklist import load

AS_OF = "2020-09-30"
SCRIPT_NOTE = "<script>alert(1)</script>"
CELL_NOTE = "</td><b>bold</b>"
FORMULA_NOTE = "=1+1"

# (time, operation, arguments)
STEPS: list[tuple[str, str, dict[str, Any]]] = [
    ("2020-06-02T10:00:00+08:00", "assign", {"idents": ["1-5"], "owner": "保护处"}),
    ("2020-06-02T10:05:00+08:00", "assign", {"idents": ["6"], "due": "2020-09-15"}),
    ("2020-06-10T10:00:00+08:00", "mark", {"idents": ["1"], "status": "done",
                                          "note": "纳入考核", "evidence": ["通知.pdf"]}),
    ("2020-06-17T10:00:00+08:00", "mark", {"idents": ["2"], "status": "done"}),
    ("2020-06-24T10:00:00+08:00", "mark", {"idents": ["3.2"], "status": "in-progress",
                                          "note": "推进中"}),
    ("2020-07-01T10:00:00+08:00", "mark", {"idents": ["4.2"], "status": "blocked",
                                          "note": SCRIPT_NOTE}),
    ("2020-07-08T10:00:00+08:00", "mark", {"idents": ["4.3"], "status": "blocked"}),
    ("2020-07-15T10:00:00+08:00", "mark", {"idents": ["17.2"], "status": "waived",
                                          "note": CELL_NOTE}),
    ("2020-08-05T10:00:00+08:00", "mark", {"idents": ["5"], "status": "done",
                                          "evidence": ["检查通报.pdf"]}),
    ("2020-09-09T10:00:00+08:00", "mark", {"idents": ["9"], "status": "in-progress"}),
    ("2020-09-16T10:00:00+08:00", "mark", {"idents": ["12"], "status": "done",
                                          "note": FORMULA_NOTE, "evidence": ["品牌.pdf"]}),
]  # fmt: skip

# What the ledger holds at the end of AS_OF.
TOTALS = {
    "mandatory": {"total": 20, "todo": 11, "in-progress": 3, "done": 4, "blocked": 2, "waived": 0},
    "optional": {"total": 2, "todo": 1, "in-progress": 0, "done": 0, "blocked": 0, "waived": 1},
}


def build(folder: Path) -> Path:
    """Write the ledger into ``folder``; return its path."""
    path = folder / ledger.DEFAULT_NAME
    catalog = load()
    clock = ["2020-06-01T09:00:00+08:00"]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ops, "now", lambda: clock[0])
        _record(path, catalog, clock)
    return path


def _record(path: Path, catalog: Any, clock: list[str]) -> None:
    from datetime import date

    ledger.init(
        path,
        catalog,
        province="广东省",
        types=["pilot-leading"],
        national=False,
        department=None,
    )
    for at, op, args in STEPS:
        clock[0] = at
        if op == "assign":
            due = date.fromisoformat(args["due"]) if "due" in args else None
            ledger.assign(path, catalog, args["idents"], owner=args.get("owner"), due=due, by="t")
        else:
            ledger.mark(
                path,
                catalog,
                args["idents"],
                args["status"],
                note=args.get("note"),
                evidence=args.get("evidence", ()),
                by="t",
            )
