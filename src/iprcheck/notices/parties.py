"""Who a notice makes responsible: the 执行部门 cell's departments and province rules (the table
family), and an item's closing "（保护司负责）" (the plan family).

Everything here reads folded text (``text.fold``): ASCII or full-width punctuation, simplified or
traditional characters alike. Department names come out in simplified characters, since a
department's name is the organisation's, whichever form a copy prints it in; rules and
responsibilities are kept verbatim by the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..vocab import IMPLIED_TYPES, PROVINCE_TYPE_LABELS, PROVINCE_TYPE_WORDS, ProvinceType
from .text import simplified

ALL = ProvinceType.ALL.value
INVOLVED = ProvinceType.INVOLVED.value

# ---------------------------------------------------------------------------------------------
# Names in a list: A、B，C and (where both sides are clearly organisations) A和B.

_ORG_END = tuple("司局部室处厅委院所办会") + ("中心",)
_DROPPED = frozenset(
    {"相关部门", "有关部门", "各相关部门", "各有关部门"}
    | {"相关司局", "有关司局", "各部门", "相关单位"}
)
# What closes a name's clause without being part of the name: 保护司牵头, A、B按职责分别负责.
_VERB = re.compile(r"(?:按职责)?(?:分别|共同|牵头|具体)?(?:负责|牵头|参与|配合|落实|承担|执行)$")
_AND_SO_ON = re.compile(r"等(?:部门|单位|司局)?$")


def split_names(folded: str) -> list[str]:
    """The names in ``folded``, split on 、，, and ；, never inside brackets (各省（区、市）)."""
    names: list[str] = []
    depth = 0
    current: list[str] = []
    for char in folded:
        if char in "（〔《":
            depth += 1
        elif char in "）〕》":
            depth = max(0, depth - 1)
        if depth == 0 and char in "、，；,":
            names.append("".join(current))
            current = []
        else:
            current.append(char)
    names.append("".join(current))
    return [n.strip() for n in names if n.strip()]


def _name_parts(name: str) -> list[str]:
    """``A和B`` / ``A及B`` as two names where both end as an organisation's name does."""
    for joiner in ("和", "及", "与"):
        left, sep, right = name.partition(joiner)
        if sep and left.endswith(_ORG_END) and right.endswith(_ORG_END):
            return [left, *_name_parts(right)]
    return [name]


def names_in(folded: str) -> list[str]:
    """The organisations ``folded`` names (a 局内 cell, a responsibility's words), without the
    words around them (牵头, 参与, 等部门, 按职责分别负责) or the catch-alls (相关部门)."""
    out: list[str] = []
    for clause in re.split(r"[，；,;]", folded):
        clause = clause.strip().rstrip("。")
        for _ in range(3):  # 牵头负责, 按职责分别负责: a verb may stand on a verb
            clause = _VERB.sub("", clause).strip()
        clause = _AND_SO_ON.sub("", clause).strip()
        for name in split_names(clause):
            name = _AND_SO_ON.sub("", _VERB.sub("", name)).strip()
            for part in _name_parts(name):
                if part and part not in _DROPPED:
                    out.append(simplified(part))
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------------------------------------
# The plan family: who an item's closing words make responsible.

# The wordings that mean every province's office (各地方知识产权局, 各地区, 地方知识产权局,
# 各省（区、市）知识产权局…); with 有关/相关, the provinces involved.
_LOCAL = re.compile(
    r"^(各|有关|相关)?(?:地方各级|地方|各地|省级|省（区、市）|省、自治区、直辖市|省区市|地区|省|地)"
    r"(?:知识产权(?:局|管理部门|主管部门|部门))?$"
)
_LABEL = re.compile(r"^(?:责任单位|责任部门|牵头单位|负责单位|责任司局|牵头部门)：")
_RESPONSIBLE_END = re.compile(r"(?:负责|牵头|参与|配合|承担)$")


@dataclass
class Party:
    """Who an item names: national departments, or the provinces (every one, or those
    involved), or both (then it is the provinces' item, with the departments named)."""

    departments: list[str] = field(default_factory=list)
    provinces: str | None = None  # ALL or INVOLVED


def responsibility(folded: str) -> Party | None:
    """The party the words inside an item's closing brackets name (保护司负责, 责任单位：A、B,
    A、B按职责分别负责, 各地方知识产权局负责); None if they are not such words (（一期）)."""
    words = folded.strip()
    labelled = _LABEL.match(words)
    if labelled:
        words = words[labelled.end() :]
    elif not _RESPONSIBLE_END.search(words):
        return None
    party = Party()
    for name in names_in(words):
        local = _LOCAL.match(name)
        if local:
            wider = ALL if local.group(1) in (None, "各") else INVOLVED
            party.provinces = ALL if party.provinces == ALL else wider
        else:
            party.departments.append(name)
    return party if party.departments or party.provinces else None


# ---------------------------------------------------------------------------------------------
# The table family: a 省份 rule's categories.


@dataclass
class RuleReading:
    mandatory: list[str] = field(default_factory=list)  # category names, as written
    optional: list[str] = field(default_factory=list)
    understood: bool = True


def read_rule(folded: str) -> RuleReading:
    """引领型、支撑型知识产权强省试点省必做，其他省份选做 -> must: 引领型知识产权强省试点省,
    支撑型知识产权强省试点省; may: 其他省份. Each clause ends in 必做 or 选做."""
    reading = RuleReading()
    for clause in re.split(r"[，；。,;]", folded):
        clause = clause.strip()
        if not clause:
            continue
        if clause.endswith("必做"):
            target = reading.mandatory
        elif clause.endswith("选做"):
            target = reading.optional
        else:
            reading.understood = False
            continue
        subject = clause[:-2].strip()
        names = _shared_tail(split_names(subject))
        if not names:
            reading.understood = False
        target.extend(names)
    return reading


def _shared_tail(names: list[str]) -> list[str]:
    """一类、二类省份 -> 一类省份, 二类省份: a name written short before the last takes the
    last one's tail."""
    if len(names) < 2:
        return names
    last = names[-1]
    out = []
    for name in names[:-1]:
        whole = name.endswith(("省份", "省", "地区", "城市", "市"))
        out.append(name if whole or len(last) <= len(name) else name + last[len(name) :])
    return [*out, last]


_ALL_NAMES = frozenset(
    {"各类省份", "各省份", "所有省份", "全部省份", "其他省份", "其余省份", "其它省份", "各地区"}
)
_TIERS = {"引领型": "pilot-leading", "支撑型": "pilot-supporting", "特色型": "pilot-featured"}


def category_key(name: str) -> str | None:
    """The 2020 list's key for a category name a rule gives, where it is one of its six."""
    plain = simplified(name).strip()
    if plain in _ALL_NAMES:
        return ALL
    if plain.endswith(("涉及省份", "涉及地区")) or plain in ("有关省份", "有关地区", "相关省份"):
        return INVOLVED
    for tier, key in _TIERS.items():
        if plain.startswith(tier) and (plain == tier or "试点" in plain):
            return key
    if plain in ("试点省", "强省试点省") or (plain.endswith("试点省") and "强省" in plain):
        return ProvinceType.PILOT.value
    return None


def known_category(key: str) -> dict[str, Any]:
    """One of the 2020 list's six as a list declares it (key, name, words, implies)."""
    kind = ProvinceType(key)
    words = [
        w for w, k in PROVINCE_TYPE_WORDS.items() if k is kind and w not in (key, _label(kind))
    ]
    return {
        "key": key,
        "name": _label(kind),
        "words": words,
        "implies": sorted(t.value for t in IMPLIED_TYPES.get(kind, ())),
    }


def _label(kind: ProvinceType) -> str:
    return PROVINCE_TYPE_LABELS[kind][0]


def implied(key: str) -> list[str]:
    try:
        kind = ProvinceType(key)
    except ValueError:
        return []
    return sorted(t.value for t in IMPLIED_TYPES.get(kind, ()))


_KEY_UNSAFE = re.compile(r"[\s,，、;；]+")


def new_category_key(name: str) -> str:
    """A category the 2020 list does not have: its name as printed (simplified), as its key."""
    return _KEY_UNSAFE.sub("", simplified(name))[:40] or "category"


def short_word(name: str) -> str | None:
    """What people would type for a new category: 一类省份 -> 一类."""
    plain = simplified(name)
    for tail in ("省份", "地区", "城市", "省"):
        if plain.endswith(tail) and len(plain) > len(tail) + 1:
            return plain[: -len(tail)]
    return None
