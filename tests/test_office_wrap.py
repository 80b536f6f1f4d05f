"""#15, Chinese that reads well: the one wrapping rule over every text of the catalog, and no
English in a Chinese message."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from iprcheck.cli import app
from iprcheck.i18n import MESSAGES
from iprcheck.output.wrap import NO_END, NO_START, breaks, columns
from iprcheck.tasklist import load

SOLID = re.compile(r"(?:第)?[0-9]+(?:[./][0-9]+)*(?:%|个月|个|次|分)?|[A-Za-z][A-Za-z0-9.\-]*")


def texts() -> list[str]:
    catalog = load()
    out = []
    for s in catalog.task_list.sections:
        out.append(s.title)
        for task in s.tasks:
            out.append(task.title)
            out += [m.text for m in task.measures]
    return out


@pytest.mark.parametrize("width", range(60, 101, 4))
def test_every_catalog_text_wraps_by_the_rules(width: int) -> None:
    for text in texts():
        lines = breaks(text, width)
        assert "".join(lines) == text.replace(" ", "") or " ".join(lines).replace(" ", "") == (
            text.replace(" ", "")
        )
        for a, b in zip(lines, lines[1:], strict=False):
            assert b[:1] not in NO_START, (width, a, b)
            assert a[-1:] not in NO_END, (width, a, b)
        for line in lines:
            assert columns(line) <= width
        # No number (with its unit), Latin word or id is split across two lines.
        cuts, at = set(), 0
        for line in lines[:-1]:
            at = text.index(line, at) + len(line)
            cuts.add(at)
        for found in SOLID.finditer(text):
            inside = set(range(found.start() + 1, found.end()))
            assert not cuts & inside, (width, found.group(), lines)


def test_the_rule_in_brief() -> None:
    assert breaks("完成率在85%以上", 6) == ["完成率", "在85%", "以上"]
    assert breaks("审查周期压减至16个月以内", 18) == ["审查周期压减至", "16个月以内"]
    assert breaks("参加（PCT）会议。", 8) == ["参加", "（PCT）", "会议。"]
    assert breaks("第1次会议", 6) == ["第1次", "会议"]


def test_views_use_the_rule_at_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    runner = CliRunner()
    import os
    import subprocess
    import sys

    helped = subprocess.run(
        [sys.executable, "-m", "iprcheck", "--lang", "zh", "report", "-h"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80"},
        check=True,
    ).stdout
    outs = [
        runner.invoke(app, ["--lang", "zh", *a]).stdout
        for a in (["show", "6"], ["list", "--full"], ["show", "17"])
    ]
    for out in [*outs, helped]:
        args = out[:20]
        lines = out.splitlines()
        for a, b in zip(lines, lines[1:], strict=False):
            assert b.strip()[:1] not in NO_START - {"·", "—", "…"}, (args, a, b)
            assert a.rstrip()[-1:] not in NO_END, (args, a, b)
        assert max(columns(line) for line in lines) <= 80
        assert "16个\n" not in out and "8\n5%" not in out


def test_history_time_is_compact() -> None:
    runner = CliRunner()
    runner.invoke(app, ["mark", "6", "done"])
    out = runner.invoke(app, ["history"]).stdout
    assert re.search(r"^\d{4}-\d\d-\d\d \d\d:\d\d   ", out.splitlines()[2])


# What a Chinese message may hold in ASCII letters: commands, options, formats, file names,
# keys the user types, and placeholders.
ALLOWED = {
    "iprcheck", "list", "show", "search", "validate", "init", "mark", "history", "undo",
    "assign", "merge", "report", "check", "rollup", "done", "todo", "in", "progress",
    "blocked", "waived", "pilot", "leading", "supporting", "featured", "all", "involved",
    "national", "province", "mandatory", "optional", "table", "json", "csv", "markdown",
    "html", "xlsx", "md", "YAML", "yaml", "YYYY", "MM", "DD", "HH", "UTF", "jsonl", "ledger",
    "WPS", "Excel", "IPRCHECK_LANG", "IPRCHECK_LEDGER", "IPRCHECK_TASKS", "zh", "en", "tmp",
    "lock", "BOM", "ID", "STATUS", "TEXT", "Downloads", "ISO", "e", "g", "h", "tasks", "lang",
    "format", "output", "force", "strict", "note", "evidence", "by", "owner", "due", "since",
    "within", "status", "section", "task", "department", "actor", "requirement", "type",
    "full", "dry", "run", "sort", "as", "of", "help", "version", "name", "updated", "sha",
    "exe", "txt", "htm", "pdf", "CRLF", "LF", "PID", "PATH", "DATE", "NAME",
    "DIVISION", "DAYS", "OPTIONS", "FILE", "DEPT", "TYPE", "N", "REF", "ARGS", "Ctrl", "C",
    "profile", "upgrade", "import", "config", "types", "CSV", "GBK",
    "lists", "add", "remove", "replace", "Word", "docx", "doc", "xls", "wps", "PDF",
}  # fmt: skip
# Field names of the file formats (the task-list YAML, the ledger's JSON records), which a
# message about a file must name as the file spells them; and the formats' own words.
FIELDS = {
    "schema_version", "id", "sections", "completion", "mandatory_for", "optional_for", "rule",
    "targets", "text", "event", "obligation", "command", "before", "after", "undo_of", "JSON",
    "NUL", "UTC", "true", "false", "ud", "udfff",
}  # fmt: skip
ALLOWED |= FIELDS


def test_no_chinese_message_holds_english_words() -> None:
    bad = {}
    for key, (zh, _en) in MESSAGES.items():
        plain = re.sub(r"\{[^}]*\}", "", zh)  # placeholders
        plain = re.sub(r"--?[a-z][a-z-]*", "", plain)  # options
        plain = re.sub(r"[\w.-]+\.(?:jsonl|json|csv|md|xlsx|html|yaml|lock|tmp|pdf)", "", plain)
        words = set(re.findall(r"[A-Za-z][A-Za-z_]*", plain)) - ALLOWED
        if words:
            bad[key] = words
    assert not bad, bad
