"""Writing a file so that nobody ever sees half of it: ledgers and the reports people forward."""

from __future__ import annotations

import contextlib
import os
import re
import uuid
from pathlib import Path

from .errors import IprcheckError


def temp_name_pattern(path: Path) -> re.Pattern[str]:
    """The names ``replace_atomically`` gives its temporary copies of ``path``."""
    return re.compile(re.escape(f".{sibling_stem(path.name)}.") + r"[0-9a-f]{12}\.tmp")


def sibling_stem(name: str) -> str:
    """``name`` for the hidden files beside it (``.NAME.<12 hex>.tmp``, ``.NAME.lock``): where
    the longest of them would pass the 255 bytes a file name may have, the name cut short on a
    character and marked with a hash of the whole, so that a long but legal name (about 80
    Chinese characters) can still be written, and two long names alike at the start never
    share a temporary-file pattern (a ledger's clean-up must not take a report's file)."""
    room = 255 - len(".") - len(".0123456789ab.tmp")

    def size(text: str) -> int:
        return len(text.encode("utf-8", "surrogateescape"))

    if size(name) <= room:
        return name
    from .cache import sha256_hex

    mark = "~" + sha256_hex(name.encode("utf-8", "surrogateescape"))[:8]
    stem = name
    while size(stem) > room - len(mark):
        stem = stem[:-1]
    return stem + mark


def replace_atomically(path: Path, data: bytes) -> None:
    """Write a complete new copy beside ``path``, fsync it, rename it over ``path``.

    A reader, or a crash at any instant, sees the old file or the new one. Any failure leaves
    ``path`` as it was and is one clean error."""
    parent = path.parent if str(path.parent) else Path(".")
    tmp = parent / f".{sibling_stem(path.name)}.{uuid.uuid4().hex[:12]}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        with contextlib.suppress(OSError, AttributeError):  # no chown on Windows
            # The group too: a colleague's write must not take the ledger out of the team's
            # group (a folder without the setgid bit gives new files the writer's own group).
            os.chown(tmp, -1, path.stat().st_gid)
        with contextlib.suppress(OSError):
            os.chmod(tmp, mode_for(path))
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise IprcheckError("output_unwritable", path=str(path), reason=exc) from None
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable where the OS allows
        dfd = os.open(parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def mode_for(path: Path) -> int:
    """The replaced file's own permissions (a group-shared or private ledger stays so); for a
    new file, what the umask allows."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
