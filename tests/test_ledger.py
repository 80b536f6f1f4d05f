"""The ledger library underneath the commands: replay, order, merge, writing.

The commands are tested from outside in test_ledger_cli.py; this file pins down what they rest
on with many generated ledgers, and what cannot be provoked from outside (a full disk)."""

from __future__ import annotations

import errno
import functools
import json
import os
import random
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from iprcheck import ledger, locks
from iprcheck.errors import IprcheckError
from iprcheck.ledger import merging, ops, records, store
from iprcheck.obligations import UNTRACKED, Tracking, expand_ids, tracked_entries
from iprcheck.tasklist import Catalog, load
from iprcheck.vocab import STATUSES as VOCAB_STATUSES

IDS = ["1.2", "3.2", "3.3", "6.2", "9.2", "9.3", "10.2", "16.2"]
STATUSES = list(VOCAB_STATUSES)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load()


def _time(rng: random.Random, base: datetime, minutes: int) -> str:
    """A time written with one of several UTC offsets, as laptops in other zones would."""
    offset = timezone(timedelta(hours=rng.choice([8, 8, 8, 0, -5, 5.5])))
    return (base + timedelta(minutes=minutes)).astimezone(offset).isoformat(timespec="microseconds")


def random_changes(rng: random.Random, count: int) -> list[dict[str, Any]]:
    """Commands of one to three changes, some at the same instant, some undoing an earlier one,
    notes and evidence repeating: every path of the replay."""
    base = datetime(2020, 5, 1, 9, tzinfo=timezone(timedelta(hours=8)))
    out: list[dict[str, Any]] = []
    minute = 0
    while len(out) < count:
        minute += rng.choice([0, 1, 1, 30])
        at = _time(rng, base, minute)
        command = str(uuid.uuid4())
        kind = rng.choice(["status", "status", "status", "assign", "undo"])
        for oid in rng.sample(IDS, rng.randint(1, 3)):
            rec: dict[str, Any] = {"event": str(uuid.uuid4()), "command": command, "at": at}
            rec |= {"by": rng.choice(["张三", "李四"]), "obligation": oid}
            if kind == "assign":
                after = {"owner": rng.choice(["甲处", "乙处", None])}
                if rng.random() < 0.5:
                    after["due"] = rng.choice(["2020-09-30", "2020-10-31", None])
                rec |= {"kind": "assign", "before": dict.fromkeys(after), "after": after}
            else:
                rec |= {"kind": "status", "before": {"status": rng.choice(STATUSES)}}
                rec["after"] = {"status": rng.choice(STATUSES)}
                if kind == "undo":
                    note = rng.choice([None, "恢复"])
                    rec["after"] |= {"note": note, "evidence": rng.sample(["a", "b", "c"], 2)}
                    rec["undo_of"] = str(uuid.uuid4())
                else:
                    if rng.random() < 0.5:
                        rec["note"] = rng.choice(["进展", "完成", ""])
                    if rng.random() < 0.5:
                        rec["evidence"] = rng.choices(["a", "b", "c", "d"], k=rng.randint(1, 3))
            out.append(rec)
    return out


@functools.cache
def header_line() -> str:
    return records.line(ops.header(load(), "广东省", None, None).to_json())


def ledger_text(changes: list[dict[str, Any]]) -> str:
    return header_line() + "".join(records.line(c) for c in changes)


def parse(text: str) -> ledger.Ledger:
    return store.parse(Path("t.jsonl"), text.encode("utf-8"))


def slow_state(events: list[ledger.Event]) -> dict[str, Tracking]:
    """The definition: each change applied in turn to the obligation's tracking."""
    state: dict[str, Tracking] = {}
    for ev in events:
        state[ev.obligation] = ledger.apply(state.get(ev.obligation, UNTRACKED), ev)
    return state


# ---------------------------------------------------------------------------------------------
# Replay


@pytest.mark.parametrize("seed", range(8))
def test_replay_is_apply_in_turn(seed: int) -> None:
    led = parse(ledger_text(random_changes(random.Random(seed), 300)))
    assert led.state() == slow_state(led.events)
    cutoff = led.events[150].when
    assert led.state(as_of=cutoff) == slow_state([e for e in led.events if e.when <= cutoff])


@pytest.mark.parametrize("seed", range(8))
def test_replay_order_does_not_depend_on_line_order(seed: int) -> None:
    rng = random.Random(seed)
    changes = random_changes(rng, 200)
    written = parse(ledger_text(changes))
    rng.shuffle(changes)
    shuffled = parse(ledger_text(changes))
    assert [e.event for e in shuffled.events] == [e.event for e in written.events]
    assert [e.event for e in written.events] == [
        e.event for e in sorted(written.events, key=ledger.replay_order)
    ]
    assert shuffled.state() == written.state()
    latest = max(written.events, key=lambda e: e.when)
    assert written.last_update is not None
    assert datetime.fromisoformat(written.last_update) == latest.when


def test_one_offset_in_order_needs_no_sort_and_still_orders_ties() -> None:
    """The shortcut that skips sorting a file already in order must agree with the sort,
    including changes of one command (one time) written out of the list's order."""
    at = "2020-05-01T09:00:00.000000+08:00"
    changes = [
        {"event": str(uuid.uuid4()), "command": "c1", "at": at, "by": "t", "kind": "status"}
        | {"obligation": oid, "before": {"status": "todo"}, "after": {"status": "done"}}
        for oid in ("10.2", "9.3", "1.2")
    ]
    led = parse(ledger_text(changes))
    assert [e.obligation for e in led.events] == ["1.2", "9.3", "10.2"]


def test_mixed_separators_and_precision_are_sorted_by_time() -> None:
    times = ["2020-05-01 09:00:00.000000+08:00", "2020-05-01T08:00:00+08:00"]
    changes = [
        {"event": f"e{n}", "command": f"c{n}", "at": at, "by": "t", "kind": "status"}
        | {"obligation": "6.2", "before": {}, "after": {"status": status}}
        for n, (at, status) in enumerate(zip(times, ["done", "blocked"], strict=True))
    ]
    led = parse(ledger_text(changes))
    assert [e.event for e in led.events] == ["e1", "e0"]
    assert led.state()["6.2"].status == "done"


# ---------------------------------------------------------------------------------------------
# Merge


def _two_copies(tmp_path: Path, catalog: Catalog) -> tuple[Path, Path]:
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    ledger.init(a, catalog, province=None, types=["pilot"], national=False, department=None)
    b.write_bytes(a.read_bytes())
    return a, b


@pytest.mark.parametrize(
    ("ours", "theirs", "conflict"),
    [
        ([("mark", "6", "done", None)], [("mark", "6", "blocked", None)], True),
        ([("mark", "6", "done", None)], [("mark", "6", "done", None)], False),
        ([("mark", "6", "done", "甲")], [("mark", "6", "done", "乙")], True),
        ([("mark", "6", "done", None)], [("assign", "6", "甲处", None)], False),
        ([("assign", "6", "甲处", None)], [("assign", "6", "乙处", None)], True),
        ([("assign", "6", "甲处", None)], [("assign", "6", None, "2020-10-31")], False),
        ([("mark", "6", "done", None)], [("mark", "7", "done", None)], False),
    ],
)
def test_merge_conflicts_are_fields_both_copies_set_differently(
    tmp_path: Path, catalog: Catalog, ours: list[Any], theirs: list[Any], conflict: bool
) -> None:
    from datetime import date

    a, b = _two_copies(tmp_path, catalog)
    for path, steps in ((a, ours), (b, theirs)):
        for op, ident, value, extra in steps:
            if op == "mark":
                ledger.mark(path, catalog, [ident], value, note=extra, by="t")
            else:
                due = date.fromisoformat(extra) if extra else None
                ledger.assign(path, catalog, [ident], owner=value, due=due, by="t")
    a0 = tmp_path / "a0.jsonl"
    a0.write_bytes(a.read_bytes())
    result = ledger.merge(a, b, catalog).merged
    assert result is not None
    assert result.conflicts == (["6.2"] if conflict else [])
    back = ledger.merge(b, a0, catalog).merged
    assert back is not None
    assert back.conflicts == result.conflicts
    assert ledger.read(a).state() == ledger.read(b).state()
    again = ledger.merge(b, a, catalog).merged
    assert again is not None
    assert again.added == again.conflicts == []


@pytest.mark.parametrize("seed", range(4))
def test_random_copies_merge_to_one_state_either_way(seed: int, tmp_path: Path) -> None:
    rng = random.Random(seed)
    common, only_a, only_b = (random_changes(rng, n) for n in (50, 80, 80))
    # The generator's undo-shaped records name commands that never were; a merge refuses to
    # take such records in, so here they are changes that restore a note exactly.
    for change in [*only_a, *only_b]:
        change.pop("undo_of", None)
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(ledger_text(common + only_a), encoding="utf-8")
    b.write_text(ledger_text(common + only_b), encoding="utf-8")
    a0 = tmp_path / "a0.jsonl"
    a0.write_bytes(a.read_bytes())
    catalog = load()
    result_a = merged(a, b, catalog)  # a takes in b
    result_b = merged(b, a0, catalog)  # b takes in a as it was
    assert len(result_a.added) == len(only_b) and len(result_b.added) == len(only_a)
    merged_a, merged_b = ledger.read(a), ledger.read(b)
    assert [e.event for e in merged_a.events] == [e.event for e in merged_b.events]
    assert merged_a.state() == merged_b.state()
    assert result_a.conflicts == result_b.conflicts


# ---------------------------------------------------------------------------------------------
# Writing


def _init(path: Path, catalog: Catalog) -> None:
    ledger.init(path, catalog, province=None, types=[], national=False, department=None)


def test_a_writer_clears_what_killed_writers_left_and_nothing_else(
    tmp_path: Path, catalog: Catalog
) -> None:
    path = tmp_path / ledger.DEFAULT_NAME
    _init(path, catalog)
    stale = tmp_path / f".{path.name}.0123456789ab.tmp"
    stale.write_text("half a ledger")
    kept = [
        tmp_path / f".{path.name}.bak.0123456789ab.tmp",  # another ledger's, named alike
        tmp_path / f".{path.name}.lock",
        tmp_path / f"{path.name}.0123456789ab.tmp",
        tmp_path / "notes.tmp",
    ]
    for other in kept:
        other.write_text("keep")
    ledger.mark(path, catalog, ["6"], "done", by="t")
    assert not stale.exists()
    assert all(other.exists() for other in kept)
    assert ledger.read(path).state()["6.2"].status == "done"


def test_a_failed_write_is_one_error_and_leaves_the_ledger(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / ledger.DEFAULT_NAME
    _init(path, catalog)
    before = path.read_bytes()

    def full(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(IprcheckError) as caught:
        ledger.mark(path, catalog, ["6"], "done", by="t")
    assert caught.value.key == "output_unwritable"
    assert "No space left on device" in str(caught.value)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [f".{path.name}.lock", path.name]


def test_what_a_write_returns_is_what_a_read_sees(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Also when the clock went back between two marks: the logical clock puts the new change
    last, so it takes effect, and it keeps the time it was made at (before, its
    time was moved to just after the latest change)."""
    path = tmp_path / ledger.DEFAULT_NAME
    _init(path, catalog)
    clock = iter(["2020-06-02T10:00:00.000000+08:00", "2020-06-01T10:00:00.000000+08:00"])
    monkeypatch.setattr(ops, "now", lambda: next(clock))
    for ids, status in ((["8-10"], "done"), (["9"], "blocked")):
        written = ledger.mark(path, catalog, ids, status, by="t").ledger
        read = ledger.read(path)
        assert [e.event for e in written.events] == [e.event for e in read.events]
        assert written.state() == read.state()
    read = ledger.read(path)
    assert read.state()["9.2"].status == "blocked"  # what was recorded last takes effect
    assert read.events[-1].when == datetime.fromisoformat("2020-06-01T10:00:00+08:00")
    assert read.events[-1].seq > read.events[0].seq


def test_a_range_passes_over_tasks_that_owe_nothing(catalog: Catalog) -> None:
    from iprcheck.obligations import Profile

    tracked = tracked_entries(catalog, Profile.of(()), None)
    assert expand_ids(catalog, tracked, ["14-16", "6"]) == ["6.2", "14.2", "16.2"]
    for nothing in (["15"], ["15-15"], ["6", "15"]):
        with pytest.raises(IprcheckError, match="15 is a measure of the national office"):
            expand_ids(catalog, tracked, nothing)


def test_a_line_of_json_that_is_not_a_change_names_its_line() -> None:
    good = random_changes(random.Random(1), 3)
    for bad, says in [
        ({**good[0], "evidence": "a.pdf"}, "evidence must be a list of text"),
        ({**good[0], "by": 7}, "must be text"),
        ({**good[0], "before": ["status", "todo"]}, "must be JSON objects"),
        ({**good[0], "at": "yesterday"}, "is not an ISO 8601 time"),
        ({**good[0], "obligation": ["6.2"]}, "must be text"),
        ({**good[0], "obligation": "6.2.1"}, "is not an obligation id"),
        ({**good[0], "obligation": "６.２"}, "is not an obligation id"),
        ({**good[0], "kind": "delete"}, "unknown change kind 'delete'"),
        ({**good[0], "kind": "assign", "after": {"colour": "red"}}, "owner or due"),
        ([good[0]], "not a JSON object"),
    ]:
        text = ledger_text(good[1:]) + json.dumps(bad, ensure_ascii=False) + "\n"
        with pytest.raises(ledger.LedgerError) as caught:
            parse(text)
        assert caught.value.params["line"] == 4, bad
        assert says in str(caught.value), (bad, str(caught.value))


def test_a_ledger_reached_through_a_link_is_written_through_it(
    tmp_path: Path, catalog: Catalog
) -> None:
    real = tmp_path / "shared" / "iprcheck-ledger.jsonl"
    _init(real, catalog)
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    ledger.mark(ledger.resolve(str(link)), catalog, ["6.2"], "done", evidence=["a.pdf"])
    assert link.is_symlink()
    assert ledger.read(real).state()["6.2"].status == "done"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.jsonl", "shared"]  # no lock here


def test_a_write_keeps_the_ledgers_permissions(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "iprcheck-ledger.jsonl"
    _init(path, catalog)
    for mode in (0o664, 0o600):
        path.chmod(mode)
        ledger.mark(path, catalog, ["6.2"], "in-progress")
        assert path.stat().st_mode & 0o777 == mode


def test_records_no_report_could_show_are_refused_with_their_line() -> None:
    """JSON that parses but that a report, a terminal or int() would choke on."""
    good = random_changes(random.Random(1), 3)
    line = json.dumps(good[0])  # ASCII escapes, as a hand edit or another tool might write
    for bad, says in [
        (line[:-1] + ', "x": ' + "9" * 5000 + "}", "a number in it is too long"),
        (line.replace('"obligation": "', '"obligation": "' + "9" * 5000), "not an obligation id"),
        (line.replace(good[0]["at"], "0001-01-01T00:00:00+14:00"), "outside the years 1970"),
        (line.replace(good[0]["at"], "9999-12-31T23:59:59-14:00"), "outside the years 1970"),
        (line[:-1] + ', "note": "\\ud800 lone"}', "half of a character"),
    ]:
        with pytest.raises(ledger.LedgerError) as caught:
            parse(ledger_text(good[1:]) + bad + "\n")
        assert caught.value.params["line"] == 4, bad[:80]
        assert says in str(caught.value) and len(str(caught.value)) < 300, str(caught.value)
    # Both halves of a pair are one character, as JSON writes an emoji with ASCII escapes.
    paired = parse(ledger_text(good[1:]) + line[:-1] + ', "note": "\\ud83d\\ude00"}\n')
    assert any(ev.note == "😀" for ev in paired.events)


def test_undoing_an_assignment_after_a_merge_restores_what_stood_before_it(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The colleague's earlier assignment, merged in, is what the undo goes back to, not the
    empty owner the undone command saw in its own copy."""
    ours, theirs = tmp_path / "ours.jsonl", tmp_path / "theirs.jsonl"
    _init(ours, catalog)
    theirs.write_bytes(ours.read_bytes())
    clock = iter(["2020-06-02T10:00:00.000000+08:00", "2020-06-01T10:00:00.000000+08:00"])
    monkeypatch.setattr(ops, "now", lambda: next(clock))
    ledger.assign(ours, catalog, ["6.2"], owner="甲处", due=None)
    ledger.assign(theirs, catalog, ["6.2"], owner="乙处", due=None)
    ledger.merge(ours, theirs, catalog)
    assert ledger.read(ours).state()["6.2"].owner == "甲处"
    monkeypatch.setattr(ops, "now", lambda: "2020-06-03T10:00:00.000000+08:00")
    ledger.undo(ours, catalog, by="t")
    assert ledger.read(ours).state()["6.2"].owner == "乙处"


def test_a_link_whose_target_is_missing_is_refused_and_nothing_made(
    tmp_path: Path, catalog: Catalog
) -> None:
    """A link into a share that is not mounted: writing through it would create folders and a
    new ledger where the share should be. Before, init followed it and made them."""
    link = tmp_path / "mine.jsonl"
    link.symlink_to(tmp_path / "team" / "2020" / "iprcheck-ledger.jsonl")
    for attempt in (
        lambda: _init(link, catalog),
        lambda: ledger.mark(link, catalog, ["6"], "done"),
    ):
        with pytest.raises(ledger.LedgerError) as caught:
            attempt()
        assert caught.value.key == "ledger_link_dangling"
        assert "team" in str(caught.value)
    assert not (tmp_path / "team").exists()


def test_a_write_keeps_the_ledgers_group_and_shares_its_lock_as_widely(
    tmp_path: Path, catalog: Catalog
) -> None:
    path = tmp_path / "iprcheck-ledger.jsonl"
    _init(path, catalog)
    lock = tmp_path / ".iprcheck-ledger.jsonl.lock"
    lock.unlink()
    path.chmod(0o664)
    other_group = next(g for g in range(1, 100) if g != path.stat().st_gid)
    try:
        os.chown(path, -1, other_group)
    except PermissionError:
        pytest.skip("changing a file's group needs a group this user belongs to")
    ledger.mark(path, catalog, ["6.2"], "in-progress")
    assert path.stat().st_gid == other_group
    assert lock.stat().st_mode & 0o777 == 0o664


def test_a_lock_the_system_refuses_is_one_error_and_nothing_written(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "iprcheck-ledger.jsonl"
    _init(path, catalog)
    before = path.read_bytes()

    def refuse(fd: int) -> None:
        raise OSError(errno.EBADF, "Bad file descriptor")

    monkeypatch.setattr(locks, "_try_lock", refuse)
    with pytest.raises(IprcheckError) as caught:
        ledger.mark(path, catalog, ["6.2"], "in-progress")
    assert caught.value.key == "ledger_lock_failed"
    assert path.read_bytes() == before


def _pair(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch, *days: int
) -> tuple[Path, Path]:
    """Ledger a, the path for a copy b, and a clock giving 10:00 on these days of June 2020."""
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    _init(a, catalog)
    times = iter(f"2020-06-{day:02d}T10:00:00.000000+08:00" for day in days)
    monkeypatch.setattr(ops, "now", lambda: next(times))
    return a, b


def merged(ours: Path, theirs: Path, catalog: Catalog) -> merging.MergeResult:
    found = ledger.merge(ours, theirs, catalog).merged
    assert found is not None
    return found


def test_a_conflict_is_reported_by_both_copies_whichever_merges_first(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """b marks 6.2 in progress, a (later, not having seen it) marks it done. a merges b and is
    told; b merges a's copy back, which already holds b's change, and must be told too."""
    a, b = _pair(tmp_path, catalog, monkeypatch, 2, 1)
    b.write_bytes(a.read_bytes())
    ledger.mark(a, catalog, ["6.2"], "done", evidence=["x.pdf"], by="甲")
    ledger.mark(b, catalog, ["6.2"], "in-progress", note="乙方", by="乙")
    assert merged(a, b, catalog).conflicts == ["6.2"]
    assert merged(b, a, catalog).conflicts == ["6.2"]
    for ours, theirs in ((a, b), (b, a)):  # merged again: nothing new, nothing to report
        again = merged(ours, theirs, catalog)
        assert again.added == [] and again.conflicts == []
    assert ledger.read(a).state() == ledger.read(b).state()


def test_changes_made_one_after_another_are_no_conflict(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = _pair(tmp_path, catalog, monkeypatch, 1, 2)
    ledger.mark(a, catalog, ["6.2"], "in-progress", by="甲")
    b.write_bytes(a.read_bytes())  # e-mailed to 乙, who carries on from it
    ledger.mark(b, catalog, ["6.2"], "done", evidence=["x.pdf"], by="乙")
    assert merged(a, b, catalog).conflicts == []
    assert merged(b, a, catalog).conflicts == []


def test_notes_and_owners_written_apart_are_reported_on_both_sides(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same status, different notes; different owners: whoever merges first or second is told."""
    a, b = _pair(tmp_path, catalog, monkeypatch, 1, 2, 3, 4)
    b.write_bytes(a.read_bytes())
    ledger.mark(a, catalog, ["6.2"], "in-progress", note="甲说", by="甲")
    ledger.mark(b, catalog, ["6.2"], "in-progress", note="乙说", by="乙")
    ledger.assign(a, catalog, ["8.2"], owner="甲处", due=None, by="甲")
    ledger.assign(b, catalog, ["8.2"], owner="乙处", due=None, by="乙")
    assert merged(b, a, catalog).conflicts == ["6.2", "8.2"]
    assert merged(a, b, catalog).conflicts == ["6.2", "8.2"]
    assert ledger.read(a).state() == ledger.read(b).state()


def test_a_note_written_on_top_of_the_one_seen_is_no_conflict(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = _pair(tmp_path, catalog, monkeypatch, 1, 2, 3, 4)
    ledger.mark(a, catalog, ["6.2"], "in-progress", note="甲说", by="甲")
    ledger.assign(a, catalog, ["8.2"], owner="甲处", due=None, by="甲")
    b.write_bytes(a.read_bytes())
    ledger.mark(b, catalog, ["6.2"], "in-progress", note="乙补充", by="乙")
    ledger.assign(b, catalog, ["8.2"], owner="乙处", due=None, by="乙")
    assert merged(a, b, catalog).conflicts == []
    assert merged(b, a, catalog).conflicts == []


def test_an_undo_that_wipes_a_note_written_apart_is_reported_on_both_sides(
    tmp_path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = _pair(tmp_path, catalog, monkeypatch, 1, 2, 3)
    ledger.mark(a, catalog, ["6.2"], "in-progress", note="X", by="甲")
    b.write_bytes(a.read_bytes())
    ledger.mark(a, catalog, ["6.2"], "in-progress", note="Y", by="甲")
    ledger.undo(b, catalog, by="乙")  # takes X back, not knowing of Y
    assert merged(b, a, catalog).conflicts == ["6.2"]
    assert merged(a, b, catalog).conflicts == ["6.2"]


def test_a_long_ledger_name_never_sweeps_a_reports_temporary_file(
    tmp_path: Path, catalog: Catalog
) -> None:
    """Both names cut to fit 255 bytes: a ledger's clean-up must still spare the report's copy
    being written beside it (report writers take no ledger lock)."""
    from iprcheck.files import sibling_stem

    base = "浙江省知识产权保护" * 9
    path = tmp_path / f"{base}.jsonl"
    _init(path, catalog)
    writing = tmp_path / f".{sibling_stem(base + '.html')}.0123456789ab.tmp"
    writing.write_text("half a report", encoding="utf-8")
    ledger.mark(path, catalog, ["6.2"], "in-progress")
    assert writing.exists()
    assert all(len(p.name.encode()) <= 255 for p in tmp_path.iterdir())
