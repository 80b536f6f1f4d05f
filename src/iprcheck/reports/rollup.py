"""The national view: many ledgers read side by side, one row per province.

Every number comes from the same place as ``report``'s: ``report.totals`` over the obligations a
ledger tracks and the state replayed from it. What this module adds is finding the ledgers,
refusing the ones that cannot be counted (each with its path and the reason), and the matrix of
provinces × tasks. Ledgers are only ever read here.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from msgspec import Struct

from ..errors import IprcheckError
from ..ledger import DEFAULT_NAME, Event, Ledger, looks_like_ledger, read
from ..ledger.replay import in_replay_order
from ..numbers import percent
from ..obligations import UNTRACKED, Entry, Item, Tracking, items
from ..tasklist import Catalog, Task
from ..vocab import NATIONAL_OFFICE, Requirement, SortKey, Status
from .report import Totals, totals


class Cell(StrEnum):
    """The state of one province's obligations under one task."""

    DONE = "done"
    PARTLY_DONE = "partly-done"
    IN_PROGRESS = "in-progress"
    BLOCKED = "blocked"
    NOT_STARTED = "not-started"
    NOT_APPLICABLE = "not-applicable"


class SkipReason(StrEnum):
    UNREADABLE = "unreadable"
    OTHER_LIST = "other-list"
    DUPLICATE = "duplicate"
    NOT_FOUND = "not-found"
    CONFLICT = "conflict"  # copies of one ledger hold one change id with different content


class Skipped(Struct, frozen=True):
    """A path left out of the rollup; ``error`` says why in either language."""

    path: Path
    reason: SkipReason
    error: IprcheckError


class TaskCell(Struct, frozen=True):
    state: Cell
    # True where the province owes nothing under the task and the cell shows what it may do.
    optional: bool = False


class Row(Struct, frozen=True):
    """One ledger's line in the rollup."""

    name: str
    name_source: str  # "header" (declared by init --province), "national", or "file" (its path)
    path: Path
    national: bool
    department: str | None
    types: tuple[str, ...]
    items: list[Item]
    totals: Totals
    cells: dict[int, TaskCell]
    last_update: str | None
    copies: int = 1  # copies of this ledger the rollup joined

    @property
    def done(self) -> int:
        return self.totals.mandatory.done

    @property
    def total(self) -> int:
        return self.totals.mandatory.total

    @property
    def percent(self) -> int:
        return percent(self.done, self.total)

    @property
    def blocked(self) -> int:
        return self.totals.mandatory.blocked + self.totals.optional.blocked


class TaskSummary(Struct, frozen=True):
    """Of the provinces that owe a task (a mandatory obligation not waived), how many did it."""

    task: Task
    owe: int
    done: int

    @property
    def percent(self) -> int:
        return percent(self.done, self.owe)


class Rollup(Struct, frozen=True):
    catalog: Catalog
    rows: list[Row]
    tasks: list[TaskSummary]
    skipped: list[Skipped]
    sort: SortKey = SortKey.PROGRESS
    # The list's reporting units no ledger was counted for (未报送), in the list's order.
    missing: list[str] = []
    # What the coordinator should know that left nothing out: ledgers of different units that
    # share one ledger id (one was started from a copy of the other's file).
    notes: list[IprcheckError] = []
    by: str = "province"  # rollup --by: the view asked for, "province" or "measure"

    @property
    def measures(self) -> list[MeasureRow]:
        return by_measure(self)

    @property
    def blocked_reasons(self) -> list[BlockedReason]:
        return blocked_reasons(self)


class Standing(Struct, frozen=True):
    """One province's standing on one obligation it owes."""

    province: str
    status: Status


class MeasureRow(Struct, frozen=True):
    """A provincial obligation, and where each province that must do it stands."""

    id: str
    text: str
    owe: list[Standing]

    def count(self, status: Status) -> int:
        return sum(s.status is status for s in self.owe)


class BlockedReason(Struct, frozen=True):
    province: str
    id: str
    note: str | None
    owner: str | None


def by_measure(rollup: Rollup) -> list[MeasureRow]:
    """Each provincial obligation in the list's order, with the provinces whose ledger makes it
    mandatory (a waived one included, as it stands)."""
    owed: dict[str, list[Standing]] = {}
    for r in rollup.rows:
        if r.national:
            continue
        for item in r.items:
            if item.requirement is Requirement.MANDATORY:
                owed.setdefault(item.id, []).append(Standing(r.name, item.status))
    return [
        MeasureRow(o.id, o.measure.text, owed.get(o.id, []))
        for o in rollup.catalog.obligations
        if o.actor.value == "province"
    ]


def blocked_reasons(rollup: Rollup) -> list[BlockedReason]:
    """Every blocked obligation across the ledgers, with its reason, in the rows' order."""
    return [
        BlockedReason(r.name, i.id, i.note, i.owner)
        for r in rollup.rows
        for i in r.items
        if i.status is Status.BLOCKED
    ]


# ---------------------------------------------------------------------------------------------
# Finding ledgers.


def meant_as_ledger(path: Path) -> bool:
    """Whether a file found in a folder is to be read as a ledger: any ``.jsonl`` file, and any
    file whose first line names the ledger format, in UTF-8 or UTF-16. A damaged ledger (a
    header cut short by a failed download, a copy an editor saved as UTF-16) is then reported
    as left out, never silently missing from the national total. Reads at most one line."""
    # An unreadable file in a folder being searched is not known to be a ledger; a ledger named
    # on the command line is read (and its error reported) whatever this says.
    return path.suffix.lower() == ".jsonl" or looks_like_ledger(path)


def find(paths: Iterable[Path]) -> Iterator[Path | Skipped]:
    """Ledgers under ``paths`` in a stable order: named files as given, folders searched
    recursively (sorted, hidden files and folders left alone, so no lock or temporary file of a
    ledger is taken for one). A path that does not exist, or a folder with no ledger in it, is
    yielded as Skipped."""
    for path in paths:
        if path.is_dir():
            found = False
            for ledger_path in _walk(path):
                found = True
                yield ledger_path
            if not found:
                yield Skipped(
                    path, SkipReason.NOT_FOUND, IprcheckError("rollup_no_ledger_in", path=str(path))
                )
        elif path.exists():
            yield path
        else:
            yield Skipped(path, SkipReason.NOT_FOUND, IprcheckError("file_missing", path=str(path)))


def _walk(root: Path) -> Iterator[Path]:
    # Sorted as whole paths (like ``find | sort``), so that which of two copies is "the second"
    # does not depend on the file system's order.
    names: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        names += [Path(folder, name) for name in files if not name.startswith(".")]
    for path in sorted(names, key=lambda p: p.parts):
        if meant_as_ledger(path):
            yield path


# ---------------------------------------------------------------------------------------------
# Reading and counting.


def rollup(paths: Sequence[Path], catalog: Catalog, sort: SortKey = SortKey.PROGRESS) -> Rollup:
    """Read every ledger under ``paths`` that tracks ``catalog``; count; name what was left out.

    Copies of one ledger (the same ledger id and the same unit: a colleague's copy, an older
    download) are one ledger: their changes are joined, as ``merge`` joins them, whatever order
    the copies come in; copies that hold one change id with different content are named and
    left out, as ``merge`` refuses them. Ledgers of two units that share an id (a province that
    started from another's file) are two units, each counted, and named in ``notes``. Two
    different ledgers of one unit are not: the newer is counted, the other named and left
    out."""
    skipped: list[Skipped] = []
    copies = _read(paths, catalog, skipped)
    counted = _one_per_unit(copies, catalog, skipped)
    rows = sort_rows(_rows(counted, catalog, skipped), sort, catalog)
    sent = {r.name for r in rows if r.name_source == "header"}
    missing = [u.name for u in catalog.reporting_units if u.name not in sent]
    notes = shared_ids(copies, catalog)
    return Rollup(catalog, rows, task_summaries(rows, catalog), skipped, sort, missing, notes)


Copies = dict[tuple[str, tuple[str, str | None]], list[Ledger]]  # (ledger id, unit) -> copies


def _read(paths: Sequence[Path], catalog: Catalog, skipped: list[Skipped]) -> Copies:
    """Every ledger under ``paths`` that can be counted, grouped as copies of one ledger of one
    unit, in the order found; what cannot be read is added to ``skipped``."""
    copies: Copies = {}
    seen_files: set[object] = set()
    for item in find(paths):
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        file_id = _file_id(item)
        if file_id in seen_files:  # the same file named twice (or a file inside a folder named)
            continue
        seen_files.add(file_id)
        try:
            ledger = _readable(item, catalog)
        except IprcheckError as exc:
            reason = (
                SkipReason.OTHER_LIST if exc.key == "ledger_other_list" else SkipReason.UNREADABLE
            )
            skipped.append(Skipped(item, reason, exc))
            continue
        copies.setdefault((ledger.header.ledger, _identity(ledger, catalog)), []).append(ledger)
    return copies


def _readable(path: Path, catalog: Catalog) -> Ledger:
    ledger = read(path)
    ledger.check_list(catalog)
    if ledger.missing:
        raise IprcheckError(
            "ledger_cut",
            path=str(path),
            missing=ledger.missing,
            sealed=ledger.header.changes,
            present=ledger.count,
        )
    return ledger


def _one_per_unit(
    copies: Copies, catalog: Catalog, skipped: list[Skipped]
) -> dict[tuple[str, str | None], tuple[Ledger, int]]:
    """Each unit's ledger (its copies joined) and how many copies were joined. Two different
    ledgers of one unit: the newer counts, the other is added to ``skipped``."""
    counted: dict[tuple[str, str | None], tuple[Ledger, int]] = {}
    for (_, key), found in copies.items():
        try:
            ledger = joined(found)
        except IprcheckError as exc:
            skipped += [Skipped(copy.path, SkipReason.CONFLICT, exc) for copy in found]
            continue
        if key in counted:
            other = counted[key][0]
            newer, older = (ledger, other) if _newest(ledger) > _newest(other) else (other, ledger)
            skipped.append(_duplicate(older, newer, catalog))
            if newer is other:
                continue
        counted[key] = (ledger, len(found))
    return counted


def _duplicate(older: Ledger, newer: Ledger, catalog: Catalog) -> Skipped:
    error = IprcheckError(
        "rollup_duplicate",
        path=str(older.path),
        name=_name(older, catalog)[0],
        first=str(newer.path),
        when=(newer.last_update or "")[:10],
    )
    return Skipped(older.path, SkipReason.DUPLICATE, error)


def _rows(
    counted: dict[tuple[str, str | None], tuple[Ledger, int]],
    catalog: Catalog,
    skipped: list[Skipped],
) -> list[Row]:
    rows: list[Row] = []
    owed: dict[tuple[object, ...], list[Entry]] = {}  # by profile: a thousand ledgers, few kinds
    for ledger, count in counted.values():
        h = ledger.header
        kind = (h.national, ledger.whose[1], h.department)
        try:
            if kind not in owed:
                owed[kind] = ledger.entries(catalog)
            rows.append(row(ledger, catalog, owed[kind], copies=count))
        except (TypeError, ValueError, RecursionError) as exc:
            # One odd file sent in from the field must not stop the national view: whatever
            # the ledger reader let through (times that do not compare, say) leaves it out.
            error = IprcheckError("rollup_unreadable", path=str(ledger.path), reason=exc)
            skipped.append(Skipped(ledger.path, SkipReason.UNREADABLE, error))
    return rows


def shared_ids(copies: Copies, catalog: Catalog) -> list[IprcheckError]:
    """Ledgers of different units with one ledger id: each is counted as its own unit, and the
    coordinator is told that one was started from a copy of the other's file."""
    units: dict[str, list[Ledger]] = {}
    for (ledger_id, _), found in copies.items():
        units.setdefault(ledger_id, []).append(found[0])
    return [
        IprcheckError(
            "rollup_shared_id",
            names="、".join(_name(led, catalog)[0] for led in ledgers),
            paths=", ".join(str(led.path) for led in ledgers),
        )
        for ledgers in units.values()
        if len(ledgers) > 1
    ]


def joined(found: list[Ledger]) -> Ledger:
    """One ledger from its copies: every change any of them holds, once, in replay order; named
    after the copy with the most changes (the first found of those). Copies that hold one
    change id with different content cannot be joined: neither may silently win."""
    if len(found) == 1:
        return found[0]
    seen: dict[str, tuple[Event, Path]] = {}
    events = []
    for copy in found:
        for ev in copy.events:
            first = seen.get(ev.event)
            if first is None:
                seen[ev.event] = (ev, copy.path)
                events.append(ev)
            elif first[0] != ev:
                raise IprcheckError(
                    "rollup_copies_disagree",
                    path=str(copy.path),
                    first=str(first[1]),
                    id=ev.obligation or "—",
                )
    fullest = max(found, key=lambda led: led.count)
    return Ledger(fullest.path, fullest.header, in_replay_order(events))


def _newest(ledger: Ledger) -> float:
    return _timestamp(ledger.last_update)


def _file_id(path: Path) -> object:
    try:
        st = path.stat()
    except OSError:
        return path.absolute()
    return (st.st_dev, st.st_ino)


def _identity(ledger: Ledger, catalog: Catalog) -> tuple[str, str | None]:
    """What makes two ledgers the same party's: the province, the national office (and its
    department), or — for a ledger that names no province — the ledger itself, so that copies
    of one file count once."""
    h = ledger.header
    if h.national:
        return ("national", h.department)
    if h.province:
        return ("province", ledger.province(catalog))  # ⼴东省 is 广东省: one province
    return ("ledger", h.ledger)


def _name(ledger: Ledger, catalog: Catalog) -> tuple[str, str]:
    h = ledger.header
    if h.national:
        return (
            f"{NATIONAL_OFFICE} {h.department}" if h.department else NATIONAL_OFFICE
        ), "national"
    province = ledger.province(catalog)
    if province:
        return province, "header"
    # init without --province: the file is all there is to go by. The default file name says
    # nothing, so then its folder's name is used.
    path = ledger.path
    stem = path.parent.resolve().name if path.name == DEFAULT_NAME else path.stem
    return stem or str(path), "file"


def row(
    ledger: Ledger, catalog: Catalog, entries: list[Entry] | None = None, *, copies: int = 1
) -> Row:
    """``entries``: ``ledger.entries(catalog)``, where the caller has it already."""
    entries = ledger.entries(catalog) if entries is None else entries
    tracking = ledger.state()
    name, source = _name(ledger, catalog)
    h = ledger.header
    return Row(
        name=name,
        name_source=source,
        path=ledger.path,
        national=h.national,
        department=h.department,
        types=tuple(ledger.whose[1]),
        items=items(entries, tracking),
        totals=totals(entries, tracking),
        cells=cells(entries, tracking, catalog),
        last_update=ledger.last_update,
        copies=copies,
    )


def cells(
    entries: Sequence[Entry], tracking: dict[str, Tracking], catalog: Catalog
) -> dict[int, TaskCell]:
    """Per task: the state of what the province owes there, or — where it owes nothing — of
    what it may do. A waived obligation (不适用, with its reason) counts as not applicable."""
    mandatory: dict[int, list[Status]] = {}
    optional: dict[int, list[Status]] = {}
    for e in entries:
        status = tracking.get(e.obligation.id, UNTRACKED).status
        if status is Status.WAIVED or e.requirement is None:
            continue
        group = mandatory if e.requirement is Requirement.MANDATORY else optional
        group.setdefault(e.obligation.task.number, []).append(status)
    out = {}
    for number in catalog.tasks:
        if number in mandatory:
            out[number] = TaskCell(cell(mandatory[number]))
        elif number in optional:
            out[number] = TaskCell(cell(optional[number]), optional=True)
        else:
            out[number] = TaskCell(Cell.NOT_APPLICABLE)
    return out


def cell(statuses: Sequence[Status]) -> Cell:
    """Blocked shows first (it needs someone's attention), then how far the work has got."""
    if not statuses:
        return Cell.NOT_APPLICABLE
    if Status.BLOCKED in statuses:
        return Cell.BLOCKED
    done = statuses.count(Status.DONE)
    if done == len(statuses):
        return Cell.DONE
    if done:
        return Cell.PARTLY_DONE
    if Status.IN_PROGRESS in statuses:
        return Cell.IN_PROGRESS
    return Cell.NOT_STARTED


def task_summaries(rows: Sequence[Row], catalog: Catalog) -> list[TaskSummary]:
    """The national office's own rows are not provinces: they count in no task's owe/done."""
    out = []
    provinces = [r for r in rows if not r.national]
    for number, task in catalog.tasks.items():
        owing = [r.cells[number] for r in provinces if not r.cells[number].optional]
        owing = [c for c in owing if c.state is not Cell.NOT_APPLICABLE]
        out.append(TaskSummary(task, len(owing), sum(c.state is Cell.DONE for c in owing)))
    return out


# ---------------------------------------------------------------------------------------------
# Order.


def sort_rows(rows: Sequence[Row], by: SortKey, catalog: Catalog) -> list[Row]:
    """The national office first; then the provinces by progress (most done first), by name
    (the list's order of reporting units, then the others, those named after files last), or by
    last update (most recent first, never updated last)."""
    order = {u.name: i for i, u in enumerate(catalog.task_list.reporting_units)}

    def by_name(r: Row) -> tuple[int, int, str]:
        return (r.name_source == "file", order.get(r.name, len(order)), r.name)

    def by_progress(r: Row) -> tuple[float, int, int, tuple[int, int, str]]:
        # Exact fractions, so that 2/3 sorts above 13/20 although both show as 66 %.
        share = r.done / r.total if r.total else -1.0
        return (-share, -r.done, r.blocked, by_name(r))

    def by_updated(r: Row) -> tuple[float, tuple[int, int, str]]:
        return (-_timestamp(r.last_update), by_name(r))

    key = {SortKey.NAME: by_name, SortKey.PROGRESS: by_progress, SortKey.UPDATED: by_updated}[by]
    national = sorted((r for r in rows if r.national), key=lambda r: r.name)
    return national + sorted((r for r in rows if not r.national), key=key)


def _timestamp(at: str | None) -> float:
    if at is None:
        return float("-inf")
    when = datetime.fromisoformat(at)
    # A hand-written time without an offset is taken as local time, so that it compares.
    return (when if when.tzinfo else when.astimezone()).timestamp()
