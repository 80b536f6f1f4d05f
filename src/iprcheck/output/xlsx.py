"""What every workbook iprcheck writes shares: text cells that stay text, the header colour."""

from __future__ import annotations

from typing import Any

from .guards import xlsx_text

HEADER_FILL = "D9E1F2"


def set_cell(cell: Any, value: Any) -> None:
    """Set a cell. Text is a string cell, never a formula (a note ``=1+1`` shows as typed),
    its control and invisible characters written out (a workbook cannot hold most of them)."""
    if isinstance(value, str):
        cell.value = xlsx_text(value)
        cell.data_type = "s"
    else:
        cell.value = value
