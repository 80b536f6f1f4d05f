"""The command line as Typer and Click document it: global options before or after the command,
every mistake one line in the user's language naming the help to read, and nothing of the
framework's private parts used (so a Typer release with a fix can be taken)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import iprcheck

if TYPE_CHECKING:
    from conftest import Cli


def test_global_options_after_the_command_win_over_those_before(cli: Cli) -> None:
    cli.ok("--ledger", "a.jsonl", "init", "--province", "浙江省")
    cli.ok("init", "--province", "江苏省", "--ledger", "b.jsonl")
    assert "江苏省" in cli.ok("--ledger", "a.jsonl", "list", "--ledger", "b.jsonl", "-t", "6")
    assert "浙江省" in cli.ok("list", "-t", "6", "--ledger=a.jsonl")
    listed = cli.run("--lang", "en", "list", "-t", "6", "--ledger", "a.jsonl", "--lang", "zh")
    assert "浙江省 · 省份类型" in listed.stdout


def test_a_global_option_from_the_environment_gives_way_to_one_typed(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli.ok("--ledger", "a.jsonl", "init", "--province", "浙江省")
    cli.ok("--ledger", "b.jsonl", "init", "--province", "江苏省")
    monkeypatch.setenv("IPRCHECK_LEDGER", "a.jsonl")
    assert "浙江省" in cli.ok("list", "-t", "6")
    assert "江苏省" in cli.ok("list", "-t", "6", "--ledger", "b.jsonl")


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (
            ["mark", "6", "done", "--dry-run=yes"],
            "用法错误：--dry-run 后面不写值（帮助：iprcheck mark -h）",
            "usage error: --dry-run takes no value (help: iprcheck mark -h)",
        ),
        (
            ["list", "--sta", "done"],
            "用法错误：没有 --sta 这个选项；是不是要用 --status（帮助：iprcheck list -h）",
            "usage error: no such option: --sta; did you mean --status (help: iprcheck list -h)",
        ),
        (
            ["config", "sett", "by", "李明"],
            "用法错误：没有“sett”这个命令；是不是要用 set？（帮助：iprcheck config -h）",
            "usage error: no command 'sett'; did you mean 'set'? (help: iprcheck config -h)",
        ),
        (
            ["-lang", "zh", "list"],
            "用法错误：“-lang”不是选项；是不是要用 --lang（两个半角减号）？（帮助：iprcheck -h）",
            "usage error: '-lang' is not an option; did you mean --lang (two ASCII hyphens)?"
            " (help: iprcheck -h)",
        ),
        (
            ["report", "--within", "两周"],
            "用法错误：--within 的值“两周”无效，应为天数，如 14（帮助：iprcheck report -h）",
            "usage error: --within: '两周' is not a number of days, e.g. 14"
            " (help: iprcheck report -h)",
        ),
        (
            ["rollup", ".", "--by", "city"],
            "用法错误：--by 的值“city”无效；可选：province、measure（帮助：iprcheck rollup -h）",
            "usage error: --by: 'city' is not valid; valid: province, measure"
            " (help: iprcheck rollup -h)",
        ),
        (
            ["list", "--lang", "fr"],
            "用法错误：--lang 的值“fr”无效；可选：zh、en（帮助：iprcheck list -h）",
            "usage error: --lang: 'fr' is not valid; valid: zh, en (help: iprcheck list -h)",
        ),
    ],
)
def test_a_usage_error_is_one_line_in_the_users_language(
    cli: Cli, args: list[str], zh: str, en: str
) -> None:
    assert cli.refused(*args, lang="zh", code=2) == zh
    assert cli.refused(*args, lang="en", code=2) == en


def test_the_value_of_an_option_is_never_read_as_an_option(cli: Cli) -> None:
    cli.ok("init", "--province", "浙江省")
    cli.ok("mark", "6", "in-progress", "--note", "-note")
    cli.ok("mark", "7", "in-progress", "--note", "--lang")
    notes = {i["id"]: i["note"] for i in json.loads(cli.ok("list", "-f", "json"))}
    assert notes["6.2"] == "-note" and notes["7.2"] == "--lang"


def test_rollup_by_takes_chinese_words(cli: Cli) -> None:
    cli.ok("init", "--province", "浙江省")
    assert cli.ok("rollup", ".", "--by", "举措") == cli.ok("rollup", ".", "--by", "measure")


def test_the_command_line_uses_no_private_part_of_typer_or_click() -> None:
    """No private module, and nothing assigned onto the framework: the Typer pin can move."""
    cli = Path(iprcheck.__file__).parent
    private = re.compile(r"\b(typer\._|click\._|_textwrap|typer\.core\._)")
    patched = re.compile(r"setattr\(\s*(typer|click|formatting)|\b(typer|click)(\.\w+)+\s*=[^=]")
    found = [
        f"{path.name}:{n}"
        for path in sorted(cli.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if private.search(line) or patched.search(line)
    ]
    assert found == []
