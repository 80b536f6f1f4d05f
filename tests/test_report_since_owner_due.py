"""The report that answers "what changed, who owes what, by when": --since, --owner, the
overdue and due-soon rules, the Chinese CSV."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import ok
from report_ledger import AS_OF, build

from iprcheck.ledger import ops
from iprcheck.obligations import Entry, Tracking
from iprcheck.reports.report import due_soon, overdue, owed
from iprcheck.tasklist import load
from iprcheck.vocab import Requirement, Status


@pytest.fixture
def pilot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = build(tmp_path)
    # What the tests record here happens on 20 September 2020, inside the report's period.
    monkeypatch.setattr(ops, "now", lambda: "2020-09-20T10:00:00+08:00")
    return path


def report(*args: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(ok("report", "-f", "json", "--as-of", AS_OF, *args))
    return data


def test_since_lists_the_changes_after_that_day(pilot: Path) -> None:
    data = report("--since", "2020-09-01")
    assert data["since"]["date"] == "2020-09-01"
    assert [c["obligation"] for c in data["since"]["changes"]] == ["9.2", "9.3", "12.2"]
    assert report()["since"] is None  # without --since: the key is there, null
    zh = ok("report", "--as-of", AS_OF, "--since", "2020/09/01", lang="zh")
    assert "本期进展（2020-09-01 之后） · 共 3 项更改" in zh
    assert "12.2  未开始 → 已完成 · =1+1 · 📎 品牌.pdf" in zh
    en = ok("report", "--as-of", AS_OF, "--since", "2020-09-10")
    assert "Changes since 2020-09-10 · 1 change" in en


def test_since_in_markdown_and_csv(pilot: Path) -> None:
    md = ok("report", "-f", "markdown", "--as-of", AS_OF, "--since", "2020-09-01", lang="zh")
    assert "## 本期进展（2020-09-01 之后）" in md and "未开始 → 进行中" in md
    text = ok("report", "-f", "csv", "--as-of", AS_OF, "--since", "2020-09-01", lang="zh")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    by_id = {r["编号"]: r for r in rows}
    assert "未开始 → 已完成" in by_id["12.2"]["本期进展"] and by_id["1.2"]["本期进展"] == ""


def test_owner_selects_one_divisions_items(pilot: Path) -> None:
    data = report("--owner", "保护处")
    assert data["owners"] == ["保护处"]
    assert {i["id"] for i in data["items"]} == {"1.2", "2.2", "3.2", "3.3", "4.2", "4.3", "5.2"}
    assert "责任处室：保护处" in ok("report", "--as-of", AS_OF, "--owner", "保护处", lang="zh")
    rows = json.loads(ok("list", "--owner", "保护处", "--format", "json"))
    assert {r["owner"] for r in rows} == {"保护处"}


def _entry(oid: str, requirement: Requirement) -> Entry:
    return Entry(load().by_id[oid], requirement)


def test_a_never_started_optional_obligation_is_never_overdue() -> None:
    deadline, late = date(2020, 12, 31), date(2021, 1, 5)
    optional = _entry("17.2", Requirement.OPTIONAL)
    assert not owed(optional, Tracking())
    assert overdue(optional, Tracking(), deadline, late) is None
    taken_up = Tracking(status=Status.IN_PROGRESS)
    assert overdue(optional, taken_up, deadline, late) is not None
    assert overdue(_entry("6.2", Requirement.MANDATORY), Tracking(), deadline, late) is not None


def test_overdue_most_overdue_first_with_owner(pilot: Path) -> None:
    ok("assign", "8", "--due", "2020-09-01", "--owner", "运用促进处")
    overdue_ = report()["attention"]["overdue"]
    assert [(o["id"], o["days"], o["owner"]) for o in overdue_] == [
        ("8.2", 29, "运用促进处"),
        ("6.2", 15, None),
    ]
    text = ok("report", "--as-of", AS_OF, lang="zh")
    assert "8.2  内部时限 2020-09-01，已逾期 29 天 · 运用促进处" in text


def test_since_in_html_xlsx_and_word(pilot: Path, tmp_path: Path) -> None:
    """本期进展 is a part of every document that is forwarded, not only of the terminal's."""
    import html as html_mod
    import re

    import openpyxl
    from docx import Document

    for name in ("r.html", "r.xlsx", "r.docx"):
        ok("report", "--as-of", AS_OF, "--since", "2020-09-01", "--output", name, lang="zh")
    ok("report", "--as-of", AS_OF, "--since", "2020-09-01", "-o", "own.html", "--internal",
       lang="zh")  # fmt: skip
    page = (tmp_path / "own.html").read_text(encoding="utf-8")
    part = page[page.index('<section id="since">') : page.index('<section id="attention">')]
    assert "本期进展（2020-09-01 之后）" in part and "共 3 项更改" in part
    cells = [html_mod.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", part)]
    assert "12.2" in cells and "未开始 → 已完成" in cells and "=1+1；品牌.pdf" in cells
    # sent upward, the page says it as the Word report does
    page = html_mod.unescape((tmp_path / "r.html").read_text(encoding="utf-8"))
    part = page[page.index('<section id="since">') : page.index('<section id="attention">')]
    assert "2020年9月9日，举措9.2、9.3开始推进。" in part and "→" not in part
    wb = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert wb.sheetnames == ["台账", "汇总", "本期进展"]  # import still reads 台账
    rows = list(wb["本期进展"].iter_rows(values_only=True))
    assert rows[1] == ("时间", "操作人", "编号", "变更", "说明")
    assert [r[2] for r in rows[2:]] == ["9.2", "9.3", "12.2"]
    assert wb["本期进展"]["E5"].data_type == "s"  # the note =1+1 stays text
    text = "\n".join(p.text for p in Document(str(tmp_path / "r.docx")).paragraphs)
    text = text.replace("\u200a", "")  # the hair space after 、 in a row of ids
    assert "2020年9月1日以来，新完成举措1项，开始推进2项。具体如下：" in text
    assert "2020年9月16日，举措12.2（" in text and "已完成（=1+1；佐证材料：品牌）。" in text
    ok("report", "--as-of", AS_OF, "--output", "plain.xlsx", lang="zh")
    assert "本期进展" not in openpyxl.load_workbook(tmp_path / "plain.xlsx").sheetnames
    ok("report", "--as-of", AS_OF, "--since", "2020-09-30", "--output", "none.docx", lang="zh")
    none = "\n".join(p.text for p in Document(str(tmp_path / "none.docx")).paragraphs)
    assert "2020年9月30日以来，各项举措的落实状态没有变化。" in none


def test_due_soon_and_owner_in_html_and_xlsx(pilot: Path, tmp_path: Path) -> None:
    import openpyxl

    ok("assign", "9.2", "--due", "2020-10-10", "--owner", "运用促进处")
    ok("report", "--as-of", AS_OF, "--output", "r.html", "--internal", lang="zh")
    ok("report", "--as-of", AS_OF, "--output", "r.xlsx", lang="zh")
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    soon = page[page.index('<div class="due-soon">') : page.index('<div class="waived">')]
    assert (
        "14 天内到期 (1)" in soon and "内部时限 2020-10-10 到期（还剩 10 天） · 运用促进处" in soon
    )
    summary = openpyxl.load_workbook(tmp_path / "r.xlsx")["汇总"]
    found = {r[0]: r[1] for r in summary.iter_rows(values_only=True) if r and r[0]}
    assert found["14 天内到期"] == "9.2"
    ok("report", "--as-of", AS_OF, "--owner", "运用促进处", "--output", "o.html", lang="zh")
    assert "责任处室：运用促进处" in (tmp_path / "o.html").read_text(encoding="utf-8")


def test_due_within_n_days(pilot: Path) -> None:
    ok("assign", "9.2", "--due", "2020-10-10", "--owner", "运用促进处")
    ok("assign", "10.2", "--due", "2020-10-30")
    soon = report()["attention"]
    assert soon["within"] == 14
    assert [(o["id"], o["days"]) for o in soon["due_soon"]] == [("9.2", 10)]
    wider = report("--within", "30")["attention"]["due_soon"]
    assert [o["id"] for o in wider] == ["9.2", "10.2"]
    text = ok("report", "--as-of", AS_OF, lang="zh")
    assert (
        "14 天内到期 (1)" in text
        and "9.2  内部时限 2020-10-10 到期（还剩 10 天） · 运用促进处" in text
    )
    assert due_soon(_entry("17.2", Requirement.OPTIONAL), Tracking(), date(2020, 12, 31),
                    date(2020, 12, 25), 14) is None  # fmt: skip


def test_report_shows_notes_and_evidence(pilot: Path) -> None:
    text = ok("report", "--as-of", AS_OF, lang="zh")
    assert (
        "进展情况与佐证材料" in text and "1.2   已完成 · 纳入考核" in text and "📎 通知.pdf" in text
    )


def test_csv_is_chinese_for_a_chinese_reader(pilot: Path) -> None:
    text = ok("report", "-f", "csv", "--as-of", AS_OF, lang="zh")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    first = rows[0]
    assert list(first)[:3] == ["编号", "部分", "任务"]
    assert first["状态"] == "已完成" and first["要求"] == "必做" and first["执行主体"] == "省份"
    assert first["更新时间"] == "2020-06-10 10:00"
    listed = ok("list", "-f", "csv", lang="zh")
    assert listed.lstrip("\ufeff").startswith("编号,")
    # English keeps the field names scripts read; JSON is unchanged.
    assert ok("report", "-f", "csv", "--as-of", AS_OF).lstrip("\ufeff").startswith("id,section")
    assert report()["items"][0]["status"] == "done"
