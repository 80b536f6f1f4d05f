"""An item as a plain record: the JSON contract of ``list --format json`` (and the report's
``items``), and the rows of the CSV and Markdown listings built from it."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from ..obligations import Item
from .guards import csv_cell, json_text


def record(item: Item) -> dict[str, Any]:
    o = item.obligation
    m = o.measure
    task = o.task
    tr = item.tracking
    return {
        "id": o.id,
        "task": task.number,
        "section": o.section.number,
        "task_title": task.title,
        "task_title_en": task.title_en,
        "section_title": o.section.title,
        "actor": m.actor.value,
        "text": m.text,
        "rule": m.rule,
        "mandatory_for": [t.value for t in m.mandatory_for],
        "optional_for": [t.value for t in m.optional_for],
        "requirement": item.requirement.value if item.requirement else None,
        "departments": list(task.departments),
        "completion": task.completion,
        "due": task.due.isoformat() if task.due else None,
        "targets": [
            {
                "text": t.text,
                "metric_en": t.metric_en,
                "comparator": t.comparator,
                "value": t.value,
                "unit": t.unit,
            }
            for t in m.targets
        ],
        "status": tr.status.value,
        "owner": tr.owner,
        "internal_due": tr.internal_due,
        "note": tr.note,
        "evidence": list(tr.evidence),
        "updated": tr.updated,
    }


def records(items: Sequence[Item]) -> list[dict[str, Any]]:
    return [record(i) for i in items]


def to_json(data: Any) -> str:
    return json_text(data)


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


def to_csv(items: Sequence[Item]) -> str:
    """UTF-8 with a BOM, so that Excel opens the Chinese text correctly on a double-click."""
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv.DictWriter(buf, CSV_FIELDS, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in records(items):
        writer.writerow(
            {
                k: csv_cell("; ".join(map(str, v)) if isinstance(v, list) else v)
                for k, v in row.items()
            }
        )
    return buf.getvalue()
