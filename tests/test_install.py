"""A real, non-editable install into a fresh venv, run from another folder.

This is what proves tasks_2020.yaml ships inside the wheel and loads through importlib.resources:
an editable install (the one the rest of the suite runs on) reads it from the source tree.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from source_document import parse

ROOT = Path(__file__).resolve().parent.parent


def _env() -> dict[str, str]:
    # The user's pip configuration (an index mirror, say) stays; conftest has already sent
    # caches to tmp_path.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "IPRCHECK_TASKS")
    }
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PIP_NO_INPUT"] = "1"
    return env


def _run(args: list[str | Path], cwd: Path, env: dict[str, str], timeout: int = 240) -> str:
    done = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.mark.slow
def test_a_wheel_install_runs_from_anywhere(tmp_path: Path) -> None:
    env = _env()
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", venv], tmp_path, env)
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    _run([bin_dir / "python", "-m", "pip", "install", "-q", ROOT], tmp_path, env)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = _run(
        [bin_dir / "python", "-c", "import iprcheck; print(iprcheck.__file__)"], elsewhere, env
    )
    assert Path(where.strip()).is_relative_to(venv), "imported from the venv, not the source tree"

    out = _run(
        [bin_dir / "iprcheck", "list", "--province-type", "pilot", "--format", "json"],
        elsewhere,
        env,
    )
    rows = json.loads(out)
    _, tasks = parse()
    pilot_rules = {
        "各类省份必做",
        "各类省份选做",
        "知识产权强省建设试点省必做",
        "引领型、支撑型知识产权强省试点省必做，其他省份选做",
    }
    expected = [
        f"{t.number}.{n}"
        for t in tasks
        for n, (_, rule) in enumerate(t.provincial, start=2)
        if rule in pilot_rules
    ]
    assert [r["id"] for r in rows] == expected

    summary = _run([bin_dir / "iprcheck", "validate"], elsewhere, env)
    assert "6 sections, 19 tasks, 46 measures" in summary
    version = _run([bin_dir / "python", "-m", "iprcheck", "--version"], elsewhere, env)
    assert version.startswith("iprcheck ")
