"""The operations behind the ledger commands: each records its changes and returns them.

Nothing here prints; the command line words the results.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Literal

import msgspec
from msgspec import UNSET, Struct

from ..errors import IprcheckError
from ..obligations import (
    UNTRACKED,
    Filters,
    Profile,
    Tracking,
    check_filters,
    expand_ids,
    ids_named,
)
from ..tasklist import Catalog
from ..vocab import Requirement, Status
from . import store
from .binding import bound_to
from .clock import now
from .codec import LedgerError
from .merging import MergeResult, bad_undos, merge_events
from .records import Event, Fields, Header
from .replay import Fold, Ledger, apply
from .store import Waiting


def who(explicit: str | None) -> str:
    if explicit:
        return explicit
    import getpass  # only a command that records a change needs it

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def header(
    catalog: Catalog, province: str | None, profile: Profile | None, department: str | None
) -> Header:
    return Header(
        ledger=str(uuid.uuid4()),
        created=datetime.fromisoformat(now()),
        types=tuple(profile.ordered(catalog.categories)) if profile else (),
        national=profile is None,
        list=bound_to(catalog),
        province=province,
        department=department,
    )


class Command:
    """The changes one command makes share its id, its time, its person and its place on the
    ledger's logical clock. Every command that records (mark, assign, undo, profile, upgrade,
    import) makes its changes through one of these."""

    def __init__(self, by: str, ledger: Ledger) -> None:
        self.by = by
        self.at = datetime.fromisoformat(now())
        self.seq = ledger.next_seq
        self.id = str(uuid.uuid4())

    def change(
        self,
        kind: Literal["status", "assign", "profile", "list"],
        obligation: str,
        before: Fields,
        after: Fields,
        *,
        note: str | None = None,
        evidence: tuple[str, ...] = (),
        undo_of: str | None = None,
    ) -> Event:
        return Event(
            str(uuid.uuid4()),
            self.id,
            self.at,
            self.by,
            kind,
            obligation,
            before,
            after,
            note=note,
            evidence=evidence,
            undo_of=undo_of,
            seq=self.seq,
        )


def status_change(
    command: Command,
    oid: str,
    cur: Tracking,
    new: Status,
    *,
    note: str | None,
    evidence: Sequence[str],
) -> Event | None:
    """The change that records ``new`` (and a note, and evidence added) for one obligation
    standing at ``cur``; None where it would change nothing, so that 更新时间 stays true."""
    if cur.status is new and note in (None, cur.note) and set(evidence) <= set(cur.evidence):
        return None
    # The note replaced is recorded too, so that a merge can tell notes written apart.
    before = Fields(status=cur.status) if note is None else Fields(cur.status, cur.note)
    added = tuple(ref for ref in evidence if ref not in cur.evidence)
    return command.change("status", oid, before, Fields(status=new), note=note, evidence=added)


def assign_change(
    command: Command,
    oid: str,
    cur: Tracking,
    *,
    owner: str | None,
    due: date | Literal[""] | None,
) -> Event | None:
    """The change that gives one obligation an owner and/or an internal due date ("" clears
    either, None leaves it); None where it would change nothing."""
    same_owner = owner is None or (owner or None) == cur.owner
    same_due = due is None or (due.isoformat() if due else None) == cur.internal_due
    if same_owner and same_due:
        return None
    before = _assigned(
        cur, owner=owner is not None and not same_owner, due=due is not None and not same_due
    )
    after = Fields(
        owner=UNSET if owner is None or same_owner else owner or None,  # "": no owner any more
        due=UNSET if due is None or same_due else due or None,  # "": no internal due date
    )
    return command.change("assign", oid, before, after)


def status_events(
    ledger: Ledger,
    ids: Sequence[str],
    new: Status,
    *,
    note: str | None,
    evidence: Sequence[str],
    by: str,
    remove: Sequence[str] = (),
) -> list[Event]:
    state = ledger.state()
    command = Command(by, ledger)
    out = []
    for oid in ids:
        cur = state.get(oid, UNTRACKED)
        if remove:
            out.append(_without(command, oid, cur, new, note, evidence, remove))
            continue
        change = status_change(command, oid, cur, new, note=note, evidence=evidence)
        if change is not None:
            out.append(change)
    return out


def _without(
    command: Command,
    oid: str,
    cur: Tracking,
    new: Status,
    note: str | None,
    evidence: Sequence[str],
    remove: Sequence[str],
) -> Event:
    """A change that sets the evidence exactly, without ``remove``: as an undo restores it, so
    that replay, merge and undo treat it the same way."""
    missing = [ref for ref in remove if ref not in cur.evidence]
    if missing:
        raise IprcheckError("evidence_not_there", id=oid, value="; ".join(missing))
    kept = [ref for ref in cur.evidence if ref not in remove]
    kept += [ref for ref in evidence if ref not in kept]
    after = Fields(new, cur.note if note is None else note, tuple(kept))
    return command.change("status", oid, Fields(cur.status, cur.note), after)


def assign_events(
    ledger: Ledger,
    ids: Sequence[str],
    *,
    owner: str | None,
    due: date | Literal[""] | None,
    by: str,
) -> list[Event]:
    state = ledger.state()
    command = Command(by, ledger)
    out = []
    for oid in ids:
        change = assign_change(command, oid, state.get(oid, UNTRACKED), owner=owner, due=due)
        if change is not None:
            out.append(change)
    return out


def undo_events(ledger: Ledger, by: str) -> list[Event]:
    """Reverse the most recent command not yet undone; undoing is itself a new command."""
    forged = {ev.event for ev in bad_undos(ledger.events)}
    undone = {ev.undo_of for ev in ledger.events if ev.undo_of and ev.event not in forged}
    commands = [ev.command for ev in ledger.events if not ev.undo_of and ev.command not in undone]
    if not commands:
        raise IprcheckError("nothing_to_undo")
    target = commands[-1]
    # What stood before the command is folded again, not taken from the command's own
    # ``before``: a merge may since have placed a colleague's change ahead of it.
    was, now_ = ledger.before(target), ledger.now
    command = Command(by, ledger)
    return [
        command.change(
            ev.kind,
            ev.obligation,
            _touched(now_, ev, restoring=False),
            _touched(was, ev, restoring=True),
            undo_of=target,
        )
        for ev in ledger.events
        if ev.command == target
    ]


def _touched(state: Fold, ev: Event, *, restoring: bool) -> Fields:
    """The fields ``ev`` changed, as ``state`` holds them. A status is restored with its note
    and evidence exactly; the current one is named by status and note, as a merge checks it."""
    if ev.kind == "profile":
        given = ev.after.given()
        return Fields(
            province=state.province if "province" in given else UNSET,
            types=state.types if "types" in given else UNSET,
        )
    if ev.kind == "list":
        return Fields(list_ref=state.bound)
    tr = state.tracking(ev.obligation)
    if ev.kind == "status":
        return Fields(tr.status, tr.note, tr.evidence) if restoring else Fields(tr.status, tr.note)
    return _assigned(tr, owner=ev.after.owner is not UNSET, due=ev.after.due is not UNSET)


def upgrade(
    path: Path,
    catalog: Catalog,
    *,
    by: str | None = None,
    dry_run: bool = False,
    on_wait: Waiting | None = None,
) -> Recorded:
    """Re-bind the ledger to the list in use (a correction of the one it was bound to), as a
    recorded change: ``named`` are the obligations the correction changed, added or removed.
    Their records stay as they are; undo binds the ledger back."""
    person = who(by)

    def plan(ledger: Ledger) -> Plan:
        ledger.check_list(catalog)
        named = ledger.list_changes
        if ledger.bound.sha256 == catalog.source.digest and not named:
            return Plan([], named)
        before, after = Fields(list_ref=ledger.bound), Fields(list_ref=bound_to(catalog))
        return Plan([Command(person, ledger).change("list", "", before, after)], named)

    return _recorded(path, plan, dry_run=dry_run, on_wait=on_wait)


def profile(
    path: Path,
    catalog: Catalog,
    *,
    province: str | None,
    types: Sequence[str] | None,
    by: str | None = None,
    on_wait: Waiting | None = None,
) -> Recorded:
    """Change whose ledger this is (its province) and what it owes (its province types), as a
    recorded change that undo reverts. The obligations of types no longer held keep their
    history; a report then counts what the new profile owes."""
    person = who(by)
    unit = None if province is None else unit_named(catalog, province)
    categories = catalog.categories
    chosen = None
    if types is not None:
        chosen = tuple(Profile.of(types, categories).ordered(categories))

    def plan(ledger: Ledger) -> Plan:
        ledger.check_list(catalog)
        if ledger.header.national:
            raise IprcheckError("profile_national")
        now_province, now_types = ledger.whose
        after = Fields(
            province=unit if unit is not None and unit != now_province else UNSET,
            types=chosen if chosen is not None and chosen != tuple(now_types) else UNSET,
        )
        given = after.given()
        if not given:
            return Plan([])
        before = Fields(
            province=now_province if "province" in given else UNSET,
            types=tuple(now_types) if "types" in given else UNSET,
        )
        return Plan([Command(person, ledger).change("profile", "", before, after)])

    return _recorded(path, plan, on_wait=on_wait)


def _assigned(tr: Tracking, *, owner: bool, due: bool) -> Fields:
    """The owner and/or the due date as ``tr`` has them."""
    day = date.fromisoformat(tr.internal_due) if tr.internal_due else None
    return Fields(owner=tr.owner if owner else UNSET, due=day if due else UNSET)


# ---------------------------------------------------------------------------------------------
# The operations.


def init(
    path: Path,
    catalog: Catalog,
    *,
    province: str | None,
    types: Sequence[str],
    national: bool,
    department: str | None,
    on_wait: Waiting | None = None,
) -> Recorded:
    """Create a ledger for a province (of the types given) or the national office (one
    department's measures, where ``department`` is given); never over an existing one."""
    if province is not None:
        province = unit_named(catalog, province)
    if department is not None:
        check_filters(catalog, Filters(departments=(department,)))
    profile = None if national else Profile.of(types, catalog.categories)
    made = header(catalog, province, profile, department if national else None)
    return Recorded(store.create(path, made, on_wait), [], created=True)


def unit_named(catalog: Catalog, typed: str) -> str:
    """The reporting unit a person typed (浙江省, 浙江, 兵团, Zhejiang); an error that suggests
    the one it looks like."""
    unit, like = catalog.unit_typed(typed)
    if unit is None:
        if like is not None:
            raise IprcheckError("unknown_province_like", value=typed, like=like)
        raise IprcheckError("unknown_province", value=typed)
    return unit


class Plan(Struct, frozen=True):
    """What a command would record, planned against the ledger as it stands under the lock:
    its changes, the obligations it named, and what a merge found."""

    events: list[Event]
    named: list[str] = []
    merged: MergeResult | None = None


class Recorded(Struct, frozen=True):
    """What a command recorded (or, with ``dry_run``, would record): the ledger after it, the
    changes (none when nothing would change), the obligations it named, whether it created the
    ledger, and what a merge found."""

    ledger: Ledger
    events: list[Event]
    named: list[str] = []
    created: bool = False
    merged: MergeResult | None = None

    @property
    def unchanged(self) -> list[str]:
        """The obligations named that already stood as asked: nothing was recorded for them."""
        changed = {ev.obligation for ev in self.events}
        return [oid for oid in self.named if oid not in changed]

    def unexplained(self) -> list[str]:
        """Obligations this leaves blocked with no note, which check calls an error (a note
        given before still counts). Done without evidence is left to check: the first command
        a new user tries, `mark 6 done`, should not be met with a warning."""
        state = self.ledger.state()
        return [
            ev.obligation
            for ev in self.events
            if (tr := apply(state.get(ev.obligation, UNTRACKED), ev)).status is Status.BLOCKED
            and not (tr.note or "").strip()
        ]


def _recorded(
    path: Path,
    plan: Callable[[Ledger], Plan],
    *,
    dry_run: bool = False,
    on_wait: Waiting | None = None,
    restores: bool = False,
) -> Recorded:
    """Plan against the ledger at ``path`` and record the plan (only plan, with ``dry_run``)."""
    if dry_run:
        ledger = store.read(path)
        planned = plan(ledger)
    else:
        ledger, planned = store.append(path, plan, on_wait, restores=restores)
    return Recorded(ledger, planned.events, planned.named, merged=planned.merged)


def mark(
    path: Path,
    catalog: Catalog,
    idents: Sequence[str],
    status: Status,
    *,
    note: str | None = None,
    evidence: Sequence[str] = (),
    by: str | None = None,
    dry_run: bool = False,
    on_wait: Waiting | None = None,
    remove_evidence: Sequence[str] = (),
) -> Recorded:
    """Record one status for the obligations named (ids, task numbers, ranges); all or nothing.

    With no ledger at ``path`` one is created for the every-province profile, so that the first
    command a new user tries just works.
    """
    person = who(by)
    status = Status(status)  # a Status, or its key ("done"); people's words are the CLI's

    def plan(ledger: Ledger) -> Plan:
        ledger.check_list(catalog)
        tracked = ledger.entries(catalog)
        ids = expand_ids(catalog, tracked, idents)
        if status is Status.WAIVED and not note:
            mandatory = [
                e.obligation.id
                for e in tracked
                if e.obligation.id in ids and e.requirement is Requirement.MANDATORY
            ]
            if mandatory:
                raise IprcheckError("waive_needs_note", value=", ".join(mandatory))
        events = status_events(
            ledger, ids, status, note=note, evidence=evidence, by=person, remove=remove_evidence
        )
        return Plan(events, ids)

    store.refuse_dangling(path)
    if path.exists():
        return _recorded(path, plan, dry_run=dry_run, on_wait=on_wait)
    everyone = Profile.of((), catalog.categories)
    # Check the ids against an every-province ledger in memory first: a typo must not leave a
    # new ledger behind.
    probe = Ledger(path, header(catalog, None, everyone, None))
    planned = plan(probe)
    if dry_run or not planned.events:
        return Recorded(probe, planned.events, planned.named)
    created = False
    try:
        store.create(path, header(catalog, None, everyone, None), on_wait)
        created = True
    except LedgerError as exc:  # another process may have just created it
        if exc.key != "ledger_exists":
            raise
    done = _recorded(path, plan, on_wait=on_wait)
    return msgspec.structs.replace(done, created=created)


def assign(
    path: Path,
    catalog: Catalog,
    idents: Sequence[str],
    *,
    owner: str | None,
    due: date | Literal[""] | None,
    by: str | None = None,
    on_wait: Waiting | None = None,
) -> Recorded:
    """Set the owner and/or the internal due date; "" clears either (None leaves it)."""
    if owner is None and due is None:
        raise IprcheckError("assign_nothing")
    person = who(by)

    def plan(ledger: Ledger) -> Plan:
        ledger.check_list(catalog)
        named = expand_ids(catalog, ledger.entries(catalog), idents)
        return Plan(assign_events(ledger, named, owner=owner, due=due, by=person), named)

    return _recorded(path, plan, on_wait=on_wait)


def undo(
    path: Path, catalog: Catalog, *, by: str | None = None, on_wait: Waiting | None = None
) -> Recorded:
    """Revert the most recent command not yet undone; the undo is itself recorded."""
    person = who(by)

    def plan(ledger: Ledger) -> Plan:
        ledger.check_list(catalog)
        return Plan(undo_events(ledger, person))

    return _recorded(path, plan, on_wait=on_wait)


def merge(path: Path, other: Path, catalog: Catalog, *, on_wait: Waiting | None = None) -> Recorded:
    """Fold in the changes another copy of this ledger holds and this one lacks; ``merged``
    names where both changed an obligation apart."""
    theirs = store.read(other)

    def plan(ledger: Ledger) -> Plan:
        ledger.check_list(catalog)
        outcome = merge_events(ledger, theirs)
        return Plan(outcome.added, merged=outcome)

    return _recorded(path, plan, on_wait=on_wait, restores=True)


def open_for_reading(explicit: str | None, catalog: Catalog) -> Ledger | None:
    """The ledger in effect for reading commands, or None where there is none."""
    path = store.resolve(explicit)
    if not path.exists():
        store.refuse_dangling(path)
        if explicit and not Path(explicit).is_dir():
            raise LedgerError("ledger_missing", path=str(path))
        return None
    ledger = store.read(path)
    ledger.check_list(catalog)
    return ledger


def history(ledger: Ledger, catalog: Catalog, idents: Sequence[str] = ()) -> list[Event]:
    if not idents:
        return list(ledger.events)
    wanted = ids_named(catalog, idents)
    return [ev for ev in ledger.events if ev.obligation in wanted]
