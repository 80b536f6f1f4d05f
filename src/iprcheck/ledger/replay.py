"""A ledger as read: its header and its changes in replay order, replayed into state.

Changes replay in time order, then by command, obligation and event id — never by where a line
sits in the file — so two copies merged either way end in the same state.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import cache
from pathlib import Path

from msgspec import UNSET, Struct

from ..obligations import UNTRACKED, Entry, Profile, Tracking, id_key, tracked_entries
from ..tasklist import Catalog
from ..tasklist.catalog import known_version
from ..vocab import ProvinceType
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
    types: tuple[ProvinceType, ...] = ()
    bound: ListRef | None = None  # as re-bindings (upgrade) leave it


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
    def whose(self) -> tuple[str | None, tuple[ProvinceType, ...]]:
        """The province and its types now: the header's, as later profile changes left them."""
        if self.snapshot is not None:
            return self.snapshot.province, self.snapshot.types
        province, types = self.header.province, self.header.types
        for ev in self.events:
            if ev.kind == "profile":
                if ev.after.province is not UNSET:
                    province = ev.after.province
                if ev.after.types is not UNSET:
                    types = ev.after.types
        return province, types

    @property
    def bound(self) -> ListRef:
        """The list the ledger is bound to now: the header's, as re-bindings left it."""
        if self.snapshot is not None and self.snapshot.bound is not None:
            return self.snapshot.bound
        ref = self.header.list
        if self.snapshot is None:
            for ev in self.events:
                if ev.kind == "list" and ev.after.list_ref is not UNSET:
                    ref = ev.after.list_ref
        return ref

    @property
    def profile(self) -> Profile | None:
        return None if self.header.national else Profile.of(self.whose[1])

    def state(self, as_of: datetime | None = None) -> dict[str, Tracking]:
        """Each obligation's tracking after replaying the log (up to ``as_of`` if given)."""
        if as_of is None and self.snapshot is not None:
            return dict(self.snapshot.state)
        rows: dict[str, Row] = {}
        for ev in self.events:
            if as_of is not None and ev.when > as_of:
                break
            if ev.kind in ("profile", "list"):
                continue
            row = rows.get(ev.obligation)
            if row is None:
                row = rows[ev.obligation] = Row(UNTRACKED)
            row.apply(ev)
        return {oid: row.tracking() for oid, row in rows.items()}

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
        named = self.whose[0]
        if named is not None and self.province(catalog) is None:
            raise LedgerError("ledger_unknown_province", path=str(self.path), value=named)
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
