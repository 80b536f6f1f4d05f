"""The rollup as a workbook: the matrix on the first sheet, then (``--by measure``) a sheet by
measure, the blocked reasons, and one sheet per ledger.

Every sheet prints: paper and orientation set, as wide as the page, its header row repeated on
every page, the rows of wrapped text as tall as their lines (LibreOffice does not fit a row to
its text on opening, and a row left at one line prints one line), page numbers in the footer.
The matrix (a unit's row across the list's 19 tasks) is set on A3 landscape with the units'
names repeated on every page, so that it prints at nearly its own size rather than squeezed
onto an A4 width. A long note shows its first page, how long it is and which ledger holds it
whole (``output/excerpt``).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from ...i18n import t
from ...reports.rollup import Cell, Rollup, Row
from ...vocab import STATUSES
from .. import View
from .. import labels as L
from ..excerpt import excerpt, ledger
from ..guards import xlsx_text
from ..xlsx import FONT, print_setup, set_cell, text_lines, workbook
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

BODY_PT = 11  # the workbook's default font
LINE_PT = 14.5  # one wrapped line of 11 pt 宋体, with the leading Excel and LibreOffice give it
# Column widths in Excel's units (a CJK character takes about two).
MATRIX = (22, 12, 8, 8, 11)  # unit, mandatory, %, blocked, updated; then the tasks
TASK_COLUMN = 8
MEASURES = (7, 46, 8, 8, 8, 8, 8, 8, 40)
BLOCKED = (18, 8, 70)
UNIT = (6, 20, 7, 8, 46, 12, 11, 32, 20, 11)


def to_xlsx(rollup: Rollup, view: View) -> bytes:
    lang = view.lang
    wb = workbook()
    ws = wb.active
    ws.title = t("rollup_sheet_matrix", lang)
    _matrix(ws, rollup, lang)
    used = {ws.title.casefold()}
    if view.by == "measure":
        name = t("rollup_sheet_measures", lang)
        _measure_sheet(wb.create_sheet(name), rollup, lang)
        used.add(name.casefold())
    if rollup.blocked_reasons:
        name = t("rollup_sheet_blocked", lang)
        _blocked_sheet(wb.create_sheet(name), rollup, lang)
        used.add(name.casefold())
    for r in rollup.rows:
        name = _sheet_name(display_name(r, lang, rollup), used)
        _unit_sheet(wb.create_sheet(name), rollup, r, lang)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _matrix(ws: Any, rollup: Rollup, lang: str) -> None:
    """Each ledger's row: its figures, then its cell under every task; what each task is owed
    and has done; the legend, the notes, what was left out."""
    from openpyxl.styles import Alignment, Font, PatternFill

    numbers = list(rollup.catalog.tasks)
    _title(ws, list_title(rollup, lang))
    append(ws, [f"{counted_line(rollup, lang)} · {missing_line(rollup, lang)}"])
    heads = [
        t(k, lang)
        for k in (
            "rollup_col_province",
            "rollup_col_mandatory",
            "rollup_col_percent",
            "rollup_col_blocked",
            "rollup_col_updated",
        )
    ]
    head_row = _heads(ws, [*heads, *numbers], centred=True)
    first_task = len(MATRIX) + 1
    fills = {c: PatternFill("solid", fgColor=COLOUR[c]) for c in Cell}
    for r in rollup.rows:
        figures = [f"{r.done}/{r.total}", r.percent / 100, r.blocked, day(r.last_update, lang)]
        cells = [cell_label(r.cells[n].state, lang) for n in numbers]
        append(ws, [display_name(r, lang, rollup), *figures, *cells])
        row = ws.max_row
        ws.cell(row, 3).number_format = "0%"
        for col in range(2, first_task):
            ws.cell(row, col).alignment = Alignment(horizontal="center")
        for j, n in enumerate(numbers):
            c = r.cells[n]
            target = ws.cell(row, first_task + j)
            target.fill = fills[c.state]
            ink = INK.get(c.state, "222222")
            target.font = Font(name=FONT, color=ink, italic=c.optional, size=9)
            target.alignment = Alignment(horizontal="center")
    append(ws, [])
    for label, values in (
        (t("rollup_col_owe", lang), [s.owe for s in rollup.tasks]),
        (t("rollup_col_done", lang), [s.done for s in rollup.tasks]),
    ):
        append(ws, [label, None, None, None, None, *values])
        ws.cell(ws.max_row, 1).font = Font(name=FONT, bold=True)
    append(ws, [])
    append(ws, ["  ".join(cell_label(c, lang) for c in Cell)])
    for line in notes(rollup, lang):
        append(ws, [line])
    for s in rollup.skipped:
        append(ws, [t("rollup_left_out", lang, reason=s.error.render(lang))])
    ws.freeze_panes = ws.cell(head_row + 1, 2)
    _widths(ws, [*MATRIX, *[TASK_COLUMN] * len(numbers)])
    # A3 landscape, as wide as the page: 24 columns at nearly their own size, the header row
    # and the units' names on every page.
    _print(ws, lang, head_row, a3=True, title_cols="A:A")


def _measure_sheet(ws: Any, rollup: Rollup, lang: str) -> None:
    """rollup --by measure: a row per provincial obligation, with how the provinces that must do
    it stand and which have not done it."""
    _title(ws, f"{list_title(rollup, lang)} · {t('rollup_by_measure', lang)}")
    heads = [
        t("col_id", lang),
        t("col_measure", lang),
        t("rollup_col_owe", lang),
        *(s.label(lang) for s in STATUSES),
        t("rollup_not_done", lang).rstrip("：: "),
    ]
    head_row = _heads(ws, heads)
    for m in rollup.measures:
        append(ws, [m.id, m.text, len(m.owe), *(m.count(s) for s in STATUSES), not_done(m, lang)])
    _widths(ws, MEASURES)
    _wrap_rows(ws, head_row + 1, MEASURES)
    ws.freeze_panes = ws.cell(head_row + 1, 1)
    _print(ws, lang, head_row)


def _blocked_sheet(ws: Any, rollup: Rollup, lang: str) -> None:
    """受阻原因: every blocked obligation of every province, with its reason."""
    _title(ws, t("rollup_blocked_list", lang))
    heads = [t("rollup_col_province", lang), t("col_id", lang), t("col_note", lang)]
    head_row = _heads(ws, heads)
    paths = {r.name: str(r.path) for r in rollup.rows}
    for b in rollup.blocked_reasons:
        where = ledger(b.province, paths.get(b.province, ""), b.id, lang)
        note = excerpt(b.note, lang, where) if b.note else t("att_no_note", lang)
        append(ws, [b.province, b.id, note])
    _widths(ws, BLOCKED)
    _wrap_rows(ws, head_row + 1, BLOCKED)
    ws.freeze_panes = ws.cell(head_row + 1, 1)
    _print(ws, lang, head_row)


def _unit_sheet(ws: Any, rollup: Rollup, r: Row, lang: str) -> None:
    """One ledger's obligations, as its own 台账 shows them."""
    name = display_name(r, lang, rollup)
    _title(ws, name)
    append(ws, [str(r.path)])
    append(ws, [f"{t('rollup_col_mandatory', lang)} {r.done}/{r.total} ({r.percent}%)"])
    heads = [
        t(k, lang)
        for k in (
            "col_id",
            "col_task",
            "col_requirement",
            "col_status",
            "col_measure",
            "col_owner",
            "col_due",
            "col_note",
            "col_evidence",
            "rollup_col_updated",
        )
    ]
    head_row = _heads(ws, heads)
    for i in r.items:
        note = excerpt(i.note, lang, ledger(name, str(r.path), i.id, lang)) if i.note else ""
        append(
            ws,
            [
                i.id,
                L.numbered_task(i.task, lang),
                i.requirement.label(lang) if i.requirement else "",
                i.status.label(lang),
                i.text,
                i.owner or "",
                i.internal_due or (i.task.due.isoformat() if i.task.due else ""),
                note,
                "; ".join(i.evidence),
                (i.updated or "")[:10],
            ],
        )
    _widths(ws, UNIT)
    _wrap_rows(ws, head_row + 1, UNIT)
    ws.freeze_panes = ws.cell(head_row + 1, 1)
    _print(ws, lang, head_row)


# ---------------------------------------------------------------------------------------------
# What every sheet shares.


def _title(ws: Any, text: str) -> None:
    from openpyxl.styles import Font

    append(ws, [text])
    ws.cell(ws.max_row, 1).font = Font(name=FONT, bold=True, size=13)


def _heads(ws: Any, heads: Sequence[Any], *, centred: bool = False) -> int:
    """The header row, bold (and centred); its number."""
    from openpyxl.styles import Alignment, Font

    append(ws, list(heads))
    row = ws.max_row
    for c in ws[row]:
        c.font = Font(name=FONT, bold=True)
        c.alignment = Alignment(horizontal="center" if centred else None, wrap_text=True)
    return int(row)


def _widths(ws: Any, widths: Sequence[float]) -> None:
    from openpyxl.utils import get_column_letter

    for n, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(n)].width = width


def _wrap_rows(ws: Any, first: int, widths: Sequence[float]) -> None:
    """Rows from ``first`` on wrap their text, top-aligned, each as tall as its most lines."""
    from openpyxl.styles import Alignment

    wrap = Alignment(wrap_text=True, vertical="top")
    for row in ws.iter_rows(min_row=first):
        lines = 1
        for c, width in zip(row, widths, strict=False):
            c.alignment = wrap
            lines = max(lines, text_lines(c.value, width, BODY_PT))
        ws.row_dimensions[row[0].row].height = lines * LINE_PT + 3


def _print(ws: Any, lang: str, head_row: int, *, a3: bool = False, title_cols: str = "") -> None:
    """Landscape, as wide as the page (A4, or A3 for the matrix), the header row repeated on
    every page (and ``title_cols``, the units' names, on every page across)."""
    print_setup(ws, lang)
    if a3:
        ws.page_setup.paperSize = ws.PAPERSIZE_A3
    ws.print_title_rows = f"{head_row}:{head_row}"
    if title_cols:
        ws.print_title_cols = title_cols


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
