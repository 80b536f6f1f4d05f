"""Does one long note stall a view? Whole processes on a ledger carrying a note of 300,000 and
of 1,600,000 characters, against the same ledger with a short note — a benchmark, not a test.

    python benchmarks/long_note.py                      # 300k and 1.6M, 3 timed runs each
    python benchmarks/long_note.py --chars 300000 --runs 5 --shape latin
    python benchmarks/long_note.py --timeout 60         # a run past 60 s is stopped and shown

The ledger is ``init --province 广东省 -p pilot-leading``, then three changes written straight
in the documented JSON Lines format: 4.3 blocked with the long note (the report's attention
list, the rollup's blocked list, ``show 4.3``, ``history``), 3.2 in progress with the same note
and an evidence reference as long (the report's notes), 17.2 waived with a short reason. The
rollup reads that ledger among 31 made with ``init``.

Shapes of the note (``--shape``; default all three): ``zh`` Chinese sentences with numbers,
units, Latin words and brackets, as an office writes; ``latin`` one run of letters with no
space (one unbreakable chunk: the case a line-cutter handles worst); ``punct`` a run of
characters that may not start a line (，。、), each of which the wrapping rule joins to what
comes before it. Output goes to a pipe (``/dev/null``) at ``COLUMNS=80`` in Chinese. Each row
gives the median of the timed runs, wall-clock and CPU seconds; a run stopped at the timeout
is shown as ``> N``.

Everything runs in a scratch folder with its own catalog cache; nothing of the user's is read
or written.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

IPRCHECK = [sys.executable, "-m", "iprcheck"]
PROVINCES = [
    "北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省",
    "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省",
    "湖南省", "广西壮族自治区", "海南省", "重庆市", "四川省", "贵州省", "云南省", "西藏自治区",
    "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区",
]  # fmt: skip
SENTENCE = "第3次推进会议（PCT国际申请）已召开，完成率85%，审查周期压减至16个月；运用促进处跟进。"
SHAPES = {
    "zh": lambda n: (SENTENCE * (n // len(SENTENCE) + 1))[:n],
    "latin": lambda n: "x" * n,
    "punct": lambda n: "，。、" * (n // 3) + "，" * (n % 3),
}
COMMANDS: list[tuple[str, list[str]]] = [
    ("report", ["report", "--as-of", "2020-09-30"]),
    ("report --format markdown", ["report", "--as-of", "2020-09-30", "--format", "markdown"]),
    ("rollup", ["rollup", "{country}"]),
    ("rollup --by measure", ["rollup", "{country}", "--by", "measure"]),
    ("rollup --format markdown", ["rollup", "{country}", "--format", "markdown"]),
    ("list --status blocked", ["list", "--status", "blocked"]),
    ("show 4.3", ["show", "4.3"]),
    ("history", ["history"]),
]


def run(
    args: list[str], env: dict[str, str], cwd: Path, timeout: float
) -> tuple[float, float] | None:
    """Seconds the process took, on the clock and of CPU (its own user + system time: the
    steadier figure on a busy machine); None if it was stopped at ``timeout``."""
    began = time.perf_counter()
    cpu = _children_cpu()
    try:
        done = subprocess.run(
            [*IPRCHECK, *args],
            env=env,
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return None
    if done.returncode not in (0, 1, 3):  # 1: the ledger has errors; 3: rollup left one out
        sys.exit(f"iprcheck {' '.join(args)} failed:\n{done.stderr.decode()}")
    return time.perf_counter() - began, _children_cpu() - cpu


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def event(oid: str, before: str, after: str, at: str, note: str, evidence: list[str]) -> str:
    record: dict[str, object] = {
        "event": str(uuid.uuid4()),
        "command": str(uuid.uuid4()),
        "at": at,
        "by": "张三",
        "kind": "status",
        "obligation": oid,
        "before": {"status": before},
        "after": {"status": after},
        "note": note,
    }
    if evidence:
        record["evidence"] = evidence
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": ")) + "\n"


def build(folder: Path, note: str, env: dict[str, str]) -> None:
    """``folder``: the province's ledger (iprcheck-ledger.jsonl) and ``country/``, 31 ledgers
    of which the first is a copy of it."""
    folder.mkdir(parents=True)
    init = ["init", "--province", "广东省", "-p", "pilot-leading"]
    subprocess.run([*IPRCHECK, *init], env=env, cwd=folder, check=True, capture_output=True)
    path = folder / "iprcheck-ledger.jsonl"
    with path.open("a", encoding="utf-8") as out:
        out.write(event("4.3", "todo", "blocked", "2020-07-08T10:00:00.000000+08:00", note, []))
        out.write(
            event("3.2", "todo", "in-progress", "2020-07-09T10:00:00.000000+08:00", note, [note])
        )
        out.write(event("17.2", "todo", "waived", "2020-07-10T10:00:00.000000+08:00", "不适用", []))
    country = folder / "country"
    (country / "00").mkdir(parents=True)
    shutil.copyfile(path, country / "00" / path.name)
    for n, name in enumerate(PROVINCES, start=1):
        unit = country / f"{n:02d}"
        unit.mkdir()
        made = ["init", "--province", name, "-p", "involved"]
        subprocess.run([*IPRCHECK, *made], env=env, cwd=unit, check=True, capture_output=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, action="append", help="note lengths (repeatable)")
    parser.add_argument("--shape", choices=sorted(SHAPES), action="append", help="repeatable")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per case (default 3)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs first (default 1)")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds before a stop")
    parser.add_argument("--only", action="append", help="commands whose name starts so")
    opts = parser.parse_args()
    lengths = opts.chars or [300_000, 1_600_000]
    shapes = opts.shape or ["zh", "latin", "punct"]
    commands = [c for c in COMMANDS if not opts.only or any(c[0].startswith(o) for o in opts.only)]

    scratch = Path(tempfile.mkdtemp(prefix="iprcheck-note-bench-"))
    env = {
        **os.environ,
        "IPRCHECK_CACHE_DIR": str(scratch / "cache"),
        "IPRCHECK_CONFIG_DIR": str(scratch / "config"),
        "IPRCHECK_LANG": "zh",
        "COLUMNS": "80",
        "NO_COLOR": "1",
        "LANG": "C.UTF-8",
    }
    for var in ("IPRCHECK_LEDGER", "IPRCHECK_TASKS", "PYTHONDONTWRITEBYTECODE"):
        env.pop(var, None)
    try:
        cases = [("short", "zh", 20)] + [(f"{n:,}", s, n) for n in lengths for s in shapes]
        print(f"median of {opts.runs} runs, whole processes ({sys.executable}), 80 columns, zh")
        print(f"{'command':<28}{'note':>12}{'shape':>7}{'wall s':>10}{'cpu s':>10}")
        for label, shape, chars in cases:
            folder = scratch / f"{shape}-{chars}"
            build(folder, SHAPES[shape](chars), env)
            for name, args in commands:
                argv = [a.replace("{country}", str(folder / "country")) for a in args]
                # Warm-up (.pyc files, caches); a case that cannot finish is not run again.
                warm = [run(argv, env, folder, opts.timeout) for _ in range(opts.warmup)]
                again = opts.runs if None not in warm else 0
                times = [run(argv, env, folder, opts.timeout) for _ in range(again)]
                done = [x for x in times if x is not None]
                if not done or len(done) < len(times):
                    shown = f"{f'> {opts.timeout:.0f}':>10}{'':>10}"
                else:
                    wall = statistics.median(x[0] for x in done)
                    cpu = statistics.median(x[1] for x in done)
                    shown = f"{wall:>10.2f}{cpu:>10.2f}"
                print(f"{name:<28}{label:>12}{shape:>7}{shown}", flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
