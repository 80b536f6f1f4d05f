"""Time whole iprcheck processes against the floors of a hello-world Typer app.

    python benchmarks/run.py                 # every command, 15 timed runs each
    python benchmarks/run.py --runs 30 --only list-json --only mark
    python benchmarks/run.py --markdown      # the table as Markdown, for benchmarks/README.md

Every process is started with this interpreter (``sys.executable``): iprcheck as
``python -m iprcheck …``, the floors as ``python benchmarks/floor.py …``, and the baseline as
``python -c pass``. After warm-up rounds (which also fill the catalog cache and the .pyc files),
the commands run round-robin, the starting point rotating each round, so that a noisy moment on
the machine hits every command alike; the table shows medians. Commands that do not exist yet, or
fail, are listed as skipped with the reason: nothing here assumes the whole CLI is built.

Everything runs in a scratch folder with its own catalog cache, ledger and 31 province ledgers;
the user's real cache and ledgers are never touched.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable
IPRCHECK = [PY, "-m", "iprcheck"]

# The 31 provincial-level units, each given a profile in turn for the rollup ledgers.
PROVINCES = [
    "北京市",
    "天津市",
    "河北省",
    "山西省",
    "内蒙古自治区",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "上海市",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "广西壮族自治区",
    "海南省",
    "重庆市",
    "四川省",
    "贵州省",
    "云南省",
    "西藏自治区",
    "陕西省",
    "甘肃省",
    "青海省",
    "宁夏回族自治区",
    "新疆维吾尔自治区",
]
PROFILES = (["pilot-leading"], ["pilot-supporting"], ["pilot-featured"], ["involved"], [])


@dataclass
class Bench:
    key: str  # what --only matches
    name: str
    argv: list[str]
    # (floor, factor): the goal is median <= factor x that floor's median. None: no goal.
    target: tuple[str, float] | None = None
    # The subcommand that must exist (checked with `iprcheck SUB --help`) before this row runs.
    needs: str | None = None
    env: dict[str, str] = field(default_factory=dict)
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    skipped: str | None = None


def benches(work: Path) -> list[Bench]:
    floor_a, floor_b = str(HERE / "floor.py"), str(HERE / "floor_table.py")
    nocache = str(work / "not-a-dir" / "cache")  # under a file: the cache can never be written
    return [
        Bench("pass", "python -c pass", [PY, "-c", "pass"]),
        Bench("floor-a", "floor A (typer, 30 KB)", [PY, floor_a, "--name", "bench"]),
        Bench("floor-b", "floor B (typer + rich table)", [PY, floor_b, "--name", "bench"]),
        Bench("help", "--help", [*IPRCHECK, "--help"], ("B", 1.3)),
        Bench(
            "list-json",
            "list --format json",
            [*IPRCHECK, "list", "--format", "json"],
            ("A", 1.25),
            "list",
        ),
        Bench(
            "list-table",
            "list -p pilot (table)",
            [*IPRCHECK, "list", "-p", "pilot"],
            ("B", 1.20),
            "list",
        ),
        Bench("show", "show 6", [*IPRCHECK, "show", "6"], ("B", 1.20), "show"),
        Bench(
            "mark",
            "mark 6 done --note …",
            [*IPRCHECK, "mark", "6", "done", "--note", "round {n}"],
            ("A", 1.25),
            "mark",
        ),
        Bench("report", "report", [*IPRCHECK, "report"], ("B", 1.20), "report"),
        Bench(
            "report-json",
            "report --format json",
            [*IPRCHECK, "report", "--format", "json"],
            ("A", 1.25),
            "report",
        ),
        Bench("validate", "validate", [*IPRCHECK, "validate"], ("B", 1.5), "validate"),
        Bench(
            "rollup",
            "rollup (31 ledgers)",
            [*IPRCHECK, "rollup", str(work / "provinces")],
            ("B", 1.5),
            "rollup",
        ),
        # Not a goal: what list --format json costs on a list read from YAML and validated, as
        # any list but the bundled one is when the catalog cache cannot be used.
        Bench(
            "list-json-nocache",
            "list --format json, --tasks, no cache",
            [
                *IPRCHECK,
                "--tasks",
                str(HERE.parent / "data" / "tasks_2020.yaml"),
                "list",
                "--format",
                "json",
            ],
            None,
            "list",
            {"IPRCHECK_CACHE_DIR": nocache},
        ),
    ]


FLOORS = {
    "pass": "python -c pass",
    "A": "floor A (typer, 30 KB)",
    "B": "floor B (typer + rich table)",
}


# ---------------------------------------------------------------------------------------------
# Processes


def run_once(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and exit code of one process, output discarded."""
    if hasattr(os, "posix_spawn") and hasattr(os, "wait4"):
        actions = [
            (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
            (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
            (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
        ]
        start = time.perf_counter()
        pid = os.posix_spawn(argv[0], list(argv), env, file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
        return wall, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)
    start = time.perf_counter()
    code = subprocess.call(
        argv,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start, float("nan"), code


def probe(argv: Sequence[str], env: dict[str, str], cwd: Path | None = None) -> str | None:
    """None if the command succeeds, else why not (its last line of stderr)."""
    done = subprocess.run(
        argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True, text=True
    )
    if done.returncode == 0:
        return None
    lines = [line.strip() for line in (done.stderr or done.stdout).splitlines() if line.strip()]
    why = lines[-1] if lines else "no output"
    return f"exit {done.returncode}: {why[:90]}"


def setup(work: Path, env: dict[str, str], wanted: list[Bench]) -> None:
    """A scratch ledger (the current folder of every run) and, if needed, 31 province ledgers."""
    names = {b.needs for b in wanted if b.needs}
    exists = {sub: probe([*IPRCHECK, sub, "--help"], env) is None for sub in names | {"init"}}
    for b in wanted:
        if b.needs and not exists[b.needs]:
            b.skipped = f"`iprcheck {b.needs}` does not exist yet"
    ledger = work / "ledger"
    ledger.mkdir()
    if exists["init"]:
        probe([*IPRCHECK, "init", "--province", "江苏省", "-p", "pilot-leading"], env, ledger)
    if exists.get("mark"):
        probe([*IPRCHECK, "mark", "1", "2", "in-progress"], env, ledger)
    rollup = next((b for b in wanted if b.needs == "rollup" and not b.skipped), None)
    if rollup is not None:
        why = make_provinces(work / "provinces", env, exists["init"], bool(exists.get("mark")))
        if why:
            rollup.skipped = f"could not make 31 ledgers ({why})"


def make_provinces(root: Path, env: dict[str, str], has_init: bool, has_mark: bool) -> str | None:
    if not has_init:
        return "`iprcheck init` does not exist yet"

    def one(i: int) -> str | None:
        folder = root / f"{i + 1:02d}"
        folder.mkdir(parents=True)
        types = [a for t in PROFILES[i % len(PROFILES)] for a in ("-p", t)]
        why = probe([*IPRCHECK, "init", "--province", PROVINCES[i], *types], env, folder)
        if why is None and has_mark:
            # Varied progress; a mark that does not apply to the profile is fine to lose.
            for ids, status in ((["1", "2"], "done"), ([str(3 + i % 10)], "in-progress")):
                probe([*IPRCHECK, "mark", *ids, status], env, folder)
        return why

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        errors = [e for e in pool.map(one, range(len(PROVINCES))) if e]
    return errors[0] if errors else None


def measure(active: list[Bench], env: dict[str, str], warmup: int, runs: int) -> None:
    """Round-robin: each round runs every command once, starting one further along each time."""
    for r in range(warmup + runs):
        shift = r % len(active)
        for b in active[shift:] + active[:shift]:
            if b.skipped:
                continue
            # {n}: the round, so that a mark records a change every time (one that changes
            # nothing is not recorded, and is cheaper).
            argv = [a.replace("{n}", str(r)) for a in b.argv]
            wall, cpu, code = run_once(argv, env | b.env)
            if code != 0:
                b.skipped = probe(b.argv, env | b.env) or f"exit {code}"
            elif r >= warmup:
                b.wall.append(wall)
                b.cpu.append(cpu)


# ---------------------------------------------------------------------------------------------
# Results


def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def rows(all_benches: list[Bench], clock: str) -> tuple[list[list[str]], list[str]]:
    """One row per command timed; ratios and goals use ``clock`` (wall or cpu) medians."""

    def times(b: Bench) -> list[float]:
        return b.cpu if clock == "cpu" else b.wall

    by_name = {b.name: b for b in all_benches}
    floor = {k: median(times(by_name[v])) for k, v in FLOORS.items()}
    table, notes = [], []
    for b in all_benches:
        if b.skipped:
            notes.append(f"{b.name}: skipped — {b.skipped}")
            continue
        m = median(times(b))
        q = statistics.quantiles(b.wall, n=4) if len(b.wall) >= 2 else [m, m, m]
        goal, verdict = "", ""
        if b.target:
            which, factor = b.target
            goal = f"≤ {factor:.2f}× {which}"
            verdict = "PASS" if m <= factor * floor[which] else "MISS"
        table.append(
            [
                b.name,
                f"{median(b.wall) * 1000:.1f}",
                f"{(q[2] - q[0]) * 1000:.1f}",
                f"{median(b.cpu) * 1000:.1f}",
                f"{m / floor['pass']:.2f}",
                f"{m / floor['A']:.2f}",
                f"{m / floor['B']:.2f}",
                goal,
                verdict,
            ]
        )
    return table, notes


HEAD = ["command", "median ms", "IQR ms", "cpu ms", "× pass", "× A", "× B", "goal", ""]


def render_text(table: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [HEAD, *table]) for i in range(len(HEAD))]
    out = []
    for r in [HEAD, *table]:
        cells = [
            c.ljust(w) if i in (0, 7, 8) else c.rjust(w)
            for i, (c, w) in enumerate(zip(r, widths, strict=True))
        ]
        out.append("  ".join(cells).rstrip())
    return "\n".join(out)


def render_markdown(table: list[list[str]]) -> str:
    out = [
        "| " + " | ".join(HEAD) + " |",
        "|" + "|".join([":--"] + ["--:"] * 6 + [":--"] * 2) + "|",
    ]
    out += [
        "| " + " | ".join(f"`{r[0]}`" if i == 0 else c for i, c in enumerate(r)) + " |"
        for r in table
    ]
    return "\n".join(out)


def versions() -> str:
    # This interpreter is the one every timed process runs, so its packages are theirs.
    from importlib import metadata

    found = []
    for name in ("typer", "click", "rich", "pydantic", "PyYAML"):
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"no {name}")
    return ", ".join(found)


def machine(load: tuple[float, ...]) -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} CPUs ({cpu}), "
        f"Python {platform.python_version()} ({PY}); load average before the run "
        + (" ".join(f"{x:.2f}" for x in load) or "unknown")
    )


def main(argv: list[str] | None = None, out: Callable[[str], None] = print) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=15, help="timed runs per command (default 15)")
    parser.add_argument("--warmup", type=int, default=2, help="untimed rounds first (default 2)")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help="run only the commands whose key contains NAME (repeatable); the floors always run. "
        "Keys: help, list-json, list-table, show, mark, report, report-json, validate, rollup, "
        "list-json-nocache",
    )
    parser.add_argument(
        "--clock",
        choices=["wall", "cpu"],
        default="wall",
        help="which median the ratios and goals use: wall-clock time (default), or the process's "
        "own CPU time (user + system), steadier when other work shares the machine",
    )
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    started = time.perf_counter()
    load = os.getloadavg() if hasattr(os, "getloadavg") else ()
    with tempfile.TemporaryDirectory(prefix="iprcheck-bench-") as tmp:
        work = Path(tmp)
        (work / "not-a-dir").write_text("a file, so that no cache can be made under it\n")
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith("IPRCHECK_") and k not in ("NO_COLOR", "FORCE_COLOR")
        }
        env |= {
            "IPRCHECK_CACHE_DIR": str(work / "cache"),
            "COLUMNS": "120",
            "LINES": "50",
            "IPRCHECK_LANG": "en",
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        all_benches = benches(work)
        floors = set(FLOORS.values())
        wanted = [
            b
            for b in all_benches
            if b.name in floors or not args.only or any(o.lower() in b.key for o in args.only)
        ]
        setup(work, env, [b for b in wanted if b.name not in floors])
        # Every run starts in the scratch ledger's folder; posix_spawn inherits the cwd.
        here = Path.cwd()
        os.chdir(work / "ledger")
        try:
            measure(wanted, env, args.warmup, args.runs)
        finally:
            os.chdir(here)

    table, notes = rows(wanted, args.clock)
    out(
        f"iprcheck benchmark: median of {args.runs} runs after {args.warmup} warm-up rounds; "
        f"ratios and goals on {args.clock} time"
    )
    out(machine(load))
    if load and load[0] > (os.cpu_count() or 1) / 2 and args.clock == "wall":
        out(
            "Note: the machine is busy, so wall-clock times include waiting for a CPU; the cpu\n"
            "column (and --clock cpu) measures the processes themselves and is steadier."
        )
    out(versions())
    out("")
    out(render_markdown(table) if args.markdown else render_text(table))
    for note in notes:
        out(f"- {note}")
    missed = [r[0] for r in table if r[8] == "MISS"]
    out("")
    out(
        f"commands timed: {len(table) - 3}; goals missed: {len(missed)}; "
        f"took {time.perf_counter() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
