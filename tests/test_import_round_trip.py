"""Exporting a 台账 and importing it back unchanged records nothing — for any value iprcheck
stored: evidence names holding ；, ; or a line end, surrounding spaces, CRLF, a leading quote
or formula sign, characters a cell writes out as escapes, a long note. A value too long for a
workbook cell is refused when the workbook is written, never cut; the CSV carries it whole.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import Cli
from sheet_edits import cell, edit, resaved_by_libreoffice

from iprcheck import ledger
from iprcheck.ledger import DEFAULT_NAME, read
from iprcheck.tasklist import load

EVIDENCE = [
    "会议纪要；签到表.pdf",
    "a;b.pdf",
    "第一行\n第二行.pdf",
    " 前后空格.pdf ",
    "\x1b[31m红字.pdf",
    "非字符\ufffe.pdf",
]
NOTES = {
    "3.2": "  前后空格\r\n第二行 ",
    "3.3": "'=1+1",
    "4.2": "=2",
    "4.3": "''两个引号",
    "5.2": "\t制表开头",
    "6.2": "-1",
    "9.2": "非字符\uffff",
    "9.3": "_x000D_像转义",
    "11.2": "长" * 30_000,
}
OWNERS = {"3.2": "  运用促进处 ", "3.3": "'@x", "4.2": '=HYPERLINK("http://x")'}


@pytest.fixture(scope="module")
def awkward_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("awkward") / DEFAULT_NAME
    catalog = load()
    ledger.init(path, catalog, province="广东省", types=["pilot"], national=False, department=None)
    ledger.mark(path, catalog, ["8.2"], "in-progress", note="有佐证", evidence=EVIDENCE, by="t")
    for oid, note in NOTES.items():
        ledger.mark(path, catalog, [oid], "blocked", note=note, by="t")
    for oid, owner in OWNERS.items():
        ledger.assign(path, catalog, [oid], owner=owner, due=date(2020, 10, 31), by="t")
    return path


@pytest.fixture
def awkward(awkward_built: Path, tmp_path: Path) -> Path:
    target = tmp_path / DEFAULT_NAME
    shutil.copyfile(awkward_built, target)
    return target


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", ["台账.xlsx", "台账.csv"])
def test_an_unchanged_export_comes_back_as_nothing(
    cli: Cli, awkward: Path, name: str, lang: str
) -> None:
    cli.ok("report", "--output", name, lang=lang)
    before = awkward.read_bytes()
    result = cli.run("import", name, lang=lang)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    said = "中没有要记录的更改（22 行）" if lang == "zh" else "changes nothing (22 rows)"
    assert said in result.stdout
    assert awkward.read_bytes() == before


def test_a_changed_cell_beside_awkward_ones_records_only_itself(
    cli_zh: Cli, awkward: Path, tmp_path: Path
) -> None:
    cli_zh.ok("report", "--output", "台账.xlsx")
    old = cell(tmp_path / "台账.xlsx", "8.2", "佐证材料")
    edited = edit(
        tmp_path / "台账.xlsx",
        {("8.2", "进展情况"): "已补充", ("8.2", "佐证材料"): old + "\n新材料.pdf"},
    )
    cli_zh.ok("import", edited.name)
    state = read(awkward).state()["8.2"]
    assert state.note == "已补充"
    assert state.evidence == (*EVIDENCE, "新材料.pdf")  # every old name whole, one new


def test_a_value_too_long_for_a_cell_is_refused_by_the_workbook_and_carried_by_the_csv(
    cli_zh: Cli, awkward: Path, tmp_path: Path
) -> None:
    cli_zh.ok("mark", "11.3", "in-progress", "--note", "很长" * 100_000)
    assert cli_zh.refused("report", "--output", "台账.xlsx") == (
        "11.3 的进展情况有 200000 字，超过 Excel 单元格的上限 32767 字，写不进 xlsx 台账；"
        "请缩短后再导出，或导出为 CSV（report --output 台账.csv）"
    )
    assert not (tmp_path / "台账.xlsx").exists()
    cli_zh.ok("report", "--output", "台账.csv")
    before = awkward.read_bytes()
    assert "中没有要记录的更改" in cli_zh.ok("import", "台账.csv")
    assert awkward.read_bytes() == before
    text = (tmp_path / "台账.csv").read_text(encoding="utf-8-sig")
    (tmp_path / "edited.csv").write_text(text.replace("有佐证", "有佐证，已更新"), "utf-8-sig")
    assert "导入 1 项举措的更改：8.2" in cli_zh.ok("import", "edited.csv")
    assert read(awkward).state()["11.3"].note == "很长" * 100_000


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice)")
def test_an_export_saved_again_by_libreoffice_comes_back_as_nothing(
    cli_zh: Cli, awkward: Path, tmp_path: Path
) -> None:
    cli_zh.ok("report", "--output", "台账.xlsx")
    again = resaved_by_libreoffice(tmp_path / "台账.xlsx", tmp_path / "lo")
    before = awkward.read_bytes()
    assert "中没有要记录的更改（22 行）" in cli_zh.ok("import", str(again))
    assert awkward.read_bytes() == before
