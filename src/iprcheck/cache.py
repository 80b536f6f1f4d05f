"""A small content-addressed cache of typed records in the user's cache folder.

Entries are named by a kind and a digest of what they were computed from, carry their full key
inside, and are believed only when that key matches exactly and their seal verifies. Any
problem with the cache — absent, unreadable, truncated, garbage, another version, a forged
entry, an unwritable folder — means "compute it again", never an error: the cache can make a
command faster, not wrong.

The seal is an HMAC-SHA256 of the entry under a key kept in the user's own config folder
(``paths.user_config_dir``), never beside the entries: a cache folder may be shared (a
network home, ``IPRCHECK_CACHE_DIR`` on a team drive), and an entry someone else wrote there,
for the same bytes, must not change what this user sees or records. Each kind of entry lives in
a folder of its own, and only files of the exact shape written here are ever pruned.
"""

from __future__ import annotations

import os
import re
import time
from contextlib import suppress
from pathlib import Path
from typing import Any, Generic, TypeVar

import msgspec

from .errors import IprcheckError
from .files import read_regular
from .paths import user_cache_dir, user_config_dir

MAX_BYTES = 16 * 1024 * 1024
KEY_NAME = "cache-key"
FOLDER = "v3"  # entries of this layout: a sealed JSON object per file

T = TypeVar("T")


class _Entry(msgspec.Struct, Generic[T]):
    key: dict[str, Any]
    payload: T


def _folder(kind: str) -> Path:
    return user_cache_dir() / FOLDER / kind


def _file(kind: str, digest: str) -> Path:
    return _folder(kind) / f"{digest[:32]}.json"


_ENTRY_NAME = re.compile(r"[0-9a-f]{32}\.json")
_TEMP_NAME = re.compile(r"\.[0-9a-f]{12}\.tmp")


def read(kind: str, key: dict[str, Any], of: type[T]) -> T | None:
    """The payload stored under ``key``, decoded as ``of``; None for anything short of a sealed
    entry with exactly this key."""
    try:
        secret = _secret(create=False)
        if secret is None:
            return None
        # Only a regular file, opened without waiting: a FIFO planted where an entry lives
        # must not hang every command.
        raw = read_regular(_file(kind, key["sha256"]), MAX_BYTES)
        seal, sep, body = raw.partition(b"\n")
        if not sep:
            return None
        import hmac

        if not hmac.compare_digest(seal, _seal(secret, body)):
            return None
        entry = msgspec.json.decode(body, type=_Entry[of])  # type: ignore[valid-type]
        if entry.key != key:
            return None
        return entry.payload
    except Exception:
        return None


def write(kind: str, key: dict[str, Any], payload: Any, *, keep: int) -> None:
    """Store ``payload`` atomically; keep about the ``keep`` newest entries of this kind."""
    try:
        secret = _secret(create=True)
        if secret is None:
            return
        target = _file(kind, key["sha256"])
        target.parent.mkdir(parents=True, exist_ok=True)
        body = msgspec.json.encode({"key": key, "payload": payload})
        tmp = target.parent / f".{os.urandom(6).hex()}.tmp"
        try:
            with open(tmp, "xb") as f:
                f.write(_seal(secret, body) + b"\n" + body)
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        _prune(target.parent, keep)
    except Exception:
        return


def _seal(secret: bytes, body: bytes) -> bytes:
    import hmac  # (and hashlib): OpenSSL costs 2 ms, only a command that uses the cache pays

    return hmac.new(secret, body, "sha256").hexdigest().encode("ascii")


def _secret(*, create: bool) -> bytes | None:
    """This user's key for sealing cache entries: 32 random bytes in a file only they may read.
    None where there is none (and ``create`` is off) or it cannot be had."""
    path = user_config_dir() / KEY_NAME
    try:
        secret = read_regular(path, 64)
        if len(secret) == 64:
            return secret
    except (OSError, IprcheckError):
        pass
    if not create:
        return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fresh = os.urandom(32).hex().encode("ascii")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(fresh)
        return fresh
    except FileExistsError:  # another process made it first: use theirs
        return _secret(create=False)
    except OSError:
        return None


def sha256_hex(data: bytes) -> str:
    import hashlib  # see _seal

    return hashlib.sha256(data).hexdigest()


def stamp(*paths: Path) -> list[str]:
    """Size and mtime of source files: code can change in a checkout without a version bump."""
    out = []
    for path in paths:
        try:
            st = path.stat()
            out.append(f"{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            out.append("")
    return out


def _prune(folder: Path, keep: int) -> None:
    """Back to the ``keep`` newest entries once there are a quarter more. Listing names is
    cheap and reading each file's time is not: a rollup storing a thousand snapshots must not
    read the times of hundreds of files at every one of them. Only names of the shapes written
    here are touched, and only in this kind's own folder."""
    entries, stale = [], []
    with os.scandir(folder) as found:
        for entry in found:
            if _ENTRY_NAME.fullmatch(entry.name):
                entries.append(entry)
            elif _TEMP_NAME.fullmatch(entry.name):
                stale.append(entry)  # left by a process killed while writing
    if len(entries) > keep + keep // 4:
        dated = []
        for entry in entries:
            with suppress(OSError):
                dated.append((entry.stat().st_mtime, entry.path))
        for _mtime, path in sorted(dated, reverse=True)[keep:]:
            with suppress(OSError):
                os.unlink(path)
    for entry in stale:
        with suppress(OSError):
            if entry.stat().st_mtime < time.time() - 3600:
                os.unlink(entry.path)
