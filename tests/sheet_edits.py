"""A colleague at work on an exported 台账: cells changed by obligation id and heading, as in
Excel, and the workbook saved again. What the import tests build their sheets with. Not a test
module."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

HEAD_ROW = 3


def columns(ws: Any) -> dict[str, int]:
    """Heading -> column number."""
    return {c.value: c.column for c in ws[HEAD_ROW] if c.value}


def rows_by_id(ws: Any) -> dict[str, int]:
    """Obligation id -> row number."""
    return {
        ws.cell(r, 1).value: r for r in range(HEAD_ROW + 1, ws.max_row + 1) if ws.cell(r, 1).value
    }


def edit(path: Path, changes: dict[tuple[str, str], Any], out: str = "edited.xlsx") -> Path:
    """Change cells as a colleague would in Excel: (obligation id, heading) -> value; save
    the workbook as ``out`` beside ``path``."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    head, rows = columns(ws), rows_by_id(ws)
    for (oid, name), value in changes.items():
        ws.cell(rows[oid], head[name]).value = value
    target = path.with_name(out)
    wb.save(target)
    return target


def cell(path: Path, oid: str, heading: str) -> Any:
    ws = openpyxl.load_workbook(path).worksheets[0]
    return ws.cell(rows_by_id(ws)[oid], columns(ws)[heading]).value


def resaved_by_libreoffice(path: Path, folder: Path) -> Path:
    """``path`` opened and saved again as .xlsx by LibreOffice (headless)."""
    import subprocess

    folder.mkdir(exist_ok=True)
    profile = f"-env:UserInstallation={(folder / '.profile').as_uri()}"  # its own: runs at once
    subprocess.run(
        [
            "soffice",
            profile,
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(folder),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return folder / path.name
