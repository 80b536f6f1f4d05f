"""A small content-addressed cache of JSON files in the user's cache folder.

Entries are named by a kind and a digest of what they were computed from, carry their full key
inside, and are only believed when that key matches exactly. Any problem with the cache —
absent, unreadable, truncated, garbage, another version, an unwritable folder — means
"compute it again", never an error: the cache can make a command faster, not wrong.
"""

from __future__ import annotations

import json
import os
import time
from contextlib import suppress
from pathlib import Path
from typing import Any

MAX_BYTES = 16 * 1024 * 1024


def _file(kind: str, digest: str) -> Path:
    from .paths import user_cache_dir

    return user_cache_dir() / f"{kind}-{digest[:32]}.json"


def read(kind: str, key: dict[str, Any]) -> Any:
    """The payload stored under ``key``, or None."""
    try:
        with _file(kind, key["sha256"]).open("rb") as f:
            raw = f.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            return None
        entry = json.loads(raw)
        if not isinstance(entry, dict) or entry.get("key") != key:
            return None
        return entry.get("payload")
    except Exception:
        return None


def write(kind: str, key: dict[str, Any], payload: Any, *, keep: int) -> None:
    """Store ``payload`` atomically; keep the ``keep`` newest entries of this kind."""
    import tempfile

    try:
        target = _file(kind, key["sha256"])
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{kind}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                entry = {"key": key, "payload": payload}
                f.write(json.dumps(entry, ensure_ascii=False).encode("utf-8"))
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(target.parent, kind, keep)
    except Exception:
        return


def sha256_hex(data: bytes) -> str:
    return str(sha256_of(data).hexdigest())


def sha256_of(data: bytes) -> Any:
    """The sha256 of ``data``. hashlib loads OpenSSL to offer it, 2–3 ms of start-up that a
    command reading a small task list and ledger would spend on nothing else; CPython's own
    implementation (``_sha256`` in 3.11, ``_sha2`` from 3.12) gives the same digest without it,
    but hashes about five times slower (3 ms a MB here against 0.6): past a megabyte, a long
    ledger, OpenSSL pays for itself."""
    if len(data) < 1 << 20:
        from importlib import import_module

        for name in ("_sha256", "_sha2"):
            try:
                return import_module(name).sha256(data)
            except (ImportError, AttributeError):
                continue
    import hashlib

    return hashlib.sha256(data)


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


def _prune(folder: Path, kind: str, keep: int) -> None:
    """Back to the ``keep`` newest entries once there are a quarter more. Listing names is
    cheap and reading each file's time is not: a rollup storing a thousand snapshots must not
    read the times of hundreds of files at every one of them."""
    entries, stale = [], []
    with os.scandir(folder) as found:
        for entry in found:
            if entry.name.startswith(f"{kind}-") and entry.name.endswith(".json"):
                entries.append(entry)
            elif entry.name.startswith(f".{kind}-") and entry.name.endswith(".tmp"):
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
