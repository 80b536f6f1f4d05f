"""Help as a user reads it: in their language, within 80 columns, and in Chinese written for an
office — its words, its commands first, examples that run."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import typer.main
from conftest import as_typed

from iprcheck.cli import app
from iprcheck.i18n.help_zh import PAGES, PARAMS
from iprcheck.output.wrap import NO_END, NO_START, columns

if TYPE_CHECKING:
    from conftest import Cli

ROOT = typer.main.get_command(app)
COMMANDS = ROOT.list_commands(None)  # type: ignore[arg-type]


def commands_and_groups() -> list[tuple[str, object]]:
    """Every command as help names it ("mark", "config set"), with its Click command."""
    found: list[tuple[str, object]] = []
    for name in COMMANDS:
        command = ROOT.get_command(None, name)  # type: ignore[attr-defined, arg-type]
        found.append((name, command))
        for sub, inner in getattr(command, "commands", {}).items():
            found.append((f"{name} {sub}", inner))
    return found


EVERY = [name for name, _ in commands_and_groups()]


@pytest.fixture(autouse=True)
def _eighty_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")


def help_of(cli: Cli, lang: str, command: str) -> str:
    return cli.ok(*command.split(), "-h", lang=lang)


def test_every_command_option_and_argument_has_its_chinese_help() -> None:
    """A new command or option without its Chinese words would show English to an office."""
    missing = [name for name in ["", *EVERY] if name not in PAGES]
    for name, command in commands_and_groups():
        for param in command.params:  # type: ignore[attr-defined]
            if getattr(param, "hidden", False):
                continue
            if param.param_type_name == "argument":
                keys = [f"{name} {param.name}"]
            else:
                long = next(o for o in param.opts if o.startswith("--"))
                keys = [f"{name} {long}", long]
            if not any(k in PARAMS for k in keys):
                missing.append(keys[0])
    assert missing == []


@pytest.mark.parametrize("command", ["", *EVERY])
def test_help_fits_80_columns_and_breaks_only_where_a_line_may(cli: Cli, command: str) -> None:
    for lang in ("zh", "en"):
        text = help_of(cli, lang, command)
        lines = text.splitlines()
        assert max(columns(line) for line in lines) <= 80, text
        for a, b in zip(lines, lines[1:], strict=False):
            assert b.strip()[:1] not in NO_START, (a, b)
            assert a.rstrip()[-1:] not in NO_END, (a, b)
            # an option or a key is never cut at a hyphen, a file name never at its dot
            assert not re.search(r"(?:\w-|--)$", a.rstrip()), (a, b)
            extension = re.match(r"(?:html|xlsx|docx|csv|json|jsonl|yaml|pdf)\b", b.strip())
            assert not (a.rstrip().endswith(".") and extension), (a, b)


@pytest.mark.parametrize("command", ["", *EVERY])
def test_chinese_help_is_written_for_an_office(cli: Cli, command: str) -> None:
    text = help_of(cli, "zh", command)
    assert text.startswith("用法：iprcheck")
    assert re.search("^(通用)?选项(（.*）)?：$", text, re.MULTILINE), text
    assert "显示本帮助" in text and "示例：" in text
    for notation in ("OPTIONS", "COMMAND", "ARGS", "[", "]", "{", "}", "默认：", "x>=", "&&"):
        assert notation not in text, notation
    for jargon in ("退出码", "标准错误", "标准输出", "参数"):
        assert jargon not in text, jargon
    english = help_of(cli, "en", command)
    assert english.startswith("Usage: iprcheck") and "Show this message and exit." in english
    assert "用法" not in english and "选项" not in english


# What a Chinese page may hold in ASCII letters: command and option names, formats and file
# extensions, the keys people may type instead of the Chinese words, and the program's name.
ALLOWED = {
    *COMMANDS,
    *(w for name in EVERY for w in name.split()),
    "iprcheck", "help", "h", "n", "e", "p", "o", "f", "s", "t", "d", "r",
    "tasks", "ledger", "lang", "zh", "en", "version", "province", "type", "national",
    "department", "note", "evidence", "remove", "by", "dry", "run", "format", "output", "force",
    "as", "of", "since", "within", "owner", "due", "section", "task", "actor", "requirement",
    "full", "status", "sort", "strict", "progress", "name", "updated", "measure", "theirs",
    "internal", "office",
    "terminal", "table", "json", "csv", "markdown", "xlsx", "html", "docx", "pdf", "yaml",
    "jsonl", "txt", "YAML", "Word", "Excel", "D",
    "todo", "in", "done", "blocked", "waived",
}  # fmt: skip


def test_chinese_help_holds_no_english_words() -> None:
    words = {
        word
        for page in PAGES.values()
        for text in (page.summary, page.usage, page.text, *page.examples)
        for word in re.findall(r"[A-Za-z]+", text)
    }
    words |= {w for value, text in PARAMS.values() for w in re.findall(r"[A-Za-z]+", value + text)}
    assert words - ALLOWED == set()


def test_the_offices_commands_come_first(cli: Cli) -> None:
    for lang in ("zh", "en"):
        listed = re.findall(r"^  ([a-z]+) ", help_of(cli, lang, ""), re.MULTILINE)
        assert listed[:4] == ["init", "mark", "report", "import"], listed
        assert listed.index("validate") > listed.index("undo")
        assert set(listed) >= set(COMMANDS)


def test_chinese_usage_and_examples_use_the_words_people_type(cli: Cli) -> None:
    mark = help_of(cli, "zh", "mark")
    assert mark.startswith("用法：iprcheck mark 编号… 状态\n")
    assert "iprcheck mark 6 已完成 --evidence" in mark
    listing = help_of(cli, "zh", "list")
    assert "iprcheck list --section 一 --requirement 必做" in listing
    report = help_of(cli, "zh", "report")
    assert "不写时为 14 天" in report  # a default, said in words
    assert "--owner 处室" in report and "--within 天数" in report


@pytest.mark.slow  # some forty commands, Word and Excel files among what they write
def test_every_chinese_example_is_a_command_line_iprcheck_takes(
    cli_zh: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each example is run as typed, with a ledger of the province in the examples: none is a
    usage error; those needing only that ledger succeed."""
    assert cli_zh.run("init", "--province", "浙江省", "-p", "试点省").exit_code == 0
    assert cli_zh.run("assign", "8-10", "--owner", "运用促进处").exit_code == 0
    ledger = (tmp_path / "iprcheck-ledger.jsonl").read_bytes()
    needs_more = ("import", "merge", "rollup", "upgrade", "validate", "undo", "config", "lists")
    examples = [(name, e) for name, page in PAGES.items() for e in page.examples]
    for i, (name, example) in enumerate(examples):
        here = tmp_path / str(i)
        here.mkdir()
        monkeypatch.chdir(here)
        if not example.startswith("iprcheck init"):
            (here / "iprcheck-ledger.jsonl").write_bytes(ledger)
        result = cli_zh.run(*(a.strip('"') for a in example.split()[1:]))
        assert "用法错误" not in result.stderr, (example, result.stderr)
        if not name.startswith(needs_more):
            assert result.exit_code == 0, (example, result.output)
        shutil.rmtree(tmp_path / ".config", ignore_errors=True)  # config set …


def test_help_follows_lang_after_the_command(cli: Cli) -> None:
    result = as_typed("list", "-h", "--lang", "zh")
    assert result.exit_code == 0 and result.stdout.startswith("用法：iprcheck list")


def test_no_arguments_at_all_is_help(cli: Cli) -> None:
    result = as_typed(env={"IPRCHECK_LANG": "zh"})
    assert result.exit_code == 0 and result.stdout.startswith("用法：iprcheck 命令")
    assert cli.ok("config").startswith("Usage: iprcheck config")


def test_help_in_one_language_leaves_nothing_behind_for_the_next(cli: Cli) -> None:
    """Chinese help, then English, in one process: each as if alone."""
    assert help_of(cli, "zh", "list").startswith("用法：")
    english = help_of(cli, "en", "list")
    assert "Options:" in english and "选项" not in english


@pytest.mark.slow
def test_help_of_a_real_process_after_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "iprcheck", "list", "-h", "--lang", "zh"],
        capture_output=True,
        text=True,
        env={**os.environ, "LANG": "C.UTF-8", "IPRCHECK_LANG": "", "COLUMNS": "80"},
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("用法：iprcheck list")
