"""The rollup as a workbook: the matrix on the first sheet, then one sheet per ledger."""

from __future__ import annotations

import io
from typing import Any

from ...i18n import t
from ...reports.rollup import Cell, Rollup
from .. import View
from .. import labels as L
from ..guards import xlsx_text
from ..xlsx import FONT, print_setup, set_cell, workbook
from .labels import (
    COLOUR,
    INK,
    cell_label,
    counted_line,
    day,
    display_name,
    list_title,
    missing_line,
    not_done,
    notes,
)


def to_xlsx(rollup: Rollup, view: View) -> bytes:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    lang = view.lang
    bold = Font(name=FONT, bold=True)
    wb = workbook()
    ws = wb.active
    ws.title = t("rollup_sheet_matrix", lang)
    numbers = list(rollup.catalog.tasks)
    append(ws, [list_title(rollup, lang)])
    ws["A1"].font = Font(name=FONT, bold=True, size=13)
    append(ws, [f"{counted_line(rollup, lang)} · {missing_line(rollup, lang)}"])
    heads = [
        t("rollup_col_province", lang),
        t("rollup_col_mandatory", lang),
        t("rollup_col_percent", lang),
        t("rollup_col_blocked", lang),
        t("rollup_col_updated", lang),
        *numbers,
    ]
    append(ws, heads)
    head_row = ws.max_row
    for c in ws[head_row]:
        c.font = bold
        c.alignment = Alignment(horizontal="center")
    first_task_col = 6
    fills = {c: PatternFill("solid", fgColor=COLOUR[c]) for c in Cell}
    for r in rollup.rows:
        append(
            ws,
            [
                display_name(r, lang, rollup),
                f"{r.done}/{r.total}",
                r.percent / 100,
                r.blocked,
                day(r.last_update, lang),
                *(cell_label(r.cells[n].state, lang) for n in numbers),
            ],
        )
        n_row = ws.max_row
        ws.cell(n_row, 3).number_format = "0%"
        for j, n in enumerate(numbers):
            c = r.cells[n]
            target = ws.cell(n_row, first_task_col + j)
            target.fill = fills[c.state]
            target.font = Font(
                name=FONT, color=INK.get(c.state, "222222"), italic=c.optional, size=9
            )
            target.alignment = Alignment(horizontal="center")
    append(ws, [])
    for label, values in (
        (t("rollup_col_owe", lang), [s.owe for s in rollup.tasks]),
        (t("rollup_col_done", lang), [s.done for s in rollup.tasks]),
    ):
        append(ws, [label, None, None, None, None, *values])
        ws.cell(ws.max_row, 1).font = bold
    append(ws, [])
    append(ws, ["  ".join(cell_label(c, lang) for c in Cell)])
    for note in notes(rollup, lang):
        append(ws, [note])
    for s in rollup.skipped:
        append(ws, [t("rollup_left_out", lang, reason=s.error.render(lang))])
    ws.freeze_panes = ws.cell(head_row + 1, 2)
    ws.column_dimensions["A"].width = 26
    for col, width in (("B", 12), ("C", 8), ("D", 8), ("E", 12)):
        ws.column_dimensions[col].width = width
    for j in range(len(numbers)):
        ws.column_dimensions[get_column_letter(first_task_col + j)].width = 9
    # Printed for the national coordinator: the matrix on as few pages as it fits (A4
    # landscape, as wide as the page), the header rows and the province names on every page.
    ws.print_title_rows = f"{head_row}:{head_row}"
    ws.print_title_cols = "A:A"
    print_setup(ws, lang)

    used = {ws.title.casefold()}
    if view.by == "measure":
        _measure_sheet(wb.create_sheet(t("rollup_sheet_measures", lang)), rollup, lang)
        used.add(t("rollup_sheet_measures", lang).casefold())
    if rollup.blocked_reasons:
        _blocked_sheet(wb.create_sheet(t("rollup_sheet_blocked", lang)), rollup, lang)
        used.add(t("rollup_sheet_blocked", lang).casefold())
    sheet_heads = [
        t("col_id", lang),
        t("col_task", lang),
        t("col_requirement", lang),
        t("col_status", lang),
        t("col_measure", lang),
        t("col_owner", lang),
        t("col_due", lang),
        t("col_note", lang),
        t("col_evidence", lang),
        t("rollup_col_updated", lang),
    ]
    for r in rollup.rows:
        sheet = wb.create_sheet(_sheet_name(display_name(r, lang, rollup), used))
        append(sheet, [display_name(r, lang, rollup)])
        sheet["A1"].font = Font(name=FONT, bold=True, size=13)
        append(sheet, [str(r.path)])
        append(sheet, [f"{t('rollup_col_mandatory', lang)} {r.done}/{r.total} ({r.percent}%)"])
        append(sheet, sheet_heads)
        for c in sheet[sheet.max_row]:
            c.font = bold
        sheet.freeze_panes = f"A{sheet.max_row + 1}"  # sheet.cell() would add an empty row
        for i in r.items:
            append(
                sheet,
                [
                    i.id,
                    f"{i.task.number}. {L.task_title(i.task, lang)}",
                    i.requirement.label(lang) if i.requirement else "",
                    i.status.label(lang),
                    i.text,
                    i.owner or "",
                    i.internal_due or (i.task.due.isoformat() if i.task.due else ""),
                    i.note or "",
                    "; ".join(i.evidence),
                    L.when(i.updated),
                ],
            )
            for c in sheet[sheet.max_row]:
                c.alignment = Alignment(wrap_text=True, vertical="top")
        for col, width in zip("ABCDEFGHIJ", (7, 28, 9, 9, 60, 14, 12, 30, 24, 17), strict=True):
            sheet.column_dimensions[col].width = width
        sheet.print_title_rows = "4:4"
        print_setup(sheet, lang)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _measure_sheet(ws: Any, rollup: Rollup, lang: str) -> None:
    """rollup --by measure: a row per provincial obligation, with how the provinces that must do
    it stand and which have not done it."""
    from openpyxl.styles import Alignment, Font

    from ...vocab import STATUSES

    append(ws, [f"{list_title(rollup, lang)} · {t('rollup_by_measure', lang)}"])
    ws["A1"].font = Font(name=FONT, bold=True, size=13)
    heads = [
        t("col_id", lang),
        t("col_measure", lang),
        t("rollup_col_owe", lang),
        *(s.label(lang) for s in STATUSES),
        t("rollup_not_done", lang).rstrip("：: "),
    ]
    append(ws, heads)
    for c in ws[ws.max_row]:
        c.font = Font(name=FONT, bold=True)
    for m in rollup.measures:
        append(ws, [m.id, m.text, len(m.owe), *(m.count(s) for s in STATUSES), not_done(m, lang)])
        for c in ws[ws.max_row]:
            c.alignment = Alignment(wrap_text=True, vertical="top")
    widths = (7, 50, 8, 8, 8, 8, 8, 8, 40)
    for col, width in zip("ABCDEFGHI", widths, strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"
    print_setup(ws, lang)


def _blocked_sheet(ws: Any, rollup: Rollup, lang: str) -> None:
    """受阻原因: every blocked obligation of every province, with its reason."""
    from openpyxl.styles import Alignment, Font

    append(ws, [t("rollup_blocked_list", lang)])
    ws["A1"].font = Font(name=FONT, bold=True, size=13)
    append(ws, [t("rollup_col_province", lang), t("col_id", lang), t("col_note", lang)])
    for c in ws[ws.max_row]:
        c.font = Font(name=FONT, bold=True)
    for b in rollup.blocked_reasons:
        append(ws, [b.province, b.id, b.note or t("att_no_note", lang)])
        for c in ws[ws.max_row]:
            c.alignment = Alignment(wrap_text=True, vertical="top")
    for col, width in zip("ABC", (18, 8, 70), strict=True):
        ws.column_dimensions[col].width = width
    ws.print_title_rows = "2:2"
    print_setup(ws, lang)


def append(ws: Any, values: list[Any]) -> None:
    """A row below the last, every cell set through the one guard (text stays text)."""
    row = ws.max_row + 1 if ws.max_row > 1 or ws.cell(1, 1).value is not None else 1
    for col, value in enumerate(values, 1):
        if value is not None:
            set_cell(ws.cell(row=row, column=col), value)
    if not values:
        ws.cell(row=row, column=1)  # an empty row still counts as a row


_SHEET_BAD = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))


def _sheet_name(name: str, used: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique regardless of case.
    ``used`` holds the names taken so far, case-folded."""
    base = xlsx_text(name).translate(_SHEET_BAD).strip("'") or "-"
    candidate, n = base[:31], 1
    while candidate.casefold() in used:
        n += 1
        suffix = f" ({n})"
        candidate = base[: 31 - len(suffix)] + suffix
    used.add(candidate.casefold())
    return candidate
