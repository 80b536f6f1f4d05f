"""The closed vocabularies, each defined once: statuses, actors, requirements, province types.

Every word a user may type for a value, its label in both languages, whether it counts as open,
and how each view colours it live here and nowhere else. Adding a status is one entry in
``STATUS_INFO`` (and its words in ``STATUS_WORDS``). Nothing here imports the rest of iprcheck.
"""

from __future__ import annotations

import re
from difflib import get_close_matches
from enum import StrEnum
from typing import NamedTuple


class Status(StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    BLOCKED = "blocked"
    WAIVED = "waived"

    @property
    def info(self) -> StatusInfo:
        return STATUS_INFO[self]

    @property
    def is_open(self) -> bool:
        """Still owed: not done and not waived."""
        return self.info.open

    def label(self, lang: str) -> str:
        return self.info.zh if lang == "zh" else self.info.en


class StatusInfo(NamedTuple):
    zh: str
    en: str
    open: bool  # still owed work (counts as open, can be overdue)
    style: str  # rich style on a terminal
    fill: str  # xlsx cell fill (Excel's own good / neutral / bad)
    ink: str  # xlsx and HTML text on that fill
    colour: str  # HTML chart colour


STATUS_INFO: dict[Status, StatusInfo] = {
    Status.TODO: StatusInfo("未开始", "to do", True, "dim", "F2F2F2", "595959", "d0d4da"),
    Status.IN_PROGRESS: StatusInfo(
        "进行中", "in progress", True, "yellow", "FFEB9C", "9C5700", "f0a500"
    ),
    Status.DONE: StatusInfo("已完成", "done", False, "green", "C6EFCE", "006100", "2e7d32"),
    Status.BLOCKED: StatusInfo("受阻", "blocked", True, "bold red", "FFC7CE", "9C0006", "c62828"),
    Status.WAIVED: StatusInfo("不适用", "waived", False, "magenta", "E4DFEC", "5B3F86", "8e6fb5"),
}

STATUSES: tuple[Status, ...] = tuple(Status)
OPEN: frozenset[Status] = frozenset(s for s in Status if s.is_open)

# Every word ``mark`` and ``--status`` accept for a status: the keys, the Chinese labels, and the
# words people type for them where each can mean only one status. ``完成`` is done (a task
# "completed"), never "complete it"; ``进行`` is the 进行中 of the label, cut short. English
# words are matched case-insensitively with spaces and underscores read as hyphens
# (``in progress``, ``In_Progress``).
STATUS_WORDS: dict[str, Status] = {
    **{s.value: s for s in Status},
    **{s.info.zh: s for s in Status},
    "to-do": Status.TODO,
    "not-started": Status.TODO,
    "未做": Status.TODO,
    "inprogress": Status.IN_PROGRESS,
    "doing": Status.IN_PROGRESS,
    "started": Status.IN_PROGRESS,
    "进行": Status.IN_PROGRESS,
    "推进中": Status.IN_PROGRESS,
    "完成": Status.DONE,
    "已办结": Status.DONE,
    "阻塞": Status.BLOCKED,
    "受阻中": Status.BLOCKED,
    "stuck": Status.BLOCKED,
    "n/a": Status.WAIVED,
    "na": Status.WAIVED,
}

# A *filter word* names a set of statuses, not one: only ``--status`` (list and report) takes
# it, and ``mark`` refuses it, because nothing can be recorded as "not done". A status word is
# what an obligation can be recorded as; a filter word is a question asked of the ledger.
STATUS_FILTERS: dict[str, frozenset[Status]] = {
    "未完成": frozenset(s for s in Status if s.is_open),
    "open": frozenset(s for s in Status if s.is_open),
    "not-done": frozenset(s for s in Status if s.is_open),
}


def status_key(text: str) -> str:
    """A status word as the tables hold it: English lower-cased, spaces and underscores as
    hyphens (``In progress`` -> in-progress); Chinese as typed, spaces collapsed."""
    word = " ".join(text.split())
    return re.sub(r"[ _]", "-", word.lower()) if word.isascii() else word


def parse_status(text: str) -> Status | None:
    """The status a user's word names, or None."""
    return STATUS_WORDS.get(status_key(text))


def parse_status_filter(text: str) -> frozenset[Status] | None:
    """The statuses a ``--status`` word names: one status word, or a filter word; or None."""
    one = parse_status(text)
    if one is not None:
        return frozenset({one})
    return STATUS_FILTERS.get(status_key(text))


# A word that says "not" (没完成, 未做) must never be answered with a status that does not: the
# nearest word to 没完成 is 完成, which means the opposite.
_NOT = frozenset("未没不无非")


def status_like(word: str) -> str | None:
    """The status a near miss was meant as, as the user would type it: ``已经完成`` -> 已完成,
    ``donne`` -> done; None when nothing is near enough."""
    typed = " ".join(word.split())
    if not typed:
        return None
    if typed.isascii():
        english = [w for w in STATUS_WORDS if w.isascii()]
        found = get_close_matches(status_key(typed), english, n=1, cutoff=0.6)
        return STATUS_WORDS[found[0]].value if found else None
    chinese = [w for w in STATUS_WORDS if not w.isascii()]
    found = get_close_matches(typed, chinese, n=1, cutoff=0.6)
    if not found or (_NOT & set(typed)) - set(found[0]):
        return None
    return STATUS_WORDS[found[0]].label("zh")


# The national office's name, as the lists and every document write it.
NATIONAL_OFFICE = "国家知识产权局"


class Actor(StrEnum):
    NATIONAL = "national"
    PROVINCE = "province"

    def label(self, lang: str) -> str:
        return {
            "national": (NATIONAL_OFFICE, "national office"),
            "province": ("省份", "province"),
        }[self.value][0 if lang == "zh" else 1]


class Requirement(StrEnum):
    MANDATORY = "mandatory"
    OPTIONAL = "optional"

    def label(self, lang: str) -> str:
        return {"mandatory": ("必做", "mandatory"), "optional": ("选做", "optional")}[self.value][
            0 if lang == "zh" else 1
        ]


# The words ``--actor`` and ``--requirement`` take: the keys, the labels, and the short names an
# office uses (国家局 for the national office, 省级 for a provincial measure).
ACTOR_WORDS: dict[str, Actor] = {
    **{a.value: a for a in Actor},
    **{a.label("zh"): a for a in Actor},
    "国家局": Actor.NATIONAL,
    "国家": Actor.NATIONAL,
    "省级": Actor.PROVINCE,
    "省": Actor.PROVINCE,
}
REQUIREMENT_WORDS: dict[str, Requirement] = {
    **{r.value: r for r in Requirement},
    **{r.label("zh"): r for r in Requirement},
}


def parse_actor(text: str) -> Actor | None:
    word = text.strip()
    return ACTOR_WORDS.get(word.lower()) or ACTOR_WORDS.get(word)


def parse_requirement(text: str) -> Requirement | None:
    word = text.strip()
    return REQUIREMENT_WORDS.get(word.lower()) or REQUIREMENT_WORDS.get(word)


class ProvinceType(StrEnum):
    ALL = "all"
    INVOLVED = "involved"
    PILOT = "pilot"
    PILOT_LEADING = "pilot-leading"
    PILOT_SUPPORTING = "pilot-supporting"
    PILOT_FEATURED = "pilot-featured"

    def label(self, lang: str) -> str:
        zh, en = PROVINCE_TYPE_LABELS[self]
        return zh if lang == "zh" else en


PROVINCE_TYPE_LABELS: dict[ProvinceType, tuple[str, str]] = {
    ProvinceType.ALL: ("各类省份", "every province"),
    ProvinceType.INVOLVED: ("涉及省份", "provinces involved in the programme"),
    ProvinceType.PILOT: ("知识产权强省建设试点省", "IP-strong-province pilot"),
    ProvinceType.PILOT_LEADING: ("引领型知识产权强省试点省", "leading-tier pilot"),
    ProvinceType.PILOT_SUPPORTING: ("支撑型知识产权强省试点省", "supporting-tier pilot"),
    ProvinceType.PILOT_FEATURED: ("特色型知识产权强省试点省", "featured-tier pilot"),
}

# Every word accepted for a province type: the keys, the labels, and the short names in use.
PROVINCE_TYPE_WORDS: dict[str, ProvinceType] = {
    **{p.value: p for p in ProvinceType},
    **{zh: p for p, (zh, _en) in PROVINCE_TYPE_LABELS.items()},
    "引领型": ProvinceType.PILOT_LEADING,
    "支撑型": ProvinceType.PILOT_SUPPORTING,
    "特色型": ProvinceType.PILOT_FEATURED,
    "试点省": ProvinceType.PILOT,
    "试点": ProvinceType.PILOT,
    "涉及": ProvinceType.INVOLVED,
    "各类": ProvinceType.ALL,
}


def parse_province_type(text: str) -> ProvinceType | None:
    word = text.strip()
    return PROVINCE_TYPE_WORDS.get(word.lower()) or PROVINCE_TYPE_WORDS.get(word)


# A tier is a kind of pilot province: declaring the tier declares the pilot too.
IMPLIED_TYPES: dict[ProvinceType, frozenset[ProvinceType]] = {
    ProvinceType.PILOT_LEADING: frozenset({ProvinceType.PILOT}),
    ProvinceType.PILOT_SUPPORTING: frozenset({ProvinceType.PILOT}),
    ProvinceType.PILOT_FEATURED: frozenset({ProvinceType.PILOT}),
}

# The province rules the 2020 list uses, normalised: rule text -> (must do, may do).
KNOWN_RULES: dict[str, tuple[tuple[ProvinceType, ...], tuple[ProvinceType, ...]]] = {
    "各类省份必做": ((ProvinceType.ALL,), ()),
    "各类省份选做": ((), (ProvinceType.ALL,)),
    "涉及省份必做": ((ProvinceType.INVOLVED,), ()),
    "第一批地理标志运用促进工作项目涉及省份必做": ((ProvinceType.INVOLVED,), ()),
    "知识产权强省建设试点省必做": ((ProvinceType.PILOT,), ()),
    "引领型、支撑型知识产权强省试点省必做，其他省份选做": (
        (ProvinceType.PILOT_LEADING, ProvinceType.PILOT_SUPPORTING),
        (ProvinceType.ALL,),
    ),
}


class SortKey(StrEnum):
    """The orders ``rollup --sort`` puts the provinces in."""

    PROGRESS = "progress"
    NAME = "name"
    UPDATED = "updated"
