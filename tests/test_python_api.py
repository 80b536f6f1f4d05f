"""The library a script or a notebook calls: typed values in, one result type out, typed errors;
and the README's example, run as it is printed."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
from pathlib import Path

import pytest

import iprcheck

README = Path(__file__).parents[1] / "README.md"


def readme_example() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Python API", 1)[1]
    found = re.search(r"```python\n(.*?)```", section, re.S)
    assert found, "the README's Python API section has an example"
    return found.group(1)


def test_the_readme_example_runs_as_printed(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-c", readme_example()],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0] == "1 of 19 mandatory done"
    assert "8.2 未开始 运用促进处 2020-10-31" in lines
    assert lines[-1] == "浙江省 1/19"
    assert (tmp_path / "进展报告.docx").stat().st_size > 0


def test_all_names_what_the_library_offers() -> None:
    assert "LedgerFile" in iprcheck.__all__ and "Status" in iprcheck.__all__
    for name in iprcheck.__all__:
        assert getattr(iprcheck, name) is not None
    with pytest.raises(AttributeError):
        _ = iprcheck.no_such_thing  # type: ignore[attr-defined]


def test_every_recording_method_returns_one_result_type(tmp_path: Path) -> None:
    book = iprcheck.LedgerFile.create(tmp_path / "gd/", province="广东省")
    results = [
        book.mark(["1.2"], iprcheck.Status.IN_PROGRESS, note="已部署", by="甲"),
        book.assign(["1.2"], owner="保护处", due=datetime.date(2020, 6, 30), by="甲"),
        book.profile(types=["pilot"], by="甲"),
        book.undo(by="甲"),
    ]
    assert all(isinstance(r, iprcheck.Recorded) for r in results)
    assert [r.events[0].kind for r in results] == ["status", "assign", "profile", "profile"]
    (item,) = [i for i in book.items() if i.id == "1.2"]
    assert item.status is iprcheck.Status.IN_PROGRESS and item.owner == "保护处"
    assert [e.kind for e in book.history(["1.2"])] == ["status", "assign"]


def test_errors_are_typed_and_worded_in_either_language(tmp_path: Path) -> None:
    book = iprcheck.LedgerFile.create(tmp_path / "gd/", province="广东省")
    with pytest.raises(iprcheck.IprcheckError) as raised:
        book.mark(["99"], iprcheck.Status.DONE)
    assert "99" in raised.value.render("zh") and "99" in raised.value.render("en")
    with pytest.raises(iprcheck.LedgerError):
        iprcheck.LedgerFile.create(tmp_path / "gd/", province="广东省")  # never over one
    with pytest.raises(ValueError):
        book.mark(["1.2"], "已完成")  # type: ignore[arg-type]  # people's words: the CLI's


def test_write_refuses_to_replace_a_ledger(tmp_path: Path) -> None:
    book = iprcheck.LedgerFile.create(tmp_path / "gd/", province="广东省")
    before = book.path.read_bytes()
    with pytest.raises(iprcheck.IprcheckError):
        iprcheck.write(book.report(), book.path, force=True)
    assert book.path.read_bytes() == before
