"""what Windows offices need, tested on Linux where Linux can show it.

Output into a file or a pipe is UTF-8 whatever the console's code page (GBK on a Chinese
Windows, reproduced with PYTHONIOENCODING=gbk); the language comes from the user's settings
and locale; writers queue on a held lock and say so; a replace that another program blocks is
retried; settings follow option > environment > file > default.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import runner

from iprcheck import config, files, i18n
from iprcheck.cli import app
from iprcheck.errors import IprcheckError

LEDGER = "iprcheck-ledger.jsonl"


def iprcheck(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "iprcheck", *args],
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=60,
        check=False,
    )


@pytest.fixture
def pilot(tmp_path: Path) -> Path:
    """A ledger with notes, evidence (📎 in history) and an owner: every view has something."""
    for args in (
        ["init", "--province", "浙江省", "--province-type", "pilot"],
        ["mark", "6", "done", "-e", "浙知发〔2020〕12号.pdf", "--by", "李明"],
        ["mark", "4.3", "blocked", "-n", "待国家局批复", "--by", "李明"],
        ["assign", "8-10", "--owner", "运用促进处", "--due", "2020-10-31"],
    ):
        assert iprcheck(*args).returncode == 0
    return tmp_path / LEDGER


# Every command that prints something, as a Chinese Windows office would redirect it.
REDIRECTED = [
    ["list"],
    ["list", "--full"],
    ["list", "--format", "csv"],
    ["list", "--format", "json"],
    ["list", "--format", "markdown"],
    ["show", "6"],
    ["search", "地理标志"],
    ["history"],
    ["history", "--format", "json"],
    ["report"],
    ["report", "--format", "csv"],
    ["report", "--format", "markdown"],
    ["report", "--format", "json"],
    ["report", "--format", "html"],
    ["check"],
    ["rollup", "."],
    ["validate"],
    ["--help"],
    ["mark", "7", "in-progress", "--dry-run"],
]


@pytest.mark.slow  # real processes
@pytest.mark.parametrize("args", REDIRECTED, ids=[" ".join(a) for a in REDIRECTED])
def test_output_redirected_under_a_gbk_console_is_utf8(pilot: Path, args: list[str]) -> None:
    done = iprcheck(*args, env={"PYTHONIOENCODING": "gbk", "IPRCHECK_LANG": "zh"})
    assert done.returncode in (0, 1), done.stderr.decode("utf-8", "replace")  # check: 1
    assert b"Traceback" not in done.stderr, done.stderr.decode("utf-8", "replace")
    text = done.stdout.decode("utf-8")  # valid UTF-8, or this raises
    assert text.strip()
    done.stderr.decode("utf-8")


@pytest.mark.slow  # real processes
def test_csv_on_stdout_keeps_one_line_end_per_row(pilot: Path) -> None:
    """Written as bytes, so a Windows console's text mode cannot double the CSV's CRLF."""
    out = iprcheck("list", "--format", "csv").stdout
    assert b"\r\r\n" not in out and out.count(b"\r\n") == out.count(b"\n")


# --- the language -----------------------------------------------------------------------------


def test_the_language_comes_from_option_environment_setting_then_locale(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "IPRCHECK_LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(i18n, "_windows_ui_language", lambda: None)
    assert i18n.detect_lang() == "en"
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert i18n.detect_lang() == "zh"
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")  # LC_ALL beats LANG
    assert i18n.detect_lang() == "en"
    monkeypatch.setenv("LANGUAGE", "zh_CN:en")  # LANGUAGE beats both, as gettext has it
    assert i18n.detect_lang() == "zh"
    monkeypatch.setenv("LC_ALL", "C")  # but not under the C locale
    assert i18n.detect_lang() == "en"
    assert i18n.detect_lang(configured="zh") == "zh"  # the setting beats the locale
    monkeypatch.setenv("IPRCHECK_LANG", "en")
    assert i18n.detect_lang(configured="zh") == "en"  # the environment beats the setting
    assert i18n.detect_lang("zh", configured="en") == "zh"  # the option beats everything


def test_on_windows_the_interface_language_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows sets no LANG: a Chinese Windows is told by its display language."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG", "IPRCHECK_LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(i18n, "_windows_ui_language", lambda: "zh")
    assert i18n.detect_lang() == "zh"
    monkeypatch.setattr(i18n, "_windows_ui_language", lambda: "en")
    assert i18n.detect_lang() == "en"


@pytest.mark.slow  # real processes
def test_a_chinese_setting_speaks_chinese_to_every_command(pilot: Path) -> None:
    assert runner.invoke(app, ["config", "set", "lang", "zh"]).exit_code == 0
    result = runner.invoke(app, ["report"])
    assert "进展报告" in result.stdout
    assert "progress report" in runner.invoke(app, ["--lang", "en", "report"]).stdout.lower()


# --- settings ---------------------------------------------------------------------------------


@pytest.mark.slow  # real processes
def test_who_records_follows_option_environment_setting_then_login(
    pilot: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def last_by() -> str:
        done = runner.invoke(app, ["history", "--format", "json"])
        return str(json.loads(done.stdout)[-1]["by"])

    monkeypatch.delenv("IPRCHECK_BY", raising=False)
    assert runner.invoke(app, ["mark", "7", "in-progress"]).exit_code == 0
    login = last_by()
    assert login not in ("", "李明", "王芳")
    assert runner.invoke(app, ["config", "set", "by", "王芳"]).exit_code == 0
    assert runner.invoke(app, ["mark", "7", "done", "-e", "a.pdf"]).exit_code == 0
    assert last_by() == "王芳"
    monkeypatch.setenv("IPRCHECK_BY", "张三")
    assert runner.invoke(app, ["mark", "8", "in-progress"]).exit_code == 0
    assert last_by() == "张三"
    assert runner.invoke(app, ["mark", "9", "in-progress", "--by", "李明"]).exit_code == 0
    assert last_by() == "李明"


def test_the_default_ledger_can_be_a_setting(tmp_path: Path) -> None:
    shared = tmp_path / "共享" / "浙江.jsonl"
    assert (
        runner.invoke(app, ["--ledger", str(shared), "init", "--province", "浙江省"]).exit_code == 0
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.chdir(elsewhere)
    assert runner.invoke(app, ["config", "set", "ledger", str(shared)]).exit_code == 0
    assert runner.invoke(app, ["mark", "6", "done"]).exit_code == 0
    assert "6.2" in shared.read_text(encoding="utf-8")
    assert not (elsewhere / LEDGER).exists()


def test_settings_are_listed_got_and_unset() -> None:
    assert runner.invoke(app, ["config", "list"]).stdout.startswith("no settings yet")
    assert runner.invoke(app, ["config", "set", "by", 'a "quoted" name\\']).exit_code == 0
    got = runner.invoke(app, ["config", "get", "by"])
    assert got.exit_code == 0 and got.stdout == 'a "quoted" name\\\n'
    assert runner.invoke(app, ["config", "list"]).stdout == 'by = a "quoted" name\\\n'
    assert "removed" in runner.invoke(app, ["config", "unset", "by"]).stdout
    missing = runner.invoke(app, ["config", "get", "by"])
    assert missing.exit_code == 1 and "not set" in missing.stderr


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["config", "set", "colour", "red"], "no setting named colour; valid: by, lang, ledger"),
        (["config", "set", "lang", "fr"], "'fr' is no value for the setting lang; valid: zh, en"),
        (["config", "set", "by", " "], "no value for the setting by"),
        (["config", "get", "colour"], "no setting named colour"),
    ],
)
def test_bad_settings_are_refused_with_one_line(args: list[str], says: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert says in result.stderr
    assert not config.path().exists()


@pytest.mark.parametrize("damage", ['by = "unclosed\n', "colour = 'red'\n", "by = 7\n"])
def test_a_damaged_settings_file_is_named_and_never_overwritten(damage: str) -> None:
    config.path().parent.mkdir(parents=True)
    config.path().write_text(damage, encoding="utf-8")
    for args in (["list"], ["config", "set", "by", "李明"], ["config", "unset", "by"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1, args
        assert str(config.path()) in result.stderr and "Traceback" not in result.stderr
    assert config.path().read_text(encoding="utf-8") == damage


# --- writers queue ----------------------------------------------------------------------------


@pytest.mark.slow  # real processes
def test_a_second_writer_waits_for_the_lock_says_so_then_records(pilot: Path) -> None:
    lock = pilot.with_name(f".{LEDGER}.lock")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys, time\n"
            "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)\n"
            "fcntl.flock(fd, fcntl.LOCK_EX)\n"
            "print('held', flush=True)\n"
            "time.sleep(2.0)\n",
            str(lock),
        ],
        stdout=subprocess.PIPE,
    )
    assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
    started = time.monotonic()
    done = iprcheck("--lang", "en", "mark", "7", "done", "-e", "x.pdf")
    holder.wait(10)
    assert done.returncode == 0, done.stderr
    assert time.monotonic() - started >= 1.5  # it waited for the holder
    assert b"waiting for another iprcheck to finish writing" in done.stderr
    assert b"7.2" in pilot.read_bytes()


@pytest.mark.slow  # real processes
def test_a_writer_gives_up_after_the_bounded_wait(
    pilot: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from iprcheck.ledger import store

    monkeypatch.setattr(store, "LOCK_TIMEOUT", 0.3)
    before = pilot.read_bytes()
    fd = os.open(pilot.with_name(f".{LEDGER}.lock"), os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        result = runner.invoke(app, ["mark", "7", "done"])
    finally:
        os.close(fd)
    assert result.exit_code == 1
    assert "held by another iprcheck" in result.stderr and "nothing was changed" in result.stderr
    assert pilot.read_bytes() == before


# --- a file another program holds open --------------------------------------------------------


def _held(times: int) -> object:
    """os.replace as Windows answers while WPS, an indexer or antivirus holds the target."""
    real = os.replace
    calls = {"n": 0}

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        calls["n"] += 1
        if calls["n"] <= times:
            exc = PermissionError(errno.EACCES, "Access is denied")
            exc.winerror = 32  # type: ignore[attr-defined]  # ERROR_SHARING_VIOLATION
            raise exc
        real(src, dst)

    return replace


def test_a_replace_blocked_for_a_moment_is_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "报告.txt"
    target.write_text("old", encoding="utf-8")
    monkeypatch.setattr(os, "replace", _held(3))
    naps: list[float] = []
    files.replace_atomically(target, b"new", sleep=naps.append)
    assert target.read_bytes() == b"new" and len(naps) == 3


def test_a_file_held_open_for_good_is_named_and_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "台账.xlsx"
    target.write_text("old", encoding="utf-8")
    monkeypatch.setattr(os, "replace", _held(10_000))
    with pytest.raises(IprcheckError) as caught:
        files.replace_atomically(target, b"new", sleep=lambda _s: None)
    assert caught.value.key == "file_held_open"
    assert "WPS or Excel" in str(caught.value)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["台账.xlsx"]  # no temporary copy left
