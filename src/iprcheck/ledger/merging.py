"""Folding a colleague's copy of a ledger into this one, and naming where both changed apart.

Changes are identified by their event ids, so a merge adds exactly what this copy lacks, and
replay order makes two copies merged either way end in the same state. A conflict is a field
(status, note, owner, due) that both copies set to different values: the later change wins, the
other stays in history, and both people are told.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from msgspec import UNSET, Struct

from ..obligations import UNTRACKED, id_key
from ..tasklist.catalog import known_version
from .clock import dated_ahead
from .codec import LedgerError
from .records import Event, Header, ListRef
from .replay import Ledger, in_replay_order

_FIELD_OF = {"owner": "owner", "due": "internal_due"}  # a change's name -> Tracking's


class MergeResult(Struct, frozen=True):
    added: list[Event]
    conflicts: list[str]  # obligations both copies changed differently
    ahead: list[str] = []  # obligations with a change merged in dated past this clock


def merge_events(ours: Ledger, theirs: Ledger) -> MergeResult:
    """What ``theirs`` has that ``ours`` lacks, and where both changed an obligation apart."""
    h1, h2 = ours.header, theirs.header
    if not _same_list(ours.bound, theirs.bound):
        raise LedgerError("merge_other_list", path=str(theirs.path))
    if (h1.province, h1.national, h1.department) != (
        h2.province,
        h2.national,
        h2.department,
    ) or h1.ledger != h2.ledger:
        same_owner = whose(h1) == whose(h2)
        raise LedgerError(
            "merge_separate_ledger" if same_owner else "merge_other_ledger",
            path=str(theirs.path),
            ours=whose(h1),
            theirs=whose(h2),
        )
    ours_by_id = {ev.event: ev for ev in ours.events}
    ours_ids = ours_by_id.keys()
    added = [ev for ev in theirs.events if ev.event not in ours_ids]
    reworded = [ev for ev in theirs.events if ours_by_id.get(ev.event, ev) != ev]
    if reworded:  # one change, two contents: one copy was altered, and neither may win
        raise LedgerError(
            "merge_reworded",
            path=str(theirs.path),
            ids=", ".join(sorted({ev.obligation or "—" for ev in reworded}, key=_order)),
        )
    forged = [ev for ev in bad_undos([*ours.events, *added]) if ev.event not in ours_ids]
    if forged:
        raise LedgerError(
            "merge_bad_undo",
            path=str(theirs.path),
            ids=", ".join(sorted({ev.obligation for ev in forged}, key=id_key)),
        )
    theirs_ids = {ev.event for ev in theirs.events}
    mine = _touched(ev for ev in ours.events if ev.event not in theirs_ids)
    yours = _touched(added)
    ours_state, theirs_state = ours.state(), theirs.state()
    conflicts = sorted(
        (
            oid
            for oid in mine.keys() & yours.keys()
            if any(
                getattr(ours_state.get(oid, UNTRACKED), name)
                != getattr(theirs_state.get(oid, UNTRACKED), name)
                for name in mine[oid] & yours[oid]
            )
        ),
        key=id_key,
    )
    # The copy that merged first already holds both sides' changes; merged back, its changes
    # are not "its own" any more. What still shows they were made apart: a change whose
    # recorded "before" is not what stood when it is replayed.
    merged = in_replay_order([*ours.events, *added])
    unseen = _made_apart(merged, {ev.event for ev in added})
    ahead = sorted({ev.obligation for ev in dated_ahead(added)}, key=id_key)
    return MergeResult(added, sorted({*conflicts, *unseen}, key=id_key), ahead)


def _same_list(a: ListRef, b: ListRef) -> bool:
    """Bound to one list: the same file, or the same list id with the same obligations, or one
    copy re-bound to a correction of the other's (iprcheck upgrade), which the merge carries."""
    if a.sha256 == b.sha256:
        return True
    ours = a.obligations or known_version(a.sha256)
    theirs = b.obligations or known_version(b.sha256)
    return a.id == b.id and ours is not None and theirs is not None


def bad_undos(events: list[Event]) -> list[Event]:
    """The undo records that do not revert exactly the command they name: an undo changes the
    same obligations, in the same way (a status, or the same assignment fields), as the command
    it reverts, after it, restoring a status's note and evidence whole. A record that fails
    this was not written by an undo (a forged or damaged copy), and is never taken for one."""
    by_command: dict[str, list[Event]] = {}
    for ev in events:
        by_command.setdefault(ev.command, []).append(ev)
    out = []
    for changes in by_command.values():
        named = {ev.undo_of for ev in changes}
        if named == {None}:
            continue
        target = by_command.get(next(iter(named)) or "", []) if len(named) == 1 else []
        if not target or any(ev.undo_of for ev in target) or not _reverts(changes, target):
            out += changes
    return out


def _reverts(undo: list[Event], target: list[Event]) -> bool:
    def shape(ev: Event) -> tuple[str, str, frozenset[str]]:
        fields = frozenset(ev.after.given()) if ev.kind == "assign" else frozenset()
        return ev.obligation, ev.kind, fields

    if sorted(map(shape, undo)) != sorted(map(shape, target)):
        return False
    last = max(ev.when for ev in target)
    return all(
        ev.when >= last
        and (ev.kind != "status" or (ev.after.note is not UNSET and ev.after.evidence is not UNSET))
        for ev in undo
    )


def _made_apart(merged: list[Event], new: set[str]) -> set[str]:
    """Obligations where a change, or the one it follows, is new in this merge, and it was made
    without seeing the one before it (its recorded "before" is not what stood), to another
    value: the status, the note (changes that record the note they saw), owner or due."""
    last: dict[tuple[str, str], tuple[Any, str]] = {}  # (obligation, field) -> (value, event)
    out: set[str] = set()
    for ev in merged:
        if ev.kind in ("profile", "list"):
            continue
        before = ev.before.given()
        for name, value in _sets(ev).items():
            key = (ev.obligation, name)
            prev = last.get(key)
            if (
                prev is not None
                and (ev.event in new or prev[1] in new)
                and name in before
                and before[name] != prev[0]
                and value != prev[0]
            ):
                out.add(ev.obligation)
            last[key] = (value, ev.event)
    return out


def _sets(ev: Event) -> dict[str, Any]:
    """The fields a change sets, and to what."""
    if ev.kind != "status":
        return ev.after.given()
    out: dict[str, Any] = {"status": ev.after.status}
    if ev.after.note is not UNSET:  # an undo restores it
        out["note"] = ev.after.note
    elif ev.note is not None:
        out["note"] = ev.note
    return out


def _touched(events: Iterable[Event]) -> dict[str, set[str]]:
    """Per obligation, what these changes set (as Tracking names it). One copy giving an owner
    while the other marks the status is no conflict: both stay. Evidence only accumulates, so it
    never conflicts."""
    out: dict[str, set[str]] = {}
    for ev in events:
        if ev.kind in ("profile", "list"):  # the later one wins, as any field's does
            continue
        names = out.setdefault(ev.obligation, set())
        if ev.kind == "status":
            names.add("status")
            if ev.note is not None or ev.after.note is not UNSET:
                names.add("note")
        else:
            names.update(_FIELD_OF[k] for k in ev.after.given())
    return out


def _order(oid: str) -> tuple[int, ...]:
    return id_key(oid) if oid != "—" else ()


def whose(h: Header) -> str:
    """A ledger's owner in a message: its province, else the national office or its profile."""
    if h.province:
        return h.province
    if h.national:
        return "national" + (f" {h.department}" if h.department else "")
    return "/".join(h.types)
