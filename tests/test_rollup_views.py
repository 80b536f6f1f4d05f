"""The rollup's views: the 31-row matrix in a terminal; CSV, Markdown, HTML and xlsx files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import runner
from rich.cells import cell_len
from rollup_ledgers import make_country

from iprcheck import ledger
from iprcheck.cli import app
from iprcheck.output.rollup.labels import GLYPH
from iprcheck.reports.rollup import Cell
from iprcheck.tasklist import Catalog, load


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load()


@pytest.fixture(scope="module")
def country(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> Path:
    root = tmp_path_factory.mktemp("country")
    make_country(root, catalog)
    return root


def data_of(country: Path) -> dict:  # type: ignore[type-arg]
    result = runner.invoke(app, ["rollup", str(country), "-f", "json", "--sort", "name"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_matrix_fits_a_normal_terminal(
    country: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = runner.invoke(app, ["--lang", lang, "rollup", str(country), "--sort", "name"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    assert "\x1b[" not in result.stdout  # NO_COLOR, and not a terminal: plain text
    assert "…" not in "".join(lines[1:40])  # nothing in the matrix cut short
    first = "国家知识产权局" if lang == "zh" else "national office"
    start = next(i for i, line in enumerate(lines) if line.startswith(first))
    rows = [line for line in lines[start:] if line.strip()][:32]
    assert rows[1].startswith("北京市" if lang == "zh" else "Beijing")
    assert rows[-1].startswith("新疆维吾尔自治区" if lang == "zh" else "Xinjiang")
    # Header, national row, 31 provinces and the legend fit one 50-line screen.
    # The legend now says what it is: 图例： / Key:
    legend = next(i for i, line in enumerate(lines) if line.startswith(("图例：# ", "Key: # ")))
    assert legend < 45


def test_matrix_cells_are_the_json_cells(country: Path) -> None:
    data = data_of(country)
    result = runner.invoke(app, ["rollup", str(country), "--sort", "name"])
    lines = result.stdout.splitlines()
    for p in data["provinces"][1:]:
        name = p["province"]
        english = next(u.name_en for u in load().task_list.reporting_units if u.name == name)
        (line,) = [line for line in lines if line.startswith(english + " ")]
        strip = "".join(GLYPH[Cell(p["cells"][str(n)])] for n in range(1, 20))
        assert strip == "".join(line[len(english) :].split()[:6])
        m = p["mandatory"]
        assert f" {m['done']}/{m['total']} " in line and f" {m['percent']}% " in line


def test_legend_and_task_counts_are_shown(country: Path) -> None:
    data = data_of(country)
    out = runner.invoke(app, ["rollup", str(country)]).stdout
    for c in Cell:
        assert f"{GLYPH[c]} {c.value.replace('-', ' ')}" in out
    owe_line = next(line for line in out.splitlines() if line.startswith("owe "))
    assert owe_line.split()[1:] == [str(t["owe"]) for t in data["tasks"]]
    done_line = next(line for line in out.splitlines() if line.startswith("done "))
    assert done_line.split()[1:] == [str(t["done"]) for t in data["tasks"]]


def test_json_shape(country: Path) -> None:
    data = data_of(country)
    assert data["format"] == "iprcheck-rollup" and data["version"] == 1
    assert {"provinces", "tasks", "skipped"} <= data.keys()
    p = data["provinces"][1]
    assert {"province", "path", "totals"} <= p.keys()
    assert set(p["totals"]) == {"mandatory", "optional"}
    assert set(p["totals"]["mandatory"]) == {
        "total",
        "todo",
        "in-progress",
        "done",
        "blocked",
        "waived",
    }
    assert [t["task"] for t in data["tasks"]] == list(range(1, 20))
    assert {"owe", "done"} <= data["tasks"][0].keys()


def test_csv_has_one_row_per_ledger(country: Path) -> None:
    data = data_of(country)
    result = runner.invoke(app, ["rollup", str(country), "-f", "csv", "--sort", "name"])
    assert result.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    # Then one row per unit that sent nothing: here the 兵团, name_source "missing".
    missing = [r for r in rows if r["name_source"] == "missing"]
    assert [r["province"] for r in missing] == data["missing"] == ["新疆生产建设兵团"]
    rows = [r for r in rows if r["name_source"] != "missing"]
    assert len(rows) == 32
    for row, p in zip(rows, data["provinces"], strict=True):
        assert row["province"] == p["province"]
        assert int(row["mandatory_done"]) == p["totals"]["mandatory"]["done"]
        assert int(row["optional_waived"]) == p["totals"]["optional"]["waived"]
        assert row["task_7"] == p["cells"]["7"]


def test_csv_keeps_a_file_name_from_becoming_a_formula(country: Path) -> None:
    import shutil

    shutil.copy(next(country.rglob("*.jsonl")), "=1+1.jsonl")  # in the current folder
    result = runner.invoke(app, ["rollup", "=1+1.jsonl", "-f", "csv"])
    assert result.exit_code == 0, result.output
    row, *missing = csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff")))
    assert row["path"] == "'=1+1.jsonl"
    assert len(missing) == 31 and {r["name_source"] for r in missing} == {"missing"}


def test_markdown(country: Path) -> None:
    out = runner.invoke(app, ["--lang", "zh", "rollup", str(country), "-f", "markdown"]).stdout
    assert out.startswith("# 2020年推动知识产权高质量发展任务清单 · 全国汇总")
    table = [line for line in out.splitlines() if line.startswith("| ")]
    assert len({line.count("|") for line in table[:33]}) == 1  # a well-formed table
    assert "| 广东省 |" in out


def test_html_is_self_contained_and_escapes_names(tmp_path: Path, catalog: Catalog) -> None:
    evil = "<img src=x onerror=alert(1)>"
    ledger.init(
        tmp_path / f"{evil}.jsonl",
        catalog,
        province=None,
        types=[],
        national=False,
        department=None,
    )
    ledger.init(
        tmp_path / "gd.jsonl",
        catalog,
        province="广东省",
        types=["pilot-leading"],
        national=False,
        department=None,
    )
    ledger.mark(tmp_path / "gd.jsonl", catalog, ["1", "2"], "done", by="t")
    result = runner.invoke(app, ["rollup", ".", "-f", "html", "-o", "r.html"])
    assert result.exit_code == 0, result.stderr
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert evil not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script" not in html and "http://" not in html and "https://" not in html
    assert html.count('class="cell done') >= 2  # the heat map's cells


def test_xlsx_one_sheet_for_the_matrix_and_one_per_province(country: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    data = data_of(country)
    result = runner.invoke(
        app, ["rollup", str(country), "-f", "xlsx", "-o", "r.xlsx", "--sort", "name"]
    )
    assert result.exit_code == 0, result.stderr
    wb = load_workbook(tmp_path / "r.xlsx")
    # the matrix, every blocked reason (this country has some), then a sheet per province
    assert wb.sheetnames[1] == "Blocked"
    assert len(wb.sheetnames) == 2 + 32
    assert wb.sheetnames[2:5] == ["national office", "Beijing", "Tianjin"]
    matrix = wb.worksheets[0]
    head = next(
        i for i, row in enumerate(matrix.iter_rows(values_only=True), 1) if row[0] == "Province"
    )
    for p, row in zip(
        data["provinces"],
        matrix.iter_rows(min_row=head + 1, max_row=head + 32, values_only=True),
        strict=True,
    ):
        m = p["mandatory"]
        assert row[1] == f"{m['done']}/{m['total']}"
        assert row[5] == p["cells"]["1"].replace("-", " ")
    beijing = wb["Beijing"]
    ids = [r[0] for r in beijing.iter_rows(min_row=5, values_only=True) if r[0]]
    assert (
        len(ids)
        == data["provinces"][1]["totals"]["mandatory"]["total"]
        + data["provinces"][1]["totals"]["optional"]["total"]
    )


def test_xlsx_to_a_pipe(country: Path) -> None:
    result = runner.invoke(app, ["rollup", str(country), "-f", "xlsx"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes.startswith(b"PK")
