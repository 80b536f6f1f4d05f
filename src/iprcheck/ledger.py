"""The progress ledger: an append-only change log in one JSON Lines file, replayed into state.

Why this design: a log gives history, undo and merge for free, and a text file can be opened,
copied, e-mailed and archived. Every write rewrites the file to a temporary sibling and renames it
over the original under an exclusive lock, so a crash or ``kill -9`` at any instant leaves either
the old or the new ledger — never half of one — and concurrent writers queue instead of
interleaving. A ledger that does not parse is never written to.

Layout (documented in the README): line 1 is the header, every further line one change.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import tempfile
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import IprcheckError
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


@dataclass(frozen=True)
class Event:
    """One change to one obligation. ``kind`` is ``status`` or ``assign``."""

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

    @property
    def when(self) -> datetime:
        return datetime.fromisoformat(self.at)

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


def replay_order(ev: Event) -> tuple[datetime, str, tuple[int, ...], str]:
    """Time decides; within one command, the list's order. Independent of where a line sits in
    the file, so that two copies merged either way replay the same."""
    return (ev.when, ev.command, _id_key(ev.obligation), ev.event)


def _line(record: dict[str, Any]) -> str:
    # Not ensure_ascii: a person opening the ledger must be able to read the Chinese in it.
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": ")) + "\n"


# ---------------------------------------------------------------------------------------------
# Reading.


@dataclass
class Ledger:
    path: Path
    header: Header
    events: list[Event] = field(default_factory=list)  # in replay order

    @property
    def profile(self) -> Profile | None:
        from .applicability import Profile

        return None if self.header.national else Profile.of(self.header.types)

    def state(self, as_of: datetime | None = None) -> dict[str, Tracking]:
        """Each obligation's tracking after replaying the log (up to ``as_of`` if given)."""
        state: dict[str, Tracking] = {}
        for ev in self.events:
            if as_of is not None and ev.when > as_of:
                break
            state[ev.obligation] = apply(state.get(ev.obligation, UNTRACKED), ev)
        return state

    @property
    def last_update(self) -> str | None:
        return max((ev.at for ev in self.events), key=datetime.fromisoformat, default=None)

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
    if ev.kind == "status":
        if "note" in ev.after:  # an undo restores note and evidence exactly
            note, evidence = ev.after["note"], tuple(ev.after.get("evidence") or ())
        else:  # a mark without --note keeps the last note; evidence accumulates
            note = ev.note if ev.note is not None else current.note
            evidence = current.evidence + tuple(e for e in ev.evidence if e not in current.evidence)
        return replace(
            current,
            status=ev.after.get("status", current.status),
            note=note,
            evidence=evidence,
            updated=ev.at,
            by=ev.by,
        )
    return replace(
        current,
        owner=ev.after.get("owner", current.owner),
        internal_due=ev.after.get("due", current.internal_due),
        updated=ev.at,
        by=ev.by,
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
                "ledger_bad", path=str(path), line=1, problem=f"{size} bytes is too large"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise LedgerError("ledger_missing", path=str(path)) from None
    except IsADirectoryError:
        raise LedgerError("ledger_missing", path=str(path)) from None
    except OSError as exc:
        raise IprcheckError("file_unreadable", path=str(path), reason=exc.strerror or exc) from None
    return parse(path, data)


def parse(path: Path, data: bytes) -> Ledger:
    def bad(line: int, problem: str) -> LedgerError:
        return LedgerError("ledger_bad", path=str(path), line=line, problem=problem)

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise bad(data[: exc.start].count(b"\n") + 1, "not UTF-8 text") from None
    if not text:
        raise bad(1, "the file is empty")
    if not text.endswith("\n"):
        raise bad(text.count("\n") + 1, "the last record is cut short (no line end)")
    lines = text.split("\n")[:-1]
    try:
        records = json.loads("[" + ",".join(lines) + "]")
    except (json.JSONDecodeError, RecursionError):
        records = None
    if records is None or len(records) != len(lines):
        # The fast path failed: find the first bad line for the message.
        for n, line in enumerate(lines, 1):
            try:
                value = json.loads(line)
            except (json.JSONDecodeError, RecursionError):
                raise bad(n, "not a JSON record") from None
            if not isinstance(value, dict):
                raise bad(n, "not a JSON object")
        raise bad(1, "not a ledger")
    header = _parse_header(records[0], bad)
    events = [_event(rec, n, bad) for n, rec in enumerate(records[1:], 2)]
    seen: set[str] = set()
    for n, ev in enumerate(events, 2):
        if ev.event in seen:
            raise bad(n, f"event {ev.event} appears twice")
        seen.add(ev.event)
    events.sort(key=replay_order)
    return Ledger(path, header, events)


def _parse_header(rec: Any, bad: Any) -> Header:
    if not isinstance(rec, dict) or rec.get("format") != FORMAT:
        raise bad(1, "not an iprcheck ledger (the first line is not its header)")
    version = rec.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise bad(
            1,
            f"format version {version} is newer than this iprcheck reads ({VERSION}): "
            "upgrade iprcheck",
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
    except (KeyError, TypeError, ValueError) as exc:
        raise bad(1, f"header field missing or wrong: {exc}") from None
    from .models import ProvinceType

    for t in header.types:
        if t not in {p.value for p in ProvinceType}:
            raise bad(1, f"unknown province type '{t}' in the header")
    return header


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {value!r}")
    return value


def _opt_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _event(rec: Any, n: int, bad: Any) -> Event:
    if not isinstance(rec, dict):
        raise bad(n, "not a JSON object")
    try:
        ev = Event(
            event=_str(rec["event"]),
            command=_str(rec["command"]),
            at=_str(rec["at"]),
            by=_str(rec["by"]),
            kind=_str(rec["kind"]),
            obligation=_str(rec["obligation"]),
            before=dict(rec["before"]),
            after=dict(rec["after"]),
            note=_opt_str(rec.get("note")),
            evidence=tuple(_str(e) for e in rec.get("evidence", ())),
            undo_of=_opt_str(rec.get("undo_of")),
        )
        ev.when  # noqa: B018 - a bad timestamp must fail here, with its line
    except (KeyError, TypeError, ValueError) as exc:
        raise bad(n, f"change record is malformed: {exc}") from None
    if ev.kind not in ("status", "assign"):
        raise bad(n, f"unknown change kind '{ev.kind}'")
    if ev.kind == "status" and ev.after.get("status") not in STATUSES:
        raise bad(n, f"unknown status {ev.after.get('status')!r}")
    return ev


# ---------------------------------------------------------------------------------------------
# Where the ledger is.


def resolve(explicit: str | os.PathLike[str] | None) -> Path:
    """--ledger (or $IPRCHECK_LEDGER, which Typer folds into it), else the current folder.

    A folder means the default file name inside it.
    """
    path = Path(explicit) if explicit else Path.cwd()
    if path.is_dir():
        return path / DEFAULT_NAME
    return path


def exists(path: Path) -> bool:
    return path.is_file()


# ---------------------------------------------------------------------------------------------
# Writing: lock, read, append, write a sibling, rename.


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    lock_path = path.with_name("." + path.name + ".lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise IprcheckError(
            "file_unreadable", path=str(lock_path), reason=exc.strerror or exc
        ) from None
    try:
        _lock(fd)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _lock(fd: int) -> None:
    try:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX)
    except ImportError:  # Windows
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined]


def _write_atomic(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable where the OS allows
        dfd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


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
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path):
        if path.exists():
            raise LedgerError("ledger_exists", path=str(path))
        _write_atomic(path, _line(header.to_json()))
    return Ledger(path, header, [])


def append(path: Path, build: Any) -> tuple[Ledger, list[Event]]:
    """Under the lock: read the ledger as it is now, let ``build(ledger)`` make the new events,
    then write them. ``build`` may raise to abort; nothing is written then."""
    with locked(path):
        data = path.read_bytes() if path.exists() else None
        if data is None:
            raise LedgerError("ledger_missing", path=str(path))
        ledger = parse(path, data)
        events: list[Event] = build(ledger)
        if events:
            _write_atomic(path, data.decode("utf-8") + "".join(_line(e.to_json()) for e in events))
            ledger = Ledger(
                path,
                ledger.header,
                sorted([*ledger.events, *events], key=replay_order),
            )
    return ledger, events


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="microseconds")


def who(explicit: str | None) -> str:
    if explicit:
        return explicit
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

    An id that exists but is not tracked by this ledger is an error: it does not apply.
    """
    tracked_ids = {e.obligation.id for e in tracked}
    chosen: set[str] = set()
    for raw in idents:
        for ident in _split_range(raw, catalog):
            if ident in catalog.by_id:
                if ident not in tracked_ids:
                    raise IprcheckError("not_applicable", value=ident)
                chosen.add(ident)
            elif ident.isdigit() and int(ident) in catalog.tasks:
                ids = [m.id for m in catalog.tasks[int(ident)].measures if m.id in tracked_ids]
                if not ids:
                    raise IprcheckError("not_applicable", value=ident)
                chosen.update(ids)
            else:
                raise IprcheckError("unknown_id", value=ident, valid=f"1–{max(catalog.tasks)}")
    return [e.obligation.id for e in tracked if e.obligation.id in chosen]


def _split_range(raw: str, catalog: Catalog) -> list[str]:
    raw = raw.strip()
    if "-" in raw:
        lo, _, hi = raw.partition("-")
        if lo.isdigit() and hi.isdigit() and int(lo) <= int(hi):
            return [str(n) for n in range(int(lo), int(hi) + 1)]
        raise IprcheckError("unknown_id", value=raw, valid=f"1–{max(catalog.tasks)}")
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
    command, at = str(uuid.uuid4()), now()
    return [
        Event(
            event=str(uuid.uuid4()),
            command=command,
            at=at,
            by=by,
            kind="status",
            obligation=oid,
            before={"status": state.get(oid, UNTRACKED).status},
            after={"status": status},
            note=note,
            evidence=tuple(evidence),
        )
        for oid in ids
    ]


def assign_events(
    ledger: Ledger, ids: Sequence[str], *, owner: str | None, due: date | None, by: str
) -> list[Event]:
    state = ledger.state()
    command, at = str(uuid.uuid4()), now()
    after: dict[str, Any] = {}
    if owner is not None:
        after["owner"] = owner
    if due is not None:
        after["due"] = due.isoformat()
    out = []
    for oid in ids:
        cur = state.get(oid, UNTRACKED)
        before = {"owner": cur.owner, "due": cur.internal_due}
        out.append(
            Event(
                str(uuid.uuid4()),
                command,
                at,
                by,
                "assign",
                oid,
                {k: before[k] for k in after},
                after,
            )
        )
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
    command, at = str(uuid.uuid4()), now()
    out = []
    for ev in original:
        cur = state.get(ev.obligation, UNTRACKED)
        if ev.kind == "status":
            prior = _before_command(ledger, ev)
            restore = {"status": prior.status, "note": prior.note, "evidence": list(prior.evidence)}
            out.append(
                Event(
                    str(uuid.uuid4()),
                    command,
                    at,
                    by,
                    "status",
                    ev.obligation,
                    {"status": cur.status},
                    restore,
                    undo_of=target,
                )
            )
        else:
            out.append(
                Event(
                    str(uuid.uuid4()),
                    command,
                    at,
                    by,
                    "assign",
                    ev.obligation,
                    dict(ev.after),
                    {k: ev.before.get(k) for k in ev.after},
                    undo_of=target,
                )
            )
    return out


def _before_command(ledger: Ledger, target: Event) -> Tracking:
    state = UNTRACKED
    for ev in ledger.events:
        if ev.command == target.command:
            break
        if ev.obligation == target.obligation:
            state = apply(state, ev)
    return state


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
        raise LedgerError(
            "merge_other_ledger",
            path=str(theirs.path),
            ours=h1.province or "national",
            theirs=h2.province or "national",
        )
    ours_ids = {ev.event for ev in ours.events}
    added = [ev for ev in theirs.events if ev.event not in ours_ids]
    theirs_ids = {ev.event for ev in theirs.events}
    only_ours = {ev.obligation for ev in ours.events if ev.event not in theirs_ids}
    only_theirs = {ev.obligation for ev in added}
    ours_state = ours.state()
    theirs_state = theirs.state()
    conflicts = sorted(
        (
            oid
            for oid in only_ours & only_theirs
            if _comparable(ours_state.get(oid, UNTRACKED))
            != _comparable(theirs_state.get(oid, UNTRACKED))
        ),
        key=_id_key,
    )
    return MergeResult(added, conflicts)


def _comparable(tr: Tracking) -> tuple[Any, ...]:
    return (tr.status, tr.note, tr.evidence, tr.owner, tr.internal_due)


def _id_key(oid: str) -> tuple[int, ...]:
    return tuple(int(p) for p in oid.split("."))


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
    due: date | None,
    by: str | None = None,
) -> tuple[Ledger, list[Event]]:
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
            elif part.isdigit() and int(part) in catalog.tasks:
                wanted.update(m.id for m in catalog.tasks[int(part)].measures)
            else:
                raise IprcheckError("unknown_id", value=part, valid=f"1–{max(catalog.tasks)}")
    return [ev for ev in ledger.events if ev.obligation in wanted]
