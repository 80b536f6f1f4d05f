"""Where iprcheck keeps and writes its own files, strangers may have put something odd: a FIFO
where a cache entry lives, a settings file nested thirty thousand deep, a device behind an
--output name, a ledger whose header follows 70 KB of blank lines. Each is refused or passed
over at once, with one line, and nothing of the user's is replaced."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import Cli

BUNDLED = Path(__file__).parents[1] / "src" / "iprcheck" / "data" / "tasks_2020.yaml"


def iprcheck(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """A real process: a hang shows as a timeout, which fails the test (never a busy machine:
    a command takes well under a second, the limit is two minutes)."""
    return subprocess.run(
        [sys.executable, "-m", "iprcheck", "--lang", "en", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=os.environ.copy(),
    )


def test_a_fifo_where_a_cache_entry_lives_is_passed_over(tmp_path: Path) -> None:
    tasks = tmp_path / "tasks.yaml"
    tasks.write_bytes(BUNDLED.read_bytes().replace(b"# 2020", b"# a copy", 1))
    assert iprcheck("--tasks", str(tasks), "list", "-f", "json").returncode == 0
    entries = list(Path(os.environ["IPRCHECK_CACHE_DIR"]).rglob("*.json"))
    assert entries, "the first run kept the validated list in the cache"
    for entry in entries:
        entry.unlink()
        os.mkfifo(entry)
    again = iprcheck("--tasks", str(tasks), "list", "-f", "json")
    assert again.returncode == 0, again.stderr
    assert again.stdout.count('"id"') == 46


def test_a_settings_file_nested_beyond_reason_is_one_line(cli: Cli) -> None:
    folder = Path(os.environ["IPRCHECK_CONFIG_DIR"])
    folder.mkdir(parents=True)
    (folder / "config.toml").write_text("a = " + "[" * 30_000 + "]" * 30_000 + "\n")
    line = cli.refused("list")
    assert "config.toml" in line


@pytest.mark.slow
def test_settings_set_at_once_are_all_kept() -> None:
    """Three windows setting three things at the same moment, twenty times over."""
    for round_ in range(20):
        procs = [
            subprocess.Popen([sys.executable, "-m", "iprcheck", "config", "set", key, value])
            for key, value in (("by", f"李明{round_}"), ("lang", "zh"), ("ledger", f"台账{round_}"))
        ]
        assert [p.wait(timeout=120) for p in procs] == [0, 0, 0]
        listed = iprcheck("config", "list").stdout
        assert f"by = 李明{round_}" in listed and f"ledger = 台账{round_}" in listed, listed
        assert iprcheck("config", "unset", "lang").returncode == 0


def test_a_ledger_whose_header_follows_pages_of_blank_lines_is_never_replaced(
    cli: Cli,
) -> None:
    cli.ok("init", "--province", "广东省")
    ledger = Path("iprcheck-ledger.jsonl")
    padded = b"\n" * 70_000 + ledger.read_bytes()
    ledger.write_bytes(padded)
    cli.ok("list")  # the reader accepts blank lines before the header
    line = cli.refused("report", "--output", str(ledger), "--force")
    assert "ledger" in line
    assert ledger.read_bytes() == padded


def test_an_output_name_that_leads_to_a_device_is_refused_and_stays_a_link(cli: Cli) -> None:
    cli.ok("init", "--province", "广东省")
    link = Path("out.md")
    link.symlink_to(os.devnull)
    line = cli.refused("report", "--output", str(link), "--force")
    assert "out.md" in line
    assert link.is_symlink() and os.readlink(link) == os.devnull


def test_an_output_name_that_links_to_a_file_is_written_through(cli: Cli) -> None:
    cli.ok("init", "--province", "广东省")
    Path("shared").mkdir()
    target = Path("shared") / "report.md"
    target.write_text("old\n")
    link = Path("report.md")
    link.symlink_to(target)
    cli.ok("report", "--output", str(link), "--force")
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8").startswith("#")
