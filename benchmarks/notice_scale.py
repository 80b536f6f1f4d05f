"""Is reading a notice linear in its size? — a benchmark, not a timed test.

    python benchmarks/notice_scale.py              # 1 MB and 10 MB copies, 5 timed runs each
    python benchmarks/notice_scale.py --runs 9

Builds flattened one-line copies of the plan family (the 2020 measures as 46 items, each item's
text repeated to make the copy 1 MB and then 10 MB), and hostile ones of the same sizes that a
backtracking parser would choke on (a run of item numbers "1.1.1.", of brackets "（（（", of
"负责）负责）"), then times whole processes of ``iprcheck lists add FILE --dry-run``. Each size
runs in turn with the other, medians are compared: linear reading gives a ratio near 10 for
ten times the bytes (less, since start-up is the same), quadratic a ratio near 100. The goal
is a ratio of at most 12.

Everything runs in a scratch folder with its own settings and cache; nothing of the user's is
read or written.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent / "tests"))

GOAL = 12.0
MB = 1_000_000


def plan_copy(size: int) -> str:
    from notice_builders import PlanItem, one_line, plan_items, plan_lines

    items = plan_items()
    plain = len(one_line(plan_lines(front=True)).encode("utf-8"))
    times = max(1, size // plain)
    grown = [PlanItem(i.number, i.task, i.actor, i.text * times, i.departments) for i in items]
    return one_line(plan_lines(front=True, items=grown))


def hostile(kind: str, size: int) -> str:
    head = "2021年推动知识产权高质量发展推进计划 一、保护 （一）保护 1. "
    unit = {"numbers": "1.1.1.", "brackets": "（（（", "suffixes": "负责）"}[kind]
    return head + unit * (size // len(unit.encode("utf-8")))


def timed(path: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "iprcheck", "lists", "add", str(path), "--dry-run"],
        env=env,
        capture_output=True,
        check=False,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        env = {
            **os.environ,
            "IPRCHECK_CONFIG_DIR": str(root / "config"),
            "IPRCHECK_CACHE_DIR": str(root / "cache"),
            "IPRCHECK_LANG": "en",
        }
        failed = False
        for kind in ("plan", "numbers", "brackets", "suffixes"):
            files = []
            for size in (MB, 10 * MB):
                text = plan_copy(size) if kind == "plan" else hostile(kind, size)
                path = root / f"{kind}-{size // MB}MB.txt"
                path.write_text(text, encoding="utf-8")
                files.append(path)
            small: list[float] = []
            large: list[float] = []
            for _ in range(args.runs):
                small.append(timed(files[0], env))
                large.append(timed(files[1], env))
            a, b = statistics.median(small), statistics.median(large)
            ratio = b / a
            failed |= ratio > GOAL
            print(
                f"{kind:9} 1 MB {a * 1000:7.0f} ms   10 MB {b * 1000:7.0f} ms   ratio {ratio:4.1f}"
            )
        print(f"goal: ratio at most {GOAL}" + ("  FAILED" if failed else "  met"))
        sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
