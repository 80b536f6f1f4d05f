"""The ledger's promises where only real processes can show them: many `iprcheck
mark` processes at once all land, `kill -9` at any moment leaves a ledger that loads, and what
a shell passes in argv is stored exactly. Processes run the installed entry point."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from iprcheck import ledger
from iprcheck.tasklist import load

pytestmark = pytest.mark.slow
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="fork, SIGKILL and sh")

LEDGER = ledger.DEFAULT_NAME


def _entry_point() -> list[str]:
    """The `iprcheck` script installed beside this interpreter, as a user runs it."""
    script = Path(sys.executable).parent / "iprcheck"
    return [str(script)] if script.exists() else [sys.executable, "-m", "iprcheck"]


IPRCHECK = _entry_point()


def iprcheck(*args: str | bytes, check: bool = True) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [*IPRCHECK, "--lang", "en", *args], capture_output=True, text=True, check=False
    )
    if check:
        assert done.returncode == 0, done.stderr
    return done


def history() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads(iprcheck("history", "--format", "json").stdout)
    return data


def stray_files(folder: Path = Path()) -> list[str]:
    """Temporary copies left by writers: the ledger, its lock and the catalog cache aside."""
    keep = {LEDGER, f".{LEDGER}.lock", ".cache", ".config"}
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


def test_design_card_flow_with_the_installed_command() -> None:
    iprcheck("init", "--province-type", "pilot")
    iprcheck("mark", "6", "done")
    listed = json.loads(iprcheck("list", "--province-type", "pilot", "--format", "json").stdout)
    assert {r["id"]: r["status"] for r in listed}["6.2"] == "done"
    assert "6.2" in iprcheck("list", "--province-type", "pilot").stdout


def _start_together(count: int, *args: str, own_note: bool = False) -> list[subprocess.Popen[str]]:
    """``own_note``: each writes a note of its own, so that every one changes something."""
    return [
        subprocess.Popen(
            [
                *IPRCHECK,
                "--lang",
                "en",
                *args,
                "--by",
                f"p{n:02}",
                *(["--note", f"n{n:02}"] if own_note else []),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(count)
    ]


def _finish(procs: list[subprocess.Popen[str]]) -> list[tuple[int, str, str]]:
    out = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=120)
        out.append((proc.returncode, stdout, stderr))
    return out


def test_twenty_marks_at_once_all_land() -> None:
    """Twenty `mark 6 done`, each with a note of its own: every mark is recorded."""
    iprcheck("init", "--province-type", "pilot")
    results = _finish(_start_together(20, "mark", "6", "done", own_note=True))
    assert [code for code, _, _ in results] == [0] * 20, results
    changes = history()
    assert len(changes) == 20
    assert sorted(c["by"] for c in changes) == [f"p{n:02}" for n in range(20)]
    assert len({c["command"] for c in changes}) == 20
    # Queued, not interleaved: each saw the one before it.
    assert [c["before"]["status"] for c in changes] == ["todo"] + ["done"] * 19
    assert ledger.read(Path(LEDGER)).state()["6.2"].status == "done"
    assert iprcheck("list", "--format", "json").returncode == 0
    assert stray_files() == []


def test_twenty_identical_marks_at_once_record_one_change() -> None:
    """A mark that changes nothing is not recorded: of twenty identical ones at
    once, the first records, and the nineteen queued behind it see it and say so."""
    iprcheck("init", "--province-type", "pilot")
    results = _finish(_start_together(20, "mark", "6", "done"))
    assert [code for code, _, _ in results] == [0] * 20, results
    assert len(history()) == 1
    assert sum("already done; nothing changed" in out for _, out, _ in results) == 19


def test_twenty_first_marks_at_once_in_an_empty_folder() -> None:
    """Twenty people try their first command at once: one ledger, made once, all twenty in it."""
    results = _finish(_start_together(20, "mark", "6", "done", own_note=True))
    assert [code for code, _, _ in results] == [0] * 20, results
    made = [stderr for _, _, stderr in results if "no ledger here: created" in stderr]
    assert len(made) == 1
    assert len(history()) == 20
    assert stray_files() == []


# ---------------------------------------------------------------------------------------------
# kill -9 at random moments


def _mark_forever(path: str, ready: Any) -> None:
    """Runs in a forked child: mark, mark, mark… saying once that the first one landed."""
    catalog = load()
    # A note of its own, so that this first mark changes something and is recorded.
    ledger.mark(Path(path), catalog, ["6"], "in-progress", note=f"起 {os.getpid()}", by="loop")
    ready.send_bytes(b"1")
    status = ["done", "blocked", "in-progress"]
    n = 0
    while True:
        n += 1
        ledger.mark(Path(path), catalog, ["3", "6", "9"], status[n % 3], note=f"第{n}次", by="loop")


def _grow(path: Path, changes: int) -> None:
    """Make writes take a while (a larger file to copy and fsync), so that kills land inside."""
    lines = [path.read_text(encoding="utf-8")]
    for n in range(changes):
        lines.append(
            json.dumps(
                {"event": f"seed-{n}", "command": f"seed-{n}"}
                | {"at": f"2020-05-01T09:00:00.{n:06}+08:00", "by": "seed", "kind": "status"}
                | {"obligation": "1.2", "before": {"status": "todo"}}
                | {"after": {"status": "in-progress"}, "note": "预先写入的长记录。" * 60},
                ensure_ascii=False,
            )
            + "\n"
        )
    path.write_text("".join(lines), encoding="utf-8")


@posix_only
def test_kill_9_at_random_moments_never_breaks_the_ledger() -> None:
    """Thirty writers, each killed 0–300 ms after its first mark landed; after every kill the
    ledger loads, no change that had landed is lost, and at most the one dead writer's
    temporary copy is left (the next writer clears it)."""
    iprcheck("init", "--province-type", "pilot")
    path = Path(LEDGER).resolve()
    _grow(path, 1500)
    rng = random.Random(3)
    fork = multiprocessing.get_context("fork")
    counts = [len(ledger.read(path).events)]
    for round_ in range(30):
        ours, theirs = fork.Pipe(duplex=False)
        child = fork.Process(target=_mark_forever, args=(str(path), theirs), daemon=True)
        child.start()
        assert ours.poll(10), "the writer never got going"
        time.sleep(rng.uniform(0, 0.3))
        os.kill(child.pid or 0, signal.SIGKILL)
        child.join(10)
        assert child.exitcode == -signal.SIGKILL
        counts.append(len(ledger.read(path).events))  # loads, every round
        assert counts[-1] > counts[-2], f"round {round_}: a landed change was lost"
        assert len(stray_files(path.parent)) <= 1, stray_files(path.parent)
        if round_ % 10 == 9:
            assert iprcheck("list", "--format", "json").returncode == 0
    iprcheck("mark", "7", "done")
    assert stray_files() == []
    assert len(history()) == counts[-1] + 1


def _mark_and_stop_before_the_rename(path: str, ready: Any) -> None:
    """Runs in a forked child: a mark that stops with its new copy written and fsynced, just
    before the rename, and says so. The parent kills it there."""

    def stop(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        ready.send_bytes(os.fsencode(src))
        time.sleep(60)

    os.replace = stop  # type: ignore[assignment]  # only in this child
    ledger.mark(Path(path), load(), ["6"], "done", by="killed")


@posix_only
def test_kill_9_between_writing_and_renaming() -> None:
    """The moment a random kill rarely hits: the new copy complete, not yet renamed. The old
    ledger stays, the change in flight is missing, and the next writer clears the copy."""
    iprcheck("init", "--province-type", "pilot")
    iprcheck("mark", "7", "done")
    path = Path(LEDGER).resolve()
    before = path.read_bytes()
    fork = multiprocessing.get_context("fork")
    ours, theirs = fork.Pipe(duplex=False)
    child = fork.Process(target=_mark_and_stop_before_the_rename, args=(str(path), theirs))
    child.start()
    assert ours.poll(10), "the writer never got to its rename"
    tmp = Path(os.fsdecode(ours.recv_bytes()))
    assert tmp.parent == path.parent and tmp.name.startswith(f".{LEDGER}.")
    # The new copy holds the old changes as they were and more (its header counts them anew).
    changes = before.split(b"\n", 1)[1]
    assert tmp.read_bytes().split(b"\n", 1)[1].startswith(changes)
    assert len(tmp.read_bytes()) > len(before)
    os.kill(child.pid or 0, signal.SIGKILL)
    child.join(10)
    assert path.read_bytes() == before
    assert stray_files() == [tmp.name]
    listed = json.loads(iprcheck("list", "--format", "json").stdout)
    assert {r["id"]: r["status"] for r in listed}["6.2"] == "todo"
    iprcheck("mark", "8", "done")  # takes the lock the dead writer held, clears its copy
    assert stray_files() == []
    assert [c["obligation"] for c in history()] == ["7.2", "8.2"]


@posix_only
def test_kill_9_on_a_shell_loop_of_the_installed_command() -> None:
    """The same, with `iprcheck mark` itself: a loop of whole processes, killed at random."""
    iprcheck("init", "--province-type", "pilot")
    _grow(Path(LEDGER), 3000)
    loop = shlex.join([*IPRCHECK, "mark", "6", "done"])
    rng = random.Random(9)
    seen = len(ledger.read(Path(LEDGER)).events)
    for _ in range(8):
        shell = subprocess.Popen(
            ["sh", "-c", f"while :; do {loop} >/dev/null 2>&1; done"], start_new_session=True
        )
        time.sleep(rng.uniform(0.2, 0.5))  # a start-up (about 0.2 s) and then some marks
        os.killpg(shell.pid, signal.SIGKILL)
        shell.wait(10)
        listed = iprcheck("list", "--format", "json", check=False)
        assert listed.returncode == 0, listed.stderr
        now = len(ledger.read(Path(LEDGER)).events)
        assert now >= seen
        seen = now
    iprcheck("mark", "7", "done")
    assert stray_files() == []
    assert len(history()) == seen + 1


# ---------------------------------------------------------------------------------------------
# argv


ARGV_TEXTS = [
    "第一行\n第二行\r\n\ttab",
    "\"double\" 'single' `back` $HOME $(date) \\",
    "key: [1, 2]\n- {a: b}\n!!python/object/apply:os.system ['echo hi']",
    '{"after": {"status": "done"}}\n<script>alert(1)</script>',
    "🎉 𝕏 👩‍💻 é عربي \u2028\u2029 [/bold]",
    "知识产权" * 900,
]


def test_what_a_shell_passes_is_stored_exactly() -> None:
    iprcheck("init")
    for text in ARGV_TEXTS:
        iprcheck("mark", "6", "done", f"--note={text}", f"--evidence={text}", f"--by={text}")
    changes = history()
    assert [c["note"] for c in changes] == ARGV_TEXTS
    assert [c["evidence"] for c in changes] == [[t] for t in ARGV_TEXTS]
    assert [c["by"] for c in changes] == ARGV_TEXTS
    assert iprcheck("history").returncode == 0


@posix_only
def test_bytes_that_are_not_utf8_are_refused_not_stored() -> None:
    iprcheck("init")
    before = Path(LEDGER).read_bytes()
    for option in (b"--note=\xff\xfe", b"--evidence=a\xffb", b"--by=\xc3"):
        done = subprocess.run(
            [*IPRCHECK, "mark", "6", "done", option], capture_output=True, check=False
        )
        assert done.returncode == 2, done.stderr
        assert b"Traceback" not in done.stderr and b"UTF-8" in done.stderr
    assert Path(LEDGER).read_bytes() == before
    assert stray_files() == []
