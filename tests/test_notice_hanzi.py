"""Traditional characters: iprcheck's own table (notices/hanzi.py) is OpenCC's t2s, character by
character; and a department printed in traditional characters is found by its simplified name.

Run as a script to regenerate the table: python tests/test_notice_hanzi.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from notice_builders import hanzi_module_text, traditional

from iprcheck.notices.text import fold, simplified
from iprcheck.tasklist import load

TABLE = Path(__file__).parent.parent / "src" / "iprcheck" / "notices" / "hanzi.py"


@pytest.mark.slow
def test_the_table_is_opencc_s_t2s() -> None:
    assert TABLE.read_text(encoding="utf-8") == hanzi_module_text()


@pytest.mark.slow
def test_every_department_in_traditional_characters_comes_back_simplified() -> None:
    departments = load().departments
    assert len(departments) >= 10
    for name in departments:
        printed = traditional(name)
        assert simplified(printed) == name, printed


def test_folding_keeps_every_offset() -> None:
    text = "國家知識產權局:各地區要(保護司負責)；１２．"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "国家知识产权局：各地区要（保护司负责）；12."


if __name__ == "__main__":
    TABLE.write_text(hanzi_module_text(), encoding="utf-8")
    sys.stdout.write(f"wrote {TABLE}\n")
