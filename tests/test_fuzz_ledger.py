"""A seeded fuzz of the ledger reader, black-box: damaged copies of a real ledger, read by every
reading command, must each end in an answer — exit 0, 1 (or 3 for a rollup), a few lines on
stderr, never a traceback, never a hang.

Two kinds of damage. What a file goes through on its way between offices: cut at any byte, a
byte flipped, a line lost or doubled, two lines swapped (``mutations``). And what a hand edit or
another program may leave: one value in one record of the wrong type or out of range, or a key
missing (``typed_mutations``). The seed is fixed, so a failure names a mutation that reproduces
with the same seed and number.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

SEED = 20201231
MUTATIONS = 25
# A command takes about 0.1 s alone, seconds on a busy machine; one that has not answered in two
# minutes hangs. (Only a hang pays this wait: a busy machine never fails the test.)
TIMEOUT = 120.0
LEDGER = "iprcheck-ledger.jsonl"

# Every reading command, as (args, allowed exit codes). Outputs go outside the ledger's folder,
# so that the rollup of that folder sees the ledger alone.
READS: list[tuple[list[str], set[int]]] = [
    (["list"], {0, 1}),
    (["list", "-f", "json"], {0, 1}),
    (["report"], {0, 1}),
    (["report", "-f", "json", "-o", "../out/r.json", "--force"], {0, 1}),
    (["report", "-f", "markdown", "-o", "../out/r.md", "--force"], {0, 1}),
    (["report", "-f", "csv", "-o", "../out/r.csv", "--force"], {0, 1}),
    (["report", "-f", "html", "-o", "../out/r.html", "--force"], {0, 1}),
    (["report", "-f", "xlsx", "-o", "../out/r.xlsx", "--force"], {0, 1}),
    (["history"], {0, 1}),
    (["history", "-f", "json"], {0, 1}),
    (["check"], {0, 1}),
    (["show", "6"], {0, 1}),
    (["rollup", "."], {0, 1, 3}),
    (["rollup", ".", "-f", "json"], {0, 1, 3}),
]
PER_MUTATION = 6  # commands run on each mutation, rotating through READS: each runs ~10 times
MAX_STDERR_LINES = 3


@dataclass(frozen=True)
class Mutation:
    number: int
    what: str
    data: bytes


def env_for(cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("IPRCHECK_")}
    env |= {"IPRCHECK_CACHE_DIR": str(cache), "IPRCHECK_LANG": "en", "NO_COLOR": "1"}
    return env


def run(cwd: Path, args: list[str], env: dict[str, str]) -> tuple[int | None, str, str]:
    """Exit code (None: it hung and was killed), stdout, stderr."""
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "iprcheck", *args],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return None, "", ""
    return (
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
    )


def base_ledger(folder: Path, env: dict[str, str]) -> bytes:
    """A real ledger: a pilot province, marks with notes and evidence, an assignment, an undo."""
    folder.mkdir(parents=True)
    commands = [
        ["init", "--province", "广东省", "--province-type", "pilot-leading"],
        ["mark", "6", "done", "-e", "粤知函〔2020〕12号.pdf", "-n", "已完成预审质量检查"],
        ["mark", "1-3", "in-progress", "-n", "进行中", "--by", "李明"],
        ["mark", "4.3", "blocked", "-n", "待国家局批复"],
        ["assign", "8-10", "--owner", "运用促进处", "--due", "2020-10-31"],
        ["mark", "17", "waived", "-n", "今年无国际会议承办计划"],
        ["mark", "12", "done", "-e", "a.pdf", "-e", "b.pdf"],
        ["undo"],
        ["mark", "9.3", "done", "-e", "=1+1", "-n", "[bold]x[/bold] ![i](http://e)"],
    ]
    for args in commands:
        code, out, err = run(folder, args, env)
        assert code == 0, (args, out, err)
    return (folder / LEDGER).read_bytes()


def mutations(data: bytes, rng: random.Random, count: int) -> list[Mutation]:
    def cut(d: bytes) -> tuple[str, bytes]:
        at = rng.randrange(len(d))
        return f"cut at byte {at}", d[:at]

    def flip(d: bytes) -> tuple[str, bytes]:
        at, bit = rng.randrange(len(d)), 1 << rng.randrange(8)
        return f"byte {at} xor {bit:#04x}", d[:at] + bytes([d[at] ^ bit]) + d[at + 1 :]

    def smash(d: bytes) -> tuple[str, bytes]:
        at = rng.randrange(len(d))
        new = rng.choice(b'{}[]":,\n\r\\0-9eE.\x00\xff\xc3 ')
        return f"byte {at} := {new:#04x}", d[:at] + bytes([new]) + d[at + 1 :]

    def lines_op(d: bytes) -> tuple[str, bytes]:
        lines = d.splitlines(keepends=True)
        i = rng.randrange(len(lines))
        op = rng.choice(["duplicate", "delete", "swap-with-next", "move-to-end"])
        if op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "delete":
            del lines[i]
        elif op == "swap-with-next" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        else:
            lines.append(lines.pop(i))
        return f"line {i + 1}: {op}", b"".join(lines)

    kinds: list[Callable[[bytes], tuple[str, bytes]]] = [cut, flip, smash, lines_op]
    out = []
    for n in range(count):
        d, steps = data, []
        for _ in range(rng.choice([1, 1, 1, 2, 3])):  # mostly one damage, sometimes a few
            if not d:
                break
            what, d = rng.choice(kinds)(d)
            steps.append(what)
        out.append(Mutation(n, "; ".join(steps), d))
    return out


# Values a record's field may be replaced with: wrong types, edges of ranges, look-alikes.
ODD_VALUES: list[object] = [
    float("inf"),
    float("-inf"),
    float("nan"),
    1e308,
    -1,
    0,
    2**70,
    True,
    None,
    "",
    " ",
    "x",
    [],
    {},
    ["x"],
    {"status": "done"},
    "2020-13-45",
    "2020-06-01T09:00:00",
    "9999-12-31T23:59:59+14:00",
    "1.1",
    "99.9",
    "done",
    "\u202e",
]


def typed_mutations(data: bytes, rng: random.Random, count: int) -> list[Mutation]:
    lines = data.decode("utf-8").splitlines()

    def places(value: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        out = [path]
        if isinstance(value, dict):
            for key, item in value.items():
                out += places(item, (*path, key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                out += places(item, (*path, i))
        return out

    out = []
    for n in range(count):
        i = rng.randrange(len(lines))
        record = json.loads(lines[i])
        path = rng.choice(places(record)[1:])  # a field, not the whole record
        *within, last = path
        holder = record
        for key in within:
            holder = holder[key]
        if rng.random() < 0.2 and isinstance(holder, dict):
            del holder[last]
            what = f"line {i + 1}: {'/'.join(map(str, path))} deleted"
        else:
            value = rng.choice(ODD_VALUES)
            holder[last] = value
            what = f"line {i + 1}: {'/'.join(map(str, path))} := {value!r}"
        new = [*lines[:i], json.dumps(record, ensure_ascii=False), *lines[i + 1 :]]
        out.append(Mutation(n, what, ("\n".join(new) + "\n").encode("utf-8")))
    return out


def problem(args: list[str], allowed: set[int], result: tuple[int | None, str, str]) -> str | None:
    code, _, err = result
    if code is None:
        return f"hangs (no answer in {TIMEOUT} s)"
    if "Traceback" in err:
        return "traceback: " + " | ".join(err.strip().splitlines()[-2:])
    if code not in allowed:
        return f"exit {code}: {err.strip()[:200]}"
    if len(err.strip().splitlines()) > MAX_STDERR_LINES:
        return f"{len(err.splitlines())} lines on stderr: {err[:200]}"
    return None


def fuzz(tmp_path: Path, make: Callable[[bytes, random.Random, int], list[Mutation]]) -> None:
    env = env_for(tmp_path / "cache")
    data = base_ledger(tmp_path / "base", env)
    assert data.count(b"\n") >= 10
    cases = []
    for m in make(data, random.Random(SEED), MUTATIONS):
        folder = tmp_path / f"m{m.number:02d}" / "ledger"
        folder.mkdir(parents=True)
        (folder.parent / "out").mkdir()
        (folder / LEDGER).write_bytes(m.data)
        for k in range(PER_MUTATION):
            args, allowed = READS[(m.number * PER_MUTATION + k) % len(READS)]
            cases.append((m, folder, args, allowed))
    # Reading commands on separate folders: they may run side by side.
    with ThreadPoolExecutor(max_workers=max(2, min(8, 2 * (os.cpu_count() or 1)))) as pool:
        results = list(pool.map(lambda c: run(c[1], c[2], env), cases))
    found = []
    for (m, _, args, allowed), result in zip(cases, results, strict=True):
        why = problem(args, allowed, result)
        if why:
            found.append(f"mutation {m.number} ({m.what}), iprcheck {' '.join(args)}: {why}")
    assert not found, f"seed {SEED}:\n" + "\n".join(found)


@pytest.mark.slow
def test_damaged_ledgers_get_an_answer_never_a_crash(tmp_path: Path) -> None:
    fuzz(tmp_path, mutations)


@pytest.mark.slow
def test_mistyped_values_get_an_answer_never_a_crash(tmp_path: Path) -> None:
    fuzz(tmp_path, typed_mutations)
