"""The one output pipeline: every workbook keeps text as text, every --output says
so on stderr, and each subject offers the formats the registry has writers for."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from conftest import ok, runner

from iprcheck.cli import app

NOTES = [
    "=1+1",
    "+SUM(A1:A9)",
    "@cmd",
    "-2+3",
    "进展\x1b[2J正常\x07",
    "零宽\u200b字符",
    "非字符\ufffe\uffff",  # no XML can hold them: they once crashed both workbook writers
]


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A ledger whose notes, evidence and owner hold formulas and control characters."""
    ok("init", "--province", "浙江省", "--province-type", "pilot")
    for n, note in enumerate(NOTES):
        ident = ["1", "2", "3", "4", "5", "6", "7"][n]
        ok("mark", ident, "in-progress", "--note", note, "--evidence", note)
    ok("assign", "8", "--owner", '=HYPERLINK("http://x")')
    return tmp_path


def _texts(path: Path) -> list[object]:
    book = openpyxl.load_workbook(path)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    formulas = [c.value for c in cells if c.data_type == "f"]
    assert formulas == [], formulas
    return [c.value for c in cells if isinstance(c.value, str)]


@pytest.mark.parametrize("command", [["report"], ["rollup", "."]], ids=["report", "rollup"])
def test_every_workbook_keeps_formulas_and_control_characters_as_text(
    hostile: Path, command: list[str]
) -> None:
    """Before the redesign, rollup -o r.xlsx stored '=1+1' as a live formula and crashed on a
    control character; the report's workbook did neither. Now one guard serves both."""
    out = hostile / "out.xlsx"
    result = runner.invoke(app, ["--lang", "en", *command, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stderr and "wrote" not in result.stdout
    texts = _texts(out)
    assert any(t == "=1+1" or t.endswith("=1+1") or "=1+1" in t for t in texts)
    joined = "\n".join(str(t) for t in texts)
    assert "\x1b" not in joined and "\x07" not in joined and "\u200b" not in joined
    assert "\\x1b" in joined and "\\u200b" in joined  # shown, not dropped
    assert "\\ufffe\\uffff" in joined and "\ufffe" not in joined


def test_each_command_offers_the_formats_a_user_can_read() -> None:
    offered = {
        "list": "table, json, csv, markdown",
        "history": "table, json",
    }
    for command, names in offered.items():
        bad = runner.invoke(app, ["--lang", "en", command, "--format", "pdf"])
        assert bad.exit_code == 2 and names in bad.stderr, bad.stderr
    bad = runner.invoke(app, ["list", "--format", "xlsx"])
    assert bad.exit_code == 2 and "table, json, csv, markdown" in bad.stderr
