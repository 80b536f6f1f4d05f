"""Which task list a ledger tracks, and where this machine finds it.

A ledger is bound to a list by the list's id (plus a fingerprint per obligation, so that a
corrected list names what changed). Every command on a ledger uses that list: the bundled 2020
list, or one the office added from a notice (``iprcheck lists add``), found in the library by its
id. ``--tasks FILE`` (or ``$IPRCHECK_TASKS``) overrides, for a list kept as a file; a library
list may be named there too, by its id or year. Only the header's first line is read to learn
the id, so that a command on a long ledger does not read it twice.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import msgspec

from ..errors import IprcheckError
from ..files import first_line
from ..tasklist import Catalog, library, load
from ..tasklist.catalog import load_bundled
from .codec import MAX_BYTES, LedgerError
from .records import ListRef

HEADER_LIMIT = 4 * 1024 * 1024  # a header of a 10,000-task list is about 300 KB


def bound_to(catalog: Catalog) -> ListRef:
    """What a ledger records of the list it tracks."""
    tl = catalog.task_list
    return ListRef(
        id=tl.id,
        year=tl.year,
        title=tl.title,
        sha256=catalog.source.digest,
        obligations=catalog.fingerprints,
    )


def list_id_of(path: Path) -> str | None:
    """The id of the list the ledger at ``path`` was made for, from its header line; None for
    anything that is not a readable ledger (the command that reads it says what is wrong)."""
    try:
        header = msgspec.json.decode(first_line(path, MAX_BYTES, HEADER_LIMIT))
    except (OSError, IprcheckError, msgspec.DecodeError):
        return None
    found = header.get("list", {}).get("id") if isinstance(header, dict) else None
    return found if isinstance(found, str) else None


def catalog_named(ident: str) -> Catalog:
    """A list from the library: by its id, its year where one list has it, or its title."""

    source = library.find(ident)
    if source is None:
        ids = "、".join(info.id for info in library.known() if info.problem is None)
        raise IprcheckError("list_unknown", value=ident, ids=ids)
    return load(source.name) if source.name != "tasks_2020.yaml" else load_bundled()


def catalog_for(tasks: str | None, ledger_path: Path | None) -> Catalog:
    """The list a command works with: ``--tasks`` (a file, else a library list's id or year);
    else the list the ledger in effect tracks; else the bundled list."""
    if tasks:
        if Path(tasks).exists() or os.sep in tasks or tasks.endswith((".yaml", ".yml")):
            return load(tasks)
        return catalog_named(tasks)
    if ledger_path is None:
        return load_bundled()
    list_id = list_id_of(ledger_path)
    return load_bundled() if list_id is None else catalog_by_id(list_id, ledger_path)


def catalog_by_id(list_id: str, ledger_path: Path | None = None) -> Catalog:
    """The list of that id: the bundled one, else the library's; a ledger of a list this
    machine does not have is an error that says how to get it."""
    bundled = load_bundled()
    if list_id == bundled.task_list.id:
        return bundled

    source = library.by_id(list_id)
    if source is None:
        raise LedgerError("ledger_list_unknown", id=list_id, path=str(ledger_path or "—"))
    return load(source.name)


def most_common_list(paths: Iterable[Path]) -> Catalog:
    """For a rollup without ``--tasks``: the list most of the ledgers found track, of those this
    machine has (ledgers of another list are then named and left out, as before)."""
    ids = Counter(found for p in paths if (found := list_id_of(p)) is not None)
    for list_id, _ in ids.most_common():
        try:
            return catalog_by_id(list_id)
        except LedgerError:  # a list this machine lacks: its ledgers are named, left out
            continue
    return load_bundled()
