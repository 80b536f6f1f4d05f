"""iprcheck rollup DIR --output 全国汇总.docx: the coordinator's Word 汇总, in the report's official
layout: overview, the units that have not reported, what is blocked and why, a table per
section; read back with python-docx as the coordinator's colleague would check it."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import Cli

from iprcheck import ledger
from iprcheck.output import View
from iprcheck.reports.rollup import rollup
from iprcheck.tasklist import load

docx = pytest.importorskip("docx")

REPORTED = ("浙江省", "广东省", "江苏省")
WAITING = "待国家海外知识产权纠纷应对指导中心明确分中心设立条件"


@pytest.fixture(scope="module")
def country(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three provinces and the national office sent ledgers; the other units did not."""
    root = tmp_path_factory.mktemp("country")
    catalog = load()
    for name in REPORTED:
        path = root / name / ledger.DEFAULT_NAME
        ledger.init(path, catalog, province=name, types=["pilot"], national=False, department=None)
    ledger.mark(root / "浙江省" / ledger.DEFAULT_NAME, catalog, ["3.2"], "blocked", note=WAITING,
                by="t")  # fmt: skip
    ledger.mark(root / "广东省" / ledger.DEFAULT_NAME, catalog, ["3.2"], "blocked", by="t")
    ledger.mark(root / "江苏省" / ledger.DEFAULT_NAME, catalog, ["6"], "done", by="t")
    national = root / "national" / ledger.DEFAULT_NAME
    ledger.init(national, catalog, province=None, types=[], national=True, department=None)
    return root


def written(cli: Cli, country: Path, tmp_path: Path, *more: str, lang: str = "zh") -> Any:
    out = tmp_path / "全国汇总.docx"
    cli.ok("rollup", str(country), "--output", str(out), "--force", *more, lang=lang)
    return docx.Document(str(out))


def paragraphs(doc: Any) -> list[str]:
    return [p.text for p in doc.paragraphs]


def part(doc: Any, start: str, end: str) -> list[str]:
    paras = paragraphs(doc)
    first = next(i for i, x in enumerate(paras) if x.endswith(start))
    last = next(i for i, x in enumerate(paras) if x.endswith(end) and i > first)
    return paras[first + 1 : last]


def test_the_summary_names_every_unit(cli: Cli, country: Path, tmp_path: Path) -> None:
    doc = written(cli, country, tmp_path)
    units = [u.name for u in load().task_list.reporting_units]
    missing = [u for u in units if u not in REPORTED]
    overview = "\n".join(part(doc, "总体情况", "未报送单位"))
    assert f"{len(units)}个报送单位中，3个已报送台账，{len(missing)}个尚未报送。" in overview
    assert "国家知识产权局的1份台账一并汇总。" in overview
    (line,) = part(doc, "未报送单位", "推进受阻情况")
    assert line == f"以下{len(missing)}个单位尚未报送台账：{'、'.join(missing)}。"
    # every unit that reported has its row in every section's table
    assert len(doc.tables) == len(load().task_list.sections)
    for table in doc.tables:
        names = [row.cells[0].text for row in table.rows]
        assert names[0] == "单位" and set(REPORTED) <= set(names) and "国家知识产权局" in names
        assert names[-1] == "完成/应做"


def test_what_is_blocked_and_why(cli: Cli, country: Path, tmp_path: Path) -> None:
    doc = written(cli, country, tmp_path)
    blocked = part(doc, "推进受阻情况", "附件：各单位落实情况统计表")
    assert blocked[0] == "共有2项次举措推进受阻，涉及2个单位："
    (line,) = [x for x in blocked if x.startswith("3.2")]
    assert f"浙江省（原因：{WAITING}）" in line and "广东省（原因：未说明）" in line


def test_tables_per_section_hold_each_units_standing(
    cli: Cli, country: Path, tmp_path: Path
) -> None:
    doc = written(cli, country, tmp_path)
    catalog = load()
    second = catalog.task_list.sections[1]  # tasks 6 and 7
    table = doc.tables[1]
    heads = [c.text for c in table.rows[0].cells]
    assert heads[1:-1] == [f"{t.number}. {t.title}" for t in second.tasks]
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    assert rows["江苏省"][1] == "已完成" and rows["浙江省"][1] == "未开始"
    # the header row repeats on every page the table runs onto
    from docx.oxml.ns import qn

    assert table.rows[0]._tr.find(qn("w:trPr") + "/" + qn("w:tblHeader")) is not None


def test_by_measure_the_tables_name_who_has_not_done_each(
    cli: Cli, country: Path, tmp_path: Path
) -> None:
    doc = written(cli, country, tmp_path, "--by", "measure")
    rows = {r.cells[0].text: [c.text for c in r.cells] for t in doc.tables for r in t.rows}
    assert rows["编号"] == ["编号", "举措", "应做单位", "已完成", "尚未完成的单位"]
    assert rows["6.2"][2:4] == ["3", "1"]
    assert "浙江省（未开始）" in rows["6.2"][4] and "江苏省" not in rows["6.2"][4]
    assert "附件：各项举措落实情况统计表" in paragraphs(doc)


def test_signed_by_the_office_when_it_is_set(cli: Cli, country: Path, tmp_path: Path) -> None:
    out = tmp_path / "a.docx"
    result = cli.run("rollup", str(country), "-o", str(out), lang="zh")
    assert result.exit_code == 0 and "config set office" in result.stderr
    cli.ok("config", "set", "office", "国家知识产权局知识产权保护司")
    result = cli.run("rollup", str(country), "-o", str(tmp_path / "b.docx"), lang="zh")
    assert result.exit_code == 0 and "config set office" not in result.stderr
    doc = docx.Document(str(tmp_path / "b.docx"))
    right = docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    signed = [p.text for p in doc.paragraphs if p.alignment == right and p.text]
    assert signed[0] == "国家知识产权局知识产权保护司"
    assert re.fullmatch(r"20\d\d年\d{1,2}月\d{1,2}日", signed[1])


def test_a_long_reason_is_cut_naming_the_ledger_that_holds_it(country: Path) -> None:
    from iprcheck.output.rollup.to_docx import to_docx

    catalog = load()
    result = rollup([country], catalog)
    reason = ("长" * 9 + "，") * 30_000
    import msgspec

    rows = [
        msgspec.structs.replace(
            r,
            items=[
                msgspec.structs.replace(
                    i, tracking=msgspec.structs.replace(i.tracking, note=reason)
                )
                if i.id == "3.2"
                else i
                for i in r.items
            ],
        )
        for r in result.rows
    ]
    result = msgspec.structs.replace(result, rows=rows)
    data = to_docx(result, View("zh"), today=date(2020, 10, 15))
    doc = docx.Document(io.BytesIO(data))
    (line,) = [p.text for p in doc.paragraphs if p.text.startswith("3.2")]
    assert len(line) < 3000
    assert "……（节选，全文共300000字，见浙江省的台账" in line and "中 3.2 的记录）" in line
    assert "（截至2020年10月15日）" in paragraphs(doc)


def test_english(cli: Cli, country: Path, tmp_path: Path) -> None:
    doc = written(cli, country, tmp_path, lang="en")
    text = "\n".join(paragraphs(doc))
    assert "1. Overview" in text and "2. Units that have not reported" in text
    assert "3. What is blocked, and why" in text
    assert "Tibet" in text and "Zhejiang (reason: " in text
