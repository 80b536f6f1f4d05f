"""The validated-list cache: used while a list is unchanged, never trusted after, never fatal."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from conftest import runner

import iprcheck
import iprcheck.tasklist.catalog as catalog
from iprcheck import cache, paths
from iprcheck.cli import app
from iprcheck.errors import CatalogError
from iprcheck.tasklist import Catalog, load, source, yaml_reader
from iprcheck.vocab import Actor


def cache_dir() -> Path:
    return paths.user_cache_dir()


def cache_files() -> list[Path]:
    return sorted((cache_dir() / cache.FOLDER / "catalog").glob("*.json"))


def entry(path: Path) -> Any:
    """A cache file's entry: after its seal, one JSON object."""
    return json.loads(path.read_bytes().partition(b"\n")[2])


def no_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, reading any task list from YAML fails: only the cache can answer."""

    def refuse(source: Any) -> Any:
        raise AssertionError(f"{source.name} was parsed again")

    monkeypatch.setattr(yaml_reader, "parse", refuse)


def own_list(tmp_path: Path, change: tuple[str, str] | None = None) -> Path:
    """A copy of the bundled list, optionally with one text replaced."""
    text = source.bundled_source().data.decode()
    if change:
        assert change[0] in text
        text = text.replace(change[0], change[1], 1)
    path = tmp_path / "tasks.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _a_list_of_our_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests hold the cache to a copy of the bundled list, in effect through
    $IPRCHECK_TASKS."""
    monkeypatch.setenv("IPRCHECK_TASKS", str(own_list(tmp_path)))


def test_every_version_of_the_bundled_list_is_recorded(monkeypatch: pytest.MonkeyPatch) -> None:
    """tools/record-bundled-version writes it; after an edit of the YAML this fails until it is
    run, so that a ledger bound to any release's list still opens."""
    monkeypatch.delenv("IPRCHECK_TASKS")
    assert catalog.VERSIONS.read_bytes() == catalog.versions_with_bundled()


def test_the_bundled_list_after_its_first_use_loads_without_parsing_or_validating(
    tmp_path: Path,
) -> None:
    code = (
        "import sys\n"
        "from iprcheck.tasklist import load\n"
        "load()\n"
        "print(sorted(m for m in ('pydantic', 'yaml') if m in sys.modules))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "IPRCHECK_TASKS"}
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert first.stdout.strip() == "['pydantic', 'yaml']", first.stderr  # validated once
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr


def same(a: Catalog, b: Catalog) -> None:
    # repr shows the types too: an enum member, not its string; a date, not its ISO text.
    assert repr(a.task_list) == repr(b.task_list)


def test_second_load_comes_from_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    first = load()
    assert len(cache_files()) == 1
    no_yaml(monkeypatch)
    second = load()
    same(first, second)
    measure = second.task_list.sections[0].tasks[0].measures[1]
    assert measure.actor is Actor.PROVINCE
    # Category keys are the list's own words: plain text, as the file writes them.
    assert measure.mandatory_for == ["all"] and type(measure.mandatory_for[0]) is str
    assert isinstance(second.task_list.deadline, date)
    assert second.task_list == first.task_list


def test_a_cached_load_never_imports_pydantic_or_yaml(tmp_path: Path) -> None:
    # Validation needs them; reading a list the cache has seen must not pay for them.
    code = (
        "import sys\n"
        "from iprcheck.tasklist import load\n"
        "load()\n"
        "print(sorted(m for m in ('pydantic', 'yaml') if m in sys.modules))\n"
    )
    env = {**os.environ, "IPRCHECK_CACHE_DIR": str(tmp_path / "cache")}
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    again = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert "pydantic" in first.stdout  # the first load validates
    assert again.stdout.strip() == "[]", again.stderr


def test_the_cache_holds_its_key_and_leaves_no_temp_files() -> None:
    listed = source.read_source()
    load()
    (only,) = cache_files()
    payload = entry(only)
    assert payload["key"]["sha256"] == listed.digest
    assert payload["key"]["iprcheck"] == iprcheck.__version__
    assert [p.name for p in only.parent.iterdir()] == [only.name]


def test_commands_read_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    first = runner.invoke(app, ["list", "--format", "json"])
    assert first.exit_code == 0, first.output
    no_yaml(monkeypatch)
    second = runner.invoke(app, ["list", "--format", "json"])
    assert second.exit_code == 0, second.output
    assert second.stdout == first.stdout


def test_validate_never_uses_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    load()

    def broken(source: Any) -> Any:
        raise CatalogError(source.name, [(3, "", "checked for real")])

    monkeypatch.setattr(yaml_reader, "parse", broken)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 1
    assert "checked for real" in result.output


def test_a_changed_list_is_validated_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = own_list(tmp_path)
    load(path)
    old_title = load(path).task_list.sections[0].title
    own_list(tmp_path, (old_title, old_title + "（修订）"))
    assert load(path).task_list.sections[0].title == old_title + "（修订）"
    # A change that breaks the list is an error, whatever an older cache says.
    own_list(tmp_path, ("schema_version: 1", "schema_version: 3"))
    with pytest.raises(CatalogError):
        load(path)


def test_a_cache_whose_key_does_not_match_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An old list's cache copied to the name the new list's cache would have: the key inside
    # still names the old content, so the new list is validated (and here, found invalid).
    path = own_list(tmp_path)
    load(path)
    (old,) = cache_files()
    own_list(tmp_path, ("schema_version: 1", "schema_version: 3"))
    # Entries are named by the content's sha256 (the first 32 hex digits), as cache.py says.
    new_name = old.parent / f"{hashlib.sha256(path.read_bytes()).hexdigest()[:32]}.json"
    new_name.write_bytes(old.read_bytes())
    with pytest.raises(CatalogError):
        load(path)


def test_another_version_of_iprcheck_rebuilds_the_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    load()
    monkeypatch.setattr(iprcheck, "__version__", "99.0")
    calls = []
    parse = yaml_reader.parse
    monkeypatch.setattr(catalog, "__version__", "99.0")
    monkeypatch.setattr(yaml_reader, "parse", lambda source: calls.append(1) or parse(source))
    load()
    assert calls == [1]
    (only,) = cache_files()
    assert entry(only)["key"]["iprcheck"] == "99.0"


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"\x00\xff not json",
        b'{"key": ',
        b"[]",
        b'{"key": "right?", "payload": {}}',
    ],
    ids=["empty", "binary", "truncated", "not-an-object", "wrong-key"],
)
def test_a_corrupt_cache_is_ignored_and_rebuilt(garbage: bytes) -> None:
    first = load()
    (path,) = cache_files()
    path.write_bytes(garbage)
    same(first, load())
    assert entry(path)["key"]["sha256"] == first.source.digest


def test_a_cache_with_the_right_key_but_broken_data_is_ignored() -> None:
    first = load()
    (path,) = cache_files()
    seal = path.read_bytes().partition(b"\n")[0]
    payload = entry(path)
    del payload["payload"]["sections"][0]["tasks"][0]["title"]  # a required field
    payload["payload"]["sections"][1]["tasks"][0]["measures"][0]["actor"] = "martian"
    path.write_bytes(seal + b"\n" + json.dumps(payload).encode())
    same(first, load())
    assert entry(path) != payload


def test_an_unwritable_cache_folder_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A folder below a plain file can be neither created nor written, even by root.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("IPRCHECK_CACHE_DIR", str(blocker / "cache"))
    first, second = load(), load()
    same(first, second)
    result = runner.invoke(app, ["show", "6"])
    assert result.exit_code == 0, result.output


def test_a_cache_folder_that_is_a_file_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "cache-file"
    blocker.write_text("x")
    monkeypatch.setenv("IPRCHECK_CACHE_DIR", str(blocker))
    same(load(), load())


def test_old_caches_are_pruned(tmp_path: Path) -> None:
    """Back to the newest CACHE_KEEP once a quarter more have gathered, never beyond that."""
    keep = catalog.CACHE_KEEP
    counts = []
    for i in range(keep * 3):
        load(own_list(tmp_path, ("schema_version: 1", f"schema_version: 1  # {i}")))
        counts.append(len(cache_files()))
    assert max(counts) == keep + keep // 4 and counts[-1] >= keep
    assert counts.count(keep) >= 2  # pruned more than once
    newest = own_list(tmp_path, ("schema_version: 1", f"schema_version: 1  # {keep * 3 - 1}"))
    load(newest)
    assert len(cache_files()) == counts[-1]  # the newest one is still there: a hit, no write


def test_cache_dir_follows_the_platform(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPRCHECK_CACHE_DIR", str(tmp_path / "mine"))
    assert paths.user_cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("IPRCHECK_CACHE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert paths.user_cache_dir() == tmp_path / "xdg" / "iprcheck"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
    assert paths.user_cache_dir() == tmp_path / "home" / ".cache" / "iprcheck"
    monkeypatch.setattr("sys.platform", "darwin")
    assert paths.user_cache_dir() == tmp_path / "home" / "Library" / "Caches" / "iprcheck"
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert paths.user_cache_dir() == tmp_path / "local" / "iprcheck" / "Cache"


def test_the_lists_digest_is_its_sha256_as_any_tool_computes_it(tmp_path: Path) -> None:
    """Ledgers record it to bind themselves to their list: it must be the standard sha256
    (`sha256sum` agrees), whichever implementation computes it."""
    import hashlib
    from importlib.resources import files

    from iprcheck import ledger

    bundled = files("iprcheck").joinpath("data/tasks_2020.yaml").read_bytes()
    path = tmp_path / "l.jsonl"
    ledger.init(path, load(), province=None, types=[], national=False, department=None)
    assert ledger.read(path).header.list.sha256 == hashlib.sha256(bundled).hexdigest()
