"""The report as the ledger an office submits (台账): one row per obligation, plus a summary.

openpyxl is imported here only, so no other format pays for it.
"""

from __future__ import annotations

import io
from typing import Any

from ...i18n import t
from ...reports.report import Report
from ...vocab import STATUSES, Requirement, Status
from .. import View
from .. import labels as L
from ..xlsx import HEADER_FILL, set_cell

# (message key, column width in Excel's units: a CJK character takes about two)
COLUMNS = [
    ("col_seq", 7),
    ("col_task", 24),
    ("col_measure", 60),
    ("col_requirement", 16),
    ("col_departments", 12),
    ("col_owner", 12),
    ("col_due", 16),
    ("col_status", 9),
    ("col_progress", 36),
    ("col_evidence", 28),
    ("col_updated", 17),
]


def ledger_rows(report: Report, lang: str) -> list[list[Any]]:
    """The 台账's rows, one per obligation, in the list's order."""
    return [
        [
            i.id,
            f"{i.task.number}. {L.task_title(i.task, lang)}",
            i.text,
            "\n".join(x for x in (L.requirement(i, lang), i.obligation.measure.rule) if x),
            "、".join(i.task.departments),
            i.owner or "",
            L.due(i, lang),
            i.status.label(lang),
            i.note or "",
            "\n".join(i.evidence),
            L.when(i.updated),
        ]
        for i in report.items
    ]


def to_xlsx(report: Report, view: View) -> bytes:
    lang = view.lang
    from openpyxl import Workbook

    wb = Workbook()
    sheet = wb.active
    sheet.title = t("sheet_ledger", lang)
    _ledger_sheet(sheet, report, lang)
    _summary_sheet(wb.create_sheet(t("sheet_summary", lang)), report, lang)
    wb.properties.title = L.title(report, lang)
    wb.properties.creator = "iprcheck"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _ledger_sheet(ws: Any, report: Report, lang: str) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin", color="BFBFBF")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    for col, (key, width) in enumerate(COLUMNS, 1):
        cell = ws.cell(row=1, column=col)
        set_cell(cell, t(key, lang))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = border
        ws.column_dimensions[get_column_letter(col)].width = width
    status_col = [k for k, _ in COLUMNS].index("col_status") + 1
    for r, (row, item) in enumerate(zip(ledger_rows(report, lang), report.items, strict=True), 2):
        for col, value in enumerate(row, 1):
            cell = ws.cell(row=r, column=col)
            set_cell(cell, value)
            cell.alignment = wrap
            cell.border = border
        info = item.status.info
        cell = ws.cell(row=r, column=status_col)
        cell.fill = PatternFill("solid", fgColor=info.fill)
        cell.font = Font(color=info.ink, bold=item.status in (Status.BLOCKED, Status.DONE))
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="center")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(report.items) + 1}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _summary_sheet(ws: Any, report: Report, lang: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor=HEADER_FILL)
    mandatory, optional = Requirement.MANDATORY.label(lang), Requirement.OPTIONAL.label(lang)
    f = report.facts
    rows: list[list[Any]] = [
        [L.title(report, lang)],
        [t("report_who", lang), L.who(f, lang)],
    ]
    if f.profile is not None:
        rows.append([t("profile", lang), L.profile(f, lang)])
    rows += [[L.dateline(f, lang)], [L.ledger_line(f, lang)], []]
    heads: list[int] = []  # rows that head a table

    def table(head: list[Any], body: list[list[Any]]) -> None:
        heads.append(len(rows) + 1)
        rows.append(head)
        rows.extend(body)
        rows.append([])

    table(
        [t("col_requirement", lang), *(s.label(lang) for s in STATUSES)]
        + [t("report_total", lang), t("col_percent", lang)],
        [
            [label, *counts, L.percent(counts[STATUSES.index(Status.DONE)], counts[-1]) / 100]
            for label, counts in L.status_counts(report, lang)
        ],
    )
    table(
        [
            t("col_section", lang),
            f"{mandatory} {t('col_done', lang)}",
            f"{mandatory} {t('report_total', lang)}",
            t("col_percent", lang),
            f"{optional} {t('col_done', lang)}",
            f"{optional} {t('report_total', lang)}",
        ],
        [
            [
                f"{g.number}. {L.group_title(g, lang)}",
                g.totals.mandatory.done,
                g.totals.mandatory.total,
                L.percent(g.totals.mandatory.done, g.totals.mandatory.total) / 100,
                g.totals.optional.done,
                g.totals.optional.total,
            ]
            for g in report.sections
        ],
    )
    a = report.attention
    table(
        [t("report_attention", lang), t("col_id", lang)],
        [
            [t("att_blocked", lang), ", ".join(a.blocked)],
            [t("att_overdue", lang), ", ".join(o.id for o in a.overdue)],
            [t("att_open_mandatory", lang), ", ".join(a.open_mandatory)],
            [t("att_waived", lang), ", ".join(a.waived)],
        ],
    )
    table(
        [
            t("report_checks", lang) + " · " + t("col_level", lang),
            t("col_id", lang),
            t("col_note", lang),
        ],
        [[L.level(x, lang), x.id, L.finding_text(x, lang)] for x in report.findings]
        or [[t("check_clean", lang)]],
    )
    table(
        [t("col_week", lang), t("col_done", lang), t("col_open", lang)],
        [[w.end, w.done, w.open] for w in report.progress],
    )
    for r, row in enumerate(rows, 1):
        for c, value in enumerate(row, 1):
            cell = ws.cell(row=r, column=c)
            set_cell(cell, value)
            if isinstance(value, float):
                cell.number_format = "0%"
            elif hasattr(value, "isoformat"):
                cell.number_format = "yyyy-mm-dd"
            if r in heads or (c == 1 and r > 1 and len(row) == 2 and r < heads[0]):
                cell.font = bold
            if r in heads:
                cell.fill = head_fill
                cell.alignment = Alignment(horizontal="center")
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = 34
    for col in "BCDEFGH":
        ws.column_dimensions[col].width = 12
