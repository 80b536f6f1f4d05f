"""The report as the ledger an office submits (台账): one row per obligation, plus a summary.

The 台账 sheet prints and works as an office's own: A4 landscape, fit to the page's width, a
title row (the list's title and 填报单位), a row of 截至日期 with 填报人 and 联系电话 left blank
to fill in, the header row repeated on every page, 第 N 页 共 M 页 in the footer, 宋体
throughout, row heights from the wrapped text (LibreOffice does not fit them itself), dates as
date cells, and a drop-down of the status words in the 状态 column. The 编号 column names the
obligation of each row, so that ``iprcheck import`` can take the sheet back.

The columns, and what each read-back cell holds, are the one table ``sheets.columns`` that
``iprcheck import`` reads by. What import checks a workbook by is written twice: in the title
row, where a person sees it, and in the workbook's custom properties (``iprcheck.list``,
``iprcheck.unit``), which Excel, WPS and LibreOffice keep through an edit and a save; so is the
export record (``sheets.record``: what each row said when exported), which lets import take
only what a colleague changed. A value longer than a cell holds is refused here, never cut.

The 汇总 sheet sent upward holds the figures; the ledger's file name and its own check findings
are the office's business, shown only in the internal view (``View.internal``). Every sheet
prints: A4 landscape, as wide as the page, its header repeated, rows as tall as their text.

openpyxl is imported here only, so no other format pays for it.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

from ...errors import IprcheckError
from ...i18n import t
from ...numbers import percent
from ...obligations import Item
from ...reports.report import Report
from ...sheets import columns, record
from ...sheets.columns import CELL_CHARS
from ...sheets.columns import WORKBOOK as COLUMNS
from ...vocab import STATUSES, Requirement, Status
from .. import View
from .. import labels as L
from ..guards import capped
from ..history import change_rows
from ..xlsx import FONT, HEADER_FILL, print_setup, set_cell, text_lines, workbook

TITLE_ROW, FILL_ROW, HEAD_ROW = 1, 2, 3  # data from HEAD_ROW + 1
BODY_PT = 10.5  # 五号
LINE_PT = 14.0  # one wrapped line of 五号宋体, with the leading LibreOffice and Excel give it
SUMMARY_WIDTHS = (34, 12, 12, 12, 12, 12, 12, 12)  # 汇总: titles in A, figures after
SINCE_WIDTHS = (19, 10, 8, 40, 40)  # 本期进展: when, who, 编号, change, note


def unit(report: Report, lang: str) -> str:
    """The 填报单位: the province, or the national office (and its department)."""
    return L.who(report.facts, lang)


def ledger_rows(report: Report, lang: str) -> list[list[Any]]:
    """The 台账's rows, one per obligation, in the list's order."""
    return [[cell(c.field, i, lang) for c in COLUMNS] for i in report.items]


def cell(field: str, i: Item, lang: str) -> Any:
    """What the 台账's column ``field`` holds for item ``i``: the cells import reads back as
    ``sheets.columns`` writes them, the others as a reader wants them."""
    if field in columns.READ:
        return columns.value(field, i.tracking, lang)
    if field == "updated":
        return _time(i.updated)
    if field == "requirement":
        return "\n".join(x for x in (L.requirement(i, lang), i.obligation.measure.rule) if x)
    return {
        "id": i.id,
        "task": L.numbered_task(i.task, lang),
        "measure": i.text,
        "departments": "、".join(i.obligation.departments),
        "due": i.task.due or i.task.completion or "",
    }[field]


def check_lengths(report: Report, lang: str) -> None:
    """Refuse, before a workbook is made, a value longer than an Excel cell holds: cut, it
    would no longer be what the ledger holds, and import would record the cut one."""
    for i in report.items:
        field = columns.too_long(i, CELL_CHARS)
        if field is not None:
            length = len(columns.value(field, i.tracking, lang))
            name = t(columns.BY_FIELD[field].heading, lang)
            raise IprcheckError(
                "xlsx_cell_too_long", id=i.id, field=name, length=length, limit=CELL_CHARS
            )


def _time(at: str | None) -> datetime | None:
    """An ISO time as the local wall-clock time it was recorded at (a cell has no offset)."""
    return datetime.fromisoformat(at).replace(tzinfo=None, microsecond=0) if at else None


def to_xlsx(report: Report, view: View) -> bytes:
    lang = view.lang
    check_lengths(report, lang)
    wb = workbook()
    sheet = wb.active
    sheet.title = t("sheet_ledger", lang)
    _ledger_sheet(sheet, report, lang)
    _summary_sheet(wb.create_sheet(t("sheet_summary", lang)), report, view)
    if report.since is not None:
        _since_sheet(wb.create_sheet(t("sheet_changes", lang)), report, lang)
    wb.properties.title = L.title(report, lang)
    wb.properties.creator = "iprcheck"
    _properties(wb, report)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _properties(wb: Any, report: Report) -> None:
    """Whose 台账 this is and what each row said when exported, for ``iprcheck import``."""
    from openpyxl.packaging.custom import StringProperty

    made = datetime.now().astimezone()
    exported = record.properties(((i.id, i.tracking) for i in report.items), made)
    owned = [(record.LIST, report.facts.list_id), (record.UNIT, unit(report, "zh"))]
    for name, value in owned + exported:
        wb.custom_doc_props.append(StringProperty(name=name, value=value))


def title_text(report: Report, lang: str) -> str:
    """``2020年推动知识产权高质量发展任务清单 台账（填报单位：广东省）``; a division's own
    台账 (report --owner) names the division too."""
    title = L.list_title(report.facts, lang)
    if report.owners:
        owner = ("、" if lang == "zh" else ", ").join(report.owners)
        return t("xlsx_title_owner", lang, title=title, unit=unit(report, lang), owner=owner)
    return t("xlsx_title", lang, title=title, unit=unit(report, lang))


# ---------------------------------------------------------------------------------------------
# The 台账 sheet.


def _ledger_sheet(ws: Any, report: Report, lang: str) -> None:
    from openpyxl.utils import get_column_letter

    last_col = get_column_letter(len(COLUMNS))
    _title_rows(ws, report, lang, last_col)
    _header_row(ws, lang)
    end = _body_rows(ws, report, lang)
    _status_choice(ws, lang, HEAD_ROW + 1, end)
    ws.freeze_panes = f"C{HEAD_ROW + 1}"
    ws.auto_filter.ref = f"A{HEAD_ROW}:{last_col}{max(end, HEAD_ROW)}"
    ws.print_title_rows = f"{HEAD_ROW}:{HEAD_ROW}"
    ws.print_area = f"A1:{last_col}{max(end, HEAD_ROW)}"
    print_setup(ws, lang)


def _title_rows(ws: Any, report: Report, lang: str, last_col: str) -> None:
    """The title, then 截至日期 2020-09-30 · 填报人 ____ · 联系电话 ____ (blanks to fill in)."""
    from openpyxl.styles import Alignment, Border, Font, Side

    title = ws.cell(row=TITLE_ROW, column=1)
    set_cell(title, title_text(report, lang))
    title.font = Font(name=FONT, size=16, bold=True)
    title.alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(f"A{TITLE_ROW}:{last_col}{TITLE_ROW}")
    ws.row_dimensions[TITLE_ROW].height = 30
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


def _border() -> Any:
    from openpyxl.styles import Border, Side

    thin = Side(style="thin", color="808080")
    return Border(left=thin, right=thin, top=thin, bottom=thin)


def _header_row(ws: Any, lang: str) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    for col, column in enumerate(COLUMNS, 1):
        cell = ws.cell(row=HEAD_ROW, column=col)
        set_cell(cell, t(column.heading, lang))
        cell.font = Font(name=FONT, size=BODY_PT, bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = _border()
        ws.column_dimensions[get_column_letter(col)].width = column.width
    ws.row_dimensions[HEAD_ROW].height = LINE_PT * 2 + 4


_FORMATS = {"due": "yyyy-mm-dd", "internal_due": "yyyy-mm-dd", "updated": "yyyy-mm-dd hh:mm"}


def _body_rows(ws: Any, report: Report, lang: str) -> int:
    """One row per obligation, as tall as its most wrapped cell; the last row's number."""
    from openpyxl.styles import Alignment, Font, PatternFill

    wrap = Alignment(wrap_text=True, vertical="top")
    body = Font(name=FONT, size=BODY_PT)
    border = _border()
    status_col = [c.field for c in COLUMNS].index("status") + 1
    r = HEAD_ROW
    for r, item in enumerate(report.items, HEAD_ROW + 1):
        lines = 1
        for col, column in enumerate(COLUMNS, 1):
            value = cell(column.field, item, lang)
            target = ws.cell(row=r, column=col)
            set_cell(target, value)
            target.font, target.alignment, target.border = body, wrap, border
            if column.field in _FORMATS:
                target.number_format = _FORMATS[column.field]
            shown = value.isoformat(" ", "minutes") if isinstance(value, datetime) else value
            lines = max(lines, text_lines(shown, column.width, BODY_PT))
        ws.row_dimensions[r].height = lines * LINE_PT + 4
        info = item.status.info
        status = ws.cell(row=r, column=status_col)
        status.fill = PatternFill("solid", fgColor=info.fill)
        bold = item.status in (Status.BLOCKED, Status.DONE)
        status.font = Font(name=FONT, size=BODY_PT, color=info.ink, bold=bold)
        status.alignment = Alignment(wrap_text=True, vertical="top", horizontal="center")
    return r


def _status_choice(ws: Any, lang: str, first: int, end: int) -> None:
    """A drop-down of the status words in the 状态 column."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    letter = get_column_letter([c.field for c in COLUMNS].index("status") + 1)
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
    valid.add(f"{letter}{first}:{letter}{max(end, first)}")
    ws.add_data_validation(valid)


# ---------------------------------------------------------------------------------------------
# The 汇总 and 本期进展 sheets.


def _summary_sheet(ws: Any, report: Report, view: View) -> None:
    """The figures; in the internal view also the ledger's file and its check findings."""
    lang = view.lang
    f = report.facts
    rows: list[list[Any]] = [
        [L.title(report, lang)],
        [t("report_who", lang), L.who(f, lang)],
    ]
    if f.profile is not None:
        rows.append([t("profile", lang), L.profile(f, lang)])
    rows.append([L.dateline(f, lang)])
    if view.internal:
        rows.append([L.ledger_line(f, lang)])
    rows.append([])
    heads: list[int] = []  # rows that head a table
    for head, body in _summary_tables(report, view):
        heads.append(len(rows) + 1)
        rows += [head, *body, []]
    _write_summary(ws, rows, heads)
    ws.print_title_rows = "1:1"
    print_setup(ws, lang)


def _summary_tables(report: Report, view: View) -> list[tuple[list[Any], list[list[Any]]]]:
    lang = view.lang
    mandatory, optional = Requirement.MANDATORY.label(lang), Requirement.OPTIONAL.label(lang)
    done, total = t("col_done", lang), t("report_total", lang)
    a = report.attention
    tables: list[tuple[list[Any], list[list[Any]]]] = [
        (
            [t("col_requirement", lang), *(s.label(lang) for s in STATUSES), total]
            + [t("col_percent", lang)],
            [
                [label, *counts, percent(counts[STATUSES.index(Status.DONE)], counts[-1]) / 100]
                for label, counts in L.status_counts(report, lang)
            ],
        ),
        (
            [t("col_section", lang), f"{mandatory} {done}", f"{mandatory} {total}"]
            + [t("col_percent", lang), f"{optional} {done}", f"{optional} {total}"],
            [
                [f"{g.number}. {L.group_title(g, lang)}", g.totals.mandatory.done]
                + [g.totals.mandatory.total]
                + [percent(g.totals.mandatory.done, g.totals.mandatory.total) / 100]
                + [g.totals.optional.done, g.totals.optional.total]
                for g in report.sections
            ],
        ),
        (
            [t("report_attention", lang), t("col_id", lang)],
            [
                [t("att_blocked", lang), ", ".join(a.blocked)],
                [t("att_overdue", lang), ", ".join(o.id for o in a.overdue)],
                [t("att_due_soon", lang, days=a.within), ", ".join(o.id for o in a.due_soon)],
                [t("att_open_mandatory", lang), ", ".join(a.open_mandatory)],
                [t("att_waived", lang), ", ".join(a.waived)],
            ],
        ),
    ]
    if view.internal:
        tables.append(
            (
                [t("report_checks", lang), t("col_id", lang), t("col_level", lang)],
                [[L.finding_text(x, lang), x.id, L.level(x, lang)] for x in report.findings]
                or [[t("check_clean", lang)]],
            )
        )
    weeks: list[list[Any]] = [[w.end, w.done, w.open] for w in report.progress]
    tables.append(([t("col_week", lang), t("col_done", lang), t("col_open", lang)], weeks))
    return tables


def _write_summary(ws: Any, rows: list[list[Any]], heads: list[int]) -> None:
    """The summary's lines, then its tables: each table's rows wrapped and as tall as their
    text; a table of a label and a list of ids has the list across B:H."""
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    bold = Font(name=FONT, bold=True)
    in_table = False
    for r, row in enumerate(rows, 1):
        in_table = r in heads or (in_table and bool(row))
        if not in_table:
            for c, value in enumerate(row, 1):
                set_cell(ws.cell(row=r, column=c), value)
            if len(row) == 2:  # 报送单位 广东省: the label bold
                ws.cell(row=r, column=1).font = bold
            continue
        wide = len(row) == 2
        if wide:
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=len(SUMMARY_WIDTHS))
        widths = [SUMMARY_WIDTHS[0], sum(SUMMARY_WIDTHS[1:])] if wide else SUMMARY_WIDTHS
        lines = max(
            _table_cell(ws.cell(row=r, column=c), value, head=r in heads, width=widths[c - 1])
            for c, value in enumerate(row, 1)
        )
        ws.row_dimensions[r].height = lines * 15 + 3
    ws.cell(row=1, column=1).font = Font(name=FONT, bold=True, size=14)
    for c, width in enumerate(SUMMARY_WIDTHS, 1):
        ws.column_dimensions[get_column_letter(c)].width = width


def _table_cell(target: Any, value: Any, *, head: bool, width: int) -> int:
    """Write one cell of a summary table; how many lines its text wraps to."""
    from openpyxl.styles import Alignment, Font, PatternFill

    set_cell(target, value)
    if isinstance(value, float):
        target.number_format = "0%"
    elif isinstance(value, date):
        target.number_format = "yyyy-mm-dd"
    if head:
        target.font = Font(name=FONT, bold=True)
        target.fill = PatternFill("solid", fgColor=HEADER_FILL)
        target.alignment = Alignment(horizontal="center", wrap_text=True)
    else:
        target.alignment = Alignment(wrap_text=True, vertical="top")
    return text_lines(value, width)


def _since_sheet(ws: Any, report: Report, lang: str) -> None:
    """本期进展: the changes after the --since day, one a row, in the reader's local time (a
    long note shown in part, with its length: this sheet is read, never imported)."""
    from openpyxl.styles import Alignment, Font, PatternFill

    assert report.since is not None
    ws.cell(row=1, column=1).value = t("report_since", lang, date=report.since.isoformat())
    ws.cell(row=1, column=1).font = Font(name=FONT, bold=True, size=14)
    heads = [t(k, lang) for k in ("col_when", "col_who", "col_id", "col_change", "col_note")]
    rows = change_rows(report.changes, lang) or [["", "", "", t("report_since_none", lang), ""]]
    wrap = Alignment(wrap_text=True, vertical="top")
    for c, head in enumerate(heads, 1):
        target = ws.cell(row=2, column=c)
        set_cell(target, head)
        target.font = Font(name=FONT, bold=True)
        target.fill = PatternFill("solid", fgColor=HEADER_FILL)
    for r, row in enumerate(rows, 3):
        lines = 1
        for c, value in enumerate(row, 1):
            shown = capped(value, lang)
            target = ws.cell(row=r, column=c)
            set_cell(target, shown)
            target.font = Font(name=FONT)
            target.alignment = wrap
            lines = max(lines, text_lines(shown, SINCE_WIDTHS[c - 1]))
        ws.row_dimensions[r].height = lines * 15 + 3
    for col, width in zip("ABCDE", SINCE_WIDTHS, strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"
    print_setup(ws, lang)
