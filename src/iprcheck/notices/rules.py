"""Province rules into category keys, and the categories a draft declares.

A rule's categories are the 2020 list's six where they are the same (各类省份 -> all, …涉及省份 ->
involved, 引领型知识产权强省试点省 -> pilot-leading…), so that a 2020 notice gives the bundled
list's ``mandatory_for``. A category the 2020 list does not have (一类省份, a reform zone's
provinces) gets its name as its key and is declared with every category the list uses; a list
that uses only the six declares none (the default).
"""

from __future__ import annotations

from typing import Any

from .draft import DraftMeasure, DraftSection, Review, UnknownCategory
from .parties import (
    ALL,
    category_key,
    implied,
    known_category,
    new_category_key,
    read_rule,
    short_word,
)
from .text import fold


def apply_rules(sections: list[DraftSection], review: Review) -> list[dict[str, Any]]:
    """Each provincial measure's rule read into ``mandatory_for`` and ``optional_for``; the
    categories the draft must declare (none where the 2020 list's six suffice)."""
    unknown: dict[str, UnknownCategory] = {}
    used: dict[str, None] = {}
    for measure in (m for s in sections for t in s.tasks for m in t.measures):
        if measure.actor != "province":
            continue
        if measure.rule is not None:
            _read(measure, measure.rule, unknown, review)
        used.update(dict.fromkeys([*measure.mandatory_for, *measure.optional_for]))
    review.unknown.extend(unknown.values())
    if not unknown:
        return []
    return _declared(list(used), list(unknown.values()))


def _read(
    measure: DraftMeasure, rule: str, unknown: dict[str, UnknownCategory], review: Review
) -> None:
    reading = read_rule(fold(rule))
    if not reading.understood:
        review.unread_rules.append((measure.id, rule))
        return
    for names, keys in (
        (reading.mandatory, measure.mandatory_for),
        (reading.optional, measure.optional_for),
    ):
        for name in names:
            key = category_key(name)
            if key is None:
                key = new_category_key(name)
                unknown.setdefault(key, UnknownCategory(name, key, rule, measure.id))
            if key not in keys:
                keys.append(key)


def _declared(used: list[str], unknown: list[UnknownCategory]) -> list[dict[str, Any]]:
    new = {u.key for u in unknown}
    known: dict[str, None] = {ALL: None}
    for key in used:
        if key not in new:
            known.update(dict.fromkeys([key, *implied(key)]))
    out = [known_category(key) for key in known]
    taken = {w for c in out for w in (c["key"], c["name"], *c["words"])}
    for u in unknown:
        word = short_word(u.key)
        words = [word] if word and word not in taken else []
        taken.update([u.key, *words])
        out.append({"key": u.key, "name": u.name, "words": words, "implies": []})
    return out
