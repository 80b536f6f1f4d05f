"""The report's workbook (台账, 汇总, 本期进展) as the office prints and forwards it: every sheet
on A4 landscape as wide as the page, its header repeated, rows as tall as their wrapped text;
the 汇总 sent upward keeps the ledger's file name and its own check findings to the office."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import Cli
from report_ledger import AS_OF

from iprcheck.ledger import read
from iprcheck.output import Format, Subject, View, render
from iprcheck.output.xlsx import text_lines
from iprcheck.reports.report import build
from iprcheck.tasklist import load


def workbook(pilot: Path, view: View, since: date | None = None) -> Any:
    report = build(load(), read(pilot), date.fromisoformat(AS_OF), since=since)
    path = pilot.with_name("台账.xlsx")
    path.write_bytes(render(Subject.REPORT, Format.XLSX, report, view))
    return openpyxl.load_workbook(path)


def texts(ws: Any) -> str:
    return "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)


def test_every_sheet_prints_on_a4_landscape_with_its_header_repeated(pilot: Path) -> None:
    wb = workbook(pilot, View("zh"), since=date(2020, 7, 1))
    assert wb.sheetnames == ["台账", "汇总", "本期进展"]
    repeated = {"台账": "$3:$3", "汇总": "$1:$1", "本期进展": "$2:$2"}
    for ws in wb.worksheets:
        assert ws.page_setup.paperSize == 9, ws.title  # A4
        assert ws.page_setup.orientation == "landscape", ws.title
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.print_title_rows == repeated[ws.title]
        assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"


@pytest.mark.parametrize("sheet", ["汇总", "本期进展"])
def test_wrapped_rows_are_as_tall_as_their_text(pilot: Path, sheet: str) -> None:
    ws = workbook(pilot, View("zh"), since=date(2020, 7, 1))[sheet]
    first_table = 2 if sheet == "本期进展" else 6
    checked = 0
    for row in ws.iter_rows(min_row=first_table + 1):
        for c in row:
            if (
                isinstance(c.value, str)
                and c.alignment.wrap_text
                and c.coordinate not in (ws.merged_cells)
            ):
                width = ws.column_dimensions[c.column_letter].width
                assert ws.row_dimensions[c.row].height >= text_lines(c.value, width) * 15
                checked += 1
    assert checked > 5


def test_the_summary_sent_upward_keeps_the_offices_own_business(pilot: Path) -> None:
    upward = texts(workbook(pilot, View("zh"))["汇总"])
    internal = texts(workbook(pilot, View("zh", internal=True))["汇总"])
    for said in ("iprcheck-ledger.jsonl", "台账检查", "已完成，但没有佐证材料"):
        assert said not in upward and said in internal
    for said in ("报送单位", "完成率", "需要关注", "周末"):
        assert said in upward and said in internal


def test_a_division_s_own_ledger_names_the_division(cli_zh: Cli, pilot: Path) -> None:
    cli_zh.ok("report", "--owner", "保护处", "--output", "保护处.xlsx")
    ws = openpyxl.load_workbook(pilot.with_name("保护处.xlsx"))["台账"]
    assert ws["A1"].value == (
        "2020年推动知识产权高质量发展任务清单 台账（填报单位：广东省；责任处室：保护处）"
    )
