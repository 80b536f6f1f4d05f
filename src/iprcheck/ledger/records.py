"""The records of a ledger file: its header, and one change to one obligation per line.

Typed ``msgspec.Struct`` records, so that a line is checked by its types as it is decoded (a
string is not a boolean, a time has its UTC offset, a status is one of the vocabulary's). The
layout is documented in the README; ``VERSION`` changes only when the file format does.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Annotated, Any, Literal

import msgspec
from msgspec import UNSET, Meta, Struct, UnsetType, field

from ..dates import YEARS
from ..tasklist.model import ID_DIGITS
from ..vocab import Status

FORMAT = "iprcheck-ledger"
# Only change this if the file format changes. 2: a ledger may hold profile changes, which
# version 1 readers do not know; a ledger without any is still written as version 1.
VERSION = 2
PROFILE_VERSION = 2
DEFAULT_NAME = "iprcheck-ledger.jsonl"


Time = Annotated[datetime, Meta(tz=True)]
# An obligation (6.2, or a plan's item 12), or "" for a change to the whole ledger (its profile,
# its list).
ObligationId = Annotated[
    str, Meta(pattern=rf"^([0-9]{{1,{ID_DIGITS}}}(\.[0-9]{{1,{ID_DIGITS}}})?)?$")
]


class ListRef(Struct, frozen=True, forbid_unknown_fields=True):
    """The task list a ledger tracks."""

    id: str
    year: Annotated[int, Meta(ge=YEARS[0], le=YEARS[1])]
    title: str
    sha256: str
    # Each obligation's fingerprint when the ledger was bound (Catalog.fingerprints).
    obligations: dict[str, str] | None = None


class Header(Struct, frozen=True, forbid_unknown_fields=True):
    """Line 1 of a ledger: whose it is, and which list it tracks."""

    ledger: str
    created: Time
    types: tuple[str, ...]  # province category keys, as the list declares them
    national: bool
    list: ListRef
    province: str | None = None
    department: str | None = None
    format: Literal["iprcheck-ledger"] = "iprcheck-ledger"
    version: int = 1
    # How many change lines the file held when iprcheck last wrote it: a copy holding fewer
    # was cut off (a download or a copy that stopped at a line end). Every write rewrites it;
    # a ledger from before it was kept has none.
    changes: Annotated[int, Meta(ge=0)] | None = None

    def to_json(self, version: int = 1) -> dict[str, Any]:
        out = {
            "format": FORMAT,
            "version": version,
            "ledger": self.ledger,
            "created": iso(self.created),
            "province": self.province,
            "types": list(self.types),
            "national": self.national,
            "department": self.department,
            "list": {k: v for k, v in msgspec.to_builtins(self.list).items() if v is not None},
        }
        if self.changes is not None:
            out["changes"] = self.changes
        return out


class Fields(Struct, frozen=True, forbid_unknown_fields=True):
    """What a change sets (``after``) or found (``before``); a field not given is UNSET.

    A status change sets ``status``; an undo of one restores ``note`` and ``evidence`` exactly
    too. An assignment sets ``owner`` and/or ``due`` (None clears either)."""

    status: Status | UnsetType = UNSET
    note: str | None | UnsetType = UNSET
    evidence: tuple[str, ...] | UnsetType = UNSET
    owner: str | None | UnsetType = UNSET
    due: date | None | UnsetType = UNSET
    province: str | None | UnsetType = UNSET  # a profile change
    types: tuple[str, ...] | UnsetType = UNSET  # a profile change
    list_ref: ListRef | UnsetType = field(default=UNSET, name="list")  # a re-binding (upgrade)

    def given(self) -> dict[str, Any]:
        """The fields set, by name."""
        return {
            name: value
            for name in self.__struct_fields__
            if (value := getattr(self, name)) is not UNSET
        }


class Event(Struct, frozen=True, forbid_unknown_fields=True):
    """One change to one obligation; the changes of one command share its id and time."""

    event: str
    command: str
    when: Time = field(name="at")
    by: str
    kind: Literal["status", "assign", "profile", "list"]
    obligation: ObligationId
    before: Fields
    after: Fields
    note: str | None = None
    evidence: tuple[str, ...] = ()
    undo_of: str | None = None
    # A logical clock (Lamport): one more than the highest in the ledger the command was
    # recorded in. Changes replay in this order, so a PC whose clock is wrong (2021, 2199)
    # never reorders anyone's work; the time is kept for people to read. Changes written
    # before the counter existed have none and come first, in time order.
    seq: Annotated[int, Meta(ge=0)] = 0

    @property
    def at(self) -> str:
        return iso(self.when)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "event": self.event,
            "command": self.command,
            "at": self.at,
            "by": self.by,
            "kind": self.kind,
            "obligation": self.obligation,
            "before": msgspec.to_builtins(self.before),
            "after": msgspec.to_builtins(self.after),
        }
        if self.note is not None:
            out["note"] = self.note
        if self.evidence:
            out["evidence"] = list(self.evidence)
        if self.undo_of:
            out["undo_of"] = self.undo_of
        if self.seq:
            out["seq"] = self.seq
        return out


def iso(when: datetime) -> str:
    """A time as every ledger line writes it: ``2020-05-01T09:30:00.000000+08:00``."""
    return when.isoformat(timespec="microseconds")


def line(record: dict[str, Any]) -> str:
    # Not ensure_ascii: a person opening the ledger must be able to read the Chinese in it.
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": ")) + "\n"
