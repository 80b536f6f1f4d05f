"""The closed vocabularies, each defined once: statuses, actors, requirements, province types.

Every word a user may type for a value, its label in both languages, whether it counts as open,
and how each view colours it live here and nowhere else. Adding a status is one entry in
``STATUS_INFO`` (and its words in ``STATUS_WORDS``). Nothing here imports the rest of iprcheck.
"""

from __future__ import annotations

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

# Every word ``mark`` and ``--status`` accept for a status: the keys, and the Chinese labels.
STATUS_WORDS: dict[str, Status] = {
    **{s.value: s for s in Status},
    **{s.info.zh: s for s in Status},
}


def parse_status(text: str) -> Status | None:
    """The status a user's word names, or None."""
    word = text.strip()
    return STATUS_WORDS.get(word.lower()) or STATUS_WORDS.get(word)


class Actor(StrEnum):
    NATIONAL = "national"
    PROVINCE = "province"

    def label(self, lang: str) -> str:
        return {
            "national": ("国家知识产权局", "national office"),
            "province": ("省份", "province"),
        }[self.value][0 if lang == "zh" else 1]


class Requirement(StrEnum):
    MANDATORY = "mandatory"
    OPTIONAL = "optional"

    def label(self, lang: str) -> str:
        return {"mandatory": ("必做", "mandatory"), "optional": ("选做", "optional")}[self.value][
            0 if lang == "zh" else 1
        ]


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
