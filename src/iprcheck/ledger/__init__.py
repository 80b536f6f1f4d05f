"""The progress ledger: an append-only change log in one JSON Lines file, replayed into state.

Why this design: a log gives history, undo and merge for free, and a text file can be opened,
copied, e-mailed and archived. One job per module:

- ``records``: the header and change records, the file's format version;
- ``codec``: bytes to records, every problem located at its line;
- ``replay``: a ledger as read, its changes in replay order, replayed into state;
- ``snapshot``: the replayed state of long ledgers, kept in the cache;
- ``store``: where a ledger is; the lock and the atomic write;
- ``ops``: init, mark, assign, undo, merge, history — each returns what it changed;
- ``merging``: what a colleague's copy adds, and where both changed apart.

Nothing here imports a view or the command line.
"""

from .codec import LedgerError
from .merging import MergeResult
from .ops import (
    Recorded,
    assign,
    history,
    init,
    mark,
    merge,
    open_for_reading,
    profile,
    undo,
    upgrade,
)
from .records import DEFAULT_NAME, FORMAT, VERSION, Event, Fields, Header
from .replay import Ledger, apply, replay_order
from .store import looks_like_ledger, read, resolve

__all__ = [
    "DEFAULT_NAME",
    "FORMAT",
    "VERSION",
    "Event",
    "Fields",
    "Header",
    "Ledger",
    "LedgerError",
    "Recorded",
    "MergeResult",
    "apply",
    "assign",
    "history",
    "init",
    "looks_like_ledger",
    "mark",
    "merge",
    "profile",
    "open_for_reading",
    "read",
    "replay_order",
    "resolve",
    "undo",
    "upgrade",
]
