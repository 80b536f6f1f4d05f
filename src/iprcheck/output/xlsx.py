"""What every workbook iprcheck writes shares: text cells that stay text, the header colour, the
Chinese font, and how tall a row of wrapped text must be."""

from __future__ import annotations

import math
import unicodedata
from typing import Any

from ..i18n import t
from .guards import xlsx_text

HEADER_FILL = "D9E1F2"
FONT = "宋体"  # in every Chinese Windows and in WPS; Excel and LibreOffice substitute elsewhere


def workbook() -> Any:
    """A new workbook. (openpyxl documents no way to change the workbook's default font, so
    every cell iprcheck writes gets ``FONT`` itself: ``set_cell``.)"""
    from openpyxl import Workbook

    return Workbook()


def set_cell(cell: Any, value: Any) -> None:
    """Set a cell. Text is a string cell, never a formula (a note ``=1+1`` shows as typed),
    its control and invisible characters written out (a workbook cannot hold most of them);
    a cell with no style of its own yet is set in ``FONT``."""
    if isinstance(value, str):
        cell.value = xlsx_text(value)
        cell.data_type = "s"
    else:
        cell.value = value
    if not cell.has_style:
        from openpyxl.styles import Font

        cell.font = Font(name=FONT, sz=11, family=3, charset=134)  # 134: GB2312


def text_width(text: str) -> int:
    """Width in Excel's column units: a wide (CJK) character takes two, others one."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def text_lines(value: Any, width: float, size: float = 11) -> int:
    """How many lines ``value`` wraps to in a column ``width`` units wide (an estimate: rows
    are set from it, since LibreOffice does not fit a row to its wrapped text on opening)."""
    if value is None or value == "":
        return 1
    # Column units are characters of the 11 pt default font, so a smaller font fits more; but
    # the font LibreOffice substitutes for 宋体 may be wider, and a line breaks before a word or
    # a closing mark that does not fit: count on a little less than the width holds.
    room = max(1.0, (width - 1.5) * min(1.0, 11 / size * 0.96))
    text = xlsx_text(value) if isinstance(value, str) else str(value)
    return sum(max(1, math.ceil(text_width(part) / room)) for part in text.split("\n"))


def print_setup(ws: Any, lang: str, *, fit_height: int = 0) -> None:
    """A4 landscape, as wide as the page, margins an office printer keeps, page numbers."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = fit_height
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5  # inches
    ws.page_margins.top = 0.6
    ws.page_margins.bottom = 0.7
    ws.page_margins.header = 0.3
    ws.page_margins.footer = 0.3
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = t("xlsx_page", lang, page="&P", pages="&N")
    ws.oddFooter.center.font = FONT
    ws.oddFooter.center.size = 10
