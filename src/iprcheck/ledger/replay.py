"""A ledger as read: its header and its changes in replay order, replayed into state.

Changes replay in time order, then by command, obligation and event id — never by where a line
sits in the file — so two copies merged either way end in the same state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from functools import cache
from pathlib import Path

from msgspec import UNSET, Struct

from ..obligations import UNTRACKED, Entry, Profile, Tracking, id_key, tracked_entries
from ..tasklist import Catalog
from ..tasklist.catalog import known_version
from .codec import LedgerError
from .records import Event, Header, ListRef

ReplayKey = tuple[int, float, str, tuple[int, ...], str]

_id_key = cache(id_key)  # a ledger names a few dozen obligations ten thousand times


def replay_order(ev: Event) -> ReplayKey:
    """The logical clock decides; then time (two copies that counted the same number apart);
    within one command, the list's order."""
    # Time as a number: one instant written with two UTC offsets is still one number, and a
    # float keeps microseconds apart until the year 2200 (the last a ledger may hold).
    return (ev.seq, ev.when.timestamp(), ev.command, _id_key(ev.obligation), ev.event)


class Snapshot(Struct, frozen=True):
    """The state at the end of a ledger's log, the place of its last change, and how many
    changes the file holds."""

    state: dict[str, Tracking]
    last_update: str | None
    replay_key: tuple[int, float, str, tuple[int, ...], str] | None
    count: int
    province: str | None = None  # as the profile changes leave it
    types: tuple[str, ...] = ()
    bound: ListRef | None = None  # as re-bindings (upgrade) leave it


class Fold:
    """A ledger's state as its changes are applied in replay order: each obligation's tracking,
    whose ledger it is (province and types) and the list it is bound to.

    This is the one place a kind of change is given its meaning. Reading a ledger, undoing a
    command (the state before it), and carrying a snapshot forward all fold through here, so a
    new kind of change is one edit in ``apply``."""

    __slots__ = ("rows", "province", "types", "bound")

    def __init__(self, header: Header, snapshot: Snapshot | None = None) -> None:
        self.rows: dict[str, Row] = {}
        self.province, self.types, self.bound = header.province, header.types, header.list
        if snapshot is not None:
            self.rows = {oid: Row(tr) for oid, tr in snapshot.state.items()}
            self.province, self.types = snapshot.province, snapshot.types
            self.bound = snapshot.bound or header.list

    def apply(self, ev: Event) -> None:
        after = ev.after
        if ev.kind == "profile":
            if after.province is not UNSET:
                self.province = after.province
            if after.types is not UNSET:
                self.types = after.types
        elif ev.kind == "list":
            if after.list_ref is not UNSET:
                self.bound = after.list_ref
        else:
            row = self.rows.get(ev.obligation)
            if row is None:
                row = self.rows[ev.obligation] = Row(UNTRACKED)
            row.apply(ev)

    def state(self) -> dict[str, Tracking]:
        return {oid: row.tracking() for oid, row in self.rows.items()}

    def tracking(self, oid: str) -> Tracking:
        row = self.rows.get(oid)
        return row.tracking() if row is not None else UNTRACKED

    def snapshot(self, events: list[Event], count: int, last_update: str | None) -> Snapshot:
        """The snapshot of this state, ``events`` being the changes folded last."""
        key = replay_order(events[-1]) if events else None
        return Snapshot(
            self.state(), last_update, key, count, self.province, self.types, self.bound
        )


def fold(
    header: Header,
    events: Iterable[Event],
    *,
    until: Callable[[Event], bool] | None = None,
) -> Fold:
    """The state after ``events`` (in replay order), stopping before the first change for which
    ``until`` is true (the command being undone; the end of a report's day)."""
    state = Fold(header)
    for ev in events:
        if until is not None and until(ev):
            break
        state.apply(ev)
    return state


class Ledger:
    """A ledger's header and its changes in replay order.

    A ledger read before (same bytes) comes with a snapshot of its current state from the cache;
    then its changes are decoded only when something asks for them (history, undo, merge, a
    report's progress over time), and ``list`` or ``mark`` on a long ledger skip the replay.
    """

    def __init__(
        self,
        path: Path,
        header: Header,
        events: list[Event] | None = None,
        *,
        snapshot: Snapshot | None = None,
        load: Callable[[], list[Event]] | None = None,
    ) -> None:
        self.path = path
        self.header = header
        self._events = events if events is not None or load is not None else []
        self._load = load
        self.snapshot = snapshot
        self._now: Fold | None = None
        # Obligations a corrected list changed, added or removed since the ledger was bound
        # (check_list finds them): their history is kept, and commands say so.
        self.list_changes: list[str] = []

    @property
    def events(self) -> list[Event]:
        if self._events is None:
            assert self._load is not None
            self._events = self._load()
        return self._events

    def with_header(self, header: Header) -> Ledger:
        """The same changes under another header (the one a write leaves)."""
        return Ledger(self.path, header, self._events, snapshot=self.snapshot, load=self._load)

    @property
    def count(self) -> int:
        """How many changes the file holds."""
        return self.snapshot.count if self.snapshot is not None else len(self.events)

    @property
    def missing(self) -> int:
        """How many changes fewer than its last write left the file holds: a copy cut off."""
        sealed = self.header.changes
        return max(0, sealed - self.count) if sealed is not None else 0

    @property
    def now(self) -> Fold:
        """The state at the end of the log (from the snapshot where there is one)."""
        if self._now is None:
            if self.snapshot is not None:
                self._now = Fold(self.header, self.snapshot)
            else:
                self._now = fold(self.header, self.events)
        return self._now

    @property
    def whose(self) -> tuple[str | None, tuple[str, ...]]:
        """The province and its types now: the header's, as later profile changes left them."""
        return self.now.province, self.now.types

    @property
    def bound(self) -> ListRef:
        """The list the ledger is bound to now: the header's, as re-bindings left it."""
        return self.now.bound

    @property
    def profile(self) -> Profile | None:
        return None if self.header.national else Profile.stored(self.whose[1])

    def state(self, as_of: datetime | None = None) -> dict[str, Tracking]:
        """Each obligation's tracking after replaying the log (up to ``as_of`` if given)."""
        if as_of is None:
            return self.now.state()
        return fold(self.header, self.events, until=lambda ev: ev.when > as_of).state()

    def before(self, command: str) -> Fold:
        """The state just before ``command``'s changes: what undoing it restores."""
        return fold(self.header, self.events, until=lambda ev: ev.command == command)

    @property
    def last_update(self) -> str | None:
        """When something last changed, as the changes' own clocks say."""
        if self.snapshot is not None:
            return self.snapshot.last_update
        latest = max(self.events, key=lambda ev: ev.when, default=None)
        return latest.at if latest else None

    @property
    def next_seq(self) -> int:
        """The logical clock of the next command: one more than any change here."""
        if self.snapshot is not None:
            key = self.snapshot.replay_key
            return (key[0] if key else 0) + 1
        return max((ev.seq for ev in self.events), default=0) + 1

    def entries(self, catalog: Catalog) -> list[Entry]:
        """The obligations this ledger tracks, with their requirement for its owner."""
        return tracked_entries(catalog, self.profile, self.header.department)

    def province(self, catalog: Catalog) -> str | None:
        """The reporting unit whose ledger this is (None: a ledger that names none)."""
        named = self.whose[0]
        return catalog.unit(named) if named else None

    def check_list(self, catalog: Catalog) -> None:
        """A ledger is never applied to another list silently, nor counted for a province the
        list does not know (火星省, or 广东省 with a zero-width space in it). A list file that
        differs only in comments, layout or key order is the same list; a corrected one (the
        same list id, obligations changed) is too, and ``list_changes`` names what changed."""
        h = self.bound
        named, types = self.whose
        if named is not None and self.province(catalog) is None:
            raise LedgerError("ledger_unknown_province", path=str(self.path), value=named)
        unknown = [key for key in types if key not in catalog.categories.by_key]
        if unknown:
            raise LedgerError(
                "ledger_unknown_category",
                path=str(self.path),
                value=unknown[0],
                valid=catalog.categories.valid("en"),
                valid_zh=catalog.categories.valid("zh"),
            )
        if h.sha256 == catalog.source.digest:
            return
        bound = h.obligations or known_version(h.sha256)
        if bound is not None and h.id == catalog.task_list.id:
            now = catalog.fingerprints
            self.list_changes = sorted(
                {oid for oid in bound.keys() | now.keys() if bound.get(oid) != now.get(oid)},
                key=id_key,
            )
            return  # the same list; list_changes names what a correction changed
        raise LedgerError(
            "ledger_other_list",
            path=str(self.path),
            ledger_list=f"{h.id} ({h.year}, sha256 {h.sha256[:12]})",
            current=f"{catalog.task_list.id} ({catalog.task_list.year}, "
            f"sha256 {catalog.source.digest[:12]})",
        )


def in_replay_order(events: list[Event]) -> list[Event]:
    return sorted(events, key=replay_order)


def apply(current: Tracking, ev: Event) -> Tracking:
    """One obligation's tracking after one more change."""
    row = Row(current)
    row.apply(ev)
    return row.tracking()


class Row:
    """One obligation's tracking while a replay runs: mutable, so that replaying ten thousand
    changes does not build ten thousand Trackings, with a set beside the evidence so that
    accumulating it stays linear."""

    __slots__ = (
        "status",
        "note",
        "evidence",
        "seen",
        "owner",
        "due",
        "updated",
        "by",
        "note_at",
        "status_at",
    )

    def __init__(self, tr: Tracking) -> None:
        self.status, self.note, self.owner, self.due = tr.status, tr.note, tr.owner, tr.internal_due
        self.evidence = list(tr.evidence)
        self.seen = set(tr.evidence)
        self.updated, self.by = tr.updated, tr.by
        self.note_at, self.status_at = tr.note_at, tr.status_at

    def apply(self, ev: Event) -> None:
        after = ev.after
        if ev.kind == "status":
            if after.status is not UNSET:
                if after.status is not self.status:
                    self.status_at = ev.at
                self.status = after.status
            if after.note is not UNSET:  # an undo restores note and evidence exactly
                if after.note != self.note:
                    self.note_at = ev.at
                self.note = after.note
                self.evidence = list(after.evidence) if after.evidence is not UNSET else []
                self.seen = set(self.evidence)
            else:  # a mark without --note keeps the last note; evidence accumulates
                if ev.note is not None:
                    self.note, self.note_at = ev.note, ev.at
                for ref in ev.evidence:
                    if ref not in self.seen:
                        self.seen.add(ref)
                        self.evidence.append(ref)
        else:
            if after.owner is not UNSET:
                self.owner = after.owner
            if after.due is not UNSET:
                self.due = after.due.isoformat() if after.due else None
        self.updated, self.by = ev.at, ev.by

    def tracking(self) -> Tracking:
        return Tracking(
            self.status,
            self.note,
            tuple(self.evidence),
            self.owner,
            self.due,
            self.updated,
            self.by,
            self.note_at,
            self.status_at,
        )
