"""One row per obligation, the same columns as ``list --format csv`` (UTF-8 with a BOM)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..report import Report


def to_csv(report: Report) -> str:
    from ..render import to_csv as rows_to_csv

    return rows_to_csv(report.items)
