"""How reports write numbers: a percent a reader can trust, the numerals of a Chinese document."""

from __future__ import annotations

import pytest

from iprcheck.numbers import chinese_numeral, percent


@pytest.mark.parametrize(
    ("part", "whole", "shown"),
    [
        (7, 19, 37),  # 36.8 % rounds to 37, not down to 36
        (1, 2, 50),
        (1, 3, 33),
        (2, 3, 67),
        (199, 200, 99),  # 99.5 % is not yet all: never 100 before every one is done
        (19, 19, 100),
        (1, 300, 1),  # 0.3 %: something was done, so not 0
        (0, 19, 0),
        (0, 0, 0),
    ],
)
def test_percent_rounds_but_never_claims_all_or_nothing_falsely(
    part: int, whole: int, shown: int
) -> None:
    assert percent(part, whole) == shown


def test_percent_is_within_bounds_and_monotonic() -> None:
    for whole in range(1, 120):
        shown = [percent(part, whole) for part in range(whole + 1)]
        assert shown == sorted(shown)
        assert shown[0] == 0 and shown[-1] == 100
        assert all(0 < s < 100 for s in shown[1:-1])


@pytest.mark.parametrize(
    ("n", "word"),
    [(1, "一"), (6, "六"), (10, "十"), (12, "十二"), (20, "二十"), (21, "二十一"), (99, "九十九")],
)
def test_chinese_numerals_as_a_document_numbers_its_parts(n: int, word: str) -> None:
    assert chinese_numeral(n) == word
