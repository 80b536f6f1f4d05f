"""The rollup as CSV: one row per ledger (UTF-8 with a BOM, for Excel)."""

from __future__ import annotations

import csv
import io

from ...reports.rollup import Rollup
from ...vocab import STATUSES, Requirement
from .. import View
from ..guards import csv_cell


def to_csv(rollup: Rollup, view: View) -> str:
    """One row per ledger: who, the totals flattened, then one column per task's cell; then one
    row per unit that sent no ledger (name_source ``missing``). UTF-8 with a BOM, so that Excel
    opens the Chinese text correctly on a double-click."""
    if view.by == "measure":
        return _by_measure(rollup)
    keys = ["total", *STATUSES]
    counts = [f"{req.value}_{key}" for req in Requirement for key in keys]
    tasks = [f"task_{n}" for n in rollup.catalog.tasks]
    heads = [
        "province",
        "name_source",
        "path",
        "national",
        "department",
        "types",
        *counts,
        "percent",
        "blocked",
        "last_update",
        *tasks,
    ]
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(heads)
    for r in rollup.rows:
        row = [
            r.name,
            r.name_source,
            str(r.path),  # a folder or file name can start with "=" too
            "true" if r.national else "false",
            r.department or "",
            "; ".join(r.types),
            *(count for _req, c in r.totals for count in (c.total, *c.per_status())),
            r.percent,
            r.blocked,
            r.last_update or "",
            *(c.state.value for c in r.cells.values()),
        ]
        writer.writerow([csv_cell(v) for v in row])
    # The units that sent nothing (未报送) close the file: the name, name_source "missing",
    # and nothing else, so that a sheet of every unit shows who is still owed.
    for name in rollup.missing:
        writer.writerow([csv_cell(name), "missing", *[""] * (len(heads) - 2)])
    return buf.getvalue()


def _by_measure(rollup: Rollup) -> str:
    """rollup --by measure: one row per provincial obligation and province that must do it."""
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["id", "province", "status"])
    for m in rollup.measures:
        for x in m.owe:
            writer.writerow([csv_cell(m.id), csv_cell(x.province), x.status.value])
    return buf.getvalue()
