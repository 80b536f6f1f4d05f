"""How long ``iprcheck import`` takes to refuse each hostile 台账, and the most memory it holds.

Each bomb (``tests/hostile_sheets.py``) is made from a freshly exported 台账 and imported in a
process of its own under ``/usr/bin/time -v``; the table gives the file's size, the wall time,
the maximum resident set size, the exit code and the one line on stderr. The goal: every bomb
refused within 15 s and 500 MB, with one line that names the file. The ``near-limit`` files
are just within every bound: what the worst workbook iprcheck does read costs.

    .venv/bin/python benchmarks/import_bombs.py            # every bomb
    .venv/bin/python benchmarks/import_bombs.py --only wide-row --only styles
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from hostile_sheets import BOMBS, NEAR  # noqa: E402


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "IPRCHECK_LANG": "zh", "IPRCHECK_CACHE_DIR": str(cwd / "cache")}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def exported(work: Path) -> bytes:
    iprcheck = [sys.executable, "-m", "iprcheck"]
    run([*iprcheck, "init", "--province", "广东省", "--province-type", "pilot"], work)
    run([*iprcheck, "mark", "8.2", "in-progress", "--note", "推进中"], work)
    done = run([*iprcheck, "report", "--output", "台账.xlsx"], work)
    assert done.returncode == 0, done.stderr
    return (work / "台账.xlsx").read_bytes()


def measure(name: str, data: bytes, work: Path) -> dict[str, str]:
    path = work / f"{name}.xlsx"
    path.write_bytes(data)
    before = (work / "iprcheck-ledger.jsonl").read_bytes()
    done = run(["/usr/bin/time", "-v", sys.executable, "-m", "iprcheck", "import", path.name], work)
    stats = dict(
        line.strip().rsplit(": ", 1) for line in done.stderr.splitlines() if line[:1] == "\t"
    )
    said = [
        line
        for line in done.stderr.splitlines()
        if line and not line.startswith(("\t", "Command exited"))
    ]
    assert (work / "iprcheck-ledger.jsonl").read_bytes() == before, name
    return {
        "bomb": name,
        "file KB": f"{len(data) // 1024}",
        "wall s": stats.get("Elapsed (wall clock) time (h:mm:ss or m:ss)", "?"),
        "max RSS MB": f"{int(stats.get('Maximum resident set size (kbytes)', '0')) // 1024}",
        "exit": str(done.returncode),
        "stderr": " | ".join(said)[:110],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=sorted(BOMBS | NEAR))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        base = exported(work)
        made = BOMBS | NEAR
        rows = [measure(n, made[n](base), work) for n in args.only or made]
    heads = list(rows[0])
    print("| " + " | ".join(heads) + " |")
    print("|" + "---|" * len(heads))
    for row in rows:
        print("| " + " | ".join(row[h] for h in heads) + " |")


if __name__ == "__main__":
    main()
