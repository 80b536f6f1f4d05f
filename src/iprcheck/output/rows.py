"""An item as a plain record: the JSON contract of ``list --format json`` (and the report's
``items``), and the rows of the CSV and Markdown listings built from it."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from ..obligations import Item
from ..sheets import columns
from ..vocab import Actor, ProvinceType, Requirement, Status
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
        "mandatory_for": list(m.mandatory_for),
        "optional_for": list(m.optional_for),
        "requirement": item.requirement.value if item.requirement else None,
        "departments": list(o.departments),
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


# The CSV's columns and their Chinese headings are the 台账's one column table's.
CSV_FIELDS = list(columns.CSV_FIELDS)
CSV_HEADS_ZH = columns.CSV_HEADINGS_ZH


def _zh_value(key: str, value: Any) -> Any:
    """A value as a Chinese reader reads it: status and requirement words, types by name,
    times as YYYY-MM-DD HH:MM."""

    if value is None or value == []:
        return value
    if key == "status":
        return Status(value).label("zh")
    if key == "requirement":
        return Requirement(value).label("zh")
    if key == "actor":
        return Actor(value).label("zh")
    if key in ("mandatory_for", "optional_for"):
        return [ProvinceType(v).label("zh") for v in value]
    if key == "updated":
        return str(value)[:16].replace("T", " ")
    return value


def to_csv(
    items: Sequence[Item], lang: str = "en", extra: dict[str, dict[str, str]] | None = None
) -> str:
    """UTF-8 with a BOM, so that Excel opens the Chinese text correctly on a double-click. In
    Chinese, the headers and the words in it are Chinese. The cells ``iprcheck import`` reads
    back (状态, 进展情况, 佐证材料 one a line, 责任处室, 内部时限) are written as the 台账's column
    table writes them, so that an unchanged CSV comes back as nothing. ``extra``: more columns
    (name -> obligation id -> text), after the others."""
    buf = io.StringIO()
    buf.write("\ufeff")
    fields = [*CSV_FIELDS, *(extra or {})]
    writer = csv.DictWriter(buf, fields, extrasaction="ignore", lineterminator="\r\n")
    if lang == "zh":
        writer.writerow({k: CSV_HEADS_ZH.get(k, k) for k in fields})
    else:
        writer.writeheader()
    sep = "、" if lang == "zh" else "; "
    for item in items:
        row = record(item)
        if lang == "zh":
            row = {k: _zh_value(k, v) for k, v in row.items()}
        for field in columns.READ:
            row[columns.BY_FIELD[field].csv] = columns.value(field, item.tracking, lang, csv=True)
        for name, by_id in (extra or {}).items():
            row[name] = by_id.get(row["id"], "")
        writer.writerow(
            {
                k: csv_cell(sep.join(map(str, v))) if isinstance(v, list) else csv_cell(v)
                for k, v in row.items()
            }
        )
    return buf.getvalue()
