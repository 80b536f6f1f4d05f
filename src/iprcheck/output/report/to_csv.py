"""The report as CSV: one row per obligation, the same columns as ``list --format csv``."""

from __future__ import annotations

from ...reports.report import Report
from .. import View
from ..rows import to_csv as rows_to_csv


def to_csv(report: Report, view: View) -> str:
    return rows_to_csv(report.items)
