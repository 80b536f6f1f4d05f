"""The progress ledger: an append-only change log in one JSON Lines file, replayed into state.

Why this design: a log gives history, undo and merge for free, and a text file can be opened,
copied, e-mailed and archived. Every write rewrites the file to a temporary sibling and renames it
over the original under an exclusive lock, so a crash or ``kill -9`` at any instant leaves either
the old or the new ledger — never half of one — and concurrent writers queue instead of
interleaving. A ledger that does not parse is never written to.

Layout (documented in the README): line 1 is the header, every further line one change.
"""

from __future__ import annotations

import codecs
import contextlib
import gc
import json
import os
import re
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .errors import IprcheckError, Msg
from .records import UNTRACKED, Tracking

if TYPE_CHECKING:
    from .applicability import Entry, Profile
    from .catalog import Catalog

FORMAT = "iprcheck-ledger"
VERSION = 1  # only change this if the file format changes
DEFAULT_NAME = "iprcheck-ledger.jsonl"
MAX_BYTES = 256 * 1024 * 1024

STATUS_ALIASES = {
    "todo": "todo",
    "in-progress": "in-progress",
    "done": "done",
    "blocked": "blocked",
    "waived": "waived",
    "未开始": "todo",
    "进行中": "in-progress",
    "已完成": "done",
    "受阻": "blocked",
    "不适用": "waived",
}
STATUSES = ("todo", "in-progress", "done", "blocked", "waived")


class LedgerError(IprcheckError):
    """A ledger that cannot be read or written; the file is left as it was."""


# ---------------------------------------------------------------------------------------------
# The records.


@dataclass(frozen=True)
class Header:
    ledger: str
    created: str
    province: str | None
    types: tuple[str, ...]
    national: bool
    department: str | None
    list_id: str
    list_year: int
    list_title: str
    list_sha256: str

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "ledger": self.ledger,
            "created": self.created,
            "province": self.province,
            "types": list(self.types),
            "national": self.national,
            "department": self.department,
            "list": {
                "id": self.list_id,
                "year": self.list_year,
                "title": self.list_title,
                "sha256": self.list_sha256,
            },
        }


@dataclass(slots=True)
class Event:
    """One change to one obligation. ``kind`` is ``status`` or ``assign``.

    Treat it as read-only. It is not frozen because a large ledger builds ten thousand of these
    on every command, and a frozen dataclass costs three times as much to build.
    """

    event: str
    command: str
    at: str
    by: str
    kind: str
    obligation: str
    before: dict[str, Any]
    after: dict[str, Any]
    note: str | None = None
    evidence: tuple[str, ...] = ()
    undo_of: str | None = None
    # ``at`` parsed once: replay order, ``as_of`` and the reports compare it again and again.
    when: datetime = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.when = datetime.fromisoformat(self.at)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "event": self.event,
            "command": self.command,
            "at": self.at,
            "by": self.by,
            "kind": self.kind,
            "obligation": self.obligation,
            "before": self.before,
            "after": self.after,
        }
        if self.note is not None:
            out["note"] = self.note
        if self.evidence:
            out["evidence"] = list(self.evidence)
        if self.undo_of:
            out["undo_of"] = self.undo_of
        return out


def replay_order(ev: Event) -> tuple[float, str, tuple[int, ...], str]:
    """Time decides; within one command, the list's order. Independent of where a line sits in
    the file, so that two copies merged either way replay the same."""
    # Time as a number: datetimes with different UTC offset objects compare ten times slower,
    # and sorting a large ledger is mostly such comparisons. A float keeps microseconds apart
    # until the year 2200, and one instant written with two offsets is still one number.
    return (ev.when.timestamp(), ev.command, _id_key(ev.obligation), ev.event)


# Bounded: digits past a few thousand make int() refuse, and no list has 10,000 tasks.
_OBLIGATION_ID = re.compile(r"[0-9]{1,4}\.[0-9]{1,4}")
_ID_KEYS: dict[str, tuple[int, ...]] = {}


def _id_key(oid: str) -> tuple[int, ...]:
    # A ledger names a few dozen obligations ten thousand times: split each name once.
    key = _ID_KEYS.get(oid)
    if key is None:
        key = _ID_KEYS[oid] = tuple(int(p) for p in oid.split("."))
    return key


def _line(record: dict[str, Any]) -> str:
    # Not ensure_ascii: a person opening the ledger must be able to read the Chinese in it.
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": ")) + "\n"


# ---------------------------------------------------------------------------------------------
# Reading.


class Ledger:
    """A ledger as read: its header, and its changes in replay order.

    A ledger read before (same bytes) comes with a snapshot of its current state from the cache;
    then its changes are parsed only when something asks for them (history, undo, merge, a
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

    @property
    def events(self) -> list[Event]:
        if self._events is None:
            assert self._load is not None
            self._events = self._load()
        return self._events

    @property
    def profile(self) -> Profile | None:
        from .applicability import Profile

        return None if self.header.national else Profile.of(self.header.types)

    def state(self, as_of: datetime | None = None) -> dict[str, Tracking]:
        """Each obligation's tracking after replaying the log (up to ``as_of`` if given)."""
        if as_of is None and self.snapshot is not None:
            return dict(self.snapshot.state)
        rows: dict[str, _Row] = {}
        for ev in self.events:
            if as_of is not None and ev.when > as_of:
                break
            row = rows.get(ev.obligation)
            if row is None:
                row = rows[ev.obligation] = _Row(UNTRACKED)
            row.apply(ev)
        return {oid: row.tracking() for oid, row in rows.items()}

    @property
    def last_update(self) -> str | None:
        if self.snapshot is not None:
            return self.snapshot.last_update
        # The events are in replay order, which is time order first.
        return self.events[-1].at if self.events else None

    def entries(self, catalog: Catalog) -> list[Entry]:
        """The obligations this ledger tracks, with their requirement for its owner."""
        return tracked_entries(catalog, self.profile, self.header.department)

    def check_list(self, catalog: Catalog) -> None:
        h = self.header
        if h.list_sha256 != catalog.source.digest:
            raise LedgerError(
                "ledger_other_list",
                path=str(self.path),
                ledger_list=f"{h.list_id} ({h.list_year}, sha256 {h.list_sha256[:12]})",
                current=f"{catalog.task_list.id} ({catalog.task_list.year}, "
                f"sha256 {catalog.source.digest[:12]})",
            )


def apply(current: Tracking, ev: Event) -> Tracking:
    """One obligation's tracking after one more change."""
    row = _Row(current)
    row.apply(ev)
    return row.tracking()


class _Row:
    """One obligation's tracking while a replay runs: mutable, so that replaying ten thousand
    changes does not build ten thousand Trackings, with a set beside the evidence so that
    accumulating it stays linear."""

    __slots__ = ("status", "note", "evidence", "seen", "owner", "due", "updated", "by")

    def __init__(self, tr: Tracking) -> None:
        self.status, self.note, self.owner, self.due = tr.status, tr.note, tr.owner, tr.internal_due
        self.evidence = list(tr.evidence)
        self.seen = set(tr.evidence)
        self.updated, self.by = tr.updated, tr.by

    def apply(self, ev: Event) -> None:
        after = ev.after
        if ev.kind == "status":
            self.status = after.get("status", self.status)
            if "note" in after:  # an undo restores note and evidence exactly
                self.note = after["note"]
                self.evidence = list(after.get("evidence") or ())
                self.seen = set(self.evidence)
            else:  # a mark without --note keeps the last note; evidence accumulates
                if ev.note is not None:
                    self.note = ev.note
                for ref in ev.evidence:
                    if ref not in self.seen:
                        self.seen.add(ref)
                        self.evidence.append(ref)
        else:
            self.owner = after.get("owner", self.owner)
            self.due = after.get("due", self.due)
        self.updated, self.by = ev.at, ev.by

    def tracking(self) -> Tracking:
        evidence = tuple(self.evidence)
        return Tracking(
            self.status, self.note, evidence, self.owner, self.due, self.updated, self.by
        )


def tracked_entries(
    catalog: Catalog, profile: Profile | None, department: str | None
) -> list[Entry]:
    """A province tracks what its profile owes; the national office its own measures."""
    from .applicability import Entry, entries
    from .models import Actor, Requirement

    if profile is not None:
        return entries(catalog.obligations, profile)
    return [
        Entry(o, Requirement.MANDATORY)
        for o in catalog.obligations
        if o.actor is Actor.NATIONAL and (department is None or department in o.departments)
    ]


def read(path: Path) -> Ledger:
    """Parse a ledger; any problem is a LedgerError naming the file, the line and what to do."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise LedgerError(
                "ledger_bad", path=str(path), line=1, problem=Msg("lg_too_large", size=size)
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise LedgerError("ledger_missing", path=str(path)) from None
    except IsADirectoryError:
        raise LedgerError("ledger_missing", path=str(path)) from None
    except OSError as exc:
        raise IprcheckError("file_unreadable", path=str(path), reason=exc) from None
    return parse(path, data)


@dataclass(frozen=True)
class Snapshot:
    """The state at the end of a ledger's log, and when it last changed."""

    state: dict[str, Tracking]
    last_update: str | None
    replay_key: tuple[float, str, tuple[int, ...], str] | None  # the last change's place


# A short ledger replays faster than a cache file is read and written.
SNAPSHOT_MIN_EVENTS = 200
# Ledgers whose snapshots are kept: a national rollup reads 32, a test of scale 1,000. At about
# 4 KB each that is 4 MB at most; fewer and a large rollup's snapshots evict one another.
SNAPSHOT_KEEP = 1024


def _snapshot_key(digest: str) -> dict[str, Any]:
    from . import __version__
    from .cache import stamp

    return {
        "sha256": digest,
        "iprcheck": __version__,
        "format": VERSION,
        "code": stamp(Path(__file__), Path(__file__).with_name("records.py")),
    }


def _snapshot_read(path: Path, data: bytes, digest: str) -> Ledger | None:
    from . import cache

    payload = cache.read("ledger", _snapshot_key(digest))
    if payload is None:
        return None
    try:

        def bad(line: int, problem: Msg) -> LedgerError:
            return LedgerError("ledger_bad", path=str(path), line=line, problem=problem)

        header = _parse_header(payload["header"], 1, bad)
        state = {
            oid: Tracking(st, note, tuple(ev), owner, due, upd, by)
            for oid, (st, note, ev, owner, due, upd, by) in payload["state"].items()
        }
        # The key matched, but the entry is a file anyone with this account could have edited:
        # what reaches a report must still be what a parsed ledger could hold.
        if not all(_trackable(oid, tr) for oid, tr in state.items()):
            return None
        key = payload["replay_key"]
        replay_key = (key[0], key[1], tuple(key[2]), key[3]) if key else None
        if replay_key is not None and not _replay_key_shaped(replay_key):
            return None
        last = payload["last_update"]
        if last is not None:
            _aware(last)
        snap = Snapshot(state, last, replay_key)
    except Exception:
        return None
    return Ledger(path, header, snapshot=snap, load=lambda: _parse(path, data).events)


def _trackable(oid: str, tr: Tracking) -> bool:
    return (
        _OBLIGATION_ID.fullmatch(oid) is not None
        and tr.status in STATUSES
        and all(_optional_text(v) for v in (tr.note, tr.owner, tr.updated, tr.by))
        and _texts(tr.evidence)
        and _encodable(tr.note, tr.owner, tr.by, *tr.evidence)
        and _assign_problem({"due": tr.internal_due}) is None
        and (tr.updated is None or _is_time(tr.updated))
    )


def _replay_key_shaped(key: tuple[Any, ...]) -> bool:
    """What ``replay_order`` makes: a time as a number, the command, the id's parts, the event."""
    stamp, command, parts, event = key
    return (
        type(stamp) in (int, float)
        and type(command) is type(event) is str
        and all(type(p) is int for p in parts)
    )


def _encodable(*texts: str | None) -> bool:
    """No half characters (lone surrogates), which the parser refuses in a ledger's file."""
    try:
        "".join(t for t in texts if t).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _is_time(at: str) -> bool:
    try:
        _aware(at)
    except ValueError:
        return False
    return True


def _snapshot_write(digest: str, ledger: Ledger) -> None:
    events = ledger.events
    if len(events) >= SNAPSHOT_MIN_EVENTS:
        snap = Snapshot(ledger.state(), ledger.last_update, replay_order(events[-1]))
        _store(digest, ledger.header, snap)


def _store(digest: str, header: Header, snap: Snapshot) -> None:
    from . import cache

    state = {
        oid: [tr.status, tr.note, list(tr.evidence), tr.owner, tr.internal_due, tr.updated, tr.by]
        for oid, tr in snap.state.items()
    }
    key = snap.replay_key
    payload = {
        "header": header.to_json(),
        "state": state,
        "last_update": snap.last_update,
        "replay_key": [key[0], key[1], list(key[2]), key[3]] if key else None,
    }
    cache.write("ledger", _snapshot_key(digest), payload, keep=SNAPSHOT_KEEP)


def _digest(data: bytes) -> str:
    """The sha256 of a ledger's bytes. A write only appends, so the bytes written extend the
    bytes read: hashing goes on from where reading left off instead of from the start (a
    3 MB ledger costs 2 ms a hash)."""
    from .cache import sha256_of

    for before, hasher in _LAST_HASHED:
        if len(data) > len(before) and data.startswith(before):
            hashed = hasher.copy()
            hashed.update(memoryview(data)[len(before) :])
            break
    else:
        hashed = sha256_of(data)
    _LAST_HASHED[:] = [(data, hashed)]
    return str(hashed.hexdigest())


_LAST_HASHED: list[tuple[bytes, Any]] = []


def parse(path: Path, data: bytes) -> Ledger:
    """The ledger these bytes hold: from the snapshot cache when it has seen them, else parsed
    (and, when long, snapshotted for next time)."""
    digest = _digest(data)
    cached = _snapshot_read(path, data, digest)
    if cached is not None:
        return cached
    ledger = _parse(path, data)
    _snapshot_write(digest, ledger)
    return ledger


def _parse(path: Path, data: bytes) -> Ledger:
    def bad(line: int, problem: Msg) -> LedgerError:
        return LedgerError("ledger_bad", path=str(path), line=line, problem=problem)

    if data.startswith(codecs.BOM_UTF8):  # Windows Notepad's mark: not part of the text
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise bad(data[: exc.start].count(b"\n") + 1, Msg("lg_not_utf8")) from None
    with _collector_paused():
        header, events = _scan(text, bad) or _scan_lines(text, bad)
    if len({ev.event for ev in events}) != len(events):
        _, _, numbers = _records_by_line(text, bad)
        seen: set[str] = set()
        for n, ev in zip(numbers[1:], events, strict=True):
            if ev.event in seen:
                raise bad(n, Msg("lg_event_twice", event=_short(ev.event)))
            seen.add(ev.event)
    if _ESCAPED_SURROGATE.search(text):
        _refuse_half_characters(text, header, events, bad)
    if not _in_replay_order(events):
        events.sort(key=replay_order)
    return Ledger(path, header, events)


# JSON can spell half of a UTF-16 pair ("\ud800"), which decodes to a string no UTF-8 file,
# terminal or report can hold. Rare, so the whole text is searched once before any record is.
_ESCAPED_SURROGATE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _refuse_half_characters(text: str, header: Header, events: list[Event], bad: Any) -> None:
    _, _, numbers = _records_by_line(text, bad)
    records = [header.to_json(), *(ev.to_json() for ev in events)]
    for n, record in zip(numbers, records, strict=True):
        try:
            json.dumps(record, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise bad(n, Msg("lg_half_character")) from None


def _in_replay_order(events: list[Event]) -> bool:
    """Whether the file lists its changes in replay order already, as it does unless copies were
    merged or a clock went back. Decided on the text of the times, five times cheaper than a
    sort: that text orders like the time where every time has the layout iprcheck writes
    (``2020-05-01T09:30:00.000000+08:00``) and one UTC offset; anything else answers False."""
    prev: Event | None = None
    for ev in events:
        at = ev.at
        if len(at) != 32 or at[10] != "T" or at[19] != "." or at[26] not in "+-":
            return False
        if prev is not None:
            before = prev.at
            if before[26:] != at[26:] or before > at:
                return False
            if before == at and _tie_key(prev) > _tie_key(ev):
                return False
        prev = ev
    return True


def _tie_key(ev: Event) -> tuple[str, tuple[int, ...], str]:
    """``replay_order`` without the time, for two changes known to share it."""
    return (ev.command, _ID_KEYS[ev.obligation], ev.event)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Parsing makes a hundred thousand young objects and no cycles; the garbage collector would
    walk them again and again for nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# The C scanner inside json.loads, called at a position: no line is ever copied out.
_SCAN: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
_BLANK = re.compile(r"[ \t\r\n]*")
_LINE_END = re.compile(r"[ \t\r]*(?:\n|\Z)")


def _scan(text: str, bad: Any) -> tuple[Header, list[Event]] | None:
    """The fast way: decode record after record in place, turning each into an Event at once.

    No copies of the text and no list of every record: on a large ledger that is most of the
    cost of a command. Returns None at anything wrong with the JSON or the line layout, for
    ``_scan_lines`` to name; a record that is JSON but not a change is named here.
    """
    size = len(text)
    header: Header | None = None
    events: list[Event] = []
    pos, line = 0, 1
    while True:
        if pos < size and text[pos] != "{":  # blank lines, which a hand edit easily leaves
            skip = _BLANK.match(text, pos).end()  # type: ignore[union-attr]  # always matches
            line += text.count("\n", pos, skip)
            pos = skip
        if pos >= size:
            break
        try:
            record, end = _SCAN(text, pos)
        except (StopIteration, ValueError, RecursionError):  # ValueError: a 5,000-digit number
            return None
        if text.find("\n", pos, end) != -1:  # one record over several lines: not this format
            return None
        if header is None:
            header = _parse_header(record, line, bad)
        else:
            events.append(_event(record, line, bad))
        if end < size and text[end] == "\n":
            pos = end + 1
        else:  # spaces or a carriage return before the line end, or the text's end
            ending = _LINE_END.match(text, end)
            if ending is None:
                return None
            pos = ending.end()
        line += 1
    if header is None:
        raise bad(1, Msg("lg_empty"))
    return header, events


def _scan_lines(text: str, bad: Any) -> tuple[Header, list[Event]]:
    """The slow way, when the fast one stops: names the first line that is wrong."""
    header, events, _ = _records_by_line(text, bad)
    return header, events


def _records_by_line(text: str, bad: Any) -> tuple[Header, list[Event], list[int]]:
    """One line at a time, blank lines skipped: the header, the changes and their lines."""
    lines = text.split("\n")
    # A last line without its line end is a record cut short, or an editor that saves files
    # so; the JSON decides which.
    unended = len(lines) if lines[-1].strip() else 0
    header: Header | None = None
    events: list[Event] = []
    numbers: list[int] = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError):
            if n == unended:
                raise bad(n, Msg("lg_cut_short")) from None
            raise bad(n, Msg("lg_not_json")) from None
        except ValueError:
            raise bad(n, Msg("lg_number_too_long")) from None
        if header is None:
            header = _parse_header(record, n, bad)
        else:
            events.append(_event(record, n, bad))
        numbers.append(n)
    if header is None:
        raise bad(1, Msg("lg_empty"))
    return header, events, numbers


def _parse_header(rec: Any, n: int, bad: Any) -> Header:
    if not isinstance(rec, dict) or rec.get("format") != FORMAT:
        raise bad(n, Msg("lg_not_ledger"))
    version = rec.get("version")
    if type(version) is not int or version < 1:
        raise bad(n, Msg("lg_unknown_version", version=_short(version)))
    if version > VERSION:
        raise bad(
            n,
            Msg("lg_newer_version", version=_short(version), reads=VERSION),
        )
    try:
        lst = rec["list"]
        types = rec["types"]
        header = Header(
            ledger=_str(rec["ledger"]),
            created=_str(rec["created"]),
            province=_opt_str(rec.get("province")),
            types=tuple(_str(t) for t in types),
            national=bool(rec["national"]),
            department=_opt_str(rec.get("department")),
            list_id=_str(lst["id"]),
            list_year=int(lst["year"]),
            list_title=_str(lst["title"]),
            list_sha256=_str(lst["sha256"]),
        )
        _aware(header.created)
    except (KeyError, TypeError, ValueError) as exc:
        raise bad(n, Msg("lg_header_wrong", reason=str(exc)[:80])) from None
    from .models import ProvinceType

    for t in header.types:
        if t not in {p.value for p in ProvinceType}:
            raise bad(n, Msg("lg_header_type", value=_short(t)))
    return header


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {value!r}")
    return value


def _opt_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _aware(at: str) -> datetime:
    when = datetime.fromisoformat(at)
    if when.tzinfo is None:
        raise ValueError(f"time {at!r} has no UTC offset")
    if not _YEARS[0] <= when.year <= _YEARS[1]:
        raise ValueError(f"time {at!r} is outside the years {_YEARS[0]}–{_YEARS[1]}")
    return when


# Times a ledger can hold: dates and weeks near year 1 or 9999 overflow when a report shifts
# them, and replay keeps times as floats, exact to the microsecond only until 2200.
_YEARS = (1970, 2199)


def _event(rec: Any, n: int, bad: Any) -> Event:
    if type(rec) is not dict:
        raise bad(n, Msg("lg_not_object"))
    evidence = rec.get("evidence", ())
    try:
        ev = Event(
            rec["event"],
            rec["command"],
            rec["at"],
            rec["by"],
            rec["kind"],
            rec["obligation"],
            rec["before"],
            rec["after"],
            rec.get("note"),
            tuple(evidence) if type(evidence) is list else evidence,
            rec.get("undo_of"),
        )
    except KeyError as exc:
        raise bad(n, Msg("lg_field_missing", field=exc)) from None
    except (TypeError, ValueError):  # from parsing ``at``
        raise bad(n, Msg("lg_time_not_iso", time=_short(rec["at"]))) from None
    if (  # the common case in one expression: this runs once per change on every command
        type(ev.event) is type(ev.command) is type(ev.by) is type(ev.obligation) is str
        and ev.obligation in _ID_KEYS
        and type(ev.before) is type(ev.after) is dict
        and ev.when.tzinfo is not None
        and _YEARS[0] <= ev.when.year <= _YEARS[1]
        and ev.note.__class__ in _TEXT_OR_NONE
        and ev.undo_of is None
        and not ev.evidence
        and ev.kind == "status"
        and len(ev.after) == 1
        and ev.after.get("status") in STATUSES  # a tuple: a list in the file must not raise
        and ev.before.get("status") in STATUSES
    ):
        return ev
    problem = _problem(ev)
    if problem is not None:
        raise bad(n, problem)
    return ev


_TEXT_OR_NONE = frozenset({str, type(None)})


def _short(value: Any) -> str:
    """A value quoted in a message: a 5,000-character one must not become the message."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _problem(ev: Event) -> Msg | None:
    """What is wrong with a change as read, or None. Anything later code would trip over is
    caught here, with its line, rather than as a crash in a report months later.

    Written for speed (chained ``is``, ``str.join`` to type-check a list): it runs once per
    change on every command."""
    if not (type(ev.event) is type(ev.command) is type(ev.by) is type(ev.obligation) is str):
        return Msg("lg_ids_not_text")
    if ev.when.tzinfo is None:
        return Msg("lg_time_no_offset", time=_short(ev.at))
    if not _YEARS[0] <= ev.when.year <= _YEARS[1]:
        return Msg("lg_time_out_of_range", time=_short(ev.at), first=_YEARS[0], last=_YEARS[1])
    if not (type(ev.before) is type(ev.after) is dict):
        return Msg("lg_before_after")
    if not (_optional_text(ev.note) and _optional_text(ev.undo_of)):
        return Msg("lg_note_undo_not_text")
    if not _texts(ev.evidence):
        return Msg("lg_evidence_not_texts")
    if ev.obligation not in _ID_KEYS:
        if not _OBLIGATION_ID.fullmatch(ev.obligation):
            return Msg("lg_not_obligation_id", value=_short(ev.obligation))
        _id_key(ev.obligation)
    if ev.kind == "status":
        return _status_problem(ev.before, ev.after)
    if ev.kind == "assign":
        if not ev.after or not ev.after.keys() <= {"owner", "due"}:
            return Msg("lg_assign_fields")
        return _assign_problem(ev.before) or _assign_problem(ev.after)
    return Msg("lg_unknown_kind", value=_short(ev.kind))


def _status_problem(before: dict[str, Any], after: dict[str, Any]) -> Msg | None:
    if after.get("status") not in STATUSES:
        return Msg("lg_unknown_status", value=_short(after.get("status")))
    if before.get("status", "todo") not in STATUSES:
        return Msg("lg_unknown_status", value=_short(before["status"]))
    if len(after) > 1:  # an undo: the note and evidence it restores
        if not _optional_text(after.get("note")):
            return Msg("lg_note_not_text")
        restored = after.get("evidence", [])
        if type(restored) is not list or not _texts(restored):
            return Msg("lg_evidence_not_texts")
    return None


def _assign_problem(values: dict[str, Any]) -> Msg | None:
    if not _optional_text(values.get("owner")):
        return Msg("lg_owner_not_text")
    due = values.get("due")
    if due is not None:
        try:
            date.fromisoformat(due)
        except (TypeError, ValueError):
            return Msg("lg_bad_due", value=_short(due))
    return None


def _texts(values: Any) -> bool:
    """A tuple or list of text only."""
    try:
        "".join(values)  # raises on anything but text, in C
    except TypeError:
        return False
    return isinstance(values, tuple | list)


def _optional_text(value: Any) -> bool:
    return value is None or type(value) is str


# ---------------------------------------------------------------------------------------------
# Where the ledger is.


def resolve(explicit: str | os.PathLike[str] | None) -> Path:
    """--ledger (or $IPRCHECK_LEDGER, which Typer folds into it), else the current folder.

    A folder means the default file name inside it; so does a name ending in a slash, a folder
    that ``init`` or the first ``mark`` will create.
    """
    path = Path(explicit) if explicit else Path.cwd()
    if path.is_dir() or (explicit and os.fspath(explicit).endswith(("/", os.sep))):
        path = path / DEFAULT_NAME
    return path


def exists(path: Path) -> bool:
    return path.is_file()


def names_its_format(path: Path) -> bool:
    """Whether the file's first line names the ledger format, in UTF-8 or UTF-16: a ledger,
    also one cut short, re-saved with its keys in another order, or saved as UTF-16 by an
    editor. Reads at most one line, of 64 KB (a header iprcheck writes is about 400 bytes); a
    file that cannot be read answers False."""
    try:
        with path.open("rb") as fh:
            first = fh.readline(64 * 1024)
    except OSError:
        return False
    return any(FORMAT.encode(code) in first for code in ("utf-8", "utf-16-le", "utf-16-be"))


# ---------------------------------------------------------------------------------------------
# Writing: lock, read, append, write a sibling, rename.


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    from .files import sibling_stem

    real = _real(path)
    lock_path = real.with_name(f".{sibling_stem(real.name)}.lock")
    fd = _open_lock(lock_path, real)
    try:
        try:
            _lock(fd)
        except OSError as exc:  # e.g. a network share that only locks files open for writing
            raise IprcheckError("ledger_lock_failed", path=str(path), reason=exc) from None
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _open_lock(lock_path: Path, ledger_path: Path) -> int:
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    except PermissionError as refused:
        # Another user's lock file in a shared folder: a local flock works on a read-only
        # descriptor. If even that fails, the first refusal is the one to report.
        try:
            return os.open(lock_path, os.O_RDONLY)
        except OSError:
            raise IprcheckError("file_unreadable", path=str(lock_path), reason=refused) from None
    except OSError as exc:
        raise IprcheckError("file_unreadable", path=str(lock_path), reason=exc) from None
    # A lock file this user has just made is as shared as the ledger, so that colleagues who
    # may write the ledger can open the lock for writing too.
    with contextlib.suppress(OSError, AttributeError):
        st = os.fstat(fd)
        if st.st_uid == os.geteuid() and st.st_size == 0:
            from .files import mode_for

            want = mode_for(ledger_path) & 0o666
            if st.st_mode & 0o777 != want:
                os.fchmod(fd, want)
    return fd


def _real(path: Path) -> Path:
    """A link to a shared ledger is written through, not replaced by a private copy, and
    locked where every other way to that ledger locks it. Messages keep the name as given."""
    return Path(os.path.realpath(path))


def _lock(fd: int) -> None:
    try:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX)
    except ImportError:  # Windows
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]


def _write_atomic(path: Path, data: bytes) -> None:
    """Replace the ledger with ``data``; call with the lock held."""
    from .files import replace_atomically

    path = _real(path)
    _sweep(path)
    replace_atomically(path, data)


def _sweep(path: Path) -> None:
    """Remove the temporary copies of writers killed before their rename.

    Only writers holding the lock make them, and we hold it now, so every one found is dead;
    matching the exact name shape spares the files of a ledger whose name starts like this one.
    """
    from .files import temp_name_pattern

    stale = temp_name_pattern(path)
    with contextlib.suppress(OSError), os.scandir(path.parent) as found:
        for entry in found:
            if stale.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _header(
    catalog: Catalog, province: str | None, profile: Profile | None, department: str | None
) -> Header:
    return Header(
        ledger=str(uuid.uuid4()),
        created=now(),
        province=province,
        types=tuple(profile.type_keys()) if profile else (),
        national=profile is None,
        department=department,
        list_id=catalog.task_list.id,
        list_year=catalog.task_list.year,
        list_title=catalog.task_list.title,
        list_sha256=catalog.source.digest,
    )


def create(
    path: Path,
    catalog: Catalog,
    *,
    province: str | None,
    profile: Profile | None,
    department: str | None,
) -> Ledger:
    header = _header(catalog, province, profile, department)
    try:
        _real(path).parent.mkdir(parents=True, exist_ok=True)  # a link's target's folder
    except OSError as exc:
        raise IprcheckError("output_unwritable", path=str(path), reason=exc) from None
    with locked(path):
        if path.exists():
            raise LedgerError("ledger_exists", path=str(path))
        _write_atomic(path, _line(header.to_json()).encode("utf-8"))
    return Ledger(path, header, [])


def append(path: Path, build: Any) -> tuple[Ledger, list[Event]]:
    """Under the lock: read the ledger as it is now, let ``build(ledger)`` make the new events,
    then write them. ``build`` may raise to abort; nothing is written then."""
    if not path.is_file():  # before the lock, whose file would land in a folder that may not be
        raise LedgerError("ledger_missing", path=str(path))
    with locked(path):
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            raise LedgerError("ledger_missing", path=str(path)) from None
        except OSError as exc:
            raise IprcheckError("file_unreadable", path=str(path), reason=exc) from None
        ledger = parse(path, data)
        events: list[Event] = build(ledger)
        if events:
            # The old bytes exactly as they were, then the new lines. A last line an editor
            # saved without its line end gets one, or the first new record would run into it.
            gap = b"" if data.endswith(b"\n") else b"\n"
            new = "".join(_line(e.to_json()) for e in events).encode("utf-8")
            written = data + gap + new
            _write_atomic(path, written)
            ledger = _after(ledger, events, written)
    return ledger, events


def _after(ledger: Ledger, events: list[Event], written: bytes) -> Ledger:
    """The ledger once ``events`` are written. From a snapshot, the new state is the old one
    with the new changes applied — they are stamped now, so they nearly always come last — and
    it is snapshotted in turn, so that the next command on a long ledger skips the replay too."""
    snap = ledger.snapshot
    new = sorted(events, key=replay_order)
    if snap is None or snap.replay_key is None or not snap.replay_key < replay_order(new[0]):
        full = Ledger(ledger.path, ledger.header, _merged(ledger.events, events))
        _snapshot_write(_digest(written), full)
        return full
    state = dict(snap.state)
    for ev in new:
        state[ev.obligation] = apply(state.get(ev.obligation, UNTRACKED), ev)
    snap = Snapshot(state, new[-1].at, replay_order(new[-1]))
    _store(_digest(written), ledger.header, snap)
    path = ledger.path
    return Ledger(path, ledger.header, snapshot=snap, load=lambda: _parse(path, written).events)


def _merged(old: list[Event], new: list[Event]) -> list[Event]:
    """Both in replay order. New changes are stamped now, so they nearly always follow."""
    new = sorted(new, key=replay_order)
    if not old or not new or replay_order(old[-1]) < replay_order(new[0]):
        return [*old, *new]
    return sorted([*old, *new], key=replay_order)


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="microseconds")


def who(explicit: str | None) -> str:
    if explicit:
        return explicit
    import getpass  # only a command that records a change needs it

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


# ---------------------------------------------------------------------------------------------
# Commands as functions: each returns what it changed.


def parse_status(value: str) -> str:
    status = STATUS_ALIASES.get(value.strip().lower()) or STATUS_ALIASES.get(value.strip())
    if status is None:
        raise IprcheckError("unknown_status", value=value, valid=", ".join(STATUS_ALIASES))
    return status


def expand_ids(catalog: Catalog, tracked: Sequence[Entry], idents: Iterable[str]) -> list[str]:
    """Task numbers, obligation ids and ranges (8-10) -> tracked obligation ids, in list order.

    An id that exists but is not tracked by this ledger is an error: it does not apply. A range
    passes over the tasks inside it that owe nothing here (a task of national measures only),
    and is an error only when nothing in it applies.
    """
    tracked_ids = {e.obligation.id for e in tracked}
    chosen: set[str] = set()
    not_here = _not_here(catalog, tracked)
    for raw in idents:
        span = _split_range(raw, catalog)
        found: list[str] = []
        for ident in span:
            if ident in catalog.by_id:
                if ident not in tracked_ids:
                    raise not_here(ident)
                found.append(ident)
            elif _is_number(ident) and int(ident) in catalog.tasks:
                ids = [m.id for m in catalog.tasks[int(ident)].measures if m.id in tracked_ids]
                if not ids and len(span) == 1:
                    raise not_here(ident)
                found += ids
            else:
                raise IprcheckError("unknown_id", value=ident, valid=f"1–{max(catalog.tasks)}")
        if not found:
            raise not_here(raw.strip())
        chosen.update(found)
    return [e.obligation.id for e in tracked if e.obligation.id in chosen]


def _not_here(catalog: Catalog, tracked: Sequence[Entry]) -> Callable[[str], IprcheckError]:
    """The error for an id this ledger does not track, worded for the ledger: a national
    ledger has no province types, and a province ledger holds no national measure."""
    from .models import Actor

    national_ledger = bool(tracked) and all(e.obligation.actor is Actor.NATIONAL for e in tracked)

    def error(ident: str) -> IprcheckError:
        if national_ledger:
            return IprcheckError("not_applicable_national", value=ident)
        measures = (
            [catalog.by_id[ident].measure]
            if ident in catalog.by_id
            else catalog.tasks[int(ident)].measures
            if _is_number(ident) and int(ident) in catalog.tasks
            else []
        )
        if measures and all(m.actor is Actor.NATIONAL for m in measures):
            return IprcheckError("national_measure", value=ident)
        return IprcheckError("not_applicable", value=ident)

    return error


def _is_number(text: str) -> bool:
    # ASCII only: "²" passes str.isdigit, and int() refuses it; short: int() refuses 5,000 digits.
    return text.isascii() and text.isdigit() and len(text) <= 4


def _split_range(raw: str, catalog: Catalog) -> list[str]:
    from .applicability import typed_id

    raw = typed_id(raw)
    if "-" in raw:
        lo, _, hi = raw.partition("-")
        # The range as a whole is named when wrong: "1-99" is not about task 20.
        if _is_number(lo) and _is_number(hi) and int(lo) <= int(hi):
            numbers = range(int(lo), int(hi) + 1)
            if all(n in catalog.tasks for n in (numbers[0], numbers[-1])):
                return [str(n) for n in numbers]
        from .applicability import task_span

        raise IprcheckError("unknown_range", value=raw, valid=task_span(catalog))
    return [raw]


def status_events(
    ledger: Ledger,
    ids: Sequence[str],
    status: str,
    *,
    note: str | None,
    evidence: Sequence[str],
    by: str,
) -> list[Event]:
    state = ledger.state()
    command = _Command(by, at=_stamp(ledger))
    out = []
    for oid in ids:
        cur = state.get(oid, UNTRACKED)
        # The note replaced is recorded too, so that a merge can tell notes written apart.
        before = (
            {"status": cur.status} if note is None else {"status": cur.status, "note": cur.note}
        )
        out.append(
            command.change(
                "status", oid, before, {"status": status}, note=note, evidence=tuple(evidence)
            )
        )
    return out


def assign_events(
    ledger: Ledger,
    ids: Sequence[str],
    *,
    owner: str | None,
    due: date | Literal[""] | None,
    by: str,
) -> list[Event]:
    state = ledger.state()
    command = _Command(by, at=_stamp(ledger))
    after: dict[str, Any] = {}
    if owner is not None:
        after["owner"] = owner or None  # "": no owner any more, as an untouched obligation
    if due is not None:
        after["due"] = due.isoformat() if due else None  # "": no internal due date any more
    out = []
    for oid in ids:
        cur = state.get(oid, UNTRACKED)
        before = {"owner": cur.owner, "due": cur.internal_due}
        out.append(command.change("assign", oid, {k: before[k] for k in after}, after))
    return out


def undo_events(ledger: Ledger, by: str) -> list[Event]:
    """Reverse the most recent command not yet undone; undoing is itself a new command."""
    undone = {ev.undo_of for ev in ledger.events if ev.undo_of}
    commands = [ev.command for ev in ledger.events if not ev.undo_of and ev.command not in undone]
    if not commands:
        raise IprcheckError("nothing_to_undo")
    target = commands[-1]
    original = [ev for ev in ledger.events if ev.command == target]
    state = ledger.state()
    command = _Command(by, at=_stamp(ledger))
    out = []
    for ev in original:
        # What stood before the command is replayed, not taken from the command's own
        # ``before``: a merge may since have placed a colleague's change ahead of it.
        prior = _before_command(ledger, ev)
        cur = state.get(ev.obligation, UNTRACKED)
        if ev.kind == "status":
            now_status = {"status": cur.status, "note": cur.note}  # as a merge checks it
            restore = {"status": prior.status, "note": prior.note, "evidence": list(prior.evidence)}
            out.append(command.change("status", ev.obligation, now_status, restore, undo_of=target))
        else:
            was = {"owner": prior.owner, "due": prior.internal_due}
            now = {"owner": cur.owner, "due": cur.internal_due}
            out.append(
                command.change(
                    "assign",
                    ev.obligation,
                    {k: now[k] for k in ev.after},
                    {k: was[k] for k in ev.after},
                    undo_of=target,
                )
            )
    return out


def _stamp(ledger: Ledger) -> str:
    """The time for a new command: now, or just after the ledger's latest change when that is
    later (a copy from a machine whose clock runs ahead). Changes replay in time order, so a
    change stamped earlier than the latest would be recorded and have no effect."""
    at = now()
    last = ledger.last_update
    if last is not None:
        latest, current = datetime.fromisoformat(last), datetime.fromisoformat(at)
        if latest.tzinfo is not None and latest >= current:
            if latest - current > MAX_AHEAD:
                # Not a clock a few minutes fast: taking its time would date every change from
                # now on wrongly (or past 2199, which no ledger may hold). A person must look.
                raise LedgerError("ledger_ahead", path=str(ledger.path), at=last)
            after = latest + timedelta(microseconds=1)
            at = after.astimezone().isoformat(timespec="microseconds")
    return at


# How far ahead of this machine's clock the latest change may be for a new one to follow it.
MAX_AHEAD = timedelta(days=1)


@dataclass
class _Command:
    """The changes one command makes share its id, its time and its person."""

    by: str
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    at: str = field(default_factory=lambda: now())  # looked up at call time: tests stand in

    def change(
        self,
        kind: str,
        obligation: str,
        before: dict[str, Any],
        after: dict[str, Any],
        **extra: Any,
    ) -> Event:
        return Event(
            str(uuid.uuid4()), self.id, self.at, self.by, kind, obligation, before, after, **extra
        )


def _before_command(ledger: Ledger, target: Event) -> Tracking:
    row = _Row(UNTRACKED)
    for ev in ledger.events:
        if ev.command == target.command:
            break
        if ev.obligation == target.obligation:
            row.apply(ev)
    return row.tracking()


@dataclass(frozen=True)
class MergeResult:
    added: list[Event]
    conflicts: list[str]  # obligations both copies changed differently


def merge_events(ours: Ledger, theirs: Ledger) -> MergeResult:
    """What ``theirs`` has that ``ours`` lacks, and where both changed an obligation apart."""
    h1, h2 = ours.header, theirs.header
    if h1.list_sha256 != h2.list_sha256:
        raise LedgerError("merge_other_list", path=str(theirs.path))
    if (h1.province, h1.national, h1.department) != (
        h2.province,
        h2.national,
        h2.department,
    ) or h1.ledger != h2.ledger:
        same_owner = _whose(h1) == _whose(h2)
        raise LedgerError(
            "merge_separate_ledger" if same_owner else "merge_other_ledger",
            path=str(theirs.path),
            ours=_whose(h1),
            theirs=_whose(h2),
        )
    ours_ids = {ev.event for ev in ours.events}
    added = [ev for ev in theirs.events if ev.event not in ours_ids]
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
        key=_id_key,
    )
    # The copy that merged first already holds both sides' changes; merged back, its changes
    # are not "its own" any more. What still shows they were made apart: a status change whose
    # recorded "before" is not what stood when it is replayed.
    merged = sorted([*ours.events, *added], key=replay_order)
    unseen = _made_apart(merged, {ev.event for ev in added})
    return MergeResult(added, sorted({*conflicts, *unseen}, key=_id_key))


def _made_apart(merged: list[Event], new: set[str]) -> set[str]:
    """Obligations where a change, or the one it follows, is new in this merge, and it was made
    without seeing the one before it (its recorded "before" is not what stood), to another
    value: the status, the note (changes that record the note they saw), owner or due."""
    last: dict[tuple[str, str], tuple[Any, str]] = {}  # (obligation, field) -> (value, event)
    out: set[str] = set()
    for ev in merged:
        for name, value in _sets(ev).items():
            key = (ev.obligation, name)
            prev = last.get(key)
            if (
                prev is not None
                and (ev.event in new or prev[1] in new)
                and name in ev.before
                and ev.before[name] != prev[0]
                and value != prev[0]
            ):
                out.add(ev.obligation)
            last[key] = (value, ev.event)
    return out


def _sets(ev: Event) -> dict[str, Any]:
    """The fields a change sets, and to what."""
    if ev.kind != "status":
        return dict(ev.after)
    out: dict[str, Any] = {"status": ev.after["status"]}
    if "note" in ev.after:  # an undo restores it
        out["note"] = ev.after["note"]
    elif ev.note is not None:
        out["note"] = ev.note
    return out


def _touched(events: Iterable[Event]) -> dict[str, set[str]]:
    """Per obligation, what these changes set. One copy giving an owner while the other marks
    the status is no conflict: both stay. Evidence only accumulates, so it never conflicts."""
    out: dict[str, set[str]] = {}
    for ev in events:
        names = out.setdefault(ev.obligation, set())
        if ev.kind == "status":
            names.add("status")
            if ev.note is not None or "note" in ev.after:
                names.add("note")
        else:
            names.update({"owner": "owner", "due": "internal_due"}[k] for k in ev.after)
    return out


def _whose(h: Header) -> str:
    """A ledger's owner in a message: its province, else the national office or its profile."""
    if h.province:
        return h.province
    if h.national:
        return "national" + (f" {h.department}" if h.department else "")
    return "/".join(h.types)


# ---------------------------------------------------------------------------------------------
# The operations behind the commands.


def init(
    path: Path,
    catalog: Catalog,
    *,
    province: str | None,
    types: Sequence[str],
    national: bool,
    department: str | None,
) -> Ledger:
    from .applicability import Filters, Profile, check_filters

    if province is not None:
        names = {u.name for u in catalog.task_list.reporting_units}
        english = {u.name_en.casefold(): u.name for u in catalog.task_list.reporting_units}
        province = english.get(province.casefold(), province)
        if province not in names:
            raise IprcheckError("unknown_province", value=province)
    if department is not None:
        check_filters(catalog, Filters(departments=[department]))
    profile = None if national else Profile.of(types)
    return create(
        path,
        catalog,
        province=province,
        profile=profile,
        department=department if national else None,
    )


@dataclass(frozen=True)
class MarkResult:
    ledger: Ledger
    events: list[Event]
    created: bool

    def unexplained(self) -> list[str]:
        """Obligations this leaves blocked with no note, which check calls an error (a note
        given before still counts). Done without evidence is left to check: the first command
        a new user tries, `mark 6 done`, should not be met with a warning."""
        state = self.ledger.state()
        return [
            ev.obligation
            for ev in self.events
            if (tr := apply(state.get(ev.obligation, UNTRACKED), ev)).status == "blocked"
            and not (tr.note or "").strip()
        ]


def mark(
    path: Path,
    catalog: Catalog,
    idents: Sequence[str],
    status_word: str,
    *,
    note: str | None = None,
    evidence: Sequence[str] = (),
    by: str | None = None,
    dry_run: bool = False,
) -> MarkResult:
    """Record one status for the obligations named; all or nothing.

    With no ledger at ``path`` one is created for the every-province profile, so that the first
    command a new user tries just works.
    """
    status = parse_status(status_word)
    person = who(by)

    def build(ledger: Ledger) -> list[Event]:
        ledger.check_list(catalog)
        tracked = ledger.entries(catalog)
        ids = expand_ids(catalog, tracked, idents)
        if status == "waived" and not note:
            from .models import Requirement

            mandatory = [
                e.obligation.id
                for e in tracked
                if e.obligation.id in ids and e.requirement is Requirement.MANDATORY
            ]
            if mandatory:
                raise IprcheckError("waive_needs_note", value=", ".join(mandatory))
        return status_events(ledger, ids, status, note=note, evidence=evidence, by=person)

    created = False
    if not path.exists():
        from .applicability import Profile

        # Check the ids against an every-province ledger in memory first: a typo must not
        # leave a new ledger behind.
        probe = Ledger(path, _header(catalog, None, Profile.of(()), None))
        events = build(probe)
        if dry_run:
            return MarkResult(probe, events, created=False)
        with contextlib.suppress(LedgerError):  # another process may have just created it
            create(path, catalog, province=None, profile=Profile.of(()), department=None)
            created = True
    elif dry_run:
        ledger = read(path)
        return MarkResult(ledger, build(ledger), created=False)
    ledger, events = append(path, build)
    return MarkResult(ledger, events, created)


def assign(
    path: Path,
    catalog: Catalog,
    idents: Sequence[str],
    *,
    owner: str | None,
    due: date | Literal[""] | None,
    by: str | None = None,
) -> tuple[Ledger, list[Event]]:
    """Set the owner and/or the internal due date; "" clears either (None leaves it)."""
    if owner is None and due is None:
        raise IprcheckError("assign_nothing")
    person = who(by)

    def build(ledger: Ledger) -> list[Event]:
        ledger.check_list(catalog)
        ids = expand_ids(catalog, ledger.entries(catalog), idents)
        return assign_events(ledger, ids, owner=owner, due=due, by=person)

    return append(path, build)


def undo(path: Path, catalog: Catalog, *, by: str | None = None) -> tuple[Ledger, list[Event]]:
    person = who(by)

    def build(ledger: Ledger) -> list[Event]:
        ledger.check_list(catalog)
        return undo_events(ledger, person)

    return append(path, build)


def merge(path: Path, other: Path, catalog: Catalog) -> tuple[Ledger, MergeResult]:
    theirs = read(other)
    result: list[MergeResult] = []

    def build(ledger: Ledger) -> list[Event]:
        ledger.check_list(catalog)
        outcome = merge_events(ledger, theirs)
        result.append(outcome)
        return outcome.added

    ledger, _ = append(path, build)
    return ledger, result[0]


def open_for_reading(explicit: str | None, catalog: Catalog) -> Ledger | None:
    """The ledger in effect for reading commands, or None where there is none."""
    path = resolve(explicit)
    if not path.exists():
        if explicit and not Path(explicit).is_dir():
            raise LedgerError("ledger_missing", path=str(path))
        return None
    ledger = read(path)
    ledger.check_list(catalog)
    return ledger


def history(ledger: Ledger, catalog: Catalog, idents: Sequence[str] = ()) -> list[Event]:
    if not idents:
        return list(ledger.events)
    wanted: set[str] = set()
    for ident in idents:
        for part in _split_range(ident, catalog):
            if part in catalog.by_id:
                wanted.add(part)
            elif _is_number(part) and int(part) in catalog.tasks:
                wanted.update(m.id for m in catalog.tasks[int(part)].measures)
            else:
                raise IprcheckError("unknown_id", value=part, valid=f"1–{max(catalog.tasks)}")
    return [ev for ev in ledger.events if ev.obligation in wanted]
