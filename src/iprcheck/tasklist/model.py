"""The schema of a task list as typed, frozen records. No I/O here.

The records are ``msgspec.Struct`` classes: cheap to define at start-up, and decoded straight
from the validated-list cache by their annotations (``load.py``). ``validate.py`` derives the
strict pydantic models that check a YAML file from the same classes, constraints included
(the ``Meta`` in each annotation), so the schema is written once.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from msgspec import Meta, Struct

from ..vocab import Actor, ProvinceType

SCHEMA_VERSION = 1

# Task and measure numbers have at most this many digits: the one id grammar, which the ledger
# and every command that reads an id (obligations.py) use too.
ID_DIGITS = 6

NonEmpty = Meta(min_length=1)
Text = Annotated[str, NonEmpty]
Positive = Annotated[int, Meta(ge=1, le=10**ID_DIGITS - 1)]
ObligationId = Annotated[str, Meta(pattern=rf"^[0-9]{{1,{ID_DIGITS}}}\.[0-9]{{1,{ID_DIGITS}}}$")]


class Target(Struct, frozen=True, forbid_unknown_fields=True):
    """A numeric target written in a national measure, beside its verbatim text."""

    text: Text
    metric_en: Text
    comparator: Literal["<=", ">="]
    value: int | float
    unit: Literal["month", "point", "percent"]


class Measure(Struct, frozen=True, forbid_unknown_fields=True):
    id: ObligationId
    actor: Actor
    text: Text
    rule: str | None = None
    mandatory_for: list[ProvinceType] = []
    optional_for: list[ProvinceType] = []
    targets: list[Target] = []


class Task(Struct, frozen=True, forbid_unknown_fields=True):
    number: Positive
    title: Text
    title_en: Text
    departments: Annotated[list[str], NonEmpty]
    measures: Annotated[list[Measure], NonEmpty]
    completion: str | None = None
    due: date | None = None


class Section(Struct, frozen=True, forbid_unknown_fields=True):
    number: Positive
    title: Text
    title_en: Text
    tasks: Annotated[list[Task], NonEmpty]


class ReportingUnit(Struct, frozen=True, forbid_unknown_fields=True):
    name: Text
    name_en: Text


class TaskList(Struct, frozen=True, forbid_unknown_fields=True):
    schema_version: Literal[1]
    id: Text
    year: int
    title: Text
    title_en: Text
    issuer: Text
    deadline: date
    reporting_units: Annotated[list[ReportingUnit], NonEmpty]
    sections: Annotated[list[Section], NonEmpty]


class Obligation(Struct, frozen=True):
    """One measure with the context a reader needs: the unit that is listed, marked and
    reported."""

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
