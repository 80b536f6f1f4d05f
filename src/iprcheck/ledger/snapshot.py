"""Snapshots of long ledgers' replayed state, kept in the user's cache by the bytes' sha256.

A command on the same bytes as last time skips decoding and replaying every change. Any other
bytes never match, so the file stays the only truth; entries are sealed (``cache.py``), so one
someone else wrote into a shared cache folder is never believed; deleting the cache is safe.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from msgspec import Struct

from .. import __version__, cache
from .records import VERSION, Header
from .replay import Ledger, Snapshot

# A short ledger replays faster than a cache file is read and written.
MIN_EVENTS = 200
# Ledgers whose snapshots are kept: a national rollup reads 32, a test of scale 1,000. At about
# 4 KB each that is 4 MB at most; fewer and a large rollup's snapshots evict one another.
KEEP = 1024


class _Stored(Struct, frozen=True):
    header: Header
    snapshot: Snapshot


def _key(digest: str) -> dict[str, Any]:
    here = Path(__file__).parent
    return {
        "sha256": digest,
        "iprcheck": __version__,
        "format": VERSION,
        "code": cache.stamp(here / "replay.py", here / "records.py"),
    }


def recall(digest: str) -> tuple[Header, Snapshot] | None:
    stored = cache.read("ledger", _key(digest), _Stored)
    return None if stored is None else (stored.header, stored.snapshot)


def keep(digest: str, ledger: Ledger) -> None:
    """Snapshot a long ledger whose changes are all decoded."""
    events = ledger.events
    if len(events) >= MIN_EVENTS:
        snap = ledger.now.snapshot(events, len(events), ledger.last_update)
        store(digest, ledger.header, snap)


def store(digest: str, header: Header, snap: Snapshot) -> None:
    cache.write("ledger", _key(digest), _Stored(header, snap), keep=KEEP)
