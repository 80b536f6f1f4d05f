"""Imports that merge, not overwrite: an exported 台账 records what each row said when it was
exported, and ``import`` takes only the cells a colleague changed since.

Two copies of one export never revert each other; a row changed both in the sheet and in the
ledger since the export is named, cell by cell with both values, and nothing of it is recorded
until the office takes the sheet's version (``--theirs``). A sheet without the record is
compared with the ledger as it is now, and says so. A division's own 台账 comes back alone.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from conftest import Cli
from report_ledger import AS_OF
from sheet_edits import edit, resaved_by_libreoffice, rows_by_id

from iprcheck.ledger import read


def export(cli: Cli, tmp_path: Path, *more: str, name: str = "台账.xlsx") -> Path:
    cli.ok("report", "--as-of", AS_OF, "--output", name, *more)
    return tmp_path / name


def test_two_copies_of_one_export_never_revert_each_other(
    cli_zh: Cli, pilot: Path, tmp_path: Path
) -> None:
    """The 台账 goes to two divisions. 运用促进处 finishes 3.2 and it is imported; then
    公共服务处's copy, which only starts 11.2 (and still shows 3.2 as exported), comes back."""
    sheet = export(cli_zh, tmp_path)
    first = edit(
        sheet,
        {("3.2", "状态"): "已完成", ("3.2", "进展情况"): "已办结", ("3.2", "佐证材料"): "结项.pdf"},
        "运用促进处.xlsx",
    )
    second = edit(sheet, {("11.2", "状态"): "进行中"}, "公共服务处.xlsx")
    assert "导入 1 项举措的更改：3.2" in cli_zh.ok("import", first.name)
    assert "导入 1 项举措的更改：11.2" in cli_zh.ok("import", second.name)
    state = read(pilot).state()
    assert (state["3.2"].status.value, state["3.2"].note) == ("done", "已办结")
    assert state["3.2"].evidence == ("结项.pdf",)
    assert state["11.2"].status.value == "in-progress"


def test_a_row_changed_in_both_places_is_named_and_not_recorded(
    cli_zh: Cli, pilot: Path, tmp_path: Path
) -> None:
    sheet = export(cli_zh, tmp_path)
    cli_zh.ok("mark", "3.2", "blocked", "--note", "经费未到位")  # the ledger, after the export
    theirs = edit(sheet, {("3.2", "进展情况"): "已与银行座谈", ("11.2", "责任处室"): "运用促进处"})
    result = cli_zh.run("import", theirs.name)
    assert result.exit_code == 3, result.output  # recorded, but a row was left out
    assert result.stdout.splitlines() == [
        "已从 edited.xlsx 导入 1 项举措的更改：11.2",
        "1 项举措未导入：导出后，表中和台账中都改过这些行：",
        "  3.2  台账!J6 进展情况：表中为“已与银行座谈”，台账现为“经费未到位”",
        "  3.2  台账中导出后改过：状态、进展情况",
        "核对后，如以表中为准：iprcheck import edited.xlsx --theirs 3.2（只采用表中改过的单元格）；"
        "如以台账为准，无需操作",
    ]
    state = read(pilot).state()
    assert (state["3.2"].status.value, state["3.2"].note) == ("blocked", "经费未到位")
    assert state["11.2"].owner == "运用促进处"

    cli_zh.ok("import", theirs.name, "--theirs", "3.2")
    state = read(pilot).state()  # the cell the colleague changed; the status the ledger's
    assert (state["3.2"].status.value, state["3.2"].note) == ("blocked", "已与银行座谈")


def test_a_dry_run_names_the_conflicts_and_records_nothing(
    cli: Cli, pilot: Path, tmp_path: Path
) -> None:
    sheet = export(cli, tmp_path, name="ledger.xlsx")
    cli.ok("assign", "11.2", "--owner", "运用促进处")
    theirs = edit(sheet, {("11.2", "Owner"): "公共服务处"})
    before = pilot.read_bytes()
    result = cli.run("import", theirs.name, "--dry-run")
    assert result.exit_code == 3, result.output
    assert result.stdout.splitlines() == [
        "1 obligation was not imported: since the export, both the sheet and the ledger "
        "changed its row:",
        "  11.2  Ledger!F17 Owner: the sheet says '公共服务处', the ledger now '运用促进处'",
        "  11.2  changed in the ledger since the export: Owner",
        "once checked, to take the sheet's version: iprcheck import edited.xlsx --theirs 11.2 "
        "(only the cells changed in the sheet are taken); to keep the ledger's, do nothing",
        "(dry run: nothing recorded)",
    ]
    assert pilot.read_bytes() == before


def test_a_change_made_the_same_in_both_places_is_no_conflict(
    cli_zh: Cli, pilot: Path, tmp_path: Path
) -> None:
    sheet = export(cli_zh, tmp_path)
    cli_zh.ok("assign", "11.2", "--owner", "运用促进处")
    theirs = edit(sheet, {("11.2", "责任处室"): "运用促进处"})
    assert "中没有要记录的更改" in cli_zh.ok("import", theirs.name)


def test_a_sheet_without_the_record_is_compared_with_the_ledger_and_says_so(
    cli_zh: Cli, pilot: Path, tmp_path: Path
) -> None:
    """A 台账 from an older iprcheck: what differs from the ledger now is taken, as import
    always did (an empty 状态 left as it is), and the user is told that a later change in the
    ledger may be overwritten."""
    wb = openpyxl.load_workbook(edit(export(cli_zh, tmp_path), {("9.2", "状态"): None}))
    kept = [p for p in wb.custom_doc_props.props if not p.name.startswith("iprcheck.")]
    kept += [p for p in wb.custom_doc_props.props if p.name in ("iprcheck.list", "iprcheck.unit")]
    wb.custom_doc_props.props[:] = kept
    wb.save(tmp_path / "旧版.xlsx")
    cli_zh.ok("mark", "3.2", "blocked", "--note", "经费未到位")
    result = cli_zh.run("import", "旧版.xlsx")
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith("旧版.xlsx 没有导出记录（手工制作、CSV 或旧版导出的台账）")
    assert "导入 1 项举措的更改：3.2" in result.stdout
    state = read(pilot).state()
    assert state["3.2"].status.value == "in-progress"
    assert state["9.2"].status.value == "in-progress"


def test_a_divisions_own_sheet_holds_its_rows_and_comes_back_alone(
    cli_zh: Cli, pilot: Path, tmp_path: Path
) -> None:
    sheet = export(cli_zh, tmp_path, "--owner", "保护处", name="台账-保护处.xlsx")
    ws = openpyxl.load_workbook(sheet).worksheets[0]
    assert "（填报单位：广东省；责任处室：保护处）" in ws["A1"].value
    assert list(rows_by_id(ws)) == ["1.2", "2.2", "3.2", "3.3", "4.2", "4.3", "5.2"]
    done = edit(sheet, {("3.3", "状态"): "进行中"})
    assert "导入 1 项举措的更改：3.3" in cli_zh.ok("import", done.name)

    wb = openpyxl.load_workbook(sheet)  # a row of another division, added by hand
    ws = wb.worksheets[0]
    ws.cell(ws.max_row + 1, 1).value = "9.2"
    wb.save(tmp_path / "added.xlsx")
    before = pilot.read_bytes()
    said = cli_zh.refused("import", "added.xlsx")
    assert said.startswith("台账!A11：举措 9.2 不在这份台账导出（")
    assert said.endswith("时的行中；导入只接受导出时就有的行")
    assert pilot.read_bytes() == before


def test_evidence_deleted_from_the_sheet_stays_and_is_named(
    cli_zh: Cli, pilot: Path, tmp_path: Path
) -> None:
    theirs = edit(export(cli_zh, tmp_path), {("1.2", "佐证材料"): None})
    result = cli_zh.run("import", theirs.name)
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == (
        "台账!K4：表中删去的佐证材料仍保留在台账中：通知.pdf；"
        "如需删除：iprcheck mark 1.2 --remove-evidence 名称"
    )
    assert read(pilot).state()["1.2"].evidence == ("通知.pdf",)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice)")
def test_the_record_survives_a_libreoffice_resave(cli_zh: Cli, pilot: Path, tmp_path: Path) -> None:
    """Both colleagues' copies opened and saved again by LibreOffice: still merged, and a
    row changed in both places still a conflict."""
    sheet = export(cli_zh, tmp_path)
    first = edit(sheet, {("3.2", "状态"): "已完成", ("3.2", "佐证材料"): "结项.pdf"}, "a.xlsx")
    second = edit(sheet, {("11.2", "状态"): "进行中", ("3.2", "进展情况"): "另说"}, "b.xlsx")
    first, second = (resaved_by_libreoffice(p, tmp_path / "lo") for p in (first, second))
    assert "导入 1 项举措的更改：3.2" in cli_zh.ok("import", str(first))
    result = cli_zh.run("import", str(second))
    assert result.exit_code == 3, result.output
    assert "导入 1 项举措的更改：11.2" in result.stdout
    assert "3.2  台账!J6 进展情况：表中为“另说”，台账现为“推进中”" in result.stdout
    state = read(pilot).state()
    assert state["3.2"].status.value == "done" and state["11.2"].status.value == "in-progress"


def test_theirs_names_rows_of_the_list(cli_zh: Cli, pilot: Path, tmp_path: Path) -> None:
    sheet = export(cli_zh, tmp_path)
    assert cli_zh.refused("import", sheet.name, "--theirs", "3.2,99.9") == (
        "--theirs 99.9：清单中没有这个编号"
    )
