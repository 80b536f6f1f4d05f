"""What one long note costs the documents: `report` and `rollup` to Word, HTML and xlsx.

    python benchmarks/long_note_documents.py                 # 300,000 characters, 5 runs each
    python benchmarks/long_note_documents.py --chars 1000000 --runs 3

Whole processes, each started with this interpreter (``sys.executable -m iprcheck …``), in a
scratch folder holding two copies of a province's ledger that differ only in one note (4.3,
blocked): N characters in one, 20 in the other. Each command's median time is shown for both,
and their ratio. A document shows a page of a long note, how long it is and where to read it
whole (``src/iprcheck/output/excerpt.py``), so the ratio stays near 1 whatever N is; what is
left is reading the ledger's line. The terminal views are measured elsewhere.
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

PY = sys.executable
COMMANDS = [
    ("report docx", ["report", "--as-of", "2020-09-30", "-o", "out.docx"]),
    ("report html", ["report", "--as-of", "2020-09-30", "-o", "out.html"]),
    ("report xlsx", ["report", "--as-of", "2020-09-30", "-o", "out.xlsx"]),
    ("rollup docx", ["rollup", ".", "-o", "../out.docx"]),
    ("rollup html", ["rollup", ".", "-o", "../out.html"]),
    ("rollup xlsx", ["rollup", ".", "-o", "../out.xlsx"]),
]


def make_ledger(folder: Path, note: str) -> None:
    """浙江省, a pilot, with 4.3 blocked for the reason ``note``, through the library."""
    from iprcheck import ledger
    from iprcheck.tasklist import load

    catalog = load()
    path = folder / ledger.DEFAULT_NAME
    folder.mkdir(parents=True)
    ledger.init(path, catalog, province="浙江省", types=["pilot"], national=False, department=None)
    ledger.mark(path, catalog, ["6"], "done", note="已印发", evidence=["浙知发〔2020〕12号.pdf"],
                by="李明")  # fmt: skip
    ledger.mark(path, catalog, ["4.3"], "blocked", note=note, by="李明")


def timed(cwd: Path, args: list[str], env: dict[str, str]) -> float:
    for name in ("out.docx", "out.html", "out.xlsx"):
        for where in (cwd, cwd.parent):
            (where / name).unlink(missing_ok=True)
    start = time.perf_counter()
    subprocess.run([PY, "-m", "iprcheck", *args], cwd=cwd, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=300_000)
    parser.add_argument("--runs", type=int, default=5)
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        env = {**os.environ, "IPRCHECK_CACHE_DIR": str(root / "cache"), "IPRCHECK_LANG": "zh",
               "IPRCHECK_CONFIG_DIR": str(root / "config")}  # fmt: skip
        env.pop("IPRCHECK_LEDGER", None)
        long_note = ("进展说明，" * (opts.chars // 5 + 1))[: opts.chars]
        folders = {"short": root / "short" / "zj", "long": root / "long" / "zj"}
        make_ledger(folders["short"], "待国家局批复，已多次沟通，预计十月底前明确。"[:20])
        make_ledger(folders["long"], long_note)
        for folder in folders.values():  # warm: .pyc files and the catalog cache
            timed(folder, COMMANDS[0][1], env)
        print(f"one note of {opts.chars:,} characters; median of {opts.runs} runs, seconds")
        print(f"{'command':<14}{'short note':>12}{'long note':>12}{'ratio':>8}")
        for name, args in COMMANDS:
            times = {k: [timed(f, args, env) for _ in range(opts.runs)] for k, f in folders.items()}
            short, long = (statistics.median(times[k]) for k in ("short", "long"))
            print(f"{name:<14}{short:>12.2f}{long:>12.2f}{long / short:>8.2f}")


if __name__ == "__main__":
    main()
