"""The library of lists (tasklist.library): the bundled list always there, lists added,
found by id, year or title, replaced only when asked, removed; and ``iprcheck lists``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from iprcheck.errors import CatalogError, IprcheckError
from iprcheck.tasklist import Source, bundled_source, library

BUNDLED_ID = "cnipa-ip-high-quality-development-2020"


def a_list(list_id: str, *, year: int = 2020, title: str | None = None) -> Source:
    """The bundled list under another id (and year, title): a valid list of 46 items."""
    text = bundled_source().data.decode("utf-8")
    text = text.replace(f"id: {BUNDLED_ID}", f"id: {list_id}", 1)
    text = text.replace("year: 2020", f"year: {year}", 1)
    if title is not None:
        text = text.replace('title: "2020年推动知识产权高质量发展任务清单"', f'title: "{title}"', 1)
    return Source(f"{list_id}.yaml", text.encode("utf-8"))


def test_the_bundled_list_is_always_known_and_stays() -> None:
    (only,) = library.known()
    assert (only.id, only.year, only.items, only.path) == (BUNDLED_ID, 2020, 46, None)
    assert library.find(BUNDLED_ID) is not None
    with pytest.raises(IprcheckError) as refused:
        library.remove(BUNDLED_ID)
    assert refused.value.key == "list_bundled_kept"


def test_an_added_list_is_kept_in_the_users_folder_and_found(tmp_path: Path) -> None:
    info = library.add(a_list("2021-推进计划", year=2021, title="2021年推进计划"))
    assert info.path == tmp_path / ".config" / "iprcheck" / "lists" / "2021-推进计划.yaml"
    assert info.path.read_bytes() == a_list("2021-推进计划", year=2021, title="2021年推进计划").data
    assert [i.id for i in library.known()] == [BUNDLED_ID, "2021-推进计划"]
    for ident in ("2021-推进计划", "2021", "2021年推进计划"):
        found = library.find(ident)
        assert found is not None and found.data == info.path.read_bytes()
    assert library.find("2019") is None


def test_a_year_two_lists_share_is_ambiguous() -> None:
    library.add(a_list("2020-任务清单"))
    with pytest.raises(IprcheckError) as refused:
        library.find("2020")
    assert refused.value.key == "list_ambiguous"
    assert BUNDLED_ID in str(refused.value) and "2020-任务清单" in str(refused.value)


def test_an_id_in_use_is_refused_unless_replaced() -> None:
    first = library.add(a_list("2021-推进计划", year=2021))
    again = library.add(a_list("2021-推进计划", year=2021))  # the same list again
    assert again.unchanged and not again.replaced and again.path == first.path
    other = a_list("2021-推进计划", year=2021, title="2021年推进计划（修订）")
    with pytest.raises(IprcheckError) as refused:
        library.add(other)
    assert refused.value.key == "list_id_taken"
    replaced = library.add(other, replace=True)
    assert replaced.replaced and replaced.title == "2021年推进计划（修订）"
    with pytest.raises(IprcheckError) as bundled:
        library.add(a_list(BUNDLED_ID), replace=True)
    assert bundled.value.key == "list_id_bundled"


def test_an_invalid_list_is_refused_and_nothing_is_stored(tmp_path: Path) -> None:
    broken = Source("broken.yaml", b"schema_version: 1\nid: x\n")
    with pytest.raises(CatalogError):
        library.add(broken)
    assert not (tmp_path / ".config" / "iprcheck" / "lists").exists()


def test_remove_takes_the_file_away() -> None:
    info = library.add(a_list("2021-推进计划", year=2021))
    assert library.remove("2021").id == "2021-推进计划"
    assert info.path is not None and not info.path.exists()
    with pytest.raises(IprcheckError) as unknown:
        library.remove("2021-推进计划")
    assert unknown.value.key == "list_unknown"


@pytest.mark.parametrize(
    "list_id",
    ["CON", "a/b\\c", "2021:计划?", "x" * 300, "List", "list", " 空格 ", "com1.yaml", "..", "a.b"],
)
def test_every_id_gets_a_file_name_windows_accepts(list_id: str) -> None:
    name = library.file_name(list_id)
    stem = name.removesuffix(".yaml")
    assert not set(stem) & set('<>:"/\\|?*') and stem == stem.strip(" .")
    assert stem.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}
    assert len(name.encode("utf-8")) <= 120


def test_two_ids_never_share_a_file() -> None:
    ids = ["List", "list", "a/b", "a-b", "a:b", "2021-推进计划", "2021 推进计划"]
    assert len({library.file_name(i) for i in ids}) == len(ids)


def test_a_damaged_file_in_the_folder_is_shown_not_fatal(tmp_path: Path, cli: Any) -> None:
    folder = tmp_path / ".config" / "iprcheck" / "lists"
    folder.mkdir(parents=True)
    (folder / "edited.yaml").write_text("schema_version: [", encoding="utf-8")
    out = cli.ok("lists")
    assert "edited.yaml: cannot be read" in out and BUNDLED_ID in out
    assert "Removed" in cli.ok("lists", "remove", "edited")


def test_lists_shows_id_year_items_and_title(cli_zh: Any) -> None:
    library.add(a_list("2021-推进计划", year=2021, title="2021年推进计划"))
    out = cli_zh.ok("lists")
    assert "本机的任务清单（2）：" in out
    assert f"{BUNDLED_ID}  2020 年  46 项（内置）" in out
    assert "2021-推进计划  2021 年  46 项\n    2021年推进计划" in out


def test_lists_add_of_a_yaml_file_and_remove(tmp_path: Path, cli: Any) -> None:
    (tmp_path / "mine.yaml").write_bytes(a_list("2021-推进计划", year=2021).data)
    assert "Dry run: nothing added" in cli.ok("lists", "add", "mine.yaml", "--dry-run")
    assert "2021-推进计划" not in cli.ok("lists")
    assert "Added to the library of lists: 2021-推进计划 (46 items)" in cli.ok(
        "lists", "add", "mine.yaml"
    )
    assert "already holds this very list" in cli.ok("lists", "add", "mine.yaml")
    (tmp_path / "other.yaml").write_bytes(a_list("2021-推进计划", year=2022).data)
    assert "add --replace to replace it" in cli.refused("lists", "add", "other.yaml")
    out = cli.ok("lists", "add", "other.yaml", "--replace")
    assert "ledgers bound to it should run iprcheck upgrade" in out
    assert "Removed from the library of lists: 2021-推进计划" in cli.ok("lists", "remove", "2022")
    line = cli.refused("lists", "remove", "2022")
    assert line.startswith("no list '2022' in the library")
