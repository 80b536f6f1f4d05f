"""The 台账 comes back: what a sheet a colleague filled in records in the ledger.

Read by ``sheets.read_sheet``: per row, by its 编号, the cells import takes back (状态, 进展情况,
佐证材料, 责任处室, 内部时限). What is recorded is a merge, not an overwrite:

- A 台账 report exported carries its export record (``sheets.record``): for each row, what each
  cell said then. Only the cells a colleague changed since are taken, so a second copy of the
  same export never reverts what the first recorded. A row changed in the sheet *and* in the
  ledger since the export is a conflict: it is named, cell by cell with both values, and
  nothing of that row is recorded — unless the office takes the sheet's version deliberately
  (``theirs``), which then records the cells the colleague changed.
- A sheet without a record (made by hand, a CSV, or from an older iprcheck) is compared with
  the ledger as it is now, as import always did: every cell that differs is taken.

Either way a cell that still says what the ledger holds is no change, so re-importing an
unchanged 台账 records nothing. Clearing a cell clears the value (a status cannot be cleared).
Evidence accumulates, as with ``mark``: a reference deleted from the sheet stays, and is named.

What is refused, before anything is recorded, each at its cell with the value and what is
valid: an unknown status word, a bad date or one outside the years a ledger keeps, an id the
list does not have, this ledger does not track, or the export did not hold; a row whose
落实举措 is not its 编号's measure (rows moved or edited); a workbook of another province or
list; a formula or a control character in a cell import reads; 不适用 on a mandatory
obligation with no reason in 进展情况 (``mark`` refuses it too).

The changes become one command (one id, one time, one person) through ``status_change`` and
``assign_change``, as ``mark`` and ``assign`` make theirs, so one ``undo`` reverts an import.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Literal

from msgspec import Struct

from ..errors import IprcheckError
from ..i18n import t
from ..obligations import UNTRACKED, Entry, Tracking
from ..sheets.columns import (
    READ,
    normal,
    read_day,
    read_evidence,
    read_status,
    read_text,
    token,
    tokens,
)
from ..sheets.read import read_sheet
from ..sheets.table import Cell, Row, Sheet
from ..tasklist import Catalog
from ..vocab import Status
from . import store
from .ops import Command, assign_change, status_change, who
from .records import Event
from .replay import Ledger
from .store import Waiting

# A value as import found it: a Status, a text ("" is none), evidence references, or a day
# (an internal due date, ISO; "" is none). The command line puts it into words.
Value = Status | str | tuple[str, ...]


class Change(Struct, frozen=True):
    """One cell the import records (for --dry-run and the summary)."""

    id: str
    field: str  # status, note, evidence (references added), owner, internal_due
    before: Value
    after: Value


class Clash(Struct, frozen=True):
    """One cell of a conflicting row: what the sheet says, and what the ledger says now."""

    place: str
    field: str
    sheet: Value
    ledger: Value


class Conflict(Struct, frozen=True):
    """A row changed in the sheet and, since the export, in the ledger: not recorded."""

    id: str
    cells: list[Clash]
    ledger_changed: list[str]  # the fields the ledger changed since the export


class Kept(Struct, frozen=True):
    """Evidence a colleague deleted from the sheet, which the ledger keeps."""

    id: str
    place: str
    refs: list[str]


class Plan(Struct):
    events: list[Event]
    changes: list[Change]
    conflicts: list[Conflict]
    kept: list[Kept]


class ImportResult(Struct, frozen=True):
    ledger: Ledger
    sheet: Sheet
    events: list[Event]
    changes: list[Change]
    conflicts: list[Conflict]
    kept: list[Kept]

    @property
    def merged(self) -> bool:
        """Whether the sheet carried its export record (else: compared with the ledger now)."""
        return self.sheet.record is not None


# ---------------------------------------------------------------------------------------------
# Whose sheet it is.


def unit_of(ledger: Ledger, catalog: Catalog) -> str:

    if ledger.header.national:
        name = t("national_office", "zh")
        return f"{name} {ledger.header.department}" if ledger.header.department else name
    return ledger.province(catalog) or t("no_province", "zh")


_UNIT_IN_TITLE = re.compile(r"(?:填报单位：|reporting unit: )([^）)；;]+)")


def check_origin(sheet: Sheet, ledger: Ledger, catalog: Catalog) -> None:
    """A workbook of another list or another reporting unit is refused: by its custom
    properties when it has them, else by its title row (the list's title, 填报单位)."""
    tl = catalog.task_list
    mine = unit_of(ledger, catalog)
    if sheet.list_id is not None and sheet.list_id != tl.id:
        raise IprcheckError("import_other_list", sheet=sheet.name, value=sheet.list_id, list=tl.id)
    if sheet.unit is not None and sheet.unit != mine:
        raise IprcheckError("import_other_unit", sheet=sheet.name, value=sheet.unit, unit=mine)
    title = sheet.title
    if title is None:
        return
    if sheet.list_id is None and tl.title not in title and (tl.title_en or "\0") not in title:
        raise IprcheckError("import_other_list", sheet=sheet.name, value=title, list=tl.title)
    m = _UNIT_IN_TITLE.search(title)
    if sheet.unit is None and m is not None:
        named = m.group(1).strip()
        english = catalog.unit_names.get(mine) if not ledger.header.national else None
        if named not in (mine, english):
            raise IprcheckError("import_other_unit", sheet=sheet.name, value=named, unit=mine)


# ---------------------------------------------------------------------------------------------
# Which rows.


def _refuse(key: str, cell: Cell, **params: object) -> IprcheckError:
    return IprcheckError(key, place=cell.place, value=read_text(cell.place, cell.value), **params)


def _entries(sheet: Sheet, ledger: Ledger, catalog: Catalog) -> list[tuple[Row, Entry]]:
    """Each row with the obligation it names, every id checked before anything is compared."""
    known = {o.id for o in catalog.obligations}
    tracked = {e.obligation.id: e for e in ledger.entries(catalog)}
    record = sheet.record
    seen: dict[str, str] = {}
    out = []
    for row in sheet.rows:
        cell = row.cells["id"]
        oid = read_text(cell.place, cell.value)
        if oid not in known:
            raise _refuse("import_unknown_id", cell)
        if oid not in tracked:
            raise _refuse("import_not_tracked", cell, unit=unit_of(ledger, catalog))
        if record is not None and oid not in record.rows:
            raise _refuse("import_not_exported", cell, made=record.made[:16].replace("T", " "))
        if oid in seen:
            raise _refuse("import_twice", cell, first=seen[oid])
        seen[oid] = cell.place
        _same_measure(row, tracked[oid])
        out.append((row, tracked[oid]))
    return out


def _same_measure(row: Row, entry: Entry) -> None:
    cell = row.cells.get("measure")
    if cell is None:
        return
    said = read_text(cell.place, cell.value)
    expected = entry.obligation.measure.text
    if re.sub(r"\s+", "", said) != re.sub(r"\s+", "", expected):
        raise IprcheckError(
            "import_moved", place=cell.place, id=entry.id, value=_cut(said), expected=_cut(expected)
        )


def _cut(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


# ---------------------------------------------------------------------------------------------
# What each row changes.


class Asked(Struct):
    """What one row asks to record, parsed from the cells a colleague changed."""

    cells: dict[str, Cell]  # field -> the changed cell
    status: Status | None = None
    note: str | None = None
    evidence: tuple[str, ...] = ()
    owner: str | None = None
    due: date | None = None


def _asked(row: Row, base: dict[str, str] | None, cur: Tracking) -> Asked:
    """The cells of ``row`` a colleague changed — against the export record's ``base`` where
    there is one, else against the ledger now — parsed; a cell that parses to what the ledger
    already holds is left out. (Without the record, an empty 状态 leaves the status as it is,
    as import always read a sheet made by hand.)"""
    ours = tokens(cur)
    asked = Asked({})
    for field in READ:
        cell = row.cells.get(field)
        if cell is None or (base is None and field == "status" and not normal(cell.value).strip()):
            continue
        was = base.get(field, ours[field]) if base is not None else ours[field]
        if token(field, cell.value) == was:
            continue
        _parse(asked, field, cell, cur)
    return asked


def _parse(asked: Asked, field: str, cell: Cell, cur: Tracking) -> None:
    place, value = cell.place, cell.value
    if field == "status":
        status = read_status(place, value)
        if status is not cur.status:
            asked.status, asked.cells[field] = status, cell
    elif field == "note":
        note = read_text(place, value)
        if note != (cur.note or ""):
            asked.note, asked.cells[field] = note, cell
    elif field == "evidence":
        refs = read_evidence(place, value, cur.evidence)
        asked.evidence = tuple(r for r in refs if r not in cur.evidence)
        asked.cells[field] = cell  # also when it only deletes: the deletion is named
    elif field == "owner":
        owner = read_text(place, value)
        if owner != (cur.owner or ""):
            asked.owner, asked.cells[field] = owner, cell
    else:
        due = read_day(place, value)
        if (due.isoformat() if due else None) != cur.internal_due:
            asked.due, asked.cells[field] = due, cell


def _records(asked: Asked) -> bool:
    """Whether the row asks for anything to be recorded (a deletion of evidence does not)."""
    return any(f != "evidence" for f in asked.cells) or bool(asked.evidence)


def _kept(oid: str, asked: Asked, cur: Tracking, base: dict[str, str] | None) -> Kept | None:
    """Evidence the colleague deleted from the sheet: only where the ledger's evidence is the
    one exported (else a reference the sheet lacks may be one added since)."""
    cell = asked.cells.get("evidence")
    if (
        cell is None
        or base is None
        or tokens(cur, ("evidence",))["evidence"] != base.get("evidence")
    ):
        return None
    listed = read_evidence(cell.place, cell.value, cur.evidence)
    gone = [ref for ref in cur.evidence if ref not in listed]
    return Kept(oid, cell.place, gone) if gone else None


def _conflict(oid: str, asked: Asked, cur: Tracking, base: dict[str, str]) -> Conflict | None:
    """The row's conflict, where the ledger changed it since the export too."""
    ours = tokens(cur)
    changed = [f for f in READ if f in base and ours[f] != base[f]]
    if not changed:
        return None
    cells = [Clash(cell.place, f, _said(f, cell), _held(f, cur)) for f, cell in asked.cells.items()]
    return Conflict(oid, cells, changed)


def _said(field: str, cell: Cell) -> Value:
    """What a changed cell says: a status, a day (ISO), text."""
    if field == "status":
        return read_status(cell.place, cell.value)
    if field == "internal_due":
        day = read_day(cell.place, cell.value)
        return day.isoformat() if day else ""
    if field == "evidence":
        return tuple(read_evidence(cell.place, cell.value, ()))
    return read_text(cell.place, cell.value)


def _held(field: str, tr: Tracking) -> Value:
    """What the ledger holds for a field now."""
    if field == "status":
        return tr.status
    if field == "evidence":
        return tr.evidence
    if field == "internal_due":
        return tr.internal_due or ""
    return (tr.note if field == "note" else tr.owner) or ""


def _waived_with_reason(entry: Entry, asked: Asked, cur: Tracking) -> None:
    """不适用 on a mandatory obligation needs its reason in 进展情况, as ``mark`` asks."""
    status = asked.status or cur.status
    note = asked.note if asked.note is not None else cur.note
    if status is Status.WAIVED and entry.mandatory and not (note or "").strip():
        cell = asked.cells.get("status") or asked.cells.get("note")
        if cell is not None:
            raise IprcheckError("import_waive_needs_note", place=cell.place, id=entry.id)


# ---------------------------------------------------------------------------------------------
# The events.


def _recorded(command: Command, oid: str, cur: Tracking, asked: Asked) -> Plan:
    plan = Plan([], [], [], [])
    status = asked.status or cur.status
    change = status_change(command, oid, cur, status, note=asked.note, evidence=asked.evidence)
    if change is not None:
        plan.events.append(change)
        if asked.status is not None:
            plan.changes.append(Change(oid, "status", cur.status, status))
        if asked.note is not None:
            plan.changes.append(Change(oid, "note", cur.note or "", asked.note))
        if asked.evidence:
            plan.changes.append(Change(oid, "evidence", (), asked.evidence))
    owner = asked.owner if "owner" in asked.cells else None
    due: date | Literal[""] | None = None
    if "internal_due" in asked.cells:
        due = asked.due or ""
    assigned = assign_change(command, oid, cur, owner=owner, due=due)
    if assigned is not None:
        plan.events.append(assigned)
        if owner is not None:
            plan.changes.append(Change(oid, "owner", cur.owner or "", owner))
        if due is not None:
            after = due.isoformat() if isinstance(due, date) else ""
            plan.changes.append(Change(oid, "internal_due", cur.internal_due or "", after))
    return plan


def plan(
    sheet: Sheet,
    ledger: Ledger,
    catalog: Catalog,
    by: str,
    theirs: Sequence[str] = (),
) -> Plan:
    """What the sheet records against ``ledger`` now: every cell checked before any event is
    made. ``theirs``: rows whose conflict the office settles for the sheet."""
    check_origin(sheet, ledger, catalog)
    state = ledger.state()
    record = sheet.record
    command = Command(by, ledger)
    out = Plan([], [], [], [])
    asked_rows = []
    for row, entry in _entries(sheet, ledger, catalog):
        cur = state.get(entry.id, UNTRACKED)
        base = record.rows.get(entry.id) if record is not None else None
        asked = _asked(row, base, cur)
        _waived_with_reason(entry, asked, cur)
        asked_rows.append((entry.id, cur, base, asked))
    for oid, cur, base, asked in asked_rows:
        kept = _kept(oid, asked, cur, base)
        if kept is not None:
            out.kept.append(kept)
        if not _records(asked):
            continue
        conflict = _conflict(oid, asked, cur, base) if base is not None else None
        if conflict is not None and oid not in theirs:
            out.conflicts.append(conflict)
            continue
        done = _recorded(command, oid, cur, asked)
        out.events += done.events
        out.changes += done.changes
    return out


def import_file(
    path: Path,
    source: Path,
    catalog: Catalog,
    *,
    by: str | None = None,
    dry_run: bool = False,
    theirs: Sequence[str] = (),
    on_wait: Waiting | None = None,
) -> ImportResult:
    """Read ``source`` and record what it changes in the ledger at ``path`` as one command
    (nothing with ``dry_run``, or when it changes nothing)."""
    known = {o.id for o in catalog.obligations}
    for oid in theirs:
        if oid not in known:
            raise IprcheckError("import_theirs_unknown", value=oid)
    sheet = read_sheet(source)
    person = who(by)

    def build(ledger: Ledger) -> Plan:
        ledger.check_list(catalog)
        return plan(sheet, ledger, catalog, person, theirs)

    if dry_run:
        ledger = store.read(path)
        planned = build(ledger)
    else:
        ledger, planned = store.append(path, build, on_wait)
    p = planned
    return ImportResult(ledger, sheet, p.events, p.changes, p.conflicts, p.kept)
