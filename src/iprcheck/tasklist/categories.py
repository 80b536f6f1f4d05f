"""The province categories a list's rules name, and the words people type for them.

A list declares its own (``TaskList.categories``): the 2014 plan's 一类/二类/三类省份, the 2020
list's 试点省 and its 引领型/支撑型/特色型 tiers, a reform zone's provinces. A list that declares
none has the 2020 list's six (``DEFAULT``), with their keys (``pilot-leading``…), names and short
words exactly as before. ``all`` (every province) is always there: every province holds it.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..vocab import IMPLIED_TYPES, PROVINCE_TYPE_LABELS, PROVINCE_TYPE_WORDS, ProvinceType
from .model import Category

ALL = ProvinceType.ALL.value


def _defaults() -> list[Category]:
    words: dict[str, list[str]] = {}
    for word, kind in PROVINCE_TYPE_WORDS.items():
        if word not in (kind.value, PROVINCE_TYPE_LABELS[kind][0]):
            words.setdefault(kind.value, []).append(word)
    return [
        Category(
            kind.value,
            zh,
            en,
            words=words.get(kind.value, []),
            implies=sorted(t.value for t in IMPLIED_TYPES.get(kind, ())),
        )
        for kind, (zh, en) in PROVINCE_TYPE_LABELS.items()
    ]


class Categories:
    """A list's categories, in its order, with the words that name each."""

    def __init__(self, declared: Iterable[Category]) -> None:
        given = list(declared)
        if not any(c.key == ALL for c in given):
            every = DEFAULT_LIST[0]
            given.insert(0, every)
        self.all: list[Category] = given
        self.by_key = {c.key: c for c in given}
        words: dict[str, str] = {}
        for c in given:
            for word in (c.key, c.name, *c.words):
                words.setdefault(_plain(word), c.key)
        self._words = words

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.all]

    def named(self, word: str) -> str | None:
        """The key a word names: its key (``pilot``), its name (知识产权强省建设试点省) or one of
        its words (试点省, 试点); English keys in any case."""
        return self._words.get(_plain(word))

    def implied(self, keys: Iterable[str]) -> frozenset[str]:
        """``keys`` with every category they imply, and ``all``."""
        out = {ALL}
        todo = list(keys)
        while todo:
            key = todo.pop()
            if key in out and key != ALL:
                continue
            out.add(key)
            found = self.by_key.get(key)  # a key no category declares: validate names it
            if found is not None:
                todo.extend(k for k in found.implies if k not in out)
        return frozenset(out)

    def ordered(self, keys: Iterable[str]) -> list[str]:
        """``keys`` in the list's order (a key the list does not declare, last)."""
        chosen = set(keys)
        known = [k for k in self.keys if k in chosen]
        return known + sorted(chosen - set(known))

    def label(self, key: str, lang: str) -> str:
        found = self.by_key.get(key)
        if found is None:
            return key
        return found.name_en if lang != "zh" and found.name_en else found.name

    def valid(self, lang: str) -> str:
        """The categories as a message lists them: 引领型知识产权强省试点省（pilot-leading）…"""
        if lang == "zh":
            return "、".join(
                c.name if c.name == c.key else f"{c.name}（{c.key}）" for c in self.all
            )
        return ", ".join(c.key if c.name == c.key else f"{c.key} ({c.name})" for c in self.all)


def _plain(word: str) -> str:
    text = word.strip()
    return text.lower() if text.isascii() else text


DEFAULT_LIST = _defaults()
DEFAULT = Categories(DEFAULT_LIST)


def of(declared: list[Category]) -> Categories:
    """A list's categories: those it declares, else the 2020 list's."""
    return Categories(declared) if declared else DEFAULT
