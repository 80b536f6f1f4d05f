"""A 台账 from a stranger: damaged, cut, flipped, or built to inflate. Whatever it holds,
``iprcheck import`` says one line that names the file (never the ledger), exits 1 with no
traceback, and leaves the ledger's bytes as they were. Bombs are refused while they stream,
within a bounded amount of memory (the slow test caps the process at 512 MB)."""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import Cli, runner
from hostile_sheets import BOMBS, DAMAGED, OVER, mutants
from report_ledger import AS_OF


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, pilot_built: Path) -> dict[str, bytes]:
    """The pilot ledger's 台账, as xlsx and csv (made once for the module)."""

    from iprcheck.cli import app

    folder = tmp_path_factory.mktemp("exported")
    out = {}
    for kind in ("xlsx", "csv"):
        path = folder / f"台账.{kind}"
        result = runner.invoke(
            app,
            ["--lang", "zh", "--ledger", str(pilot_built), "report", "--as-of", AS_OF]
            + ["--output", str(path)],
            catch_exceptions=False,
        )
        assert result.exit_code == 0, result.output
        out[kind] = path.read_bytes()
    return out


def refused_alone(cli: Cli, ledger: Path, name: str) -> str:
    """The one line ``import`` refuses ``name`` with; the ledger untouched."""
    before = ledger.read_bytes()
    said = cli.refused("import", name)
    assert ledger.read_bytes() == before
    assert name in said and ledger.name not in said
    return said


@pytest.mark.parametrize("damage", list(DAMAGED.values()), ids=list(DAMAGED))
def test_a_damaged_workbook_is_one_line(
    cli_zh: Cli, pilot: Path, exported: dict[str, bytes], damage: object
) -> None:
    assert callable(damage)
    Path("坏.xlsx").write_bytes(damage(exported["xlsx"]))
    said = refused_alone(cli_zh, pilot, "坏.xlsx")
    assert "损坏" in said or "没有可见的工作表" in said, said


@pytest.mark.parametrize("bomb", list(OVER.values()), ids=list(OVER))
def test_a_workbook_past_a_bound_is_refused_naming_the_workbook(
    cli_zh: Cli, pilot: Path, exported: dict[str, bytes], bomb: object
) -> None:
    assert callable(bomb)
    Path("炸弹.xlsx").write_bytes(bomb(exported["xlsx"]))
    refused_alone(cli_zh, pilot, "炸弹.xlsx")


CSV_DAMAGE = {
    "bom-then-cut-mid-character": lambda d: d[: d.index("推进中".encode()) + 1],
    "neither-utf8-nor-gbk": lambda d: d.replace(b"\r\n", b"\x81\x20\r\n", 1)[3:],
    "nul-in-a-cell-import-reads": lambda d: d.replace("推进中".encode(), b"\x00", 1),
    "too-many-rows": lambda d: d + b"x\r\n" * 3000,
    "too-many-cells": lambda d: d + b"," * 1_000_001,
}


@pytest.mark.parametrize("damage", list(CSV_DAMAGE.values()), ids=list(CSV_DAMAGE))
def test_a_damaged_csv_is_one_line(
    cli_zh: Cli, pilot: Path, exported: dict[str, bytes], damage: object
) -> None:
    assert callable(damage)
    Path("坏.csv").write_bytes(damage(exported["csv"]))
    refused_alone(cli_zh, pilot, "坏.csv")


def test_a_csv_cell_longer_than_the_csv_module_allows_is_read_whole(
    cli_zh: Cli, pilot: Path, exported: dict[str, bytes]
) -> None:
    note = "很长的进展" * 40_000  # 200,000 characters: past the csv module's 131,072
    Path("长.csv").write_bytes(exported["csv"].replace("推进中".encode(), note.encode(), 1))
    assert "3.2" in cli_zh.ok("import", "长.csv")
    from iprcheck.ledger import read

    assert read(pilot).state()["3.2"].note == note


def _fuzz(cli: Cli, ledger: Path, data: bytes, suffix: str, count: int, seed: int) -> None:
    """Import ``count`` mutants of ``data``: each taken (exit 0) or refused with one line, never
    a traceback; a refusal leaves the ledger as it was."""
    for n, mutant in enumerate(mutants(data, count, seed)):
        name = f"m{n}{suffix}"
        Path(name).write_bytes(mutant)
        before = ledger.read_bytes()
        result = cli.run("import", name, "--dry-run")
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            n,
            result.output,
        )
        assert "Traceback" not in result.output
        if result.exit_code == 1:
            assert len(result.stderr.strip().splitlines()) == 1, (n, result.stderr)
        else:
            assert result.exit_code in (0, 3), (n, result.output)
        assert ledger.read_bytes() == before


def test_cut_and_flipped_workbooks_never_give_a_traceback(
    cli_zh: Cli, pilot: Path, exported: dict[str, bytes]
) -> None:
    _fuzz(cli_zh, pilot, exported["xlsx"], ".xlsx", 30, seed=20200930)


def test_cut_and_flipped_csvs_never_give_a_traceback(
    cli_zh: Cli, pilot: Path, exported: dict[str, bytes]
) -> None:
    _fuzz(cli_zh, pilot, exported["csv"], ".csv", 60, seed=20200930)


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_many_more_cut_and_flipped_files_never_give_a_traceback(
    cli_zh: Cli, pilot: Path, exported: dict[str, bytes], suffix: str
) -> None:
    _fuzz(cli_zh, pilot, exported[suffix[1:]], suffix, 300, seed=1)


def _capped() -> None:
    """512 MB of address space: a bomb that got through would fail here, not eat the machine."""
    import resource

    cap = 512 << 20
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_AS is POSIX")
def test_every_bomb_is_refused_within_bounded_memory(
    tmp_path: Path, pilot: Path, exported: dict[str, bytes]
) -> None:
    """Each bomb of tens of megabytes (a gigabyte declared), imported by a process of its own
    capped at 512 MB: refused with one line naming the file. (Their times are measured by
    ``benchmarks/import_bombs.py``.)"""
    env = {**os.environ, "IPRCHECK_LANG": "zh"}
    runs = {}
    for name, make in BOMBS.items():
        path = tmp_path / f"{name}.xlsx"
        path.write_bytes(make(exported["xlsx"]))
        runs[name] = subprocess.Popen(
            [sys.executable, "-m", "iprcheck", "import", path.name],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            preexec_fn=_capped,
        )
        if len([p for p in runs.values() if p.poll() is None]) >= 2:
            next(p for p in runs.values() if p.poll() is None).wait(timeout=300)
    before = pilot.read_bytes()
    for name, proc in runs.items():
        _, err = proc.communicate(timeout=300)
        said = err.decode("utf-8").strip().splitlines()
        assert proc.returncode == 1 and len(said) == 1, (name, said)
        assert f"{name}.xlsx" in said[0] and "Traceback" not in said[0], (name, said)
    assert pilot.read_bytes() == before


def test_a_bom_alone_is_an_empty_csv() -> None:
    """(The decoder behind the CSV reader: a BOM and nothing else is no text, not an error.)"""
    from iprcheck.sheets.csvfile import decoded

    assert decoded(codecs.BOM_UTF8, "x.csv") == ""
