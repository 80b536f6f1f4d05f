"""--help as a user reads it: in their language, and within 80 columns of a terminal.

Run as real processes: help set-up changes Click's wording and wrapping for the process."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata

import pytest
import typer.main

from iprcheck.cli import app
from iprcheck.cli import help as helptext

ROOT = typer.main.get_command(app)
COMMANDS = sorted(ROOT.list_commands(None))  # type: ignore[arg-type]


def columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def help_of(lang: str, *command: str) -> str:
    env = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "iprcheck", "--lang", lang, *command, "--help"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_every_command_and_option_has_its_chinese_help() -> None:
    """A new option without a translation would show English to a Chinese user."""
    group = typer.main.get_command(app)
    missing = [p.name for p in group.params if p.help not in helptext.PARAMS_ZH]  # type: ignore[attr-defined]
    for name in COMMANDS:
        command = group.get_command(None, name)  # type: ignore[attr-defined, arg-type]
        if name not in helptext.COMMANDS_ZH:
            missing.append(name)
        missing += [
            f"{name} {p.name}"
            for p in command.params
            if getattr(p, "help", None) and p.help not in helptext.PARAMS_ZH
        ]
    assert missing == []


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_is_in_chinese_and_fits_80_columns(command: str) -> None:
    args = [command] if command else []
    zh = help_of("zh", *args)
    assert zh.startswith("用法：iprcheck")
    assert "选项" in zh and "显示本帮助并退出。" in zh
    assert "Show this message" not in zh and "Options" not in zh
    en = help_of("en", *args)
    assert en.startswith("Usage: iprcheck") and "Show this message and exit." in en
    for text in (zh, en):
        wide = [line for line in text.splitlines() if columns(line) > 80]
        assert wide == [], wide
        assert "pilot-\n" not in text  # a key to copy is never broken at its hyphen
        # Chinese line-breaking: no line starts with a closing stop or bracket.
        starts = [ln.strip()[0] for ln in text.splitlines() if ln.strip()]
        assert not set(starts) & set("，。、；：）"), text
    assert "选项：" in zh and "选项:" not in zh


def test_a_lang_after_the_command_is_taken_as_given() -> None:
    # Global options are accepted anywhere now (#15); this test once pinned the error
    # "--lang 是全局选项，请写在命令之前".
    done = subprocess.run(
        [sys.executable, "-m", "iprcheck", "list", "-h", "--lang", "zh"],
        capture_output=True,
        text=True,
        env={**os.environ, "LANG": "C.UTF-8", "IPRCHECK_LANG": ""},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("用法：iprcheck list"), done.stdout


def test_help_leaves_nothing_behind_in_the_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Help twice in one process, Chinese then English: each as if alone."""
    from typer.testing import CliRunner

    from iprcheck import cli

    for argv in (["--lang", "zh", "-h"], ["--lang", "zh", "list", "-h"], ["list", "-h"]):
        monkeypatch.setattr(sys, "argv", ["iprcheck", *argv])
        with pytest.raises(SystemExit) as done:
            cli.main()
        assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.count("用法：iprcheck") == 2 and "Usage: iprcheck list" in out
    assert "validate" in typer.main.get_command(app).list_commands(None)  # type: ignore[arg-type]
    english = CliRunner().invoke(app, ["list", "--help"]).stdout
    assert "Options:" in english and "选项" not in english
