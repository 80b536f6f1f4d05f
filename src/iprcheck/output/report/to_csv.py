"""The report as CSV: one row per obligation, the same columns as ``list --format csv`` (in
Chinese when the language is: headers, status and requirement words, times as YYYY-MM-DD HH:MM).
With ``--since``, one more column, 本期进展 (``changes_since``): each change to the obligation
after that day, one per line, ``YYYY-MM-DD HH:MM 未开始 → 已完成 note`` — a column rather than a
second file, so that the one file an office forwards holds it."""

from __future__ import annotations

from ...i18n import t
from ...reports.report import Report
from .. import View
from ..history import change
from ..rows import to_csv as rows_to_csv


def to_csv(report: Report, view: View) -> str:
    if report.since is None:
        return rows_to_csv(report.items, view.lang)

    lines: dict[str, list[str]] = {}
    for ev in report.changes:
        when = ev.when.astimezone().strftime("%Y-%m-%d %H:%M")
        words = " ".join(filter(None, [when, change(ev, view.lang), ev.note or ""]))
        lines.setdefault(ev.obligation, []).append(words)
    column = {oid: "\n".join(v) for oid, v in lines.items()}
    return rows_to_csv(report.items, view.lang, {t("csv_changes", "en"): column})
