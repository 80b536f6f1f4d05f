"""``iprcheck import``: a 台账 a colleague edited in Excel or WPS comes back — what is taken, how
it is said, and every refusal located at its cell with nothing recorded then.

The pilot ledger (``report_ledger``) is copied into each test's folder; sheets are its exports,
edited the way a colleague edits them (``sheet_edits``).
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import Cli
from report_ledger import AS_OF
from sheet_edits import columns, edit, rows_by_id

from iprcheck.ledger import read


def export(cli: Cli, tmp_path: Path, name: str = "台账.xlsx", lang: str = "zh") -> Path:
    cli.ok("report", "--as-of", AS_OF, "--output", name, lang=lang)
    return tmp_path / name


EDITS: dict[tuple[str, str], Any] = {
    ("3.3", "状态"): "已完成",
    ("3.3", "进展情况"): "已组织申报",
    ("3.3", "佐证材料"): "申报书.pdf；批复.pdf",
    ("11.2", "责任处室"): "运用促进处",
    ("11.2", "内部时限"): "2020年10月31日",
    ("11.3", "内部时限"): datetime(2020, 11, 30),
}


def test_dry_run_then_import_as_one_command_undo_reverts(
    cli_zh: Cli, pilot: Path, tmp_path: Path
) -> None:
    edited = edit(export(cli_zh, tmp_path), EDITS)
    before = pilot.read_bytes()
    out = cli_zh.ok("import", edited.name, "--dry-run", "--by", "李明")
    assert "将从 edited.xlsx 导入 3 项举措的更改：" in out
    assert "3.3  状态：未开始 → 已完成" in out and "11.3  内部时限：— → 2020-11-30" in out
    assert "佐证材料（新增）：— → 申报书.pdf；批复.pdf" in out and "（预演，未作记录）" in out
    assert pilot.read_bytes() == before  # byte for byte

    out = cli_zh.ok("import", edited.name, "--by", "李明")
    assert "已从 edited.xlsx 导入 3 项举措的更改：3.3, 11.2, 11.3" in out
    new = read(pilot).events[-3:]
    assert len({e.command for e in new}) == 1 and {e.by for e in new} == {"李明"}
    state = read(pilot).state()
    assert state["3.3"].status.value == "done" and state["3.3"].note == "已组织申报"
    assert state["3.3"].evidence == ("申报书.pdf", "批复.pdf")
    assert state["11.2"].owner == "运用促进处" and state["11.2"].internal_due == "2020-10-31"

    assert "中没有要记录的更改（22 行）" in cli_zh.ok("import", str(edited))
    assert "已撤销 3 项更改" in cli_zh.ok("undo")
    assert read(pilot).state()["3.3"].status.value == "todo"


def test_moved_columns_and_an_offices_own_column_read_by_heading(
    cli_zh: Cli, pilot: Path, tmp_path: Path
) -> None:
    wb = openpyxl.load_workbook(export(cli_zh, tmp_path))
    ws = wb.worksheets[0]
    ws.move_range("I3:I25", cols=5)  # 状态 to the far right
    ws.delete_cols(9)
    ws.insert_cols(2)
    ws.cell(3, 2).value = "备注"
    ws.cell(rows_by_id(ws)["9.2"], columns(ws)["状态"]).value = "已完成"
    wb.save(tmp_path / "moved.xlsx")
    result = cli_zh.run("import", "moved.xlsx")
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == "已忽略未知的列：备注"
    assert "导入 1 项举措的更改：9.2" in result.stdout


def test_the_csv_comes_back_in_utf8_and_gbk(cli_zh: Cli, pilot: Path, tmp_path: Path) -> None:
    cli_zh.ok("report", "--as-of", AS_OF, "--output", "台账.csv")
    assert "没有要记录的更改" in cli_zh.ok("import", "台账.csv")  # '=1+1 is the writer's quote
    text = (tmp_path / "台账.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(text.splitlines(keepends=True)))
    for row in rows:
        if row["编号"] == "9.3":  # the Chinese CSV's headings, as Excel shows them
            row["状态"] = "已完成"
            row["责任处室"] = "运用促进处"
    for name, encoding in (("gbk.csv", "gbk"), ("utf8.csv", "utf-8-sig")):
        with open(tmp_path / name, "w", encoding=encoding, newline="") as f:
            w = csv.DictWriter(f, list(rows[0]))
            w.writeheader()
            w.writerows(rows)
    result = cli_zh.run("import", "gbk.csv", "--dry-run")
    assert "9.3  状态：进行中 → 已完成" in result.stdout
    assert "9.3  责任处室：— → 运用促进处" in result.stdout
    assert "gbk.csv 没有导出记录" in result.stderr  # a CSV carries none: compared with the ledger
    assert "9.3  状态" in cli_zh.ok("import", "utf8.csv", "--dry-run")


REFUSED = {
    "status": ({("3.3", "状态"): "搞定了"}, "台账!I7：“搞定了”不是状态；可用：未开始、进行中"),
    "cleared-status": ({("3.3", "状态"): None}, "台账!I7：状态被清空了；状态不能为空"),
    "date": ({("11.2", "内部时限"): "10月底"}, "台账!H"),
    "year-1": ({("11.2", "内部时限"): datetime(1, 1, 1)}, "不在 1970 年至 2199 年之间"),
    "year-9999": ({("11.2", "内部时限"): datetime(9999, 12, 31)}, "不在 1970 年至 2199 年之间"),
    "year-1899": ({("11.2", "内部时限"): datetime(1899, 12, 1)}, "不在 1970 年至 2199 年之间"),
    "unknown-id": ({("3.3", "编号"): "99.9"}, "台账!A7：清单中没有编号“99.9”"),
    "not-owed": ({("3.3", "编号"): "6.1"}, "台账!A7：举措 6.1 不是广东省台账跟踪的举措"),
    "twice": ({("3.3", "编号"): "3.2"}, "台账!A7：编号 3.2 重复（已见于 台账!A6）"),
    "edited": (
        {("3.3", "落实举措"): "别的举措"},
        "台账!C7：编号 3.3 所在行的落实举措“别的举措”与清单不符",
    ),
    "formula": ({("3.3", "进展情况"): "=1+1"}, "台账!J7：单元格是公式 =1+1"),
    "control": ({("3.3", "进展情况"): "好\u202e"}, "台账!J7：含控制字符或不可见字符（好\\u202e）"),
    "waived-mandatory": (
        {("3.3", "状态"): "不适用", ("3.3", "进展情况"): None},
        "台账!I7：3.3 是必做举措，标为不适用须在进展情况中写明理由",
    ),
}


@pytest.mark.parametrize(("changes", "said"), list(REFUSED.values()), ids=list(REFUSED))
def test_refused_at_its_cell_and_nothing_recorded(
    cli_zh: Cli, pilot: Path, tmp_path: Path, changes: dict[tuple[str, str], Any], said: str
) -> None:
    edited = edit(export(cli_zh, tmp_path), {**EDITS, **changes})
    before = pilot.read_bytes()
    assert said in cli_zh.refused("import", str(edited))
    assert pilot.read_bytes() == before


def test_a_refusal_in_english_names_the_words_it_takes(
    cli: Cli, pilot: Path, tmp_path: Path
) -> None:
    edited = edit(
        export(cli, tmp_path, "ledger.xlsx", "en"),
        {("3.3", "Status"): "finished", ("3.2", "Status"): "done"},
    )
    assert cli.refused("import", str(edited)) == (
        "Ledger!I7: 'finished' is not a status; valid: to do, in progress, done, blocked, "
        "waived (or todo, in-progress, done, blocked, waived, 未开始…)"
    )


def test_a_workbook_of_another_province_is_refused(
    cli_zh: Cli, pilot: Path, tmp_path: Path
) -> None:
    cli_zh.ok("--ledger", "other/", "init", "--province", "江苏省", "--province-type", "pilot")
    cli_zh.ok("--ledger", "other/", "report", "--output", "江苏.xlsx")
    assert "台账：这是江苏省的台账，本台账属于广东省" in cli_zh.refused("import", "江苏.xlsx")
    # without the custom properties, the title row tells
    wb = openpyxl.load_workbook(tmp_path / "江苏.xlsx")
    wb.custom_doc_props.props.clear()
    wb.save(tmp_path / "江苏2.xlsx")
    assert "台账：这是江苏省的台账，本台账属于广东省" in cli_zh.refused("import", "江苏2.xlsx")


def test_a_workbook_of_another_list_is_refused(cli_zh: Cli, pilot: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(export(cli_zh, tmp_path))
    for prop in wb.custom_doc_props.props:
        if prop.name == "iprcheck.list":
            prop.value = "cnipa-ip-high-quality-development-2021"
    wb.save(tmp_path / "2021.xlsx")
    said = cli_zh.refused("import", "2021.xlsx")
    assert said.startswith("台账：这是另一任务清单的台账（cnipa-ip-high-quality-development-2021）")


def test_a_hidden_sheet_is_never_taken_for_the_ledger(
    cli_zh: Cli, pilot: Path, tmp_path: Path
) -> None:
    """A very hidden sheet named 台账, holding 'done' everywhere, beside the visible one a
    colleague renamed: the visible one is read."""
    wb = openpyxl.load_workbook(export(cli_zh, tmp_path))
    visible = wb.worksheets[0]
    visible.title = "本省台账"
    hidden = wb.copy_worksheet(visible)
    hidden.title = "台账"
    hidden.sheet_state = "veryHidden"
    hidden.cell(rows_by_id(hidden)["3.3"], columns(hidden)["状态"]).value = "已完成"
    wb.save(tmp_path / "hidden.xlsx")
    assert "中没有要记录的更改" in cli_zh.ok("import", "hidden.xlsx")


def test_library_warnings_never_reach_the_user(cli_zh: Cli, pilot: Path, tmp_path: Path) -> None:
    """Excel's own data-validation extension makes openpyxl warn (with its file paths, on
    stderr); import reads the sheet and says nothing of it, even where warnings are errors."""
    import warnings

    from hostile_sheets import SHEET, part, replaced

    xlsx = export(cli_zh, tmp_path).read_bytes()
    ext = b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><dataValidations/></ext>'
    sheet = part(xlsx, SHEET).replace(b"</worksheet>", ext + b"</extLst></worksheet>")
    (tmp_path / "warns.xlsx").write_bytes(replaced(xlsx, {SHEET: sheet}))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = cli_zh.run("import", "warns.xlsx")
    assert result.exit_code == 0, result.output
    assert result.stderr == "" and "中没有要记录的更改" in result.stdout


def test_unknown_columns_are_named_in_one_short_line(
    cli_zh: Cli, pilot: Path, tmp_path: Path
) -> None:
    wb = openpyxl.load_workbook(export(cli_zh, tmp_path))
    ws = wb.worksheets[0]
    for c in range(20, 520):
        ws.cell(3, c).value = f"自定义列{c}" + "很长" * 2000
    wb.save(tmp_path / "wide.xlsx")
    result = cli_zh.run("import", "wide.xlsx")
    assert result.exit_code == 0, result.output
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("已忽略未知的列：自定义列20") and line.endswith("等 490 列")
    assert len(line) < 400


def test_dry_run_quotes_a_long_note_in_part(cli_zh: Cli, pilot: Path, tmp_path: Path) -> None:
    edited = edit(export(cli_zh, tmp_path), {("3.3", "进展情况"): "很长的进展" * 6000})
    out = cli_zh.ok("import", str(edited), "--dry-run")
    (line,) = [x for x in out.splitlines() if "进展情况" in x]
    assert len(line) < 100 and line.endswith("…")


def test_clearing_a_cell_clears_the_value_and_says_what_it_was(
    cli_zh: Cli, pilot: Path, tmp_path: Path
) -> None:
    """The pilot ledger has 3.2 in progress with the note 推进中, 3.3 owned by 保护处."""
    edited = edit(export(cli_zh, tmp_path), {("3.2", "进展情况"): None, ("3.3", "责任处室"): ""})
    out = cli_zh.ok("import", str(edited), "--dry-run")
    assert "3.2  进展情况：清空（原为“推进中”）" in out
    assert "3.3  责任处室：清空（原为“保护处”）" in out
    cli_zh.ok("import", str(edited))
    state = read(pilot).state()
    assert not state["3.2"].note and state["3.3"].owner is None


def test_a_formula_in_a_column_import_does_not_read_is_left_alone(
    cli_zh: Cli, pilot: Path, tmp_path: Path
) -> None:
    wb = openpyxl.load_workbook(export(cli_zh, tmp_path))
    ws = wb.worksheets[0]
    ws.cell(3, 13).value = "完成率"
    ws.cell(4, 13).value = '=COUNTIF(I4:I25,"已完成")/22'
    wb.save(tmp_path / "sum.xlsx")
    result = cli_zh.run("import", "sum.xlsx")
    assert result.exit_code == 0, result.output
    assert "中没有要记录的更改" in result.stdout
