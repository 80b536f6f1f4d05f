"""Does a year of changes slow the ledger down? — a benchmark, not a timed test.

    python benchmarks/ledger_scale.py              # 10,000 changes, 15 timed runs per command
    python benchmarks/ledger_scale.py --runs 30 --changes 20000

Builds a ledger holding ``--changes`` changes (written straight in the format the README
documents, for speed), then times whole processes against it and against an empty ledger, in
the same run: ``iprcheck mark 6 done`` (each run on a fresh copy, so every mark appends to the
same history) and ``iprcheck list --format json``. Runs alternate empty / large so that a noisy
moment hits both alike; medians are compared. The goal is a ratio of at most 1.2.

Everything runs in a scratch folder with its own catalog cache; nothing of the user's is read
or written.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

IPRCHECK = [sys.executable, "-m", "iprcheck"]
GOAL = 1.2
STATUSES = ["in-progress", "done", "blocked", "todo", "done"]
OWNERS = ["保护处", "运用促进处", "公共服务处", "办公室"]


def iprcheck(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    done = subprocess.run([*IPRCHECK, *args], env=env, capture_output=True, check=False)
    if done.returncode != 0:
        sys.exit(f"iprcheck {' '.join(args)} failed:\n{done.stderr.decode()}")
    return done


def tracked_ids(ledger: Path, env: dict[str, str]) -> list[str]:
    out = iprcheck("--ledger", str(ledger), "list", "--format", "json", env=env).stdout
    return [row["id"] for row in json.loads(out)]


def build_large(empty: Path, large: Path, changes: int, ids: list[str]) -> None:
    """The empty ledger's header, then ``changes`` changes over 300 days, in commands of 1–3:
    one in ten an assignment, the rest status changes, each with a note, one in twenty with a
    new evidence reference."""
    tz = timezone(timedelta(hours=8))
    start = datetime(2020, 3, 1, 9, 0, tzinfo=tz)
    step = timedelta(days=300) / changes
    status = dict.fromkeys(ids, "todo")
    owner: dict[str, str | None] = dict.fromkeys(ids, None)
    lines = [empty.read_text(encoding="utf-8")]
    n = 0
    while n < changes:
        command = str(uuid.uuid4())
        at = (start + step * n).isoformat(timespec="microseconds")
        size = min(1 + n % 3, changes - n)
        # One command's changes in the list's order, as iprcheck writes them.
        chosen = sorted({ids[(n + k * 7) % len(ids)] for k in range(size)}, key=ids.index)
        for k, oid in enumerate(chosen):
            record: dict[str, object] = {
                "event": str(uuid.uuid4()),
                "command": command,
                "at": at,
                "by": ["张三", "李四", "王五"][n % 3],
            }
            if n % 10 == 9:
                new_owner = OWNERS[n % len(OWNERS)]
                record |= {
                    "kind": "assign",
                    "obligation": oid,
                    "before": {"owner": owner[oid]},
                    "after": {"owner": new_owner},
                }
                owner[oid] = new_owner
            else:
                new = STATUSES[(n + k) % len(STATUSES)]
                record |= {
                    "kind": "status",
                    "obligation": oid,
                    "before": {"status": status[oid]},
                    "after": {"status": new},
                    "note": f"第 {n} 次更新：已报送材料，等待复核",
                }
                if n % 20 == 0:
                    record["evidence"] = [f"粤知函〔2020〕{n}号"]
                status[oid] = new
            lines.append(json.dumps(record, ensure_ascii=False, separators=(", ", ": ")) + "\n")
        n += len(chosen)
    large.write_text("".join(lines), encoding="utf-8")


def timed(args: list[str], env: dict[str, str]) -> float:
    began = time.perf_counter()
    iprcheck(*args, env=env)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per case (default 15)")
    parser.add_argument("--changes", type=int, default=10_000, help="changes in the large ledger")
    parser.add_argument("--warmup", type=int, default=3, help="untimed rounds first")
    opts = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="iprcheck-ledger-bench-"))
    env = {
        **os.environ,
        "IPRCHECK_CACHE_DIR": str(scratch / "cache"),
        "NO_COLOR": "1",
        "LANG": "C.UTF-8",
    }
    # Without .pyc files every run would compile iprcheck anew and the ratios would shrink.
    for var in ("IPRCHECK_LEDGER", "IPRCHECK_TASKS", "PYTHONDONTWRITEBYTECODE"):
        env.pop(var, None)
    try:
        empty, large = scratch / "empty.jsonl", scratch / "large.jsonl"
        iprcheck("--ledger", str(empty), "init", "--province", "广东省", "-p", "pilot", env=env)
        build_large(empty, large, opts.changes, tracked_ids(empty, env))
        size_kb = large.stat().st_size / 1024
        print(f"ledger with {opts.changes:,} changes: {size_kb:,.0f} KB")

        copy = scratch / "copy.jsonl"
        times: dict[tuple[str, str], list[float]] = {}
        for round_ in range(opts.warmup + opts.runs):
            for name, source in (("empty", empty), ("large", large)):
                shutil.copyfile(source, copy)
                mark = timed(["--ledger", str(copy), "mark", "6", "done"], env)
                listing = timed(["--ledger", str(source), "list", "--format", "json"], env)
                if round_ >= opts.warmup:
                    times.setdefault(("mark", name), []).append(mark)
                    times.setdefault(("list", name), []).append(listing)

        print(f"median of {opts.runs} runs, whole processes ({sys.executable})")
        print(f"{'command':<28}{'empty':>10}{'large':>10}{'ratio':>8}")
        worst = 0.0
        for command, label in (("mark", "mark 6 done"), ("list", "list --format json")):
            small = statistics.median(times[(command, "empty")])
            big = statistics.median(times[(command, "large")])
            ratio = big / small
            worst = max(worst, ratio)
            verdict = "ok" if ratio <= GOAL else f"over {GOAL}"
            print(f"{label:<28}{small * 1000:>8.0f}ms{big * 1000:>8.0f}ms{ratio:>7.2f}×  {verdict}")
        print(f"goal: ≤ {GOAL}×; worst {worst:.2f}×")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
