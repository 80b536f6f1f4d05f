"""Reading and writing files that others may have made or may be holding open.

Reading: only regular files, and the size is checked before a byte is read, so a FIFO, a
device (a link to /dev/zero) or a giant download is refused at once instead of hanging or
filling memory. Writing: a complete new copy beside the file, fsynced, renamed over it, so that
nobody ever sees half of it; where another program holds the file open (Windows: WPS, Excel,
an indexer, antivirus), the rename is retried briefly before giving up with the reason.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import IprcheckError


class NotAFile(IprcheckError):
    def __init__(self, path: Path | str) -> None:
        super().__init__("not_a_file", path=str(path))


class TooLarge(IprcheckError):
    def __init__(self, path: Path | str, size: int, limit: int) -> None:
        super().__init__("file_too_large", path=str(path), size=size, limit=limit)
        self.size = size


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of ``path``, a regular file of at most ``limit`` bytes. OSError (not found,
    no permission…) is the caller's to word; NotAFile and TooLarge are said here."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)  # O_NONBLOCK: opening a FIFO with no writer must not wait
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotAFile(path)
        if st.st_size > limit:
            raise TooLarge(path, st.st_size, limit)
        chunks = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:  # grew while being read
            raise TooLarge(path, len(data), limit)
        return data
    finally:
        os.close(fd)


def read_chunks(path: Path, chunk: int, limit: int) -> Iterator[bytes]:
    """The bytes of ``path``, a regular file (else NotAFile), in chunks, at most ``limit`` in
    all: for a reader that stops as soon as it knows enough."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotAFile(path)
        left = limit
        while left > 0:
            data = os.read(fd, min(chunk, left))
            if not data:
                return
            left -= len(data)
            yield data
    finally:
        os.close(fd)


def first_line(path: Path, limit: int, head: int = 64 * 1024) -> str:
    """The first line of ``path`` that is not blank, as a reader finds it after a BOM and any
    number of blank lines, in UTF-8 or UTF-16 (an editor's re-save): reads the blank start and
    then at most ``head`` bytes more, of at most ``limit`` in all. Bytes that are not text come
    out as U+FFFD. Raises NotAFile and OSError as ``read_chunks`` does."""
    import codecs

    text = ""
    decoder = None
    for chunk in read_chunks(path, head, limit):
        if decoder is None:
            decoder = codecs.getincrementaldecoder(_encoding_of(chunk))("replace")
        text = (text + decoder.decode(chunk)).lstrip("\ufeff \t\r\n\x00")
        if "\n" in text or len(text) >= head:
            break
    return text.split("\n", 1)[0]


def _encoding_of(start: bytes) -> str:
    if start.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"  # its BOM says the order
    if start[1:2] == b"\x00":
        return "utf-16-le"
    if start[:1] == b"\x00":
        return "utf-16-be"
    return "utf-8"


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
    import hashlib  # only for names too long to keep whole

    mark = "~" + hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    stem = name
    while size(stem) > room - len(mark):
        stem = stem[:-1]
    return stem + mark


# Windows refuses to replace or delete a file another program has open without sharing it:
# ERROR_ACCESS_DENIED (5), ERROR_SHARING_VIOLATION (32), ERROR_LOCK_VIOLATION (33).
HELD_ERRORS = (5, 32, 33)
RETRY_FOR = 2.0  # seconds: an indexer or antivirus lets go within this; WPS/Excel do not


def held_open(exc: OSError) -> bool:
    """Whether ``exc`` says another program holds the file open (Windows)."""
    return getattr(exc, "winerror", None) in HELD_ERRORS


def replace_atomically(
    path: Path, data: bytes, *, sleep: Callable[[float], None] = time.sleep
) -> None:
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
        hide(tmp)
        with contextlib.suppress(OSError, AttributeError):  # no chown on Windows
            # The group too: a colleague's write must not take the ledger out of the team's
            # group (a folder without the setgid bit gives new files the writer's own group).
            os.chown(tmp, -1, path.stat().st_gid)
        with contextlib.suppress(OSError):
            os.chmod(tmp, mode_for(path))
        hide(tmp, hidden=False)  # the copy becomes the file: it must not stay hidden
        _replace(tmp, path, sleep)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            if held_open(exc):
                raise IprcheckError("file_held_open", path=str(path)) from None
            raise IprcheckError("output_unwritable", path=str(path), reason=exc) from None
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable where the OS allows
        dfd = os.open(parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def _replace(tmp: Path, path: Path, sleep: Callable[[float], None]) -> None:
    waited = 0.0
    pause = 0.05
    while True:
        try:
            os.replace(tmp, path)
            return
        except OSError as exc:
            if not held_open(exc) or waited >= RETRY_FOR:
                raise
            sleep(pause)
            waited += pause
            pause = min(pause * 2, 0.5)


def hide(path: Path, *, hidden: bool = True) -> None:
    """Mark a helper file (a lock, a temporary copy) hidden in Explorer, as its leading dot
    hides it elsewhere; or show it again."""
    if sys.platform == "win32":
        import ctypes  # Windows only

        attribute = 0x2 if hidden else 0x80  # FILE_ATTRIBUTE_HIDDEN, FILE_ATTRIBUTE_NORMAL
        with contextlib.suppress(OSError, AttributeError):
            ctypes.windll.kernel32.SetFileAttributesW(str(path), attribute)  # type: ignore[attr-defined]


def mode_for(path: Path) -> int:
    """The replaced file's own permissions (a group-shared or private ledger stays so); for a
    new file, what the umask allows."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
