from __future__ import annotations

from pathlib import Path

import pytest


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
