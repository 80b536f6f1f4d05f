"""Do the caches earn their keep? Each one, timed with and without it, in the same run.

    python benchmarks/caches.py               # 15 timed runs of each pair
    python benchmarks/caches.py --runs 30

Each cache stays only where it saves at least 10 % of a command's time (see README.md,
"Caches"; a third, the compiled bundled list, saved nothing measurable and was removed):

- the *sealed catalog cache*: a list validated once is kept, by its bytes' sha256, in the user's
  cache folder. Without it every command on a list that is not bundled (one added from a
  notice, ``--tasks``) validates it with PyYAML and pydantic. Timed: ``list --format json`` on
  a copy of the bundled list given with ``--tasks``.
- *ledger snapshots*: the replayed state of a ledger of 200 changes or more, kept by its bytes'
  sha256. Timed on a ledger of 10,000 changes: ``list --format json``, ``mark``.

"Without" is the same installed code with a cache folder that can never be written (so
nothing is ever found in it). Pairs run alternately,
after warm-up rounds that also fill the caches; medians of wall and CPU time are printed, with
the saving. Everything runs in a scratch folder; nothing of the user's is read or written.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ledger_scale import build_large, iprcheck, tracked_ids  # noqa: E402
from run import run_once  # noqa: E402

PY = sys.executable


def pair_env(base: dict[str, str], cache: Path) -> dict[str, str]:
    return {**base, "IPRCHECK_CACHE_DIR": str(cache)}


def measure(
    pairs: list[tuple[str, list[str], dict[str, str], dict[str, str]]],
    runs: int,
    fresh: dict[str, tuple[Path, Path]],
) -> None:
    for name, args, with_env, without_env in pairs:
        times: dict[str, list[tuple[float, float]]] = {"with": [], "without": []}
        for n in range(runs + 2):
            for label, env in (("with", with_env), ("without", without_env)):
                if name in fresh:  # a mark appends: each run starts from the same ledger
                    shutil.copy(*fresh[name])
                wall, cpu, code = run_once([PY, "-m", "iprcheck", *args], env)
                if code != 0:
                    sys.exit(f"{name} ({label}) failed")
                if n >= 2:
                    times[label].append((wall, cpu))
        report(name, times)


def report(name: str, times: dict[str, list[tuple[float, float]]]) -> None:
    med = {
        label: (
            statistics.median(w for w, _ in xs) * 1000,
            statistics.median(c for _, c in xs) * 1000,
        )
        for label, xs in times.items()
    }
    (ww, wc), (ow, oc) = med["with"], med["without"]
    print(
        f"{name:<44} with {ww:6.0f} ms (cpu {wc:5.0f})   without {ow:6.0f} ms (cpu {oc:5.0f})"
        f"   saves {100 * (ow - ww) / ow:4.0f} % wall, {100 * (oc - wc) / oc:4.0f} % cpu"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        base = {**os.environ, "IPRCHECK_LANG": "en", "COLUMNS": "120"}
        base["IPRCHECK_CONFIG_DIR"] = str(work / "config")
        cache, nowhere = work / "cache", work / "a-file" / "cache"
        (work / "a-file").write_text("not a folder: this cache can never be written\n")
        tasks = work / "tasks.yaml"
        import iprcheck as installed

        bundled = Path(installed.__file__).parent / "data" / "tasks_2020.yaml"
        tasks.write_bytes(bundled.read_bytes() + b"\n# a copy, given with --tasks\n")

        env_with = pair_env(base, cache)
        small = work / "small.jsonl"
        iprcheck("--ledger", str(small), "init", "--province", "江苏省", env=env_with)
        empty, large, kept = work / "empty.jsonl", work / "large.jsonl", work / "large.kept"
        iprcheck("--ledger", str(empty), "init", "--province", "浙江省", env=env_with)
        build_large(empty, kept, 10_000, tracked_ids(empty, env_with))
        shutil.copy(kept, large)

        def on(ledger: Path, *args: str) -> list[str]:
            return ["--ledger", str(ledger), *args]

        sealed = pair_env(base, cache), pair_env(base, nowhere)
        pairs = [
            (
                "sealed catalog cache: --tasks FILE list -f json",
                ["--tasks", str(tasks), *on(small, "list", "-f", "json")],
                *sealed,
            ),
            ("snapshots, 10,000 changes: list -f json", on(large, "list", "-f", "json"), *sealed),
            ("snapshots, 10,000 changes: mark 6 done", on(large, "mark", "6", "done"), *sealed),
        ]
        fresh = {
            "snapshots, 10,000 changes: mark 6 done": (kept, large),
        }
        print(f"load average before the run: {os.getloadavg()}")
        measure(pairs, runs, fresh)


if __name__ == "__main__":
    main()
