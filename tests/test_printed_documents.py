"""The documents that go upward print as an office's own: the 台账 workbook (A4, titles, page
numbers, row heights, a status drop-down), the rollup matrix, the HTML report. How the 台账
comes back is in ``test_import*.py``.

One ledger is built for the module and copied into each test's folder, so the tests stay fast.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import runner
from report_ledger import AS_OF, build

from iprcheck.cli import app
from iprcheck.ledger import DEFAULT_NAME

openpyxl = pytest.importorskip("openpyxl")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("ledger"))


@pytest.fixture
def pilot(built: Path, tmp_path: Path) -> Path:
    target = tmp_path / DEFAULT_NAME
    shutil.copyfile(built, target)
    return target


def run(*args: str, lang: str = "zh") -> Any:
    return runner.invoke(app, ["--lang", lang, *args])


def ok(*args: str, lang: str = "zh") -> str:
    result = run(*args, lang=lang)
    assert result.exit_code == 0, result.output
    return str(result.output)


def export(tmp_path: Path, name: str = "台账.xlsx", lang: str = "zh") -> Path:
    ok("report", "--as-of", AS_OF, "--output", name, lang=lang)
    return tmp_path / name


def columns(ws: Any) -> dict[str, int]:
    return {c.value: c.column for c in ws[3] if c.value}


def rows_by_id(ws: Any) -> dict[str, int]:
    return {ws.cell(r, 1).value: r for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value}


# ---------------------------------------------------------------------------------------------
# The workbook as printed.


def test_ledger_sheet_prints_as_an_offices_own(pilot: Path, tmp_path: Path) -> None:
    ws = openpyxl.load_workbook(export(tmp_path))["台账"]
    assert ws.page_setup.paperSize == 9 and ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert 0.3 <= ws.page_margins.left <= 1 and 0.3 <= ws.page_margins.top <= 1
    assert ws.print_title_rows == "$3:$3"
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    assert ws["A1"].value == "2020年推动知识产权高质量发展任务清单 台账（填报单位：广东省）"
    fill_row = [c.value for c in ws[2]]
    assert fill_row[1] == "截至日期：" and fill_row[2] == datetime(2020, 9, 30)
    assert "填报人：" in fill_row and "联系电话：" in fill_row
    assert fill_row[fill_row.index("填报人：") + 1] is None  # blank, to fill in
    assert ws["C4"].font.name == "宋体" and ws["A3"].font.name == "宋体"
    head = columns(ws)
    assert ws.cell(4, head["内部时限"]).is_date or ws.cell(4, head["内部时限"]).value is None
    assert ws.cell(rows_by_id(ws)["6.2"], head["内部时限"]).value == datetime(2020, 9, 15)


def test_status_column_offers_only_the_status_words(pilot: Path, tmp_path: Path) -> None:
    for lang, words in (("zh", "未开始,进行中,已完成,受阻,不适用"),
                        ("en", "to do,in progress,done,blocked,waived")):  # fmt: skip
        ws = openpyxl.load_workbook(export(tmp_path, f"{lang}.xlsx", lang))[
            "台账" if lang == "zh" else "Ledger"
        ]
        (dv,) = ws.data_validations.dataValidation
        assert dv.type == "list" and dv.formula1 == f'"{words}"' and dv.showErrorMessage
        status = openpyxl.utils.get_column_letter(columns(ws)["状态" if lang == "zh" else "Status"])
        assert str(dv.sqref) == f"{status}4:{status}25"


def test_row_heights_follow_the_wrapped_text(pilot: Path, tmp_path: Path) -> None:
    from iprcheck.output.xlsx import text_lines

    ws = openpyxl.load_workbook(export(tmp_path))["台账"]
    assert text_lines("一" * 10, 11) == 3 and text_lines("ab\ncd", 20) == 2
    measure = columns(ws)["落实举措"]
    width = ws.column_dimensions[openpyxl.utils.get_column_letter(measure)].width
    for r in range(4, ws.max_row + 1):
        lines = text_lines(ws.cell(r, measure).value, width, 10.5)
        assert ws.row_dimensions[r].height >= lines * 14, r


def test_rollup_matrix_prints_with_provinces_on_every_page(tmp_path: Path) -> None:
    for name in ("广东省", "江苏省"):
        ok("--ledger", f"各省/{name}/", "init", "--province", name)
    ok("rollup", "各省", "--output", "全国.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "全国.xlsx").worksheets[0]
    # A3: a unit's row across 19 tasks prints at nearly its own size (A4 shrank it to 4 pt)
    assert ws.page_setup.paperSize == 8 and ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_cols == "$A:$A" and ws.print_title_rows
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"


# ---------------------------------------------------------------------------------------------
# HTML.


def test_html_prints_in_black_and_white_and_keeps_columns_apart(pilot: Path) -> None:
    html = ok("report", "--format", "html", "--as-of", AS_OF)
    assert "td.due { white-space: pre-line;" in html  # the internal deadline wraps in its cell
    assert "table.items td.req { overflow-wrap: normal; word-break: keep-all; }" in html
    for status in ("in-progress", "blocked", "waived"):
        assert f'<pattern id="hatch-{status}"' in html
        assert f'fill="url(#hatch-{status})"' in html
    assert '<span class="status status-blocked">受阻</span>' in html  # the word, not colour alone
