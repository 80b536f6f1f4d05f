"""Where a ledger is, and reading and writing it safely.

Every write takes an exclusive lock (``.NAME.lock`` beside the ledger), re-reads the file,
writes a complete new copy to a temporary sibling, fsyncs it and renames it over the old one:
a crash or ``kill -9`` at any instant leaves the old or the new ledger, never half of one, and
concurrent writers queue. A ledger that does not parse, that the user may not write, or that is
not a regular file is never written to.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol, TypeVar

import msgspec

from .. import locks
from ..errors import IprcheckError, Msg
from ..files import (
    NotAFile,
    TooLarge,
    first_line,
    read_regular,
    replace_atomically,
    temp_name_pattern,
)
from . import snapshot
from .codec import MAX_BYTES, LedgerError, decode
from .records import DEFAULT_NAME, FORMAT, PROFILE_VERSION, Event, Header, line
from .replay import Fold, Ledger, in_replay_order, replay_order

# How long a writer waits for another to finish before giving up.
LOCK_TIMEOUT = 30.0


def resolve(explicit: str | os.PathLike[str] | None) -> Path:
    """--ledger (or $IPRCHECK_LEDGER, which Typer folds into it), else the current folder.

    A folder means its ledger: ``iprcheck-ledger.jsonl``, or else the one ledger file it holds
    under any name (an e-mail client saves ``iprcheck-ledger(1).jsonl``, an office keeps
    ``浙江台账（王芳）.jsonl``); several are an error that names them. A folder with none, or a
    name ending in a slash (a folder ``init`` will create), means the default name inside.
    """
    path = Path(explicit) if explicit else Path.cwd()
    if path.is_dir():
        return ledger_in(path)
    if explicit and os.fspath(explicit).endswith(("/", os.sep)):
        return path / DEFAULT_NAME
    return path


def ledger_in(folder: Path) -> Path:
    default = folder / DEFAULT_NAME
    if default.exists() or default.is_symlink():
        return default
    found = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(".") or not entry.is_file():
                continue
            if looks_like_ledger(Path(entry.path)):
                found.append(Path(entry.path))
    if len(found) > 1:
        names = "、".join(sorted(p.name for p in found))
        raise LedgerError("ledger_several", folder=str(folder), names=names)
    return found[0] if found else default


def looks_like_ledger(path: Path) -> bool:
    """Whether the file's first line that is not blank names the ledger format, as the reader
    finds it: after a BOM and any number of blank lines (CRLF too), in UTF-8 or UTF-16 (an
    editor's re-save), also cut short. Reads the blank start and then at most 64 KB of a
    regular file; anything unreadable answers False."""
    try:
        return FORMAT in first_line(path, MAX_BYTES)
    except (OSError, IprcheckError):
        return False


def read(path: Path) -> Ledger:
    """Parse a ledger; any problem is a LedgerError naming the file, the line and what to do."""
    return parse(path, _bytes_of(path))


def _bytes_of(path: Path) -> bytes:
    try:
        return read_regular(path, MAX_BYTES)
    except FileNotFoundError:
        if path.is_symlink():
            raise LedgerError(
                "ledger_link_dangling", path=str(path), target=_target(path)
            ) from None
        raise LedgerError("ledger_missing", path=str(path)) from None
    except IsADirectoryError:
        raise LedgerError("ledger_missing", path=str(path)) from None
    except NotAFile:
        raise LedgerError("ledger_not_file", path=str(path)) from None
    except TooLarge as exc:
        raise LedgerError(
            "ledger_bad", path=str(path), line=1, problem=Msg("lg_too_large", size=exc.size)
        ) from None
    except OSError as exc:
        raise IprcheckError("file_unreadable", path=str(path), reason=exc) from None


def _target(path: Path) -> str:
    with contextlib.suppress(OSError):
        return os.readlink(path)
    return "?"


def parse(path: Path, data: bytes) -> Ledger:
    """The ledger these bytes hold: from the snapshot cache when it has seen them, else decoded
    (and, when long, snapshotted for next time). A short ledger is simply decoded: it costs
    less than hashing it and reading a cache entry."""
    if data.count(b"\n") < snapshot.MIN_EVENTS:
        return _decoded(path, data)
    digest = _digest(data)
    recalled = snapshot.recall(digest)
    if recalled is not None:
        header, snap = recalled
        return Ledger(path, header, snapshot=snap, load=lambda: _decoded(path, data).events)
    ledger = _decoded(path, data)
    snapshot.keep(digest, ledger)
    return ledger


def _decoded(path: Path, data: bytes) -> Ledger:
    header, events = decode(str(path), data)
    return Ledger(path, header, in_replay_order(events))


def _digest(data: bytes) -> str:
    """The sha256 of a ledger's bytes: what its snapshot is kept under."""
    import hashlib  # only long ledgers are hashed; its OpenSSL costs every command 2 ms

    return hashlib.sha256(data).hexdigest()


def _after_header(data: bytes) -> bytes:
    """The bytes after the header's line: the changes, exactly as they stand."""
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    while True:
        end = data.find(b"\n", start)
        if end == -1:
            return b""
        if data[start:end].strip():
            return data[end + 1 :]
        start = end + 1  # a blank line before the header


# ---------------------------------------------------------------------------------------------
# Locking.

Waiting = Callable[[Path], None]


@contextlib.contextmanager
def locked(path: Path, on_wait: Waiting | None = None) -> Iterator[None]:
    """Hold the ledger's lock (``.NAME.lock`` beside the file a link leads to). A writer that
    finds it held polls, calls ``on_wait`` once after a second (to say so), and gives up with
    an error after ``LOCK_TIMEOUT`` seconds."""
    try:
        with locks.held(_real(path), timeout=LOCK_TIMEOUT, on_wait=lambda: _told(on_wait, path)):
            yield
    except locks.Busy:
        raise LedgerError("ledger_busy", path=str(path), seconds=int(LOCK_TIMEOUT)) from None
    except locks.Unsupported as exc:
        raise IprcheckError("ledger_lock_failed", path=str(path), reason=exc.reason) from None


def _told(on_wait: Waiting | None, path: Path) -> None:
    if on_wait is not None:
        on_wait(path)


def _real(path: Path) -> Path:
    """A link to a shared ledger is written through, not replaced by a private copy, and
    locked where every other way to that ledger locks it. Messages keep the name as given."""
    return Path(os.path.realpath(path))


# ---------------------------------------------------------------------------------------------
# Writing.


def writable(path: Path) -> None:
    """Refuse a ledger the user may not change: read-only (no write permission for anyone, or
    the Windows read-only attribute), or not this user's to write. A rename would replace it
    regardless, so this is asked before."""
    real = _real(path)
    try:
        st = real.stat()
    except OSError:
        return  # not there yet: creating it says what is wrong
    if not stat.S_ISREG(st.st_mode):
        raise LedgerError("ledger_not_file", path=str(path))
    if not st.st_mode & 0o222 or not os.access(real, os.W_OK):
        raise LedgerError("ledger_read_only", path=str(path))


def _write(path: Path, data: bytes) -> None:
    """Replace the ledger with ``data``; call with the lock held."""
    real = _real(path)
    _sweep(real)
    replace_atomically(real, data)


def _sweep(path: Path) -> None:
    """Remove the temporary copies of writers killed before their rename.

    Only writers holding the lock make them, and we hold it now, so every one found is dead;
    matching the exact name shape spares the files of a ledger whose name starts like this one.
    """
    stale = temp_name_pattern(path)
    with contextlib.suppress(OSError), os.scandir(path.parent) as found:
        for entry in found:
            if stale.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def refuse_dangling(path: Path) -> None:
    """A link whose target is gone (a share not mounted) is never written through: that would
    create folders and a new ledger where the share should be."""
    if path.is_symlink() and not path.exists():
        raise LedgerError("ledger_link_dangling", path=str(path), target=_target(path))


def create(path: Path, header: Header, on_wait: Waiting | None = None) -> Ledger:
    refuse_dangling(path)
    try:
        _real(path).parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise IprcheckError("output_unwritable", path=str(path), reason=exc) from None
    with locked(path, on_wait):
        if path.exists():
            raise LedgerError("ledger_exists", path=str(path))
        header = msgspec.structs.replace(header, changes=0)
        _write(path, line(header.to_json()).encode("utf-8"))
    return Ledger(path, header, [])


class Planned(Protocol):
    """What a command would record: its changes (and whatever else it found on the way)."""

    @property
    def events(self) -> list[Event]: ...


P = TypeVar("P", bound=Planned)


def append(
    path: Path,
    build: Callable[[Ledger], P],
    on_wait: Waiting | None = None,
    *,
    restores: bool = False,
) -> tuple[Ledger, P]:
    """Under the lock: read the ledger as it is now, let ``build(ledger)`` plan the new events,
    then write them; the ledger after, and the plan. ``build`` may raise to abort; nothing is
    written then.

    A copy that holds fewer changes than its last write left (cut off) is written only by a
    merge (``restores``) that brings back at least as many."""
    refuse_dangling(path)
    if not path.is_file():  # before the lock, whose file would land in a folder that may not be
        if path.exists():
            raise LedgerError("ledger_not_file", path=str(path))
        raise LedgerError("ledger_missing", path=str(path))
    writable(path)
    with locked(path, on_wait):
        data = _bytes_of(path)
        ledger = parse(path, data)
        if ledger.missing and not restores:
            raise _cut(path, ledger)
        plan = build(ledger)
        events = plan.events
        if ledger.missing and len(events) < ledger.missing:
            raise _cut(path, ledger)
        if events:
            # The header again, counting the changes the file now holds, then the old changes
            # exactly as they were, then the new ones. A last line an editor saved without its
            # line end gets one, or the first new record would run into it.
            header = msgspec.structs.replace(ledger.header, changes=ledger.count + len(events))
            rest = _after_header(data)
            gap = b"" if rest.endswith(b"\n") or not rest else b"\n"
            new = "".join(line(e.to_json()) for e in events).encode("utf-8")
            profiled = any(e.kind in ("profile", "list") for e in events)
            version = max(header.version, PROFILE_VERSION if profiled else 1)
            header = msgspec.structs.replace(header, version=version)
            written = line(header.to_json(version)).encode("utf-8") + rest + gap + new
            if len(written) > MAX_BYTES:
                raise LedgerError(
                    "ledger_bad",
                    path=str(path),
                    line=1,
                    problem=Msg("lg_too_large", size=len(written)),
                )
            _write(path, written)
            ledger = _after(ledger.with_header(header), events, written)
    return ledger, plan


def _cut(path: Path, ledger: Ledger) -> LedgerError:
    return LedgerError(
        "ledger_cut_write", path=str(path), sealed=ledger.header.changes, present=ledger.count
    )


def _after(ledger: Ledger, events: list[Event], written: bytes) -> Ledger:
    """The ledger once ``events`` are written. From a snapshot, the new state is the old one
    with the new changes applied — they are stamped now, so they nearly always come last — and
    it is snapshotted in turn, so that the next command on a long ledger skips the replay too."""
    snap = ledger.snapshot
    new = in_replay_order(events)
    if snap is None or snap.replay_key is None or not snap.replay_key < replay_order(new[0]):
        full = Ledger(ledger.path, ledger.header, _merged(ledger.events, new))
        if len(full.events) >= snapshot.MIN_EVENTS:
            snapshot.keep(_digest(written), full)
        return full
    state = Fold(ledger.header, snap)
    for ev in new:
        state.apply(ev)
    snap = state.snapshot(new, snap.count + len(new), new[-1].at)
    snapshot.store(_digest(written), ledger.header, snap)
    path = ledger.path
    return Ledger(path, ledger.header, snapshot=snap, load=lambda: _decoded(path, written).events)


def _merged(old: list[Event], new: list[Event]) -> list[Event]:
    """Both in replay order. New changes are stamped now, so they nearly always follow."""
    if not old or not new or replay_order(old[-1]) < replay_order(new[0]):
        return [*old, *new]
    return in_replay_order([*old, *new])
