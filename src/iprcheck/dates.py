"""Days as people write them, and the years iprcheck keeps: one parser, one range.

A ledger, a task list and an imported sheet all hold days in ``YEARS``: dates near year 1 or 9999
overflow when a report shifts them by weeks, and replay orders times as floats, exact to the
microsecond only until 2200. A list the ledger could not read back is refused where it is read.
"""

from __future__ import annotations

import re
from datetime import date

YEARS = (1970, 2199)

_DAY = re.compile(
    r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})|([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日?"
)
# Full-width digits and separators, as a Chinese input method gives them (only these: NFKC
# would also read "²" as a 2).
_WIDE = {0xFF10 + n: ord("0") + n for n in range(10)} | {0xFF0D: "-", 0xFF0F: "/", 0xFF0E: "."}


class NotADay(ValueError):
    """Text that is no day (``bad``) or a day outside ``YEARS`` (``out_of_range``)."""

    def __init__(self, value: str, *, out_of_range: bool = False) -> None:
        super().__init__(value)
        self.value = value
        self.out_of_range = out_of_range


def in_range(day: date) -> bool:
    return YEARS[0] <= day.year <= YEARS[1]


def parse_day(text: str) -> date:
    """2020-10-31, 2020/10/31, 2020.10.31 or 2020年10月31日 (full-width digits too), never
    "20201031", which reads like a number; in ``YEARS``. Raises NotADay."""
    found = _DAY.fullmatch(text.strip().translate(_WIDE))
    if not found:
        raise NotADay(text)
    y, m, d = (int(x) for x in found.groups() if x is not None)
    try:
        day = date(y, m, d)
    except ValueError:
        raise NotADay(text) from None
    if not in_range(day):
        raise NotADay(text, out_of_range=True)
    return day
