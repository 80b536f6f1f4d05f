"""Obligations as plain records: the JSON contract of ``list`` and the rows of every export."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .applicability import Entry


@dataclass(frozen=True)
class Tracking:
    """What a ledger knows of one obligation. The default is an untouched obligation."""

    status: str = "todo"
    note: str | None = None
    evidence: tuple[str, ...] = ()
    owner: str | None = None
    internal_due: str | None = None
    updated: str | None = None
    by: str | None = None


UNTRACKED = Tracking()


def record(entry: Entry, tracking: Tracking = UNTRACKED) -> dict[str, Any]:
    o = entry.obligation
    m = o.measure
    task = o.task
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
        "requirement": entry.requirement.value if entry.requirement else None,
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
        "status": tracking.status,
        "owner": tracking.owner,
        "internal_due": tracking.internal_due,
        "note": tracking.note,
        "evidence": list(tracking.evidence),
        "updated": tracking.updated,
    }


def records(
    entries: Sequence[Entry], tracking: dict[str, Tracking] | None = None
) -> list[dict[str, Any]]:
    tracking = tracking or {}
    return [record(e, tracking.get(e.obligation.id, UNTRACKED)) for e in entries]


def summary(text: str, limit: int = 34) -> str:
    """The measure's first sentence, without the 国家知识产权局： prefix, cut at ``limit``."""
    head = text.split("：", 1)[1] if text.startswith("国家知识产权局：") else text
    first = head.split("。", 1)[0]
    return first if len(first) <= limit else first[: limit - 1] + "…"
