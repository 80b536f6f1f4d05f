"""How `iprcheck rollup` grows with the number of ledgers and the length of each.

    python benchmarks/rollup_scale.py              # the default series, 5 timed runs each
    python benchmarks/rollup_scale.py --runs 9 --format table
    python benchmarks/rollup_scale.py --profile    # where the time goes, in-process, largest case

Whole processes, each started with this interpreter (``sys.executable -m iprcheck rollup DIR``),
so the figures include start-up. Floors measured in the same run: ``python -c pass``, floor A
(a hello-world Typer app, ``benchmarks/floor.py``), ``iprcheck --version``, and a rollup of one
empty ledger (start-up, the catalog, one file): the cases are shown above the last. Each case
reports the median and the fastest run; on a busy machine the fastest is the steadier figure,
and the straight-line fits use it. Ledgers are written in the documented JSON Lines format into
a scratch folder (random status changes, one to ten hours apart); nothing of the user's is read
or written.

Two series: ledgers × changes with the number of ledgers growing (31 → 1,000, 100 changes each),
and with the changes per ledger growing (31 ledgers, 10 → 3,000 changes). Time should grow in
a straight line with the total number of changes, on top of the start-up floor.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

PY = sys.executable
HERE = Path(__file__).resolve().parent
CST = timezone(timedelta(hours=8))
BY_LEDGERS = [(31, 100), (100, 100), (300, 100), (1000, 100)]
BY_CHANGES = [(31, 10), (31, 100), (31, 300), (31, 1000), (31, 3000)]
PROFILES = (
    ["all", "pilot", "pilot-leading"],
    ["all", "pilot", "pilot-supporting"],
    ["all", "pilot", "pilot-featured"],
    ["all", "involved"],
    ["all"],
)


def write_ledgers(root: Path, count: int, changes: int) -> None:
    from iprcheck.obligations import Profile, entries
    from iprcheck.tasklist import load

    catalog = load()
    units = [u.name for u in catalog.task_list.reporting_units]
    ids_for = {
        tuple(p): [e.obligation.id for e in entries(catalog.obligations, Profile.of(p))]
        for p in PROFILES
    }
    for i in range(count):
        rnd = random.Random(i)
        types = PROFILES[i % len(PROFILES)]
        ids = ids_for[tuple(types)]
        # The 31 provinces by name; beyond them, ledgers without one (named after the file).
        province = units[i] if count <= 31 else None
        header = {
            "format": "iprcheck-ledger",
            "version": 1,
            "ledger": str(uuid.UUID(int=rnd.getrandbits(128))),
            "created": "2020-03-01T09:00:00.000000+08:00",
            "province": province,
            "types": types,
            "national": False,
            "department": None,
            "list": {
                "id": catalog.task_list.id,
                "year": catalog.task_list.year,
                "title": catalog.task_list.title,
                "sha256": catalog.source.digest,
            },
        }
        lines = [header]
        at = datetime(2020, 3, 2, 9, tzinfo=CST)
        state: dict[str, str] = {}
        for _ in range(changes):
            at += timedelta(minutes=rnd.randint(60, 600))
            oid = rnd.choice(ids)
            after = rnd.choice(["in-progress", "done", "done", "blocked", "todo"])
            lines.append(
                {
                    "event": str(uuid.UUID(int=rnd.getrandbits(128))),
                    "command": str(uuid.UUID(int=rnd.getrandbits(128))),
                    "at": at.isoformat(timespec="microseconds"),
                    "by": "张三",
                    "kind": "status",
                    "obligation": oid,
                    "before": {"status": state.get(oid, "todo")},
                    "after": {"status": after},
                    "note": "已按计划推进，详见佐证材料",
                }
            )
            state[oid] = after
        folder = root / f"{i:04d}"
        folder.mkdir(parents=True)
        text = "".join(
            json.dumps(r, ensure_ascii=False, separators=(", ", ": ")) + "\n" for r in lines
        )
        (folder / "iprcheck-ledger.jsonl").write_text(text, encoding="utf-8")


def timed(argv: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    """(median, fastest) wall time of ``runs`` processes, after one warm-up."""
    samples = []
    for n in range(runs + 1):
        started = time.perf_counter()
        done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - started
        if done.returncode != 0:
            sys.exit(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.decode()}")
        if n:
            samples.append(elapsed)
    return statistics.median(samples), min(samples)


def slope(points: list[tuple[float, float]]) -> tuple[float, float, float]:
    """Least squares y = a + b·x, and r² (1.0 is a straight line)."""
    xs, ys = zip(*points, strict=True)
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    b = sum((x - mx) * (y - my) for x, y in points) / sxx
    a = my - b * mx
    ss_tot = sum((y - my) ** 2 for y in ys)
    ss_res = sum((y - a - b * x) ** 2 for x, y in points)
    return a, b, 1 - ss_res / ss_tot if ss_tot else 1.0


def profile(folder: Path) -> None:
    from iprcheck.output import View
    from iprcheck.output.rollup.to_json import to_json
    from iprcheck.reports.rollup import rollup
    from iprcheck.tasklist import load

    catalog = load()
    prof = cProfile.Profile()
    prof.enable()
    result = rollup([folder], catalog)
    to_json(result, View("en"))
    prof.disable()
    pstats.Stats(prof).sort_stats("tottime").print_stats(15)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per case")
    parser.add_argument("--format", default="json", help="rollup --format (default json)")
    parser.add_argument("--profile", action="store_true", help="profile the largest case")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="iprcheck-rollup-bench-") as tmp:
        work = Path(tmp)
        env = {k: v for k, v in os.environ.items() if not k.startswith("IPRCHECK_")}
        env |= {"IPRCHECK_CACHE_DIR": str(work / "cache"), "NO_COLOR": "1", "COLUMNS": "120"}
        # As benchmarks/run.py: a real install has its .pyc files; let the warm-up write them.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        cases = sorted(set(BY_LEDGERS + BY_CHANGES))
        started = time.perf_counter()
        for count, changes in cases:
            write_ledgers(work / f"{count}x{changes}", count, changes)
        print(f"wrote {len(cases)} sets of ledgers in {time.perf_counter() - started:.1f} s")
        if args.profile:
            profile(work / "1000x100")
            profile(work / "31x3000")
            return

        write_ledgers(work / "1x0", 1, 0)
        floors = {
            "python -c pass": [PY, "-c", "pass"],
            "floor A (typer hello world)": [PY, str(HERE / "floor.py")],
            "iprcheck --version": [PY, "-m", "iprcheck", "--version"],
            "rollup of 1 empty ledger": [
                *[PY, "-m", "iprcheck", "rollup", str(work / "1x0")],
                *["--format", args.format],
            ],
        }
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {args.runs} runs each,")
        print(f"medians; rollup --format {args.format} to /dev/null")
        floor_ms = {}
        for name, argv_ in floors.items():
            median, fastest = timed(argv_, env, args.runs)
            floor_ms[name] = fastest
            print(f"  {name:28s} median {median * 1000:5.0f} ms   fastest {fastest * 1000:5.0f} ms")
        floor = floor_ms["rollup of 1 empty ledger"]
        print()
        print(
            " ledgers  changes each  changes total  median ms  fastest ms  above floor  µs/change"
        )
        results: dict[tuple[int, int], float] = {}
        for count, changes in cases:
            argv = [PY, "-m", "iprcheck", "rollup", str(work / f"{count}x{changes}")]
            median, fastest = timed([*argv, "--format", args.format], env, args.runs)
            results[count, changes] = fastest
            total = count * changes
            above = fastest - floor
            print(
                f"{count:8d}  {changes:12d}  {total:13d}  {median * 1000:9.0f}"
                f"  {fastest * 1000:10.0f}  {above * 1000:11.0f}  {above / total * 1e6:9.1f}"
            )
        print()
        for label, series, x_of in (
            ("by ledgers (100 changes each)", BY_LEDGERS, lambda c: c[0]),
            ("by changes per ledger (31 ledgers)", BY_CHANGES, lambda c: c[1]),
        ):
            a, b, r2 = slope([(x_of(c), results[c]) for c in series])
            unit = "ledger" if "ledgers (" in label else "change per ledger"
            print(
                f"{label}: time ≈ {a * 1000:.0f} ms + {b * 1000:.3f} ms per {unit}  (r² = {r2:.4f})"
            )


if __name__ == "__main__":
    main()
