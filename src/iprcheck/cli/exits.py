"""The exit codes, by name."""

from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    OK = 0
    ERROR = 1  # an error the user can act on (one line on stderr); check: the ledger has errors
    USAGE = 2  # the command line itself is wrong
    LEFT_OUT = 3  # rollup: printed, but some ledgers were left out (each named on stderr)
