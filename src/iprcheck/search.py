"""Search of a task list: every title and measure text that holds what was typed.

Text in traditional characters (意見, which the PDF of the 2020 list carries; a list taken in
from a traditional copy of a notice) is found by its simplified form too, and the other way
round: both sides are compared in simplified form, one character for one.
"""

from __future__ import annotations

from functools import cache

from msgspec import Struct

from .tasklist import Catalog


@cache
def _simplified() -> dict[int, int]:
    from .hanzi import SIMPLIFIED, TRADITIONAL  # a 28 KB table: only a search needs it

    return str.maketrans(TRADITIONAL, SIMPLIFIED)


def fold(text: str) -> str:
    """``text`` as a search compares it: simplified, case folded; one character for one, so a
    match's place in the folded text is its place in the text."""
    return text.translate(_simplified()).casefold()


class Hit(Struct, frozen=True):
    where: str  # a section (§1), a task (6) or an obligation (6.2)
    field: str  # "title" or "text"
    text: str


def search(catalog: Catalog, query: str) -> list[Hit]:
    """Every title and measure text that contains ``query``."""
    needle = fold(query)
    hits: list[Hit] = []
    for section in catalog.task_list.sections:
        for value in filter(None, (section.title, section.title_en)):
            if needle in fold(value):
                hits.append(Hit(f"§{section.number}", "title", value))
        for task in section.tasks:
            for value in filter(None, (task.title, task.title_en)):
                if needle in fold(value):
                    hits.append(Hit(str(task.number), "title", value))
            for m in task.measures:
                if needle in fold(m.text):
                    hits.append(Hit(m.id, "text", m.text))
    return hits
