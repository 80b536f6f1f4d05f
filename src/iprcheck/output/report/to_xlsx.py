"""The report as the ledger an office submits (台账): one row per obligation, plus a summary.

The 台账 sheet prints and works as an office's own: A4 landscape, fit to the page's width, a
title row (the list's title and 填报单位), a row of 截至日期 with 填报人 and 联系电话 left blank
to fill in, the header row repeated on every page, 第 N 页 共 M 页 in the footer, 宋体
throughout, row heights from the wrapped text (LibreOffice does not fit them itself), dates as
date cells, and a drop-down of the status words in the 状态 column. The 编号 column names the
obligation of each row, so that ``iprcheck import`` can take the sheet back.

What import checks a workbook by is written twice: in the title row, where a person sees it,
and in the workbook's custom properties (``iprcheck.list``, ``iprcheck.unit``), which Excel and
WPS keep through an edit and a save.

openpyxl is imported here only, so no other format pays for it.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

from ...i18n import t
from ...numbers import percent
from ...reports.report import Report
from ...vocab import STATUSES, Requirement, Status
from .. import View
from .. import labels as L
from ..xlsx import FONT, HEADER_FILL, print_setup, set_cell, text_lines, workbook

# (message key, column width in Excel's units: a CJK character takes about two)
COLUMNS = [
    ("col_id", 6),
    ("col_task", 16),
    ("col_measure", 44),
    ("col_requirement", 10),
    ("col_departments", 11),
    ("col_owner", 10),
    ("col_due", 11),
    ("col_internal_due", 11),
    ("col_status", 8),
    ("col_progress", 28),
    ("col_evidence", 20),
    ("col_updated", 16),
]
TITLE_ROW, FILL_ROW, HEAD_ROW = 1, 2, 3  # data from HEAD_ROW + 1
BODY_PT = 10.5  # 五号
LINE_PT = 14.0  # one wrapped line of 五号宋体, with the leading LibreOffice and Excel give it
PROPERTY_LIST, PROPERTY_UNIT = "iprcheck.list", "iprcheck.unit"


def unit(report: Report, lang: str) -> str:
    """The 填报单位: the province, or the national office (and its department)."""
    return L.who(report.facts, lang)


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
            i.task.due or i.task.completion or "",
            date.fromisoformat(i.internal_due) if i.internal_due else None,
            i.status.label(lang),
            i.note or "",
            "\n".join(i.evidence),
            _time(i.updated),
        ]
        for i in report.items
    ]


def _time(at: str | None) -> datetime | None:
    """An ISO time as the local wall-clock time it was recorded at (a cell has no offset)."""
    return datetime.fromisoformat(at).replace(tzinfo=None, microsecond=0) if at else None


def to_xlsx(report: Report, view: View) -> bytes:
    lang = view.lang
    from openpyxl.packaging.custom import StringProperty

    wb = workbook()
    sheet = wb.active
    sheet.title = t("sheet_ledger", lang)
    _ledger_sheet(sheet, report, lang)
    _summary_sheet(wb.create_sheet(t("sheet_summary", lang)), report, lang)
    if report.since is not None:
        _since_sheet(wb.create_sheet(t("sheet_changes", lang)), report, lang)
    wb.properties.title = L.title(report, lang)
    wb.properties.creator = "iprcheck"
    wb.custom_doc_props.append(StringProperty(name=PROPERTY_LIST, value=report.facts.list_id))
    wb.custom_doc_props.append(StringProperty(name=PROPERTY_UNIT, value=unit(report, "zh")))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _since_sheet(ws: Any, report: Report, lang: str) -> None:
    """本期进展: the changes after the --since day, one a row, in the reader's local time."""
    from openpyxl.styles import Alignment, Font, PatternFill

    from ..history import change_rows

    assert report.since is not None
    ws.cell(row=1, column=1).value = t("report_since", lang, date=report.since.isoformat())
    ws.cell(row=1, column=1).font = Font(name=FONT, bold=True, size=14)
    heads = [t(k, lang) for k in ("col_when", "col_who", "col_id", "col_change", "col_note")]
    rows = change_rows(report.changes, lang) or [["", "", "", t("report_since_none", lang), ""]]
    wrap = Alignment(wrap_text=True, vertical="top")
    for c, head in enumerate(heads, 1):
        cell = ws.cell(row=2, column=c)
        set_cell(cell, head)
        cell.font = Font(name=FONT, bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    for r, row in enumerate(rows, 3):
        for c, value in enumerate(row, 1):
            cell = ws.cell(row=r, column=c)
            set_cell(cell, value)
            cell.font = Font(name=FONT)
            cell.alignment = wrap
    for col, width in zip("ABCDE", (17, 10, 8, 40, 40), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"
    print_setup(ws, lang)


def title_text(report: Report, lang: str) -> str:
    """``2020年推动知识产权高质量发展任务清单 台账（填报单位：广东省）``."""
    return t("xlsx_title", lang, title=L.list_title(report.facts, lang), unit=unit(report, lang))


def _ledger_sheet(ws: Any, report: Report, lang: str) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    last_col = get_column_letter(len(COLUMNS))
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    body = Font(name=FONT, size=BODY_PT)

    title = ws.cell(row=TITLE_ROW, column=1)
    set_cell(title, title_text(report, lang))
    title.font = Font(name=FONT, size=16, bold=True)
    title.alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(f"A{TITLE_ROW}:{last_col}{TITLE_ROW}")
    ws.row_dimensions[TITLE_ROW].height = 30
    # 截至日期 2020-09-30 · 填报人 ____ · 联系电话 ____ (blank cells to fill in, underlined)
    fill_in = [
        (2, t("xlsx_as_of", lang)),
        (3, report.facts.as_of),
        (6, t("xlsx_filled_by", lang)),
        (9, t("xlsx_phone", lang)),
    ]
    for col, value in fill_in:
        cell = ws.cell(row=FILL_ROW, column=col)
        set_cell(cell, value)
        cell.font = Font(name=FONT, size=BODY_PT, bold=isinstance(value, str))
        cell.alignment = Alignment(horizontal="right" if isinstance(value, str) else "left")
    ws.cell(row=FILL_ROW, column=3).number_format = "yyyy-mm-dd"
    line = Border(bottom=Side(style="thin", color="000000"))
    for a, b in ((7, 8), (10, 11)):  # the blanks, under their labels' right
        for col in range(a, b + 1):
            ws.cell(row=FILL_ROW, column=col).border = line
        ws.merge_cells(start_row=FILL_ROW, start_column=a, end_row=FILL_ROW, end_column=b)
    ws.row_dimensions[FILL_ROW].height = 20

    for col, (key, width) in enumerate(COLUMNS, 1):
        cell = ws.cell(row=HEAD_ROW, column=col)
        set_cell(cell, t(key, lang))
        cell.font = Font(name=FONT, size=BODY_PT, bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = border
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[HEAD_ROW].height = LINE_PT * 2 + 4
    keys = [k for k, _ in COLUMNS]
    status_col = keys.index("col_status") + 1
    date_cols = {keys.index(k) + 1 for k in ("col_due", "col_internal_due")}
    time_col = keys.index("col_updated") + 1
    first = HEAD_ROW + 1
    rows = ledger_rows(report, lang)
    for r, (row, item) in enumerate(zip(rows, report.items, strict=True), first):
        lines = 1
        for col, value in enumerate(row, 1):
            cell = ws.cell(row=r, column=col)
            set_cell(cell, value)
            cell.font = body
            cell.alignment = wrap
            cell.border = border
            if col in date_cols:
                cell.number_format = "yyyy-mm-dd"
            elif col == time_col:
                cell.number_format = "yyyy-mm-dd hh:mm"
            shown = value.isoformat(" ", "minutes") if isinstance(value, datetime) else value
            lines = max(lines, text_lines(shown, COLUMNS[col - 1][1], BODY_PT))
        ws.row_dimensions[r].height = lines * LINE_PT + 4
        info = item.status.info
        cell = ws.cell(row=r, column=status_col)
        cell.fill = PatternFill("solid", fgColor=info.fill)
        bold = item.status in (Status.BLOCKED, Status.DONE)
        cell.font = Font(name=FONT, size=BODY_PT, color=info.ink, bold=bold)
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="center")
    end = first + len(rows) - 1
    status_letter = get_column_letter(status_col)
    words = ",".join(s.label(lang) for s in STATUSES)
    valid = DataValidation(
        type="list",
        formula1=f'"{words}"',
        allow_blank=False,
        showErrorMessage=True,
        errorTitle=t("col_status", lang),
        error=t(
            "xlsx_status_error", lang, valid=words.replace(",", "、" if lang == "zh" else ", ")
        ),
    )
    valid.add(f"{status_letter}{first}:{status_letter}{max(end, first)}")
    ws.add_data_validation(valid)

    ws.freeze_panes = f"C{first}"
    ws.auto_filter.ref = f"A{HEAD_ROW}:{last_col}{max(end, HEAD_ROW)}"
    ws.print_title_rows = f"{HEAD_ROW}:{HEAD_ROW}"
    ws.print_area = f"A1:{last_col}{max(end, HEAD_ROW)}"
    print_setup(ws, lang)


def _summary_sheet(ws: Any, report: Report, lang: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    bold = Font(name=FONT, bold=True)
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
            [label, *counts, percent(counts[STATUSES.index(Status.DONE)], counts[-1]) / 100]
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
                percent(g.totals.mandatory.done, g.totals.mandatory.total) / 100,
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
            [t("att_due_soon", lang, days=a.within), ", ".join(o.id for o in a.due_soon)],
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
    ws.cell(row=1, column=1).font = Font(name=FONT, bold=True, size=14)
    ws.column_dimensions["A"].width = 34
    for col in "BCDEFGH":
        ws.column_dimensions[col].width = 12
