"""The rollup a newcomer reads: a legend for the symbols and the task-number header, the
units that sent no ledger (未报送) in every format, sections as 第一部分 in Chinese."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import runner
from rollup_ledgers import make_country

from iprcheck.cli import app
from iprcheck.numbers import chinese_numeral
from iprcheck.output.labels import section_name, section_number
from iprcheck.tasklist import load


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from iprcheck import ledger

    root = tmp_path_factory.mktemp("two")
    catalog = load()
    for name in ("浙江省", "广东省"):
        path = root / name / ledger.DEFAULT_NAME
        ledger.init(path, catalog, province=name, types=["pilot"], national=False, department=None)
    ledger.mark(root / "浙江省" / ledger.DEFAULT_NAME, catalog, ["6"], "done", by="t")
    ledger.mark(
        root / "广东省" / ledger.DEFAULT_NAME, catalog, ["4.3"], "blocked", note="待批复", by="t"
    )
    return root


def out(root: Path, *args: str, lang: str = "zh") -> str:
    result = runner.invoke(app, ["--lang", lang, "rollup", str(root), *args])
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def test_missing_units_in_every_format(two: Path) -> None:
    text = out(two).replace("\n", "")  # the line wraps at the terminal's width
    assert "未报送（30）：北京市、天津市" in text and "新疆生产建设兵团" in text
    assert "No ledger sent (30): Beijing, Tianjin" in out(two, lang="en").replace("\n", " ")
    data = json.loads(out(two, "-f", "json"))
    assert len(data["missing"]) == 30 and "浙江省" not in data["missing"]
    assert data["missing"][-1] == "新疆生产建设兵团"
    rows = list(csv.DictReader(io.StringIO(out(two, "-f", "csv").lstrip("\ufeff"))))
    assert sum(r["name_source"] == "missing" for r in rows) == 30
    assert "未报送（30）" in out(two, "-f", "markdown")
    assert "未报送（30）" in out(two, "-f", "html")


def test_no_unit_missing_is_said_too(tmp_path: Path) -> None:
    make_country(tmp_path, load())
    from iprcheck import ledger

    path = tmp_path / "bt" / ledger.DEFAULT_NAME
    ledger.init(path, load(), province="兵团", types=[], national=False, department=None)
    assert "各单位均已报送" in out(tmp_path)
    assert json.loads(out(tmp_path, "-f", "json"))["missing"] == []


def test_legend_explains_the_symbols_and_the_header(two: Path) -> None:
    for lang, key, header in (
        ("zh", "图例：# 已完成", "表头数字为任务编号，自上而下竖读"),
        ("en", "Key: # done", "the header is task numbers read downwards"),
    ):
        text = out(two, lang=lang)
        assert key in text and header in text


def test_sections_are_numbered_in_chinese() -> None:
    assert [chinese_numeral(n) for n in (1, 6, 10, 12, 20, 21)] == [
        "一",
        "六",
        "十",
        "十二",
        "二十",
        "二十一",
    ]
    assert section_name(1, "zh") == "第一部分" and section_name(1, "en") == "Section 1"
    assert section_number(3, "zh") == "三、" and section_number(3, "en") == "3"
    shown = runner.invoke(app, ["--lang", "zh", "show", "6"]).stdout
    assert "第二部分：" in shown and "§" not in shown
    html = out_html()
    assert "第一部分" in html


def out_html() -> str:
    from iprcheck import ledger

    catalog = load()
    ledger.init(Path("a") / ledger.DEFAULT_NAME, catalog, province="浙江省", types=[],
                national=False, department=None)  # fmt: skip
    return out(Path("a"), "-f", "html")


def test_rollup_by_measure(two: Path) -> None:
    data = json.loads(out(two, "--by", "measure", "-f", "json"))
    assert data["by"] == "measure"
    six = next(m for m in data["measures"] if m["id"] == "6.2")
    assert sorted((x["province"], x["status"]) for x in six["owe"]) == [
        ("广东省", "todo"),
        ("浙江省", "done"),
    ]
    assert all(m["id"].split(".")[1] != "1" for m in data["measures"])  # provincial only
    text = out(two, "--by", "measure")
    assert "按举措汇总（必做省份）" in text
    assert "6.2" in text and "必做 2 省 · 未开始 1 · 已完成 1" in text
    assert "未完成：广东省（未开始）" in text
    en = out(two, "--by", "measure", lang="en")
    assert "2 provinces must · to do 1 · done 1" in en
    rows = list(
        csv.DictReader(io.StringIO(out(two, "--by", "measure", "-f", "csv").lstrip("\ufeff")))
    )
    assert {"id": "6.2", "province": "浙江省", "status": "done"} in rows
    assert "按举措汇总" in out(two, "--by", "measure", "-f", "markdown")


def test_every_blocked_reason_in_one_list(two: Path) -> None:
    data = json.loads(out(two, "-f", "json"))
    assert data["blocked"] == [{"province": "广东省", "id": "4.3", "note": "待批复", "owner": None}]
    for args in ((), ("--by", "measure")):
        text = out(two, *args)
        assert "受阻原因（各省） (1)" in text and "广东省  4.3  待批复" in text
    assert "| 广东省 | 4.3 | 待批复 |" in out(two, "-f", "markdown")


def test_by_measure_and_blocked_reasons_in_html_and_xlsx(two: Path, tmp_path: Path) -> None:
    """The pages the coordinator forwards carry the same parts as the terminal."""
    import openpyxl

    page, book = tmp_path / "m.html", tmp_path / "m.xlsx"
    for f in (page, book):
        result = runner.invoke(
            app, ["--lang", "zh", "rollup", str(two), "--by", "measure", "--output", str(f)]
        )
        assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    part = html[html.index("按举措汇总（必做省份）") :]
    assert '<td class="num">4.3</td>' in part and "广东省（受阻）" in part
    assert "受阻原因（各省） (1)" in html and "<td>待批复</td>" in html
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames[:3] == ["全国汇总", "按举措", "受阻原因"]
    rows = {r[0]: r for r in wb["按举措"].iter_rows(min_row=3, values_only=True)}
    assert rows["6.2"][2] == 2 and rows["6.2"][-1] == "广东省（未开始）"
    assert list(wb["受阻原因"].iter_rows(min_row=3, values_only=True)) == [
        ("广东省", "4.3", "待批复")
    ]
    result = runner.invoke(
        app, ["--lang", "zh", "rollup", str(two), "--output", str(tmp_path / "p.xlsx")]
    )
    assert "按举措" not in openpyxl.load_workbook(tmp_path / "p.xlsx").sheetnames
