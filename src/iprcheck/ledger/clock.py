"""The wall clock, as far as a ledger cares: the time a change is stamped with, and what
counts as a time no honest clock could give yet."""

from __future__ import annotations

from datetime import datetime, timedelta

from .records import Event

# A change dated this far past this machine's clock came from a PC whose clock is wrong.
AHEAD = timedelta(days=1)


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="microseconds")


def dated_ahead(events: list[Event]) -> list[Event]:
    """Changes dated more than a day past this machine's clock: from a PC whose clock is wrong.
    They are kept, and shown with the time they carry; the logical clock orders them."""
    limit = datetime.fromisoformat(now()) + AHEAD
    return [ev for ev in events if ev.when > limit]
