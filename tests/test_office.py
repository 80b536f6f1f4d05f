"""The documents that come back: the 台账 workbook prints as an office's own (A4, titles, page
numbers, row heights, a status drop-down), and ``iprcheck import`` takes it back after a
colleague edited it in Excel or WPS — every refusal located at its cell, nothing recorded then.

One ledger is built for the module and copied into each test's folder, so the tests stay fast.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from report_ledger import AS_OF, build
from typer.testing import CliRunner

from iprcheck.cli import app
from iprcheck.ledger import DEFAULT_NAME

openpyxl = pytest.importorskip("openpyxl")

runner = CliRunner()


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
# The 台账 comes back.


def edit(path: Path, changes: dict[tuple[str, str], Any], out: str = "edited.xlsx") -> Path:
    """Change cells as a colleague would in Excel: (obligation id, header) -> value."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    head, rows = columns(ws), rows_by_id(ws)
    for (oid, name), value in changes.items():
        ws.cell(rows[oid], head[name]).value = value
    target = path.with_name(out)
    wb.save(target)
    return target


EDITS: dict[tuple[str, str], Any] = {
    ("3.3", "状态"): "已完成",
    ("3.3", "进展情况"): "已组织申报",
    ("3.3", "佐证材料"): "申报书.pdf；批复.pdf",
    ("11.2", "责任处室"): "运用促进处",
    ("11.2", "内部时限"): "2020年10月31日",
    ("11.3", "内部时限"): datetime(2020, 11, 30),
}


def test_round_trip_dry_run_import_undo_reimport(pilot: Path, tmp_path: Path) -> None:
    from iprcheck.ledger import read

    edited = edit(export(tmp_path), EDITS)
    before = pilot.read_bytes()
    out = ok("import", edited.name, "--dry-run", "--by", "李明")
    assert "将从 edited.xlsx 导入 3 项举措的更改：" in out
    assert "3.3  状态: 未开始 → 已完成" in out and "11.3  内部时限: — → 2020-11-30" in out
    assert "佐证材料（新增）: — → 申报书.pdf；批复.pdf" in out and "（预演，未作记录）" in out
    assert pilot.read_bytes() == before  # byte for byte

    out = ok("import", edited.name, "--by", "李明")
    assert "已从 edited.xlsx 导入 3 项举措的更改：3.3, 11.2, 11.3" in out
    led = read(pilot)
    new = led.events[-3:]
    assert len({e.command for e in new}) == 1 and len({e.when for e in new}) == 1
    assert {e.by for e in new} == {"李明"}
    assert [(e.kind, e.obligation) for e in new] == [
        ("status", "3.3"),
        ("assign", "11.2"),
        ("assign", "11.3"),
    ] or sorted((e.kind, e.obligation) for e in new) == sorted(
        [("status", "3.3"), ("assign", "11.2"), ("assign", "11.3")]
    )
    state = led.state()
    assert state["3.3"].status.value == "done" and state["3.3"].note == "已组织申报"
    assert state["3.3"].evidence == ("申报书.pdf", "批复.pdf")
    assert state["11.2"].owner == "运用促进处" and state["11.2"].internal_due == "2020-10-31"

    again = ok("import", str(edited))
    assert "与台账一致（22 行），没有要记录的更改" in again
    assert "已撤销 3 项更改" in ok("undo")
    assert read(pilot).state()["3.3"].status.value == "todo"
    assert read(pilot).state()["11.2"].owner is None


def test_reordered_columns_and_an_extra_one_read_by_header(pilot: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(export(tmp_path))
    ws = wb.worksheets[0]
    ws.move_range("I3:I25", cols=5)  # 状态 to the far right
    ws.delete_cols(9)
    ws.insert_cols(2)
    ws.cell(3, 2).value = "备注"
    ws.cell(rows_by_id(ws)["9.2"], columns(ws)["状态"]).value = "已完成"
    wb.save(tmp_path / "moved.xlsx")
    result = run("import", "moved.xlsx")
    assert result.exit_code == 0, result.output
    assert "已忽略未知的列：备注" in result.output  # on stderr (the runner mixes them)
    assert "导入 1 项举措的更改：9.2" in result.output


def test_csv_back_in_utf8_and_gbk(pilot: Path, tmp_path: Path) -> None:
    import csv

    ok("report", "--as-of", AS_OF, "--output", "台账.csv")
    assert "没有要记录的更改" in ok("import", "台账.csv")  # '=1+1 is the writer's quote
    text = (tmp_path / "台账.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(text.splitlines()))
    for row in rows:
        if row["编号"] == "9.3":  # the Chinese CSV's headers, as Excel shows them
            row["状态"] = "已完成"
            row["责任处室"] = "运用促进处"
    for name, encoding in (("gbk.csv", "gbk"), ("utf8.csv", "utf-8-sig")):
        with open(tmp_path / name, "w", encoding=encoding, newline="") as f:
            w = csv.DictWriter(f, list(rows[0]))
            w.writeheader()
            w.writerows(rows)
    out = ok("import", "gbk.csv", "--dry-run")
    assert "9.3  状态: 进行中 → 已完成" in out and "9.3  责任处室: — → 运用促进处" in out
    assert "9.3  状态" in ok("import", "utf8.csv", "--dry-run")


REFUSED = [
    (
        {("3.3", "状态"): "搞定了"},
        "台账!I7：“搞定了”不是状态；可用：未开始、进行中、已完成、受阻、不适用",
    ),
    ({("11.2", "内部时限"): "10月底"}, "台账!H"),
    ({("3.3", "编号"): "99.9"}, "台账!A7：清单中没有编号“99.9”"),
    ({("3.3", "编号"): "6.1"}, "台账!A7：举措 6.1 不是广东省台账跟踪的举措"),
    ({("3.3", "编号"): "3.2"}, "台账!A7：编号 3.2 重复（已见于 台账!A6）"),
    ({("3.3", "落实举措"): "别的举措"}, "台账!C7：编号 3.3 所在行的落实举措“别的举措”与清单不符"),
    ({("3.3", "进展情况"): "=1+1"}, "台账!J7：单元格是公式 =1+1"),
    ({("3.3", "进展情况"): "好\u202e"}, "台账!J7：含控制字符或不可见字符（好\\u202e）"),
]


NAMES = ["status", "date", "unknown-id", "not-owed", "twice", "edited", "formula", "control"]


@pytest.mark.parametrize(("changes", "said"), REFUSED, ids=NAMES)
def test_refused_at_its_cell_and_nothing_recorded(
    pilot: Path, tmp_path: Path, changes: dict[tuple[str, str], Any], said: str
) -> None:
    edited = edit(export(tmp_path), {**EDITS, **changes})
    before = pilot.read_bytes()
    result = run("import", str(edited))
    assert result.exit_code == 1
    assert said in result.output, result.output
    assert len(result.output.strip().splitlines()) == 1
    assert pilot.read_bytes() == before


def test_refusal_in_english(pilot: Path, tmp_path: Path) -> None:
    edited = edit(export(tmp_path, "ledger.xlsx", "en"), {}, "e.xlsx")
    wb = openpyxl.load_workbook(edited)
    ws = wb.worksheets[0]
    ws.cell(rows_by_id(ws)["3.3"], columns(ws)["Status"]).value = "finished"
    ws.cell(rows_by_id(ws)["3.2"], columns(ws)["Status"]).value = "done"
    wb.save(edited)
    result = run("import", str(edited), lang="en")
    assert result.exit_code == 1
    assert result.output == (
        "Ledger!I7: 'finished' is not a status; valid: to do, in progress, done, blocked, "
        "waived (or todo, in-progress, done, blocked, waived, 未开始…)\n"
    )


def test_a_workbook_of_another_province_is_refused(pilot: Path, tmp_path: Path) -> None:
    ok("--ledger", "other/", "init", "--province", "江苏省", "--province-type", "pilot")
    ok("--ledger", "other/", "report", "--output", "江苏.xlsx")
    result = run("import", "江苏.xlsx")
    assert result.exit_code == 1
    assert "台账：这是江苏省的台账，本台账属于广东省" in result.output
    # without the custom properties, the title row tells
    wb = openpyxl.load_workbook(tmp_path / "江苏.xlsx")
    wb.custom_doc_props.props.clear()
    wb.save(tmp_path / "江苏2.xlsx")
    result = run("import", "江苏2.xlsx")
    assert "台账：这是江苏省的台账，本台账属于广东省" in result.output


def test_a_workbook_of_another_list_is_refused(pilot: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(export(tmp_path))
    for prop in wb.custom_doc_props.props:
        if prop.name == "iprcheck.list":
            prop.value = "cnipa-ip-high-quality-development-2021"
    wb.save(tmp_path / "2021.xlsx")
    result = run("import", "2021.xlsx")
    assert result.exit_code == 1
    assert result.output.startswith(
        "台账：这是另一任务清单的台账（cnipa-ip-high-quality-development-2021）"
    )


def test_html_prints_in_black_and_white_and_keeps_columns_apart(pilot: Path) -> None:
    html = ok("report", "--format", "html", "--as-of", AS_OF)
    assert "td.due { white-space: pre-line;" in html  # the internal deadline wraps in its cell
    assert "table.items td.req { overflow-wrap: normal; word-break: keep-all; }" in html
    for status in ("in-progress", "blocked", "waived"):
        assert f'<pattern id="hatch-{status}"' in html
        assert f'fill="url(#hatch-{status})"' in html
    assert '<span class="status status-blocked">受阻</span>' in html  # the word, not colour alone
