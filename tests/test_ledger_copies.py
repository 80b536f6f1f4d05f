"""Copies of ledgers as they travel: a province that starts from another's file is its own unit,
and a copy whose records were reworded never silently replaces the real change."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Cli

LEDGER = "iprcheck-ledger.jsonl"


def started(cli: Cli, folder: str, province: str, *marks: tuple[str, ...]) -> Path:
    path = Path(folder) / LEDGER
    cli.ok("--ledger", f"{folder}/", "init", "--province", province)
    for args in marks:
        cli.ok("--ledger", str(path), "mark", *args)
    return path


def rollup_json(cli: Cli, *paths: str) -> tuple[dict[str, dict[str, object]], str, int]:
    result = cli.run("rollup", *paths, "-f", "json")
    data = json.loads(result.stdout) if result.stdout else {"provinces": []}
    rows = {p["province"]: p for p in data["provinces"]}
    return rows, result.stderr, result.exit_code


def test_a_copied_template_is_two_units_each_counted_and_named(cli: Cli) -> None:
    zj = started(cli, "units/zj", "浙江省", ("1.2", "done", "-e", "浙知发〔2020〕1号"))
    gd = Path("units/gd") / LEDGER
    gd.parent.mkdir(parents=True)
    # Guangdong starts from Zhejiang's file and edits the province in its header.
    gd.write_text(zj.read_text(encoding="utf-8").replace("浙江省", "广东省", 1), encoding="utf-8")
    cli.ok("--ledger", str(gd), "mark", "2.2", "in-progress")
    rows, stderr, code = rollup_json(cli, "units")
    assert code == 0, stderr
    assert set(rows) == {"浙江省", "广东省"}
    assert rows["浙江省"]["mandatory"]["done"] == 1  # type: ignore[index]
    assert rows["广东省"]["mandatory"]["done"] == 1  # type: ignore[index]
    assert "浙江省" in stderr and "广东省" in stderr  # the shared id is named
    data = json.loads(cli.ok("rollup", "units", "-f", "json"))
    assert "广东省" not in data["missing"]


def test_a_reworded_copy_never_replaces_the_real_change(cli: Cli) -> None:
    real = started(cli, "gd", "广东省", ("1.2", "in-progress", "--note", "已部署"))
    copy = Path("mail") / "iprcheck-ledger(1).jsonl"
    copy.parent.mkdir()
    # The same record, reworded: the status claims done.
    text = real.read_text(encoding="utf-8")
    copy.write_text(text.replace('"in-progress"}', '"done"}'), encoding="utf-8")
    assert copy.read_text(encoding="utf-8") != text
    before = real.read_bytes()
    line = cli.refused("--ledger", str(real), "merge", str(copy))
    assert "1.2" in line
    assert real.read_bytes() == before
    started(cli, "zj", "浙江省")
    rows, stderr, code = rollup_json(cli, "mail", "gd", "zj")
    assert code == 3  # something left out, and said
    assert set(rows) == {"浙江省"}
    assert str(copy) in stderr and "1.2" in stderr


def test_copies_that_agree_are_still_one_ledger(cli: Cli) -> None:
    real = started(cli, "gd", "广东省", ("1.2", "done", "-e", "a.pdf"))
    Path("mail").mkdir()
    shutil.copy(real, Path("mail") / "copy.jsonl")
    cli.ok("--ledger", str(real), "mark", "2.2", "done", "-e", "b.pdf")
    rows, stderr, code = rollup_json(cli, "mail", "gd")
    assert code == 0, stderr
    assert rows["广东省"]["mandatory"]["done"] == 2  # type: ignore[index]
    assert rows["广东省"]["copies"] == 2
