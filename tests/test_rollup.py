"""The national rollup: numbers, skips, exit codes, and ledgers left untouched."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import msgspec
import pytest
from conftest import runner
from rollup_ledgers import make_country, snapshot, write_direct

from iprcheck import ledger
from iprcheck.cli import app
from iprcheck.numbers import percent
from iprcheck.reports.report import totals
from iprcheck.reports.rollup import Cell, cell, rollup
from iprcheck.tasklist import Catalog, load
from iprcheck.vocab import SortKey

BUNDLED = Path(__file__).resolve().parents[1] / "src" / "iprcheck" / "data" / "tasks_2020.yaml"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load()


@pytest.fixture(scope="module")
def country(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> Path:
    """31 provinces and the national office, made once for the module; tests only read it."""
    root = tmp_path_factory.mktemp("country")
    make_country(root, catalog)
    return root


@pytest.fixture(scope="module")
def misfits(tmp_path_factory: pytest.TempPathFactory, country: Path) -> dict[str, Path]:
    """A broken ledger, a second (separately made) ledger of a province, and a ledger of another
    task list. (A copy of a ledger is no misfit: the rollup joins copies.)"""
    root = tmp_path_factory.mktemp("misfits")
    broken = root / "broken" / ledger.DEFAULT_NAME
    broken.parent.mkdir()
    source = sorted(country.glob("05-*/*.jsonl"))[0]
    broken.write_bytes(source.read_bytes().replace(b"\n", b"\n{not json\n", 1))
    duplicate = root / "guangdong-second.jsonl"
    second = runner.invoke(app, ["--ledger", str(duplicate), "init", "--province", "广东省"])
    assert second.exit_code == 0, second.output
    modified = root / "tasks_2021.yaml"
    modified.write_text(
        BUNDLED.read_text(encoding="utf-8")
        .replace("year: 2020", "year: 2021", 1)
        .replace("id: cnipa-ip-high-quality-development-2020", "id: cnipa-2021", 1),
        encoding="utf-8",
    )
    other = root / "other-list" / "hebei.jsonl"
    other.parent.mkdir()
    made = runner.invoke(
        app,
        ["--tasks", str(modified), "--ledger", str(other), "init", "--province", "河北省"],
    )
    assert made.exit_code == 0, made.output
    return {"broken": broken, "duplicate": duplicate, "other": other, "tasks": modified}


def rollup_json(*args: str) -> tuple[int, dict[str, Any], str]:
    result = runner.invoke(app, ["rollup", *args, "--format", "json"])
    return result.exit_code, json.loads(result.stdout or "{}"), result.stderr


# ---------------------------------------------------------------------------------------------
# The numbers.


def test_every_number_equals_report_totals(country: Path, catalog: Catalog) -> None:
    code, data, err = rollup_json(str(country))
    assert code == 0, err
    assert data["skipped"] == []
    assert len(data["provinces"]) == 32
    names = {p["province"] for p in data["provinces"]}
    assert {u.name for u in catalog.task_list.reporting_units[:31]} < names
    for p in data["provinces"]:
        led = ledger.read(Path(p["path"]))
        expected = msgspec.to_builtins(totals(led.entries(catalog), led.state()))
        assert p["totals"] == expected, p["province"]
        m = expected["mandatory"]
        assert p["mandatory"] == {
            "done": m["done"],
            "total": m["total"],
            "percent": percent(m["done"], m["total"]),
        }
        assert p["blocked"] == m["blocked"] + expected["optional"]["blocked"]
        assert p["last_update"] == led.last_update
        assert p["national"] is led.header.national
        assert p["types"] == list(led.header.types)


def test_numbers_equal_the_report_command(country: Path) -> None:
    """Checked from outside: each province's totals are what `iprcheck report` says."""
    if runner.invoke(app, ["report", "--help"]).exit_code != 0:
        pytest.skip("`iprcheck report` does not exist yet")
    code, data, err = rollup_json(str(country))
    assert code == 0, err
    for p in data["provinces"]:
        result = runner.invoke(app, ["--ledger", p["path"], "report", "--format", "json"])
        assert result.exit_code == 0, result.output
        assert p["totals"] == json.loads(result.stdout)["totals"], p["province"]


def test_the_generated_ledgers_are_varied(country: Path) -> None:
    """The check above means something only if profiles and states differ across provinces."""
    _, data, _ = rollup_json(str(country))
    provinces = [p for p in data["provinces"] if not p["national"]]
    assert len({tuple(p["types"]) for p in provinces}) >= 6
    assert len({p["mandatory"]["total"] for p in provinces}) >= 4
    assert len({p["mandatory"]["done"] for p in provinces}) >= 5
    states = {s for p in provinces for s in p["cells"].values()}
    assert states == {c.value for c in Cell}
    assert any(p["totals"]["mandatory"]["waived"] for p in provinces)
    assert any(p["last_update"] is None for p in provinces)


def test_task_counts_recounted_from_the_ledgers(country: Path, catalog: Catalog) -> None:
    """Per task: a province owes it if it has a mandatory obligation there it has not waived,
    and has done it when all of those are done. The national office is not a province."""
    result = rollup([country], catalog)
    owe = dict.fromkeys(catalog.tasks, 0)
    done = dict.fromkeys(catalog.tasks, 0)
    for path in sorted(country.rglob("*.jsonl")):
        led = ledger.read(path)
        if led.header.national:
            continue
        state = led.state()
        for number in catalog.tasks:
            statuses = [
                state[e.obligation.id].status if e.obligation.id in state else "todo"
                for e in led.entries(catalog)
                if e.obligation.task.number == number
                and e.requirement is not None
                and e.requirement.value == "mandatory"
            ]
            statuses = [s for s in statuses if s != "waived"]
            if statuses:
                owe[number] += 1
                done[number] += all(s == "done" for s in statuses)
    assert {s.task.number: s.owe for s in result.tasks} == owe
    assert {s.task.number: s.done for s in result.tasks} == done
    assert any(owe.values()) and any(done.values())


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], Cell.NOT_APPLICABLE),
        (["done", "done"], Cell.DONE),
        (["done", "todo"], Cell.PARTLY_DONE),
        (["done", "in-progress"], Cell.PARTLY_DONE),
        (["in-progress", "todo"], Cell.IN_PROGRESS),
        (["todo"], Cell.NOT_STARTED),
        (["done", "blocked"], Cell.BLOCKED),
        (["blocked", "in-progress"], Cell.BLOCKED),
    ],
)
def test_cell_state(statuses: list[str], expected: Cell) -> None:
    assert cell(statuses) is expected


def test_waived_is_not_applicable_and_optional_cells_are_flagged(
    tmp_path: Path, catalog: Catalog
) -> None:
    path = tmp_path / "l.jsonl"
    ledger.init(
        path, catalog, province="江苏省", types=["pilot-leading"], national=False, department=None
    )
    ledger.mark(path, catalog, ["1.2"], "waived", note="已由其他工作覆盖", by="t")
    ledger.mark(path, catalog, ["16"], "in-progress", by="t")
    result = rollup([path], catalog)
    (row,) = result.rows
    assert row.cells[1].state is Cell.NOT_APPLICABLE
    assert row.cells[16].optional and row.cells[16].state is Cell.IN_PROGRESS
    assert row.cells[15].state is Cell.NOT_APPLICABLE  # no provincial measure in task 15
    by_task = {s.task.number: s for s in result.tasks}
    assert by_task[1].owe == 0 and by_task[16].owe == 0 and by_task[2].owe == 1


# ---------------------------------------------------------------------------------------------
# What is left out, and the exit codes.


def test_misfits_are_named_and_left_out(country: Path, misfits: dict[str, Path]) -> None:
    code, data, err = rollup_json(str(country), str(misfits["broken"].parents[1]))
    assert code == 3
    assert len(data["provinces"]) == 32  # the rest is still counted
    skipped = {s["path"]: s for s in data["skipped"]}
    assert skipped.keys() == {str(misfits[k]) for k in ("broken", "duplicate", "other")}
    assert skipped[str(misfits["broken"])]["code"] == "unreadable"
    assert "line 2" in skipped[str(misfits["broken"])]["reason"]
    assert skipped[str(misfits["duplicate"])]["code"] == "duplicate"
    assert "广东省" in skipped[str(misfits["duplicate"])]["reason"]
    assert skipped[str(misfits["other"])]["code"] == "other-list"
    for path in skipped:
        assert path in err  # each is named on stderr too
    assert err.count("left out: ") == 3
    # The second Guangdong ledger (no change yet: the older) is the one left out, and the
    # original's numbers are the ones shown.
    (gd,) = [p for p in data["provinces"] if p["province"] == "广东省"]
    assert Path(gd["path"]).parent.parent == country


def test_a_named_broken_file_is_left_out_and_the_table_still_prints(
    country: Path, misfits: dict[str, Path]
) -> None:
    result = runner.invoke(app, ["rollup", str(country), str(misfits["broken"])])
    assert result.exit_code == 3
    assert "国家" in result.stdout or "national office" in result.stdout
    assert str(misfits["broken"]) in result.stderr


def test_strict_makes_a_skip_fatal(country: Path, misfits: dict[str, Path]) -> None:
    result = runner.invoke(app, ["rollup", str(country), str(misfits["other"]), "--strict"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert str(misfits["other"]) in result.stderr
    assert "--strict" in result.stderr


def test_strict_without_skips_is_quiet(country: Path) -> None:
    result = runner.invoke(app, ["rollup", str(country), "--strict", "--format", "csv"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


def test_the_other_list_counts_under_its_own_list(misfits: dict[str, Path]) -> None:
    code, data, err = rollup_json(str(misfits["other"]))
    assert code == 1  # nothing of the bundled list's
    result = runner.invoke(
        app, ["--tasks", str(misfits["tasks"]), "rollup", str(misfits["other"]), "-f", "json"]
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["provinces"][0]["province"] == "河北省"


def test_nothing_to_roll_up_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = runner.invoke(app, ["rollup", "empty", "missing.jsonl"])
    assert result.exit_code == 1
    assert "no ledger in folder empty" in result.stderr
    assert "missing.jsonl" in result.stderr
    assert "no ledger to roll up" in result.stderr


def test_the_same_file_twice_counts_once(country: Path) -> None:
    one = sorted(country.glob("03-*/*.jsonl"))[0]
    code, data, err = rollup_json(str(country), str(one), str(one.parent))
    assert code == 0, err
    assert len(data["provinces"]) == 32


def test_lock_and_temporary_files_are_not_ledgers(tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "beijing"
    write_direct(folder / ledger.DEFAULT_NAME, catalog, "北京市", [], changes=5, seed=1)
    # A crash between writing the temporary copy and renaming it leaves this behind.
    shutil.copy(folder / ledger.DEFAULT_NAME, folder / ".iprcheck-ledger.jsonl.abc123.tmp")
    (folder / ".iprcheck-ledger.jsonl.lock").write_bytes(b"")
    (folder / "notes.txt").write_text("会议纪要\n", encoding="utf-8")
    (folder / "data.json").write_text('{"format": "something else"}\n', encoding="utf-8")
    code, data, err = rollup_json(str(tmp_path))
    assert code == 0, err
    assert [p["province"] for p in data["provinces"]] == ["北京市"]


def test_a_damaged_ledger_in_a_folder_is_named_not_silently_missed(
    tmp_path: Path, catalog: Catalog
) -> None:
    """A half-downloaded attachment, a copy an editor saved as UTF-16, a renamed copy whose
    header was cut: each is left out with its name and exit code 3, so the national total is
    never quietly short of a province. Files that are not ledgers stay ignored."""
    good = tmp_path / "in" / "gd.jsonl"
    write_direct(good, catalog, "广东省", [], changes=5, seed=1)
    text = good.read_text(encoding="utf-8")
    write_direct(tmp_path / "src" / "xj.jsonl", catalog, "新疆维吾尔自治区", [], changes=5, seed=2)
    other = (tmp_path / "src" / "xj.jsonl").read_text(encoding="utf-8")
    damaged = {
        "cut.jsonl": text.encode("utf-8")[:300],
        "utf16.jsonl": other.encode("utf-16"),
        "renamed.txt": other.encode("utf-8")[:200],
    }
    for name, data in damaged.items():
        (tmp_path / "in" / name).write_bytes(data)
    (tmp_path / "in" / "notes.txt").write_text("会议纪要\n", encoding="utf-8")
    code, data, err = rollup_json(str(tmp_path / "in"))
    assert code == 3, err
    assert [p["province"] for p in data["provinces"]] == ["广东省"]
    left_out = {Path(s["path"]).name: s["code"] for s in data["skipped"]}
    assert left_out == dict.fromkeys(damaged, "unreadable")


def test_a_mixed_up_timestamp_does_not_stop_the_rollup(tmp_path: Path, catalog: Catalog) -> None:
    """Hand-edited: one time without an offset among times with one. The reader cannot order
    them; the rollup leaves that ledger out and goes on."""
    write_direct(tmp_path / "a.jsonl", catalog, "北京市", [], changes=3, seed=1)
    odd = tmp_path / "b.jsonl"
    write_direct(odd, catalog, "天津市", [], changes=3, seed=2)
    text = odd.read_text(encoding="utf-8").splitlines(keepends=True)
    record = json.loads(text[1])
    record["at"] = record["at"][:26]  # drop the +08:00
    text[1] = json.dumps(record, ensure_ascii=False) + "\n"
    odd.write_text("".join(text), encoding="utf-8")
    code, data, err = rollup_json(str(tmp_path))
    assert [p["province"] for p in data["provinces"]] == ["北京市"]
    assert code == 3 and str(odd) in err


# ---------------------------------------------------------------------------------------------
# Names, rows, order.


def test_a_ledger_without_a_province_is_named_after_its_file(
    tmp_path: Path, catalog: Catalog
) -> None:
    ledger.init(
        tmp_path / "chongqing" / ledger.DEFAULT_NAME,
        catalog,
        province=None,
        types=["pilot"],
        national=False,
        department=None,
    )
    ledger.init(
        tmp_path / "xizang-2020.jsonl",
        catalog,
        province=None,
        types=[],
        national=False,
        department=None,
    )
    code, data, err = rollup_json(".", "--sort", "name")
    assert code == 0, err
    assert [(p["province"], p["name_source"]) for p in data["provinces"]] == [
        ("chongqing", "file"),
        ("xizang-2020", "file"),
    ]
    table = runner.invoke(app, ["rollup", "."])
    assert "chongqing*" in table.stdout and "xizang-2020*" in table.stdout
    assert "names no province" in table.stdout


def test_the_national_office_is_its_own_first_row(country: Path) -> None:
    for sort in ("progress", "name", "updated"):
        _, data, _ = rollup_json(str(country), "--sort", sort)
        assert data["provinces"][0]["national"] is True
        assert data["provinces"][0]["province"] == "国家知识产权局"
        assert not any(p["national"] for p in data["provinces"][1:])


def test_sort_orders(country: Path, catalog: Catalog) -> None:
    _, by_name, _ = rollup_json(str(country), "--sort", "name")
    official = [u.name for u in catalog.task_list.reporting_units[:31]]
    assert [p["province"] for p in by_name["provinces"][1:]] == official

    _, by_progress, _ = rollup_json(str(country), "--sort", "progress")
    shares = [
        p["mandatory"]["done"] / p["mandatory"]["total"] for p in by_progress["provinces"][1:]
    ]
    assert shares == sorted(shares, reverse=True)

    result = rollup([country], catalog, SortKey.UPDATED)
    times = [r.last_update for r in result.rows[1:]]
    assert times[-1] is None  # never updated: last
    dated = [t for t in times if t is not None]
    from datetime import datetime

    assert dated == sorted(dated, key=datetime.fromisoformat, reverse=True)


# ---------------------------------------------------------------------------------------------
# Read only.


def test_nothing_is_written_into_the_ledgers(country: Path, misfits: dict[str, Path]) -> None:
    before = snapshot(country), snapshot(misfits["broken"].parents[1])
    for fmt in ("table", "json", "csv", "markdown", "html"):
        runner.invoke(app, ["rollup", str(country), str(misfits["broken"].parents[1]), "-f", fmt])
    after = snapshot(country), snapshot(misfits["broken"].parents[1])
    assert after == before  # same files (no lock file made), same bytes, same times


# ---------------------------------------------------------------------------------------------
# Files.


def test_output_needs_force_and_is_replaced_whole(country: Path, tmp_path: Path) -> None:
    out = tmp_path / "rollup.json"
    out.write_text("keep me\n")
    result = runner.invoke(app, ["rollup", str(country), "-f", "json", "-o", str(out)])
    assert result.exit_code == 1
    assert "--force" in result.stderr
    assert out.read_text() == "keep me\n"
    result = runner.invoke(app, ["rollup", str(country), "-f", "json", "-o", str(out), "--force"])
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["provinces"]) == 32
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".rollup")] == []


def test_output_never_replaces_a_ledger_and_follows_its_extension(
    country: Path, tmp_path: Path
) -> None:
    one = sorted(country.glob("03-*/*.jsonl"))[0]
    before = one.read_bytes()
    result = runner.invoke(app, ["rollup", str(country), "-o", str(one), "--force"])
    assert result.exit_code == 1
    assert "is a ledger" in result.stderr
    assert one.read_bytes() == before
    out = tmp_path / "全国.html"
    result = runner.invoke(app, ["rollup", str(country), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html>")
    result = runner.invoke(app, ["rollup", str(country), "-o", str(tmp_path / "全国.pdf")])
    assert result.exit_code == 1 and "unknown extension" in result.stderr
    assert not (tmp_path / "全国.pdf").exists()


def test_a_real_process(country: Path, tmp_path: Path) -> None:
    """The installed module, as a user runs it, with the exit code a script would see."""
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "NO_COLOR": "1", "COLUMNS": "80"}
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"format": "iprcheck-ledger", "version": 99}\n')
    done = subprocess.run(
        [sys.executable, "-m", "iprcheck", "rollup", str(country), str(bad)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 3, done.stderr
    assert f"left out: cannot read ledger {bad}, line 1" in done.stderr
    lines = done.stdout.splitlines()
    assert sum(line.startswith(("national office", "Beijing", "Sichuan")) for line in lines) == 3
    assert "\x1b[" not in done.stdout
