"""The schema of a task list as frozen dataclasses, and the closed vocabularies. No I/O here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Literal

SCHEMA_VERSION = 1


class ProvinceType(StrEnum):
    ALL = "all"
    INVOLVED = "involved"
    PILOT = "pilot"
    PILOT_LEADING = "pilot-leading"
    PILOT_SUPPORTING = "pilot-supporting"
    PILOT_FEATURED = "pilot-featured"


PROVINCE_TYPE_LABELS: dict[ProvinceType, tuple[str, str]] = {
    ProvinceType.ALL: ("各类省份", "every province"),
    ProvinceType.INVOLVED: ("涉及省份", "provinces involved in the programme"),
    ProvinceType.PILOT: ("知识产权强省建设试点省", "IP-strong-province pilot"),
    ProvinceType.PILOT_LEADING: ("引领型知识产权强省试点省", "leading-tier pilot"),
    ProvinceType.PILOT_SUPPORTING: ("支撑型知识产权强省试点省", "supporting-tier pilot"),
    ProvinceType.PILOT_FEATURED: ("特色型知识产权强省试点省", "featured-tier pilot"),
}

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


class Actor(StrEnum):
    NATIONAL = "national"
    PROVINCE = "province"


class Requirement(StrEnum):
    MANDATORY = "mandatory"
    OPTIONAL = "optional"


class Status(StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in-progress"
    DONE = "done"
    BLOCKED = "blocked"
    WAIVED = "waived"


STATUS_LABELS: dict[Status, str] = {
    Status.TODO: "未开始",
    Status.IN_PROGRESS: "进行中",
    Status.DONE: "已完成",
    Status.BLOCKED: "受阻",
    Status.WAIVED: "不适用",
}


# The schema is written once, as plain dataclasses: commands read them at no cost, and
# ``schema.py`` derives the pydantic models that validate a task list file from them (with the
# constraints in each field's metadata), so start-up never pays for pydantic.


NONEMPTY = {"min_length": 1}
POSITIVE = {"ge": 1}
OBLIGATION_ID = {"pattern": r"^\d+\.\d+$"}


@dataclass(frozen=True, slots=True)
class Target:
    """A numeric target written in a national measure, beside its verbatim text."""

    text: str = field(metadata=NONEMPTY)
    metric_en: str = field(metadata=NONEMPTY)
    comparator: Literal["<=", ">="]
    value: int | float
    unit: Literal["month", "point", "percent"]


@dataclass(frozen=True, slots=True)
class Measure:
    id: str = field(metadata=OBLIGATION_ID)
    actor: Actor
    text: str = field(metadata=NONEMPTY)
    rule: str | None = None
    mandatory_for: list[ProvinceType] = field(default_factory=list)
    optional_for: list[ProvinceType] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Task:
    number: int = field(metadata=POSITIVE)
    title: str = field(metadata=NONEMPTY)
    title_en: str = field(metadata=NONEMPTY)
    departments: list[str] = field(metadata=NONEMPTY)
    measures: list[Measure] = field(metadata=NONEMPTY)
    completion: str | None = None
    due: date | None = None


@dataclass(frozen=True, slots=True)
class Section:
    number: int = field(metadata=POSITIVE)
    title: str = field(metadata=NONEMPTY)
    title_en: str = field(metadata=NONEMPTY)
    tasks: list[Task] = field(metadata=NONEMPTY)


@dataclass(frozen=True, slots=True)
class ReportingUnit:
    name: str = field(metadata=NONEMPTY)
    name_en: str = field(metadata=NONEMPTY)


@dataclass(frozen=True, slots=True)
class TaskList:
    schema_version: Literal[1]
    id: str = field(metadata=NONEMPTY)
    year: int
    title: str = field(metadata=NONEMPTY)
    title_en: str = field(metadata=NONEMPTY)
    issuer: str = field(metadata=NONEMPTY)
    deadline: date
    reporting_units: list[ReportingUnit] = field(metadata=NONEMPTY)
    sections: list[Section] = field(metadata=NONEMPTY)


@dataclass(frozen=True, slots=True)
class Obligation:
    """One measure with the context a reader needs: the unit that is listed, marked and reported."""

    id: str
    section: Section
    task: Task
    measure: Measure

    @property
    def actor(self) -> Actor:
        return self.measure.actor

    @property
    def departments(self) -> list[str]:
        return self.task.departments


def obligations(task_list: TaskList) -> list[Obligation]:
    """Every measure of the list, in source order."""
    return [
        Obligation(m.id, s, t, m) for s in task_list.sections for t in s.tasks for m in t.measures
    ]
