"""The user's library of task lists: the bundled 2020 list and every list the office added.

Added lists live in ``paths.user_config_dir() / "lists"``, one YAML file each, named for its id
in a way every file system takes (``file_name``); a list is validated before it is stored and
written atomically. The bundled list is always in the library, is no file, and cannot be
removed or replaced. A list is found by its id, else by its year where one list has that year,
else by its title.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import IprcheckError, Msg
from ..files import replace_atomically
from ..paths import user_config_dir
from .catalog import load, load_bundled
from .model import TaskList, obligations
from .source import Source, bundled_source, read_source

FOLDER = "lists"


@dataclass(frozen=True)
class ListInfo:
    """What the library says about one list."""

    id: str
    year: int
    title: str
    items: int  # obligations (measures, or the plan family's items)
    path: Path | None  # None: the bundled list
    replaced: bool = False  # add(): it took the place of a different list of the same id
    unchanged: bool = False  # add(): the library already held this very file
    problem: Msg | None = None  # a file in the folder that is not a valid list: why

    @property
    def bundled(self) -> bool:
        return self.path is None


def folder() -> Path:
    return user_config_dir() / FOLDER


# Names Windows reserves for devices, with any extension: a file so named cannot be made there.
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"} | {f"{d}{n}" for d in ("COM", "LPT") for n in range(1, 10)}
)
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f\s.]+')


def file_name(list_id: str) -> str:
    """The file a list of ``list_id`` is kept in: the id itself where every file system takes
    it as it is (2021-推进计划.yaml); else the id made safe, with a short hash of the whole id
    so that two ids never share a file (Windows does not tell ``A`` from ``a``)."""
    stem = _UNSAFE.sub("-", list_id).strip("-")[:60]
    plain = stem == list_id and stem.upper().split(".")[0] not in _RESERVED
    if not plain or stem != stem.lower():
        digest = hashlib.sha256(list_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        stem = f"{stem or 'list'}~{digest}"
    return f"{stem}.yaml"


def _info(task_list: TaskList, path: Path | None) -> ListInfo:
    return ListInfo(
        task_list.id, task_list.year, task_list.title, len(obligations(task_list)), path
    )


def _files() -> list[Path]:
    try:
        found = sorted(p for p in folder().glob("*.yaml") if not p.name.startswith("."))
    except OSError:
        return []
    return [p for p in found if p.is_file()]


def _read(path: Path) -> ListInfo:
    try:
        return _info(load(path).task_list, path)
    except IprcheckError as exc:
        return ListInfo(path.stem, 0, "", 0, path, problem=exc.message)


def known() -> list[ListInfo]:
    """Every list this machine knows: the bundled one first, then those added, by year."""
    added = sorted((_read(p) for p in _files()), key=lambda i: (i.year, i.id))
    return [_info(load_bundled().task_list, None), *added]


def _match(ident: str, infos: list[ListInfo]) -> ListInfo | None:
    """The list ``ident`` names: by id; else by year, where one list has it; else by title.
    A year or title several lists share is refused, naming their ids."""
    usable = [i for i in infos if i.problem is None]
    word = ident.strip()
    by_id = [i for i in usable if i.id == word]
    if by_id:
        return by_id[0]
    for field in ("year", "title"):
        chosen = [i for i in usable if str(getattr(i, field)) == word]
        if len(chosen) > 1:
            ids = ", ".join(i.id for i in chosen)
            raise IprcheckError("list_ambiguous", value=word, ids=ids)
        if chosen:
            return chosen[0]
    return None


def by_id(list_id: str) -> Source | None:
    """The added list of that id, straight from its file (no other list is read), or None."""
    path = _new_path(list_id)
    if not path.is_file():
        return None
    try:
        source = read_source(path)
    except IprcheckError:
        return None
    return source


def find(ident: str) -> Source | None:
    """The list ``ident`` names (its id, its year where one list has it, or its title), or
    None."""
    found = _match(ident, known())
    if found is None:
        return None
    return bundled_source() if found.path is None else read_source(found.path)


def add(source: Source, *, replace: bool = False) -> ListInfo:
    """Validate ``source`` and keep it in the library. A list of the same id that differs is
    refused, unless ``replace`` (then ``replaced`` says that ledgers bound to it should be
    upgraded); the bundled list is never replaced. The same list added again changes nothing."""
    from .validate import validate  # PyYAML and pydantic: only adding a list needs them

    task_list = validate(source)
    infos = known()
    same = next((i for i in infos if i.id == task_list.id and i.problem is None), None)
    if same is not None and same.path is None:
        raise IprcheckError("list_id_bundled", id=task_list.id)
    path = same.path if same is not None and same.path is not None else _new_path(task_list.id)
    if same is not None and same.path is not None:
        if _bytes(same.path) == source.data:
            return ListInfo(same.id, same.year, same.title, same.items, same.path, unchanged=True)
        if not replace:
            raise IprcheckError("list_id_taken", id=task_list.id, path=str(same.path))
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_atomically(path, source.data)
    info = _info(task_list, path)
    return ListInfo(info.id, info.year, info.title, info.items, path, replaced=same is not None)


def _new_path(list_id: str) -> Path:
    return folder() / file_name(list_id)


def _bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def remove(ident: str) -> ListInfo:
    """Take the list ``ident`` names out of the library (its file is deleted). The bundled
    list stays."""
    infos = known()
    found = _match(ident, infos) or next(
        (i for i in infos if i.path is not None and i.path.stem == ident.strip()), None
    )
    if found is None:
        ids = ", ".join(i.id for i in infos)
        raise IprcheckError("list_unknown", value=ident, ids=ids)
    if found.path is None:
        raise IprcheckError("list_bundled_kept", id=found.id)
    try:
        found.path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise IprcheckError("output_unwritable", path=str(found.path), reason=exc) from None
    return found
