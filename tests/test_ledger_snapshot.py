"""The snapshot cache of long ledgers: fast, and never believed for bytes it was not made from.

A ledger read before comes back with its state from the cache; these tests hold it to the
same answers as a full replay, through reads, writes and damage."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import msgspec
import pytest
from test_ledger import ledger_text, random_changes

from iprcheck import cache, ledger
from iprcheck.ledger import snapshot
from iprcheck.paths import user_cache_dir
from iprcheck.tasklist import Catalog, load


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load()


def long_ledger(tmp_path: Path, count: int = 400, seed: int = 7) -> Path:
    path = tmp_path / "iprcheck-ledger.jsonl"
    changes = random_changes(random.Random(seed), count)
    path.write_text(ledger_text(changes), encoding="utf-8")
    return path


def unsealed(snap: Path) -> Any:
    import json

    return json.loads(snap.read_bytes().partition(b"\n")[2])


def reseal(snap: Path, entry: Any) -> None:
    """Write ``entry`` back with a valid seal, through the cache itself, as this user's own
    iprcheck would: what is checked then is the entry's content, not its seal."""
    import json

    # Raw JSON: a lone surrogate stays the escape a hand edit would leave (\ud800).
    payload = msgspec.Raw(json.dumps(entry["payload"]).encode("ascii"))
    before = snap.read_bytes()
    cache.write("ledger", entry["key"], payload, keep=1024)
    assert snap.read_bytes() != before


def replayed(path: Path) -> dict[str, Any]:
    """The ledger's state replayed from its bytes in a process with no cache at all."""
    code = (
        "import sys, msgspec\n"
        "from pathlib import Path\n"
        "from iprcheck import ledger\n"
        "led = ledger.read(Path(sys.argv[1]))\n"
        "assert led.snapshot is None\n"
        "sys.stdout.buffer.write(msgspec.json.encode(led.state()))\n"
    )
    env = {**os.environ, "IPRCHECK_CACHE_DIR": str(path.parent / "no-cache-here" / "x")}
    (path.parent / "no-cache-here").write_text("a file: no cache can be made under it")
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], env=env, capture_output=True, check=True
    )
    (path.parent / "no-cache-here").unlink()
    state: dict[str, Any] = msgspec.json.decode(done.stdout)
    return state


def plain(state: Any) -> Any:
    """A state as JSON holds it, to compare with ``replayed``."""
    return msgspec.json.decode(msgspec.json.encode(state))


def snapshots() -> list[Path]:
    return sorted((user_cache_dir() / cache.FOLDER / "ledger").glob("*.json"))


def test_a_second_read_comes_from_the_snapshot_with_the_same_answers(tmp_path: Path) -> None:
    path = long_ledger(tmp_path)
    first = ledger.read(path)
    assert first.snapshot is None
    assert len(snapshots()) == 1
    second = ledger.read(path)
    assert second.snapshot is not None
    assert second.state() == first.state()
    assert second.last_update == first.last_update
    assert second.header == first.header
    # The changes themselves are still there, parsed when asked for.
    assert [e.event for e in second.events] == [e.event for e in first.events]


def test_short_ledgers_are_not_snapshotted(tmp_path: Path) -> None:
    path = long_ledger(tmp_path, count=20)
    ledger.read(path)
    assert snapshots() == []


def test_changed_bytes_are_parsed_again_and_damage_is_still_found(tmp_path: Path) -> None:
    path = long_ledger(tmp_path)
    ledger.read(path)
    data = path.read_bytes()
    broken = data.replace(b'"kind": "status"', b'"kind": "statuz"', 1)
    path.write_bytes(broken)
    with pytest.raises(ledger.LedgerError):
        ledger.read(path)
    assert path.read_bytes() == broken


def test_a_garbage_snapshot_is_ignored(tmp_path: Path) -> None:
    path = long_ledger(tmp_path)
    truth = ledger.read(path).state()
    for snap in snapshots():
        snap.write_text('{"key": 1', encoding="utf-8")
    again = ledger.read(path)
    assert again.snapshot is None
    assert again.state() == truth


def test_a_snapshot_holding_what_no_ledger_could_is_ignored(tmp_path: Path) -> None:
    """Its key matches, but an unknown status would crash a rollup: replay instead."""

    path = long_ledger(tmp_path)
    truth = ledger.read(path).state()
    for damage in ("finished", None):
        for snap in snapshots():
            entry = unsealed(snap)
            first = next(iter(entry["payload"]["snapshot"]["state"].values()))
            first["status"] = damage
            reseal(snap, entry)
        again = ledger.read(path)
        assert again.snapshot is None
        assert again.state() == truth


def test_a_snapshot_with_a_bad_place_or_half_a_character_is_ignored(
    tmp_path: Path, catalog: Catalog
) -> None:
    """The place of the last change is compared when a mark is added; a note must be writable."""

    path = long_ledger(tmp_path)
    truth = ledger.read(path).state()
    damages = [
        lambda p: p["replay_key"].__setitem__(0, "x"),
        lambda p: p["replay_key"].__setitem__(2, ["6", "2"]),
        lambda p: next(iter(p["state"].values())).__setitem__("note", "\ud800"),
    ]
    for damage in damages:
        for snap in snapshots():
            entry = unsealed(snap)
            damage(entry["payload"]["snapshot"])
            reseal(snap, entry)
        again = ledger.read(path)
        assert again.snapshot is None
        assert again.state() == truth
    oid = ledger.read(path).entries(catalog)[0].obligation.id
    ledger.mark(path, catalog, [oid], "done", evidence=["a.pdf"], by="t")
    assert ledger.read(path).state()[oid].status == "done"


def test_marks_on_a_snapshotted_ledger_match_a_full_replay(
    tmp_path: Path, catalog: Catalog
) -> None:
    path = tmp_path / "iprcheck-ledger.jsonl"
    ledger.init(path, catalog, province=None, types=["pilot"], national=False, department=None)
    for i in range(snapshot.MIN_EVENTS + 5):
        ledger.mark(path, catalog, ["6.2"], "in-progress", note=f"第{i}次", evidence=[f"e{i % 3}"])
    assert ledger.read(path).snapshot is not None
    for word, ids in (("done", ["6"]), ("blocked", ["1.2", "3"]), ("todo", ["6.2"])):
        result = ledger.mark(path, catalog, ids, word, note=word)
        assert result.ledger.snapshot is not None  # the new state was carried forward
        assert ledger.read(path).snapshot is not None  # stored under the file's true digest
        full = replayed(path)
        assert plain(result.ledger.state()) == full
        assert plain(ledger.read(path).state()) == full
    ledger.undo(path, catalog)
    assert plain(ledger.read(path).state()) == replayed(path)
