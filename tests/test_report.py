"""iprcheck report and check, driven from outside as a user would: every format tells the same
numbers, the ledger's problems are found, files are written safely."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from collections import Counter
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from conftest import runner
from report_ledger import AS_OF, CELL_NOTE, FORMULA_NOTE, SCRIPT_NOTE, TOTALS, build

from iprcheck.cli import app
from iprcheck.ledger import ops

STATUSES = ("todo", "in-progress", "done", "blocked", "waived")
EN_STATUS = {"to do": "todo", "in progress": "in-progress", "done": "done"}
EN_STATUS.update(blocked="blocked", waived="waived")


@pytest.fixture
def pilot(tmp_path: Path) -> Path:
    return build(tmp_path)


def invoke(*args: str, lang: str = "en", **kw: Any) -> Any:
    result = runner.invoke(app, ["--lang", lang, *args], **kw)
    return result


def ok(*args: str, lang: str = "en", **kw: Any) -> str:
    result = invoke(*args, lang=lang, **kw)
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def report_json(*args: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(ok("report", "--format", "json", "--as-of", AS_OF, *args))
    return data


def count(rows: list[tuple[str | None, str]]) -> dict[str, dict[str, int]]:
    """(requirement, status) pairs -> the totals shape."""
    out = {r: {"total": 0, **dict.fromkeys(STATUSES, 0)} for r in ("mandatory", "optional")}
    for req, status in rows:
        if req:
            out[req]["total"] += 1
            out[req][status] += 1
    return out


# ---------------------------------------------------------------------------------------------
# The numbers agree everywhere.


def test_json_totals_have_exactly_the_documented_shape(pilot: Path) -> None:
    data = report_json()
    assert data["totals"] == TOTALS
    assert list(data["totals"]) == ["mandatory", "optional"]
    for counts in data["totals"].values():
        assert list(counts) == ["total", "todo", "in-progress", "done", "blocked", "waived"]
    assert data["format"] == "iprcheck-report" and data["version"] == 1
    assert {"header", "sections", "tasks", "items", "attention", "findings", "progress"} <= set(
        data
    )


def test_json_sections_tasks_and_items_add_up_to_the_totals(pilot: Path) -> None:
    data = report_json()
    for part in ("sections", "tasks"):
        summed = count([])
        for group in data[part]:
            for req, counts in group["totals"].items():
                for key, n in counts.items():
                    summed[req][key] += n
        assert summed == data["totals"], part
    assert count([(i["requirement"], i["status"]) for i in data["items"]]) == data["totals"]
    assert [t["number"] for t in data["tasks"]] == sorted({i["task"] for i in data["items"]})


def test_totals_agree_with_list_json(pilot: Path) -> None:
    rows = json.loads(ok("list", "--format", "json"))
    assert count([(r["requirement"], r["status"]) for r in rows]) == report_json()["totals"]
    # and the items are exactly list's records
    assert report_json()["items"] == rows


def test_totals_agree_in_every_format(pilot: Path, tmp_path: Path) -> None:
    expected = report_json()["totals"]

    text = ok("report", "--format", "csv", "--as-of", AS_OF)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert count([(r["requirement"] or None, r["status"]) for r in rows]) == expected

    ok("report", "--as-of", AS_OF, "--output", "r.xlsx")
    assert count(xlsx_rows(tmp_path / "r.xlsx")) == expected

    md = ok("report", "--format", "markdown", "--as-of", AS_OF)
    for req, label in (("mandatory", "mandatory"), ("optional", "optional")):
        c = expected[req]
        cells = [c[s] for s in STATUSES] + [c["total"]]
        assert f"| {label} | " + " | ".join(map(str, cells)) + " |" in md

    ok("report", "--as-of", AS_OF, "--output", "r.html")
    page = HtmlText.of((tmp_path / "r.html").read_text(encoding="utf-8"))
    for req in ("mandatory", "optional"):
        c = expected[req]
        assert f"{c['done']}/{c['total']}" in page.text
        cells = [str(c[s]) for s in STATUSES] + [str(c["total"])]
        assert page.row_after(req) == cells

    term = ok("report", "--as-of", AS_OF)
    m, o = expected["mandatory"], expected["optional"]
    assert re.search(rf"mandatory █+░+ {m['done']}/{m['total']} ", term)
    assert re.search(rf"optional +░+ +{o['done']}/{o['total']} ", term)
    counts_row = re.search(r"^mandatory( +\d+){6}$", term, re.M)
    assert counts_row is not None
    assert counts_row.group(0).split()[1:] == [str(m[s]) for s in STATUSES] + [str(m["total"])]


def xlsx_rows(path: Path) -> list[tuple[str | None, str]]:
    from openpyxl import load_workbook

    ws = load_workbook(path).worksheets[0]
    head = [c.value for c in ws[3]]
    req, status = head.index("Requirement"), head.index("Status")
    words = {"mandatory": "mandatory", "optional": "optional"}
    return [
        (words[str(row[req]).split("\n")[0]], EN_STATUS[str(row[status])])
        for row in ws.iter_rows(min_row=4, values_only=True)
    ]


class HtmlText(HTMLParser):
    """What a reader sees of a page: its text, and the cells of each table row."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.rows: list[list[str]] = []
        self.tags: Counter[str] = Counter()
        self._row: list[str] | None = None
        self._cell: list[str] | None = None

    @classmethod
    def of(cls, html: str) -> HtmlText:
        parser = cls()
        parser.feed(html)
        return parser

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._row is not None and self._cell is not None:
            self._row.append("".join(self._cell).strip())
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        self.parts.append(data)
        if self._cell is not None:
            self._cell.append(data)

    def row_after(self, label: str) -> list[str]:
        return next(r[1:] for r in self.rows if r and r[0] == label)


# ---------------------------------------------------------------------------------------------
# What the report says.


def test_attention_lists(pilot: Path) -> None:
    att = report_json()["attention"]
    assert att["blocked"] == ["4.2", "4.3"]
    assert att["waived"] == ["17.2"]
    assert att["overdue"] == [
        {"id": "6.2", "due": "2020-09-15", "days": 15, "internal": True, "owner": None}
    ]
    assert "6.2" in att["open_mandatory"] and "1.2" not in att["open_mandatory"]
    assert len(att["open_mandatory"]) == 16  # todo 11 + in progress 3 + blocked 2
    # before the internal due date nothing is overdue; after the list's, everything open is
    early = json.loads(ok("report", "-f", "json", "--as-of", "2020-09-10"))
    assert early["attention"]["overdue"] == []
    late = json.loads(ok("report", "-f", "json", "--as-of", "2021-01-05"))
    # An optional obligation never started was never owed: not overdue (this once
    # counted the optional to-do one too, 16 + 1).
    assert len(late["attention"]["overdue"]) == 16
    assert late["header"]["days_left"] == -5


def test_findings_errors_and_warnings(pilot: Path) -> None:
    findings = report_json()["findings"]
    errors = [(f["code"], f["id"]) for f in findings if f["level"] == "error"]
    assert errors == [("done_no_evidence", "2.2"), ("blocked_no_note", "4.3")]
    warnings = [f for f in findings if f["level"] == "warning"]
    assert {f["code"] for f in warnings} == {"open_no_owner"}
    assert "6.2" in {f["id"] for f in warnings} and "4.2" not in {f["id"] for f in warnings}
    assert findings.index(next(f for f in findings if f["level"] == "warning")) == len(errors)


def test_check_exits_1_on_errors_then_0_once_fixed(pilot: Path) -> None:
    result = invoke("check", "--as-of", AS_OF)
    assert result.exit_code == 1
    assert "2.2" in result.stdout and "done, but no evidence recorded" in result.stdout
    assert "4.3" in result.stdout and "blocked, with no note" in result.stdout
    assert all(line == line.rstrip() for line in result.stdout.splitlines())
    ok("mark", "2.2", "done", "--evidence", "报告.pdf")
    ok("mark", "4.3", "blocked", "--note", "等待批复")
    result = invoke("check")
    assert result.exit_code == 0, result.output
    assert "0 errors" in result.stdout and "warning" in result.stdout


def test_check_on_a_clean_ledger_and_in_chinese(tmp_path: Path) -> None:
    ok("init", "--province", "北京市")
    ids = [r["id"] for r in json.loads(ok("list", "--format", "json"))]
    ok("assign", *ids, "--owner", "综合处")
    result = invoke("check", lang="zh")
    assert result.exit_code == 0, result.output
    assert "未发现问题" in result.stdout
    missing = runner.invoke(app, ["--ledger", "nowhere.jsonl", "check"])
    assert missing.exit_code == 1 and "iprcheck init" in missing.stderr


def test_weekly_progress_replays_the_history(pilot: Path) -> None:
    from iprcheck.ledger import read
    from iprcheck.reports.report import end_of
    from iprcheck.tasklist import load

    progress = report_json()["progress"]
    assert progress[0]["week_end"] == "2020-06-07"  # the Sunday of the week the ledger began
    assert progress[-1]["week_end"] == AS_OF
    assert [p["done"] for p in progress] == sorted(p["done"] for p in progress)
    led = read(pilot)
    mandatory = {
        e.obligation.id
        for e in led.entries(load())
        if e.requirement and e.requirement.value == "mandatory"
    }
    for point in progress:
        state = led.state(as_of=end_of(date.fromisoformat(point["week_end"])))
        done = sum(state[i].status == "done" for i in mandatory if i in state)
        assert point["done"] == done, point
        assert point["done"] + point["open"] == 20  # nothing waived among the mandatory ones
    assert progress[-1]["done"] == TOTALS["mandatory"]["done"]


def test_as_of_reports_the_past(pilot: Path) -> None:
    early = json.loads(ok("report", "-f", "json", "--as-of", "2020-06-20"))
    assert early["totals"]["mandatory"]["done"] == 2  # 1.2 and 2.2
    assert early["header"]["last_update"].startswith("2020-06-17")
    assert early["header"]["days_left"] == (date(2020, 12, 31) - date(2020, 6, 20)).days
    before = json.loads(ok("report", "-f", "json", "--as-of", "2020-05-01"))
    assert before["totals"]["mandatory"]["todo"] == 20 and before["progress"] == []
    assert invoke("report", "--as-of", "30/09/2020").exit_code == 1


# ---------------------------------------------------------------------------------------------
# The views.


def test_terminal_report_at_80_columns_is_plain_and_fits(pilot: Path) -> None:
    from rich.cells import cell_len

    for lang in ("zh", "en"):
        text = ok("report", "--as-of", AS_OF, lang=lang, env={"COLUMNS": "80"})
        assert "\x1b[" not in text
        assert max(cell_len(line) for line in text.splitlines()) <= 80, text
        assert all(line == line.rstrip() for line in text.splitlines())
    assert "广东省" in text or "Guangdong" in text
    zh = ok("report", "--as-of", AS_OF, lang="zh", env={"COLUMNS": "80"})
    for phrase in ("进展报告", "广东省", "还剩 92 天", "必做", "受阻 (2)", "台账检查", "▁"):
        assert phrase in zh
    assert SCRIPT_NOTE in zh  # a terminal shows notes as they were written
    wide = ok("report", "--as-of", AS_OF, env={"COLUMNS": "160"})
    assert max(len(line) for line in wide.splitlines()) > 80


def test_terminal_report_overdue_deadline(pilot: Path) -> None:
    text = ok("report", "--as-of", "2021-01-05", env={"COLUMNS": "80"})
    assert "5 days overdue" in text
    late = json.loads(ok("report", "-f", "json", "--as-of", "2021-01-05"))["attention"]["overdue"]
    assert len(late) > 15  # more than one line of ids at 80 columns: none may be cut off
    listed = set(text.split("Overdue", 1)[1].split("Open mandatory", 1)[0].split())
    assert {o["id"] for o in late} <= listed


def test_markdown_escapes_and_structure(pilot: Path) -> None:
    md = ok("report", "--format", "markdown", "--as-of", AS_OF)
    assert md.startswith("# 2020 Task List")
    assert "## Needs attention" in md and "## Ledger check" in md
    assert SCRIPT_NOTE not in md and "&lt;script&gt;" in md
    assert "&lt;/td&gt;&lt;b&gt;bold&lt;/b&gt;" in md


def test_html_shows_user_text_only_as_text(pilot: Path, tmp_path: Path) -> None:
    ok("report", "--as-of", AS_OF, "--output", "r.html", lang="zh")
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert SCRIPT_NOTE not in html and CELL_NOTE not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;/td&gt;&lt;b&gt;bold&lt;/b&gt;" in html
    page = HtmlText.of(html)
    assert page.tags["script"] == 0 and page.tags["b"] == 0
    assert SCRIPT_NOTE in page.text and CELL_NOTE in page.text  # the reader sees the text
    # self-contained: nothing fetched from anywhere
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "<link" not in html and "@import" not in html
    assert 'id="burndown"' in html and "<polyline" in html
    assert '<html lang="zh-CN">' in html


def test_html_in_english(pilot: Path) -> None:
    html = ok("report", "--format", "html", "--as-of", AS_OF)
    assert '<html lang="en">' in html and "Needs attention" in html and "Guangdong" in html


def test_xlsx_is_the_ledger_an_office_submits(pilot: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    ok("report", "--as-of", AS_OF, "--output", "台账.xlsx", lang="zh")
    wb = load_workbook(tmp_path / "台账.xlsx")
    assert wb.sheetnames == ["台账", "汇总"]
    ws = wb["台账"]
    head = [c.value for c in ws[3]]
    assert head == [
        "编号",
        "任务",
        "落实举措",
        "要求",
        "执行部门",
        "责任处室",
        "完成时限",
        "内部时限",
        "状态",
        "进展情况",
        "佐证材料",
        "更新时间",
    ]
    assert ws["A1"].value == "2020年推动知识产权高质量发展任务清单 台账（填报单位：广东省）"
    assert ws.freeze_panes == "C4" and all(c.font.b for c in ws[3])
    rows = list(ws.iter_rows(min_row=4, values_only=True))
    assert len(rows) == 22  # one per obligation the profile owes
    by_id = {r[0]: dict(zip(head, r, strict=True)) for r in rows}
    assert by_id["4.2"]["状态"] == "受阻" and by_id["4.2"]["进展情况"] == SCRIPT_NOTE
    assert by_id["1.2"]["状态"] == "已完成" and by_id["1.2"]["佐证材料"] == "通知.pdf"
    assert by_id["1.2"]["责任处室"] == "保护处"
    assert by_id["6.2"]["完成时限"] == datetime(2020, 12, 31)  # date cells
    assert by_id["6.2"]["内部时限"] == datetime(2020, 9, 15)
    assert by_id["17.2"]["状态"] == "不适用" and by_id["17.2"]["要求"].startswith("选做")
    assert Counter(r[8] for r in rows) == {
        "未开始": 12,
        "进行中": 3,
        "已完成": 4,
        "受阻": 2,
        "不适用": 1,
    }
    assert by_id["12.2"]["进展情况"] == FORMULA_NOTE  # text, never a formula
    status_col = head.index("状态") + 1
    assert ws.cell(row=4, column=status_col).fill.fgColor.rgb.endswith("C6EFCE")  # done: green
    assert ws.column_dimensions["C"].width >= 40 and ws.cell(row=4, column=3).alignment.wrap_text
    summary = [r for r in wb["汇总"].iter_rows(values_only=True) if any(r)]
    assert ("必做", 11, 3, 4, 2, 0, 20, 0.2) in [tuple(r[:8]) for r in summary]


def test_csv_has_one_row_per_obligation(pilot: Path) -> None:
    text = ok("report", "--format", "csv", "--as-of", AS_OF)
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 22 and {r["id"] for r in rows} >= {"1.2", "17.2"}
    assert next(r for r in rows if r["id"] == "4.2")["note"] == SCRIPT_NOTE


def test_csv_cells_never_become_formulas_in_excel(pilot: Path) -> None:
    """A CSV is e-mailed and double-clicked: "=1+1" must arrive as text, by the apostrophe
    Excel reads as "this is text"; a note that starts otherwise is left alone."""
    for args in (["report", "--format", "csv", "--as-of", AS_OF], ["list", "--format", "csv"]):
        rows = list(csv.DictReader(io.StringIO(ok(*args).lstrip("\ufeff"))))
        by_id = {r["id"]: r for r in rows}
        assert by_id["12.2"]["note"] == "'" + FORMULA_NOTE, args
        assert by_id["4.2"]["note"] == SCRIPT_NOTE, args
        starts = {cell[:1] for r in rows for cell in r.values() if cell}
        assert not starts & {"=", "+", "-", "@"}, args


# ---------------------------------------------------------------------------------------------
# Files, ledgers, profiles.


def test_output_needs_force_to_overwrite_and_is_atomic(pilot: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    target.write_text("keep me", encoding="utf-8")
    result = invoke("report", "--output", str(target))
    assert result.exit_code == 1
    assert "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "keep me"
    result = invoke("report", "--output", str(target), "--force", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text(encoding="utf-8"))["totals"] == TOTALS  # from .json
    assert "wrote" in result.stderr and result.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".report")) == []


def test_format_follows_the_file_name_unless_given(pilot: Path, tmp_path: Path) -> None:
    ok("report", "--as-of", AS_OF, "-o", "a.md")
    assert (tmp_path / "a.md").read_text(encoding="utf-8").startswith("# ")
    ok("report", "--as-of", AS_OF, "-o", "b.txt")
    assert "█" in (tmp_path / "b.txt").read_text(encoding="utf-8")
    ok("report", "--as-of", AS_OF, "-o", "c.out", "--format", "json")
    assert json.loads((tmp_path / "c.out").read_text(encoding="utf-8"))["totals"] == TOTALS


def test_without_a_ledger_report_asks_for_one_or_previews_a_profile(tmp_path: Path) -> None:
    result = invoke("report")
    assert result.exit_code == 1
    assert "iprcheck init" in result.stderr and "--province-type" in result.stderr
    data = json.loads(ok("report", "-f", "json", "-p", "pilot-leading"))
    assert data["totals"]["mandatory"] == {
        "total": 20,
        "todo": 20,
        "in-progress": 0,
        "done": 0,
        "blocked": 0,
        "waived": 0,
    }
    assert data["header"]["ledger"] is None and data["progress"] == []
    assert "preview" in ok("report", "-p", "pilot")
    assert not (tmp_path / "iprcheck-ledger.jsonl").exists()


def test_national_ledger_report(tmp_path: Path) -> None:
    ok("init", "--national", "--department", "保护司")
    ok("mark", "1.1", "done", "--evidence", "x.pdf")
    data = json.loads(ok("report", "--format", "json"))
    assert data["header"]["national"] is True and data["header"]["profile"] is None
    assert data["totals"]["mandatory"]["done"] == 1 and data["totals"]["optional"]["total"] == 0
    assert "national office 保护司" in ok("report")


def test_report_modules_stay_out_of_start_up(pilot: Path) -> None:
    """`iprcheck report --format json` never loads openpyxl or jinja2; `--help` no report code."""
    code = (
        "import sys\n"
        "from iprcheck.cli import main\n"
        "sys.argv = ['iprcheck', 'report', '--format', 'json', '--as-of', '2020-09-30']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('HEAVY', [m for m in ('openpyxl', 'jinja2') if m in sys.modules])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert "HEAVY []" in out.splitlines()[-1]
    code = "import sys, iprcheck.cli; print([m for m in sys.modules if 'report' in m])"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert out.strip() == "[]"  # commands load when they run, not when the app does


def test_report_object_feeds_every_view_from_the_library(pilot: Path) -> None:
    """The library alone: build one Report, render every format, no CLI involved."""
    import msgspec

    from iprcheck.ledger import read
    from iprcheck.output import Subject, View, formats, render
    from iprcheck.reports.report import build as build_report
    from iprcheck.tasklist import load

    rep = build_report(load(), read(pilot), date.fromisoformat(AS_OF))
    assert msgspec.to_builtins(rep.totals) == TOTALS
    assert rep.facts.days_left == 92 and rep.facts.province == "广东省"
    for fmt in formats(Subject.REPORT):
        for lang in ("zh", "en"):
            assert render(Subject.REPORT, fmt, rep, View(lang)), (fmt, lang)
    assert isinstance(rep.facts.as_of, date) and not isinstance(rep.facts.as_of, datetime)


def test_every_view_renders_a_preview_and_a_first_day(tmp_path: Path) -> None:
    """No history at all, and a history of one day: every format still renders."""
    from iprcheck.ledger import read
    from iprcheck.obligations import Profile
    from iprcheck.output import Format, Subject, View, formats, render
    from iprcheck.reports.report import build as build_report
    from iprcheck.tasklist import load

    catalog = load()
    preview = build_report(catalog, None, date(2020, 7, 1), Profile.of(["pilot"]))
    assert preview.progress == [] and preview.facts.ledger is None
    with pytest.raises(ValueError):
        build_report(catalog, None, date(2020, 7, 1))
    ok("init", "--province", "广东省")
    first = build_report(catalog, read(tmp_path / "iprcheck-ledger.jsonl"), date.today())
    assert len(first.progress) == 1 and first.progress[0].end == date.today()
    for rep in (preview, first):
        for fmt in formats(Subject.REPORT):
            assert render(Subject.REPORT, fmt, rep, View("zh"))
    assert "<polyline" in render(Subject.REPORT, Format.HTML, first, View("en")).decode()


def test_findings_from_hand_edited_states() -> None:
    """The checks mark can never trigger: a waived mandatory obligation without a reason, and an
    internal due date after the list's."""
    from iprcheck.obligations import Profile, Tracking, entries
    from iprcheck.reports.report import findings
    from iprcheck.tasklist import load
    from iprcheck.vocab import Status

    catalog = load()
    chosen = entries(catalog.obligations, Profile.of(["pilot-leading"]))
    tracking = {
        "1.2": Tracking(status=Status.WAIVED, owner="保护处"),
        "2.2": Tracking(status=Status.IN_PROGRESS, owner="保护处", internal_due="2021-03-01"),
        "16.2": Tracking(status=Status.WAIVED),  # optional: no reason needed
    }
    deadline = catalog.task_list.deadline
    got = {(f.level, f.code, f.id) for f in findings(chosen, tracking, deadline)}
    assert ("error", "waived_no_note", "1.2") in got
    assert ("warning", "due_after_deadline", "2.2") in got
    assert not {x for x in got if x[2] == "16.2"}
    assert ("warning", "open_no_owner", "2.2") not in got
    # Task 15 has no due date of its own: the list's deadline is the one to keep.
    national = entries(catalog.obligations, None)
    late = {"15.1": Tracking(status=Status.IN_PROGRESS, internal_due="2021-03-01")}
    assert [f.code for f in findings(national, late, deadline)] == ["due_after_deadline"]


def test_xlsx_can_be_piped(pilot: Path) -> None:
    result = invoke("report", "--format", "xlsx", "--as-of", AS_OF)
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes[:2] == b"PK"


def test_a_change_a_fast_clock_dated_tomorrow_is_in_todays_report(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A colleague's clock ran ahead: list shows the change, so today's report must count it;
    a report of a past day still leaves it out."""
    from datetime import timedelta

    ok("init", "--province", "广东省")
    ahead = datetime.now().astimezone() + timedelta(days=1)
    monkeypatch.setattr(ops, "now", lambda: ahead.isoformat(timespec="microseconds"))
    ok("mark", "6", "done", "--evidence", "a.pdf")
    listed = json.loads(ok("list", "--format", "json"))
    assert next(o for o in listed if o["id"] == "6.2")["status"] == "done"
    today = json.loads(ok("report", "--format", "json"))
    assert today["totals"]["mandatory"]["done"] == 1
    assert today["progress"][-1]["done"] == 1  # the chart's last point agrees
    assert today["totals"] == count([(o["requirement"], o["status"]) for o in listed])
    past = (date.today() - timedelta(days=1)).isoformat()
    assert (
        json.loads(ok("report", "-f", "json", "--as-of", past))["totals"]["mandatory"]["done"] == 0
    )
