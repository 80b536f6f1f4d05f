"""The schema of a task list: pydantic models and the closed vocabularies. No I/O here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

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


class _Model(BaseModel):
    # defer_build: the schema is built on first validation, not at import, which keeps
    # start-up cheap for the commands that read a cached, already validated catalog.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Target(_Model):
    """A numeric target written in a national measure, beside its verbatim text."""

    text: str = Field(min_length=1)
    metric_en: str = Field(min_length=1)
    comparator: Literal["<=", ">="]
    value: int | float
    unit: Literal["month", "point", "percent"]


class Measure(_Model):
    id: str = Field(pattern=r"^\d+\.\d+$")
    actor: Actor
    text: str = Field(min_length=1)
    rule: str | None = None
    mandatory_for: list[ProvinceType] = []
    optional_for: list[ProvinceType] = []
    targets: list[Target] = []


class Task(_Model):
    number: int = Field(ge=1)
    title: str = Field(min_length=1)
    title_en: str = Field(min_length=1)
    departments: list[str] = Field(min_length=1)
    completion: str | None = None
    due: date | None = None
    measures: list[Measure] = Field(min_length=1)


class Section(_Model):
    number: int = Field(ge=1)
    title: str = Field(min_length=1)
    title_en: str = Field(min_length=1)
    tasks: list[Task] = Field(min_length=1)


class ReportingUnit(_Model):
    name: str = Field(min_length=1)
    name_en: str = Field(min_length=1)


class TaskList(_Model):
    schema_version: Literal[1]
    id: str = Field(min_length=1)
    year: int
    title: str = Field(min_length=1)
    title_en: str = Field(min_length=1)
    issuer: str = Field(min_length=1)
    deadline: date
    reporting_units: list[ReportingUnit] = Field(min_length=1)
    sections: list[Section] = Field(min_length=1)


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
