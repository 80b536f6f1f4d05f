"""Numbers as reports write them: one percent, one Chinese numeral.

Nothing here imports the rest of iprcheck.
"""

from __future__ import annotations

_CN_DIGITS = "零一二三四五六七八九"


def percent(part: int, whole: int) -> int:
    """Whole percent, rounded to the nearest (7 of 19 is 37 %), but never 100 % before all is
    done nor 0 % once something is: 199 of 200 shows 99 %, 1 of 300 shows 1 %."""
    if whole <= 0:
        return 0
    rounded = (part * 200 + whole) // (whole * 2)  # half up, in integers
    if part < whole:
        rounded = min(rounded, 99)
    if part > 0:
        rounded = max(rounded, 1)
    return rounded


def chinese_numeral(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十, 99 -> 九十九: how a Chinese document numbers its
    parts (一、 （一） 第一部分). From 100 on, the digits."""
    if 0 <= n < 10:
        return _CN_DIGITS[n]
    if not 10 <= n < 100:
        return str(n)
    tens, units = divmod(n, 10)
    head = "" if tens == 1 else _CN_DIGITS[tens]
    return f"{head}十{_CN_DIGITS[units] if units else ''}"
