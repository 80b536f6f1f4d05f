"""The ledger from outside, as a user meets it: init, mark, list, history, undo,
assign, merge; a damaged ledger stops every command and is left as it was; what people type
into notes comes back exactly. Real processes are in test_ledger_processes.py."""

from __future__ import annotations

import functools
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import ok, refused, run

import iprcheck
from iprcheck import ledger
from iprcheck.cli import app

LEDGER = ledger.DEFAULT_NAME
BUNDLED = Path(iprcheck.__file__).parent / "data" / "tasks_2020.yaml"


def files_here() -> list[str]:
    """What a command left in the current folder (the catalog cache aside)."""
    return sorted(p.name for p in Path().iterdir() if p.name not in (".cache", ".config"))


def _on(ledger: str | Path | None) -> list[str]:
    return [] if ledger is None else ["--ledger", str(ledger)]


def rows(
    *args: str, ledger: str | Path | None = None, env: dict[str, str | None] | None = None
) -> dict[str, dict[str, Any]]:
    listed = json.loads(ok(*_on(ledger), "list", "--format", "json", *args, env=env))
    return {row["id"]: row for row in listed}


def statuses(
    *args: str, ledger: str | Path | None = None, env: dict[str, str | None] | None = None
) -> dict[str, str]:
    return {oid: row["status"] for oid, row in rows(*args, ledger=ledger, env=env).items()}


def history(*ids: str, ledger: str | Path | None = None) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(ok(*_on(ledger), "history", "--format", "json", *ids))
    return data


def unchanged(path: str | Path = LEDGER) -> Callable[[], None]:
    """Take the file's bytes now; the returned check asserts they are the same later."""
    before = Path(path).read_bytes()

    def check() -> None:
        assert Path(path).read_bytes() == before

    return check


# ---------------------------------------------------------------------------------------------
# The design-card flow.


def test_design_card_flow() -> None:
    assert "created ledger" in ok("init", "--province-type", "pilot")
    assert "recorded 1: 6.2 → done" in ok("mark", "6", "done")

    table = ok("list", "--province-type", "pilot")
    assert re.search(r"^\s+6\.2\s+mandatory\s+done\s", table, re.M), table
    assert statuses("--province-type", "pilot")["6.2"] == "done"
    # Without flags the ledger's own profile applies: the same pilot obligations.
    listed = statuses()
    assert listed == statuses("--province-type", "pilot")
    assert {oid for oid, s in listed.items() if s != "todo"} == {"6.2"}
    assert "3.3" in listed and "2.3" not in listed  # pilot-only in, involved-only out
    assert list(statuses("--status", "done")) == ["6.2"]
    assert list(statuses("--status", "已完成")) == ["6.2"]


# ---------------------------------------------------------------------------------------------
# A ledger that cannot be read stops every command, with one line, and is left as it was.


def _pilot_ledger(folder: Path, *tasks: str) -> bytes:
    path = str(folder / LEDGER)
    ok(*tasks, "--ledger", path, "init", "--province-type", "pilot")
    ok(*tasks, "--ledger", path, "mark", "6", "done", "--note", "按期完成")
    ok(*tasks, "--ledger", path, "mark", "3", "4", "in-progress")
    ok(*tasks, "--ledger", path, "assign", "8", "--owner", "运用促进处", "--due", "2020-10-31")
    return Path(path).read_bytes()


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A pilot ledger: the header, 6.2 done, 3.2 3.3 4.2 4.3 in progress, 8.2 assigned."""
    data = _pilot_ledger(tmp_path_factory.mktemp("good"))
    assert data.count(b"\n") == 7
    return data


@pytest.fixture(scope="module")
def other_list(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, Path]:
    """A ledger of another task list (another id), and that list. (A revised title, or a
    corrected text, under the same id is the same list now.)"""
    folder = tmp_path_factory.mktemp("other")
    revised = folder / "tasks_revised.yaml"
    text = BUNDLED.read_text(encoding="utf-8")
    ident = "id: cnipa-ip-high-quality-development-2020"
    assert ident in text
    revised.write_text(text.replace(ident, ident + "-revised", 1), encoding="utf-8")
    return _pilot_ledger(folder, "--tasks", str(revised)), revised


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


def _edit(data: bytes, line: int, old: bytes, new: bytes) -> bytes:
    lines = _lines(data)
    assert old in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    return b"".join(lines)


def _insert(data: bytes, after: int, text: bytes) -> bytes:
    lines = _lines(data)
    return b"".join([*lines[:after], text, *lines[after:]])


# name -> (the damaged bytes from the good ones, what the one line must say)
DAMAGE: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "truncated last record": (lambda d: d[:-25], "line 7: the last record is cut short"),
    "garbage line in the middle": (
        lambda d: _insert(d, 3, b"this is not json\n"),
        "line 4: not a JSON record",
    ),
    "invalid JSON": (lambda d: _edit(d, 3, b"}\n", b"\n"), "line 3: not a JSON record"),
    "unknown status": (
        lambda d: _edit(d, 2, b'"after": {"status": "done"}', b'"after": {"status": "finished"}'),
        "line 2: unknown status 'finished'",
    ),
    "newer format version": (
        lambda d: _edit(d, 1, b'"version": 1', b'"version": 3'),
        "line 1: format version 3 is newer",
    ),
    "empty file": (lambda d: b"", "line 1: the file is empty"),
    "binary junk": (
        lambda d: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
        "line 1: not UTF-8 text",
    ),
    "text junk": (lambda d: b"\x00\x01 binary-ish \x7f\n" * 3, "line 1: not a JSON record"),
    "time without UTC offset": (
        lambda d: re.sub(rb'"at": "([^"]{26})[+-]\d\d:\d\d"', rb'"at": "\1"', d, count=1),
        "line 2: time",
    ),
    "not an obligation id": (
        lambda d: _edit(d, 2, b'"obligation": "6.2"', b'"obligation": "6.x"'),
        "line 2: '6.x' is not an obligation id",
    ),
    "due date that is not a date": (
        lambda d: _edit(d, 7, b'"due": "2020-10-31"', b'"due": "next week"'),
        "line 7: due date 'next week'",
    ),
    "status that is a list": (
        lambda d: _edit(d, 2, b'"after": {"status": "done"}', b'"after": {"status": ["done"]}'),
        "line 2: unknown status",
    ),
    "a change pasted twice": (lambda d: d + _lines(d)[1], "line 8: event"),
    "a header where a change belongs": (lambda d: d + _lines(d)[0], "line 8: change record"),
}

# name -> arguments; MERGE_IN is replaced by a good copy of the ledger, the damaged one being
# the target, and "merge-from" makes the damaged ledger the source instead.
COMMANDS: dict[str, list[str]] = {
    "list": ["list"],
    "list json": ["list", "--format", "json"],
    "show": ["show", "6"],
    "history": ["history"],
    "mark": ["mark", "6", "done"],
    "mark dry run": ["mark", "6", "done", "--dry-run"],
    "undo": ["undo"],
    "assign": ["assign", "9", "--owner", "知识产权运用处"],
    "merge into it": ["merge", "MERGE_IN"],
    "merge from it": ["merge-from"],
    "report": ["report"],
    "check": ["check"],
    "rollup": ["rollup", LEDGER],
}


@functools.cache
def _registered(name: str) -> bool:
    from typer.main import get_command

    return name in get_command(app).list_commands(None)  # type: ignore[arg-type]


def _assert_stopped(
    args: list[str], damaged: Path, says: str, also: list[Path], command: str
) -> None:
    files = {p: p.read_bytes() for p in [damaged, *also]}
    listing = _listing(damaged.parent)
    result = run(*args)
    assert result.exit_code != 0, result.output
    lines = result.stderr.strip().splitlines()
    if command == "rollup":  # names each file it leaves out, then that nothing was left
        assert len(lines) == 2, result.stderr
    else:
        assert len(lines) == 1, result.stderr
    assert damaged.name in lines[0] and says in lines[0], lines[0]
    assert "Traceback" not in result.output
    for path, data in files.items():
        assert path.read_bytes() == data, f"{command} changed {path.name}"
    assert _listing(damaged.parent) == listing  # no temporary or new file left behind


def _listing(folder: Path) -> list[str]:
    """The files in a folder but the catalog cache and the lock a writer may create."""
    return sorted(
        p.name
        for p in folder.iterdir()
        if p.name not in (".cache", ".config") and p.suffix != ".lock"
    )


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_ledger_stops_every_command(
    command: str, damage: str, good: bytes, tmp_path: Path
) -> None:
    if not _registered(COMMANDS[command][0].replace("merge-from", "merge")):
        pytest.skip(f"no {command} command yet")
    spoil, says = DAMAGE[damage]
    copy = tmp_path / "copy.jsonl"
    copy.write_bytes(good)
    if command == "merge from it":
        source = tmp_path / "from-colleague.jsonl"
        source.write_bytes(spoil(good))
        (tmp_path / LEDGER).write_bytes(good)
        args = ["merge", source.name]
        _assert_stopped(args, source, says, [tmp_path / LEDGER], command)
        return
    damaged = tmp_path / LEDGER
    damaged.write_bytes(spoil(good))
    args = [str(copy) if a == "MERGE_IN" else a for a in COMMANDS[command]]
    _assert_stopped(args, damaged, says, [copy], command)


@pytest.mark.parametrize("command", COMMANDS)
def test_ledger_of_another_task_list_stops_every_command(
    command: str, other_list: tuple[bytes, Path], good: bytes, tmp_path: Path
) -> None:
    if not _registered(COMMANDS[command][0].replace("merge-from", "merge")):
        pytest.skip(f"no {command} command yet")
    data, _ = other_list
    if command == "merge from it":
        source = tmp_path / "from-colleague.jsonl"
        source.write_bytes(data)
        (tmp_path / LEDGER).write_bytes(good)
        args = ["merge", source.name]
        _assert_stopped(args, source, "tracks another task list", [tmp_path / LEDGER], command)
        return
    (tmp_path / LEDGER).write_bytes(data)
    copy = tmp_path / "copy.jsonl"
    copy.write_bytes(data)
    args = [str(copy) if a == "MERGE_IN" else a for a in COMMANDS[command]]
    _assert_stopped(args, tmp_path / LEDGER, "tracks task list", [copy], command)


def test_ledger_of_another_task_list_works_with_its_own_list(
    other_list: tuple[bytes, Path],
) -> None:
    data, revised = other_list
    Path(LEDGER).write_bytes(data)
    listed = json.loads(ok("--tasks", str(revised), "list", "--format", "json"))
    assert {r["id"]: r["status"] for r in listed}["6.2"] == "done"
    ok("--tasks", str(revised), "mark", "7", "done")


def test_init_never_overwrites_even_a_damaged_ledger(good: bytes) -> None:
    Path(LEDGER).write_bytes(good[:-25])
    same = unchanged()
    assert "already exists" in refused("init", "--province-type", "pilot")
    same()


def test_hand_edits_that_are_still_a_ledger_load() -> None:
    """What an editor does to a file it saves: a byte-order mark, Windows line ends, a blank
    line, no line end after the last record. All still read, and the next write keeps the
    changes exactly as they were; only the header line, which every write rewrites with the
    number of changes the file holds, is written anew."""
    ok("init", "--province-type", "pilot")
    ok("mark", "6", "done")
    header, change = Path(LEDGER).read_bytes().splitlines(keepends=True)
    edited = b"\xef\xbb\xbf" + header.replace(b"\n", b"\r\n") + b" \t\n\n" + change.rstrip()
    Path(LEDGER).write_bytes(edited)
    assert statuses()["6.2"] == "done"
    ok("mark", "7", "done")
    after = Path(LEDGER).read_bytes()
    assert after.split(b"\n", 1)[1].startswith(edited.split(b"\n", 1)[1] + b"\n")
    assert json.loads(after.split(b"\n", 1)[0])["changes"] == 2
    assert statuses()["7.2"] == "done"
    assert len(history()) == 2


def test_a_record_spread_over_several_lines_is_refused(good: bytes) -> None:
    lines = _lines(good)
    pretty = json.dumps(json.loads(lines[2]), ensure_ascii=False, indent=2).encode() + b"\n"
    Path(LEDGER).write_bytes(b"".join([*lines[:2], pretty, *lines[3:]]))
    same = unchanged()
    assert "line 3: not a JSON record" in refused("list")
    same()


# ---------------------------------------------------------------------------------------------
# Two copies changed apart.


def _copies(tmp_path: Path) -> tuple[Path, Path]:
    a, b = tmp_path / "a" / LEDGER, tmp_path / "b" / LEDGER
    a.parent.mkdir()
    b.parent.mkdir()
    ok("--ledger", str(a), "init", "--province", "广东省", "--province-type", "pilot-leading")
    ok("--ledger", str(a), "mark", "1", "done")
    shutil.copyfile(a, b)  # a colleague takes a copy home
    return a, b


def test_two_copies_changed_apart_merge_both_ways_to_one_state(tmp_path: Path) -> None:
    a, b = _copies(tmp_path)
    on_a = ["--ledger", str(a)]
    on_b = ["--ledger", str(b)]
    ok(*on_a, "mark", "6", "done", "--note", "预审质量检查完成", "--evidence", "通报.pdf")
    ok(*on_a, "mark", "8", "in-progress", "--note", "甲：推进中")
    ok(*on_a, "assign", "9", "--owner", "运用促进处")
    ok(*on_b, "mark", "7", "done")
    ok(*on_b, "mark", "8", "blocked", "--note", "乙：等待批复")
    ok(*on_b, "mark", "10", "done")
    ok(*on_b, "undo")  # 10.2 back to do, the undo itself recorded
    ok(*on_b, "mark", "9", "done")  # 9.2 changed in both, but apart: both stay, no conflict
    a0, b0 = tmp_path / "a0.jsonl", tmp_path / "b0.jsonl"
    shutil.copyfile(a, a0)
    shutil.copyfile(b, b0)

    out_a = ok(*on_a, "merge", str(b0))
    out_b = ok(*on_b, "merge", str(a0))
    assert "merged 6 changes" in out_a  # 7.2, 8.2, 10.2 and its undo, 9.2 and 9.3
    assert "merged 4 changes" in out_b  # 6.2, 8.2, the owner of 9.2 and 9.3
    for out in (out_a, out_b):
        conflicts = [line for line in out.splitlines() if "changed differently" in line]
        assert len(conflicts) == 1 and conflicts[0].endswith(": 8.2"), out

    assert ok(*on_a, "list", "--format", "json") == ok(*on_b, "list", "--format", "json")
    assert history(ledger=a) == history(ledger=b)  # the same changes, in the same order
    state = statuses(ledger=a)
    assert state["6.2"] == state["7.2"] == state["9.2"] == "done"
    assert state["10.2"] == "todo"
    later = max(
        (e for e in history(ledger=a) if e["obligation"] == "8.2"), key=lambda e: e["at"]
    )  # the later change wins
    assert state["8.2"] == later["after"]["status"] == "blocked"
    assert rows(ledger=a)["9.2"]["owner"] == "运用促进处"
    assert rows(ledger=a)["8.2"]["note"] == "乙：等待批复"

    for target, source in ((a, b0), (b, a0), (a, b), (b, a)):
        same = unchanged(target)
        assert "merged 0 changes" in ok("--ledger", str(target), "merge", str(source))
        same()


def test_merge_takes_a_folder_and_refuses_other_ledgers(
    tmp_path: Path, other_list: tuple[bytes, Path]
) -> None:
    a, b = _copies(tmp_path)
    ok("--ledger", str(b), "mark", "7", "done")
    assert "merged 1 change" in ok("--ledger", str(a), "merge", str(b.parent))

    jiangsu = tmp_path / "js.jsonl"
    ok("--ledger", str(jiangsu), "init", "--province", "江苏省", "-p", "pilot-leading")
    same = unchanged(a)
    line = refused("--ledger", str(a), "merge", str(jiangsu))
    assert "js.jsonl is not a copy of this ledger (江苏省; this one: 广东省)" in line
    same()

    twin = tmp_path / "twin.jsonl"  # the same province, started separately
    ok("--ledger", str(twin), "init", "--province", "广东省", "-p", "pilot-leading")
    line = refused("--ledger", str(a), "merge", str(twin))
    assert "twin.jsonl is another ledger of 广东省, made by its own init, not a copy" in line
    same()

    revised = tmp_path / "revised.jsonl"
    revised.write_bytes(other_list[0])
    assert "tracks another task list" in refused("--ledger", str(a), "merge", str(revised))
    same()
    assert "no ledger at" in refused("--ledger", str(a), "merge", str(tmp_path / "nowhere"))
    same()


# ---------------------------------------------------------------------------------------------
# What people type is data.

TENKB = ("知识产权保护 IP protection — 第三行\n" * 400)[: 10 * 1024]
EDGE_TEXTS = {
    "newlines": "第一行\n第二行\r\nthird\rfourth\n\n",
    "quotes": "\"double\" 'single' `back` \\ backslash \\n not a newline",
    "yaml": "key: value\n- item\n? complex\n!!python/object/apply:os.system ['echo hi']\n&a *a",
    "json": '{"event": "x", "after": {"status": "done"}}\n]}{,',
    "html": "<script>alert('x')</script><b>&amp;&lt;</b><!-- -->",
    "rich markup": "[/bold] [red]red[/red] [link=file:///etc/passwd]x[/link] {0} %s",
    "unicode": "🎉 𝕏 𠀀 👩‍💻 é é עברית العربية ﷽ \u200b\u200d",
    "separators": "\u2028line\u2029para\x0bvt\x0cff\x1b[31mansi\x00nul\x7f",
    "spaces": "  leading and trailing  ",
    "ten kilobytes": TENKB,
}


@pytest.mark.parametrize("name", EDGE_TEXTS)
def test_notes_evidence_and_names_round_trip_exactly(name: str) -> None:
    text = EDGE_TEXTS[name]
    ok("init", "--province-type", "pilot")
    ok(
        "mark",
        "6",
        "done",
        f"--note={text}",
        f"--evidence={text}",
        "--evidence=第二份",
        f"--by={text}",
    )
    ok("assign", "6", f"--owner={text}", f"--by={text}")
    changes = history()
    assert changes[0]["note"] == text
    assert changes[0]["evidence"] == [text, "第二份"]
    assert changes[0]["by"] == text == changes[1]["by"]
    assert changes[1]["after"] == {"owner": text}
    row = rows()["6.2"]
    assert (row["note"], row["evidence"], row["owner"]) == (text, [text, "第二份"], text)
    assert statuses("--owner", text) == {"6.2": "done"}
    # Every view of it still draws.
    for args in (["history"], ["list"], ["show", "6.2"], ["report"], ["check"]):
        result = run(*args)
        assert result.exit_code in (0, 1) and "Traceback" not in result.output, args
        assert result.exception is None or isinstance(result.exception, SystemExit), args
    # The file stays one record per line.
    assert Path(LEDGER).read_bytes().count(b"\n") == 3


# ---------------------------------------------------------------------------------------------
# mark


def test_several_ids_ranges_and_tasks_in_one_call_undo_as_one() -> None:
    ok("init")  # every province
    assert "recorded 3: 3.2, 4.2, 5.2 → in progress" in ok("mark", "3", "4", "5.2", "in-progress")
    out = ok("mark", "8-10", "done")
    assert "recorded 4: 8.2, 9.2, 9.3, 10.2 → done" in out  # 8.3, 10.3: involved provinces only
    # A range passes over a task of national measures only (15), a task named alone does not.
    assert "recorded 2: 14.2, 16.2 → blocked" in ok("mark", "14-16", "blocked")
    same = unchanged()
    assert "15 is a measure of the national office" in refused("mark", "15", "done")
    assert "6.1 is a measure of the national office" in refused("mark", "6.1", "done")
    same()
    assert "undid 2 changes: 14.2, 16.2" in ok("undo")
    assert "undid 4 changes: 8.2, 9.2, 9.3, 10.2" in ok("undo")
    state = statuses()
    assert {oid for oid, s in state.items() if s != "todo"} == {"3.2", "4.2", "5.2"}


@pytest.mark.parametrize(
    ("word", "status"),
    [("未开始", "todo"), ("进行中", "in-progress"), ("已完成", "done"), ("受阻", "blocked")]
    + [("不适用", "waived"), ("Done", "done"), (" in-progress ", "in-progress")],
)
def test_status_words(word: str, status: str) -> None:
    ok("init")
    ok("mark", "6", word, "--note", "理由")
    assert statuses()["6.2"] == status
    assert history()[0]["after"] == {"status": status}


def test_waiving_a_mandatory_obligation_needs_a_reason() -> None:
    ok("init")
    same = unchanged()
    line = refused("mark", "6", "16", "waived")
    assert "waiving mandatory obligation 6.2 needs a reason in --note; nothing recorded" in line
    same()
    assert "needs a reason" in refused("mark", "6", "不适用", "--note", "")
    same()
    ok("mark", "16", "waived")  # optional for every province: no reason needed
    ok("mark", "6", "waived", "--note", "已由国家局统一部署")
    assert statuses()["6.2"] == statuses()["16.2"] == "waived"


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["mark", "2.3", "done"], "2.3 does not apply to this ledger's profile; nothing recorded"),
        (["mark", "6", "2.3", "done"], "2.3 does not apply"),  # all or nothing: 6.2 not either
        (["mark", "99", "done"], "no task or obligation '99'"),
        (["mark", "6.9", "done"], "no task or obligation '6.9'"),
        (["mark", "abc", "done"], "no task or obligation 'abc'"),
        (["mark", "²", "done"], "no task or obligation '²'"),
        (["mark", "10-8", "done"], "'10-8' is not a range of tasks; tasks are 1–19"),
        (["mark", "18-25", "done"], "'18-25' is not a range of tasks"),
        (["mark", "6", "finished"], "unknown status 'finished'"),
        (["assign", "6"], "give --owner or --due"),
        (["assign", "6", "--due", "2020-13-01"], "invalid date '2020-13-01'"),
        (["assign", "2.3", "--owner", "保护处"], "2.3 does not apply"),
        (["history", "99"], "no task or obligation '99'"),
    ],
)
def test_refused_input_records_nothing(args: list[str], says: str) -> None:
    ok("init")  # every province: the measures for involved provinces (2.3) do not apply
    ok("mark", "7", "done")
    same = unchanged()
    assert says in refused(*args)
    same()
    assert len(history()) == 1


def test_usage_errors() -> None:
    ok("init")
    same = unchanged()
    for args in (["mark", "6"], ["history", "--format", "xml"], ["init", "--department", "保护司"]):
        result = run(*args)
        assert result.exit_code == 2, (args, result.output)
    assert run("init", "--national", "--province-type", "pilot").exit_code == 2
    same()


def test_dry_run_records_nothing() -> None:
    ok("init", "-p", "pilot")
    ok("mark", "3", "in-progress")
    same = unchanged()
    out = ok("mark", "3", "4", "done", "--dry-run")
    assert "3.2: in progress → done" in out and "4.3: to do → done" in out
    assert "(dry run: nothing recorded)" in out
    assert out.startswith("would record 4: 3.2, 3.3, 4.2, 4.3 → done")
    same()


def test_dry_run_in_an_empty_folder_creates_nothing() -> None:
    out = ok("mark", "6", "done", "--dry-run")
    assert "6.2: to do → done" in out
    assert files_here() == []


def test_first_mark_in_an_empty_folder_creates_an_every_province_ledger() -> None:
    result = run("mark", "6", "done", "--evidence", "a.pdf")
    assert result.exit_code == 0, result.output
    assert result.stderr.count("\n") == 1
    assert f"no ledger here: created {Path.cwd() / LEDGER} for an every-province profile" in (
        result.stderr
    )
    header = json.loads(Path(LEDGER).read_text(encoding="utf-8").splitlines()[0])
    assert header["types"] == ["all"] and header["province"] is None and not header["national"]
    second = run("mark", "7", "done", "--evidence", "b.pdf")
    assert second.exit_code == 0 and second.stderr == ""
    assert [e["obligation"] for e in history()] == ["6.2", "7.2"]


def test_a_typo_in_an_empty_folder_creates_no_ledger() -> None:
    refused("mark", "99", "done")
    refused("mark", "2.3", "done")
    refused("mark", "6", "finished")
    assert files_here() == []


def test_a_mark_that_changes_nothing_is_not_recorded() -> None:
    """repeating a status (or an assignment) records nothing, says so, and leaves
    the time of the last change (更新时间) as it was. Before, each repeat was recorded."""
    ok("init")
    ok("mark", "6", "done")
    first = history()
    for _ in range(2):
        assert "6.2 already done; nothing changed" in ok("mark", "6", "done")
    assert history() == first
    assert [(e["before"], e["after"]) for e in history()] == [
        ({"status": "todo"}, {"status": "done"}),
    ]
    ok("assign", "8", "--owner", "保护处")
    assert "already assigned so" in ok("assign", "8", "--owner", "保护处")
    assert len(history()) == 2
    # A new note or new evidence is a change, even with the same status.
    assert "recorded 1" in ok("mark", "6", "done", "--evidence", "a.pdf")
    assert "already done" in ok("mark", "6", "done", "--evidence", "a.pdf")


def test_notes_carry_over_and_evidence_accumulates() -> None:
    ok("init")
    ok("mark", "6", "in-progress", "--note", "开始", "--evidence", "a.pdf", "--evidence", "a.pdf")
    ok("mark", "6", "done", "--evidence", "b.pdf", "--evidence", "a.pdf")
    row = rows()["6.2"]
    assert (row["status"], row["note"], row["evidence"]) == ("done", "开始", ["a.pdf", "b.pdf"])


# ---------------------------------------------------------------------------------------------
# init, where the ledger lives


def test_init_refuses_to_overwrite() -> None:
    ok("init", "--province", "广东省", "-p", "pilot-leading")
    ok("mark", "6", "done")
    same = unchanged()
    line = refused("init", "-p", "pilot")
    assert f"a ledger already exists at {Path.cwd() / LEDGER}; left unchanged" in line
    same()


def test_init_province_by_official_or_english_name() -> None:
    out = ok("init", "--province", "广东省", "--province-type", "引领型")
    assert "广东省" in out
    header = json.loads(Path(LEDGER).read_text(encoding="utf-8").splitlines()[0])
    assert header["province"] == "广东省"
    assert header["types"] == ["all", "pilot", "pilot-leading"]
    assert ok("list").splitlines()[0].startswith("广东省 · ")
    assert "11.3" in statuses()  # mandatory for a leading pilot province
    ok("--ledger", "gd.jsonl", "init", "--province", "guangdong")
    assert (
        json.loads(Path("gd.jsonl").read_text(encoding="utf-8").splitlines()[0])["province"]
        == "广东省"
    )


def test_init_unknown_province_creates_nothing() -> None:
    assert "unknown province '火星省'" in refused("init", "--province", "火星省")
    assert files_here() == []


def test_national_ledger_of_one_department() -> None:
    ok("init", "--national", "--department", "保护司")
    assert list(statuses()) == ["1.1", "2.1", "3.1", "4.1", "5.1"]
    assert "recorded 2: 1.1, 2.1 → done" in ok("mark", "1-2", "done")
    elsewhere = "is not among the national measures this ledger tracks"
    assert f"6.1 {elsewhere}" in refused("mark", "6.1", "done")  # another department's
    assert f"1.2 {elsewhere}" in refused("mark", "1.2", "done")  # the provinces' measure
    assert "unknown department" in refused("--ledger", "x.jsonl", "init", "--national", "-d", "X司")
    assert not Path("x.jsonl").exists()


def test_national_ledger_of_every_department() -> None:
    ok("init", "--national")
    listed = statuses()
    assert len(listed) == 19 and all(oid.endswith(".1") for oid in listed)


def test_ledger_option_environment_and_folders(tmp_path: Path) -> None:
    ok("--ledger", "sub/mine.jsonl", "init", "-p", "pilot")
    assert Path("sub/mine.jsonl").is_file() and not Path(LEDGER).exists()
    ok("--ledger", "sub/mine.jsonl", "mark", "6", "done")
    env: dict[str, str | None] = {"IPRCHECK_LEDGER": "sub/mine.jsonl"}
    assert statuses(env=env)["6.2"] == "done"
    ok("mark", "7", "done", env=env)
    assert [e["obligation"] for e in history(ledger="sub/mine.jsonl")] == ["6.2", "7.2"]
    # A folder means the default name inside it; a name ending in a slash is a folder to be.
    ok("--ledger", "team/", "init")
    assert Path("team", LEDGER).is_file()
    ok("--ledger", "team", "mark", "6", "done")
    assert statuses(ledger=tmp_path / "team")["6.2"] == "done"
    ok("--ledger", "new/", "mark", "6", "done")
    assert statuses(ledger="new")["6.2"] == "done"
    # A named ledger that is not there is an error, never an empty list.
    assert "no ledger at missing.jsonl" in refused("--ledger", "missing.jsonl", "list")
    assert "no ledger at" in refused("--ledger", "missing.jsonl", "undo")
    assert "no ledger at" in refused(
        "--ledger", "nowhere/missing.jsonl", "assign", "6", "--owner", "x"
    )
    assert not Path("nowhere").exists()


# ---------------------------------------------------------------------------------------------
# history, undo, assign


def test_history_of_one_task_or_obligation() -> None:
    ok("init", "-p", "pilot")
    ok("mark", "3", "6", "done", "--note", "完成")
    ok("assign", "6.2", "--owner", "审查处")
    assert [e["obligation"] for e in history("6")] == ["6.2", "6.2"]
    assert [e["obligation"] for e in history("3")] == ["3.2", "3.3"]
    assert [e["obligation"] for e in history("3.3")] == ["3.3"]
    assert [e["obligation"] for e in history("3-6")] == ["3.2", "3.3", "6.2", "6.2"]
    assert history("7") == []
    first = history()[0]
    assert set(first) >= {"event", "command", "at", "by", "kind", "obligation", "before", "after"}
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}[+-]\d\d:\d\d", first["at"])
    table = ok("history", "6")
    assert "to do → done" in table and "Owner: — → 审查处" in table and "完成" in table
    assert "3.2" not in table
    zh = ok("--lang", "zh", "history", "6")
    assert "未开始 → 已完成" in zh and "责任处室: — → 审查处" in zh and "owner" not in zh
    assert not any(line.endswith(" ") for line in zh.splitlines())  # piped: no padding


def test_undo_reverts_whole_commands_and_is_recorded() -> None:
    ok("init", "-p", "pilot")
    ok("mark", "6", "done", "--note", "甲", "--evidence", "a.pdf")
    ok("mark", "3", "4", "in-progress")
    ok("mark", "6", "blocked", "--note", "乙")
    ok("assign", "8", "--owner", "运用促进处", "--due", "2020-10-31")
    before = history()

    assert "undid 1 change: 8.2" in ok("undo", "--by", "李四")
    assert rows()["8.2"]["owner"] is None and rows()["8.2"]["internal_due"] is None
    assert "undid 1 change: 6.2" in ok("undo")
    assert (rows()["6.2"]["status"], rows()["6.2"]["note"]) == ("done", "甲")
    assert rows()["6.2"]["evidence"] == ["a.pdf"]
    assert "undid 4 changes: 3.2, 3.3, 4.2, 4.3" in ok("undo")
    assert "undid 1 change: 6.2" in ok("undo")
    assert set(statuses().values()) == {"todo"}
    assert rows()["6.2"]["note"] is None and rows()["6.2"]["evidence"] == []
    assert "nothing to undo" in refused("undo")

    after = history()
    assert after[: len(before)] == before  # history is never rewritten
    undos = after[len(before) :]
    assert len(undos) == 7 and all(e["undo_of"] for e in undos)
    assert undos[0]["by"] == "李四"
    assert "(undo)" in ok("history")


def test_assign_and_filter_by_owner() -> None:
    ok("init", "-p", "pilot")
    assert "assigned 4: 8.2, 9.2, 9.3, 10.2" in ok(
        "assign", "8-10", "--owner", "运用促进处", "--due", "2020-10-31"
    )
    ok("assign", "9.3", "--due", "2020-09-30")  # the owner stays
    ok("assign", "1", "--owner", "保护处")
    got = rows("--owner", "运用促进处")
    assert list(got) == ["8.2", "9.2", "9.3", "10.2"]
    assert {r["internal_due"] for r in got.values()} == {"2020-10-31", "2020-09-30"}
    assert got["9.3"]["internal_due"] == "2020-09-30"
    assert list(rows("--owner", "保护处", "--owner", "运用促进处")) == [
        "1.2",
        "8.2",
        "9.2",
        "9.3",
        "10.2",
    ]
    # A division nobody is assigned to is named, not answered with an empty list.
    assert "assigned: 运用促进处, 保护处" in refused("list", "--owner", "无此处室")
    table = ok("list", "--owner", "运用促进处")
    assert "运用促进处" in table and "1.2" not in table
