"""``show`` gives, under each measure, what the ledger records of it: the status, the division
that owns it, the internal deadline, the progress note (or that a blocked one has no reason),
the evidence and the last change — what the office asks when it looks up 4.3."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import Cli

from iprcheck import ledger
from iprcheck.tasklist import load


@pytest.fixture
def recorded(tmp_path: Path) -> Path:
    catalog = load()
    path = tmp_path / ledger.DEFAULT_NAME
    ledger.init(
        path, catalog, province="广东省", types=["pilot-leading"], national=False, department=None
    )
    ledger.assign(path, catalog, ["4.3"], owner="运用促进处", due=date(2020, 10, 31), by="李四")
    ledger.mark(
        path,
        catalog,
        ["4.3"],
        "blocked",
        note="采购流程待财政厅批复",
        evidence=["粤知函〔2020〕16号", "会议纪要.pdf"],
        by="张三",
    )
    ledger.mark(path, catalog, ["4.2"], "blocked", by="张三")
    return path


def block(out: str, oid: str) -> str:
    """The lines ``show`` gives one measure: from its line to the next rule."""
    start = next(i for i, line in enumerate(out.splitlines()) if line.startswith(f"{oid} "))
    lines = out.splitlines()[start:]
    end = next((i for i, line in enumerate(lines) if line.startswith("────")), len(lines))
    return "\n".join(lines[:end])


def test_show_gives_the_reason_owner_deadline_and_evidence(cli_zh: Cli, recorded: Path) -> None:
    shown = block(cli_zh.ok("show", "4"), "4.3")
    assert "[受阻]" in shown
    assert "责任处室：运用促进处" in shown
    assert "内部时限：2020-10-31" in shown
    assert "进展情况：采购流程待财政厅批复" in shown
    assert "佐证材料：粤知函〔2020〕16号; 会议纪要.pdf" in shown
    assert "最近更新：" in shown and "张三" in shown


def test_a_blocked_measure_without_a_reason_says_so(cli_zh: Cli, recorded: Path) -> None:
    shown = block(cli_zh.ok("show", "4.2"), "▶ 4.2")
    assert "进展情况：（未填写说明）" in shown
    assert "责任处室" not in shown  # nothing assigned: nothing said


def test_show_in_english(cli: Cli, recorded: Path) -> None:
    shown = block(cli.ok("show", "4"), "4.3")
    assert "[blocked]" in shown
    assert "Owner: 运用促进处 · Internal due: 2020-10-31" in shown
    assert "Progress: 采购流程待财政厅批复" in shown
    assert "Evidence: 粤知函〔2020〕16号; 会议纪要.pdf" in shown


def test_a_measure_without_a_ledger_shows_no_records(cli_zh: Cli) -> None:
    out = cli_zh.ok("show", "4")
    assert "责任处室" not in out and "进展情况" not in out


def test_a_note_written_for_an_earlier_status_says_when(cli_zh: Cli, recorded: Path) -> None:
    catalog = load()
    ledger.mark(recorded, catalog, ["4.3"], "in-progress", by="张三")
    shown = block(cli_zh.ok("show", "4"), "4.3")
    assert "[进行中]" in shown
    assert "采购流程待财政厅批复（记于" in shown
