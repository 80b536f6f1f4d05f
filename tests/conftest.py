from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from typer.testing import CliRunner

from iprcheck.cli import app

if TYPE_CHECKING:
    from typer.testing import Result


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs in its own folder, with no ledger, cache or language leaking in."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    monkeypatch.setenv("IPRCHECK_CACHE_DIR", str(tmp_path / ".cache" / "iprcheck"))
    monkeypatch.setenv("IPRCHECK_CONFIG_DIR", str(tmp_path / ".config" / "iprcheck"))
    for var in ("IPRCHECK_TASKS", "IPRCHECK_LEDGER", "IPRCHECK_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")


# The command line in the test's process: one runner for the whole suite. ``run`` gives the
# result (in English unless ``lang`` says otherwise), ``ok`` the output of a command that must
# succeed, ``refused`` the one stderr line of a command that must fail without a traceback,
# ``as_typed`` a command line exactly as typed (no language chosen for it).
runner = CliRunner()


def as_typed(*args: str, env: dict[str, str | None] | None = None) -> Result:
    return runner.invoke(app, list(args), env=env)


def run(
    *args: str,
    lang: str = "en",
    env: dict[str, str | None] | None = None,
    input: str | None = None,
) -> Result:
    return runner.invoke(app, ["--lang", lang, *args], env=env, input=input)


def ok(*args: str, **kw: Any) -> str:
    result = run(*args, **kw)
    assert result.exit_code == 0, result.output
    return str(result.stdout)


def refused(*args: str, code: int = 1, **kw: Any) -> str:
    result = run(*args, **kw)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return str(lines[0])


class Cli:
    """The command line in one language, as a fixture (``cli``, ``cli_zh``)."""

    def __init__(self, lang: str = "en") -> None:
        self.lang = lang

    def run(self, *args: str, lang: str | None = None, **kw: Any) -> Result:
        return run(*args, lang=lang or self.lang, **kw)

    def ok(self, *args: str, lang: str | None = None, **kw: Any) -> str:
        return ok(*args, lang=lang or self.lang, **kw)

    def refused(self, *args: str, code: int = 1, lang: str | None = None, **kw: Any) -> str:
        return refused(*args, code=code, lang=lang or self.lang, **kw)


@pytest.fixture
def cli() -> Cli:
    """The command line in English (``cli.ok(..., lang="zh")`` for one command in Chinese)."""
    return Cli("en")


@pytest.fixture
def cli_zh() -> Cli:
    """The command line in Chinese."""
    return Cli("zh")


@pytest.fixture(scope="session")
def pilot_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pilot province's ledger of ``report_ledger`` (built once for the session)."""
    from report_ledger import build

    return build(tmp_path_factory.mktemp("pilot"))


@pytest.fixture
def pilot(pilot_built: Path, tmp_path: Path) -> Path:
    """A copy of the pilot province's ledger in the test's folder."""
    import shutil

    from iprcheck.ledger import DEFAULT_NAME

    target = tmp_path / DEFAULT_NAME
    shutil.copyfile(pilot_built, target)
    return target
