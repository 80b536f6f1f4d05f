"""report --output 报告.html: a page fit to send upward by default (no division, internal deadline,
ledger file, recorder or ledger check), the office's own with --internal, named after the office
setting; a long note cut with where to read it whole."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from conftest import Cli
from report_ledger import AS_OF, build

from iprcheck.ledger import ops


@pytest.fixture
def pilot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = build(tmp_path)
    monkeypatch.setattr(ops, "now", lambda: "2020-09-20T10:00:00+08:00")
    return path


def page(cli: Cli, tmp_path: Path, *more: str) -> str:
    cli.ok("report", "--as-of", AS_OF, "-o", "r.html", "--force", *more, lang="zh")
    return html.unescape((tmp_path / "r.html").read_text(encoding="utf-8"))


def visible(text: str) -> str:
    """What a reader sees: the body without tags, styles or attributes."""
    body = text[text.index("<body>") :]
    return re.sub(r"<[^>]+>", " ", body)


def test_sent_upward_the_page_keeps_the_offices_business_out(
    cli: Cli, pilot: Path, tmp_path: Path
) -> None:
    cli.ok("assign", "9.2", "--owner", "运用促进处", "--due", "2020-10-10")
    raw = page(cli, tmp_path, "--since", "2020-09-01")
    text = visible(raw)
    for word in ("责任处室", "保护处", "运用促进处", "内部时限", "台账检查", pilot.name):
        assert word not in text, word
    assert 'id="checks"' not in raw
    since = raw[raw.index('<section id="since">') : raw.index('<section id="attention">')]
    assert "2020年9月9日，举措9.2、9.3开始推进。" in since and "→" not in since


def test_internal_keeps_divisions_deadlines_and_the_check(
    cli: Cli, pilot: Path, tmp_path: Path
) -> None:
    cli.ok("assign", "9.2", "--owner", "运用促进处", "--due", "2020-10-10")
    raw = page(cli, tmp_path, "--internal", "--since", "2020-09-01")
    text = visible(raw)
    for word in ("责任处室", "保护处", "运用促进处", "内部时限 2020-10-10", "台账检查", pilot.name):
        assert word in text, word
    assert 'id="checks"' in raw


def test_the_page_names_the_office(cli: Cli, pilot: Path, tmp_path: Path) -> None:
    cli.ok("config", "set", "office", "广东省知识产权局")
    raw = page(cli, tmp_path)
    assert "· 广东省知识产权局</title>" in raw and "<strong>广东省知识产权局</strong>" in raw


def test_a_long_note_is_cut_with_where_to_read_it(cli: Cli, pilot: Path, tmp_path: Path) -> None:
    from iprcheck import ledger
    from iprcheck.tasklist import load

    note = ("长" * 9 + "，") * 30_000
    ledger.mark(pilot, load(), ["4.3"], "blocked", note=note, by="t")
    for more, where in (
        ((), "见本单位台账"),
        (("--internal",), "见台账记录：iprcheck history 4.3"),
    ):
        raw = page(cli, tmp_path, "--since", "2020-09-01", *more)
        assert f"……（节选，全文共300000字，{where}）" in raw
        assert len(raw) < 100_000  # the page holds excerpts, not the note
