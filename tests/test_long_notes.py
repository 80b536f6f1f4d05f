"""A note of any length: every terminal and Markdown view shows its start, says how long it is
and which command prints it whole, and that command does print it whole. A 32 KB workbook can
carry a 30 MB note into a ledger, so one province's file must not stall a report or a rollup."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from conftest import Cli

from iprcheck import ledger
from iprcheck.tasklist import load

# 300,000 characters: the size that made a report take 80 s and a rollup 46 s.
LONG = 300_000
NOTE = ("第3次推进会议已召开，完成率85%，待运用促进处复核。" * (LONG // 25 + 1))[:LONG]
REFS = ["粤知函〔2020〕16号", "通知" * 3000]  # a second reference of 6,000 characters


@pytest.fixture
def province(tmp_path: Path) -> Path:
    """A province's ledger in the current folder: 4.3 blocked and 3.2 in progress, each with
    the long note; 3.2 with a long list of evidence too."""
    catalog = load()
    path = tmp_path / ledger.DEFAULT_NAME
    ledger.init(
        path, catalog, province="广东省", types=["pilot-leading"], national=False, department=None
    )
    ledger.mark(path, catalog, ["4.3"], "blocked", note=NOTE, by="张三")
    ledger.mark(path, catalog, ["3.2"], "in-progress", note=NOTE, evidence=REFS, by="张三")
    return path


def whole_from(cli: Cli, command: str) -> list[dict[str, object]]:
    """What the command a cut note names prints: the obligation's history as JSON."""
    words = shlex.split(command)
    assert words[0] == "iprcheck", command
    return json.loads(cli.ok(*words[1:]))  # type: ignore[no-any-return]


def commands_named(out: str) -> list[str]:
    return re.findall(r"(iprcheck [^）)]*--format json)", out)


def says_length(out: str, count: int) -> bool:
    """The cut note's tail says how long the note is (a line may break at the spaces)."""
    return f"共{count:,}字" in re.sub(r"\s+", "", out)


@pytest.mark.parametrize(
    "args",
    [
        ["report"],
        ["report", "--since", "2020-01-01"],
        ["report", "--format", "markdown"],
        ["history"],
        ["history", "4.3"],
        ["show", "4.3"],
        ["show", "3"],
    ],
)
def test_a_long_note_is_cut_and_says_where_to_read_it_whole(
    cli_zh: Cli, province: Path, args: list[str]
) -> None:
    out = cli_zh.ok(*args)
    assert NOTE[:10] in out  # its start
    assert len(out) < 40_000, len(out)  # a screenful or two, not the 300,000 characters
    assert says_length(out, LONG)
    named = commands_named(out)
    assert named, out[-2000:]
    for command in set(named):
        notes = [ev.get("note") for ev in whole_from(cli_zh, command)]
        assert NOTE in notes, command


def test_the_cut_note_says_so_in_english(cli: Cli, province: Path) -> None:
    out = cli.ok("show", "4.3")
    assert f"({LONG:,} characters, only the start shown; in full: " in out
    assert "iprcheck history 4.3 --format json" in out


def test_long_evidence_is_cut_and_given_whole_by_the_same_command(
    cli_zh: Cli, province: Path
) -> None:
    out = cli_zh.ok("show", "3.2")
    assert "粤知函〔2020〕16号" in out
    assert says_length(out, len("; ".join(REFS)))
    events = whole_from(cli_zh, "iprcheck history 3.2 --format json")
    assert events[-1]["evidence"] == REFS


def test_a_note_of_many_lines_is_cut_at_a_screenful(cli_zh: Cli, tmp_path: Path) -> None:
    catalog = load()
    path = tmp_path / ledger.DEFAULT_NAME
    ledger.init(path, catalog, province="广东省", types=[], national=False, department=None)
    note = "\n".join(f"第{n}行" for n in range(1, 1001))
    ledger.mark(path, catalog, ["4.2"], "blocked", note=note, by="张三")
    out = cli_zh.ok("show", "4.2")
    assert "第40行" in out and "第41行" not in out
    assert says_length(out, len(note))


def test_another_ledger_is_named_in_the_command(cli_zh: Cli, province: Path) -> None:
    elsewhere = province.parent / "gd"
    elsewhere.mkdir()
    moved = province.rename(elsewhere / "广东 台账.jsonl")
    out = cli_zh.ok("--ledger", str(moved), "report")
    assert 'iprcheck --ledger "gd/广东 台账.jsonl" history 4.3 --format json' in out
    events = whole_from(cli_zh, 'iprcheck --ledger "gd/广东 台账.jsonl" history 4.3 --format json')
    assert events[-1]["note"] == NOTE


@pytest.mark.parametrize("fmt", ["table", "markdown"])
@pytest.mark.parametrize("by", ["province", "measure"])
def test_a_rollup_cuts_a_province_s_long_reason_and_names_its_ledger(
    cli_zh: Cli, province: Path, tmp_path: Path, fmt: str, by: str
) -> None:
    """One hostile province file does not stall the national rollup, and the coordinator is
    told which ledger holds the whole reason."""
    country = tmp_path / "country"
    (country / "gd").mkdir(parents=True)
    province.rename(country / "gd" / ledger.DEFAULT_NAME)
    catalog = load()
    other = country / "zj" / ledger.DEFAULT_NAME
    other.parent.mkdir()
    ledger.init(other, catalog, province="浙江省", types=[], national=False, department=None)
    ledger.mark(other, catalog, ["4.2"], "blocked", note="等待批复", by="李四")
    out = cli_zh.ok("rollup", "country", "--format", fmt, "--by", by)
    assert len(out) < 40_000, len(out)
    assert "等待批复" in out
    assert says_length(out, LONG)
    command = "iprcheck --ledger country/gd/iprcheck-ledger.jsonl history 4.3 --format json"
    assert command in out.replace("\n", "").replace("<br>", ""), out[-3000:]
    assert whole_from(cli_zh, command)[-1]["note"] == NOTE


def test_a_report_of_a_note_of_1_6_million_characters_completes(
    cli_zh: Cli, tmp_path: Path
) -> None:
    """The note the issue reported: the report used to handle it before the one wrapping rule,
    and then did not finish."""
    catalog = load()
    path = tmp_path / ledger.DEFAULT_NAME
    ledger.init(path, catalog, province="广东省", types=[], national=False, department=None)
    huge = "进" * 1_600_000
    ledger.mark(path, catalog, ["4.2"], "blocked", note=huge, by="张三")
    out = cli_zh.ok("report")
    assert says_length(out, 1_600_000)
