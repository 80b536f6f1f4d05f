"""Exclusive locks beside a file, waited for within bounds: how writers take turns.

``held(path)`` holds ``.NAME.lock`` beside ``path`` (a hidden helper file, as shared as the file
itself). A writer that finds it held polls, is told once after a second (so that it can say it
waits), and gives up after ``timeout`` seconds: a colleague's stuck process must not freeze
everyone. Locks are advisory (``flock``; ``msvcrt.locking`` on Windows) and die with their
process, so a killed writer never leaves the file locked.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import IprcheckError
from .files import hide, mode_for, sibling_stem

NOTICE = 1.0  # seconds before the waiting writer is told
POLL = 0.05


class Busy(Exception):
    """The lock stayed held for the whole timeout."""


class Unsupported(Exception):
    """The file system refused to lock at all (some network shares)."""

    def __init__(self, reason: OSError) -> None:
        super().__init__(str(reason))
        self.reason = reason


@contextlib.contextmanager
def held(
    path: Path, *, timeout: float, on_wait: Callable[[], None] | None = None
) -> Iterator[None]:
    lock_path = path.with_name(f".{sibling_stem(path.name)}.lock")
    fd = _open_lock(lock_path, path)
    try:
        start = time.monotonic()
        told = False
        while True:
            try:
                if _try_lock(fd):
                    break
            except OSError as exc:  # e.g. a network share that only locks files open for writing
                raise Unsupported(exc) from None
            waited = time.monotonic() - start
            if waited >= timeout:
                raise Busy()
            if not told and waited >= NOTICE and on_wait is not None:
                on_wait()
                told = True
            time.sleep(POLL)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


def _open_lock(lock_path: Path, file_path: Path) -> int:
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o666)
    except PermissionError as refused:
        # Another user's lock file in a shared folder: a local flock works on a read-only
        # descriptor. If even that fails, the first refusal is the one to report.
        try:
            return os.open(lock_path, os.O_RDONLY)
        except OSError:
            raise IprcheckError("file_unreadable", path=str(lock_path), reason=refused) from None
    except OSError as exc:
        raise IprcheckError("file_unreadable", path=str(lock_path), reason=exc) from None
    hide(lock_path)
    # A lock file this user has just made is as shared as the file, so that colleagues who
    # may write the file can open the lock for writing too.
    with contextlib.suppress(OSError, AttributeError):
        st = os.fstat(fd)
        if st.st_uid == os.geteuid() and st.st_size == 0:
            want = mode_for(file_path) & 0o666
            if st.st_mode & 0o777 != want:
                os.fchmod(fd, want)
    return fd


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        # A lock another process holds fails with EACCES or EDEADLOCK, but not every Windows
        # (nor Wine) says which: any failure is taken as "held", and the bounded wait decides.
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
