"""The task list as the program uses it: typed, frozen records for either family of document.

Two families of annual document exist (see README, "Every year's list"): the *table family*
(the 2014–2018 推进计划 and the 2020 list: tasks with a national measure and provincial measures,
ids ``6.2``) and the *plan family* (推进计划 from 2020 on, 工作指引: items numbered through the
whole plan, ids ``12``, each naming who is responsible). One model holds both: what the 2020
schema fixed is declared by the list here — English titles are optional, the province
categories a list uses are its own (``categories``; absent, the 2020 list's six), who is
responsible may be said per item (``Measure.departments``), and how the document numbers what
is tracked (``numbering``).

A file is written in schema version 1 (the bundled 2020 list; ``schema_v1.py`` is that format,
frozen) or version 2 (this model's fields). Both validate into these records (``validate.py``);
nothing else in iprcheck sees the difference. No I/O here.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from msgspec import Meta, Struct

from ..vocab import NATIONAL_OFFICE, Actor

SCHEMA_VERSION = 2  # the newest version a file may be written in

# Task and measure numbers have at most this many digits: the one id grammar, which the ledger
# and every command that reads an id (obligations.py) use too.
ID_DIGITS = 6

NonEmpty = Meta(min_length=1)
Text = Annotated[str, NonEmpty]
Positive = Annotated[int, Meta(ge=1, le=10**ID_DIGITS - 1)]
# 6.2 (a measure of task 6, the table family) or 12 (item 12, the plan family).
ObligationId = Annotated[str, Meta(pattern=rf"^[0-9]{{1,{ID_DIGITS}}}(\.[0-9]{{1,{ID_DIGITS}}})?$")]
# A province category's key: what ledgers record and --province-type may give. No spaces or
# commas, which separate keys where people list them.
CategoryKey = Annotated[str, Meta(pattern=r"^[^\s,，、;；]{1,40}$")]
Numbering = Literal["task.measure", "item"]


class Target(Struct, frozen=True, forbid_unknown_fields=True):
    """A numeric target written in a national measure, beside its verbatim text."""

    text: Text
    metric_en: Text
    comparator: Literal["<=", ">="]
    value: int | float
    unit: Literal["month", "point", "percent"]


class Category(Struct, frozen=True, forbid_unknown_fields=True):
    """A kind of province a list's rules name (各类省份, 引领型知识产权强省试点省, 一类省份…)."""

    key: CategoryKey
    name: Text  # as the list writes it
    name_en: str | None = None
    words: list[str] = []  # other words people type for it (引领型)
    implies: list[str] = []  # the keys a province of this category also holds (引领型 -> pilot)


class Measure(Struct, frozen=True, forbid_unknown_fields=True):
    id: ObligationId
    actor: Actor
    text: Text
    rule: str | None = None
    mandatory_for: list[str] = []
    optional_for: list[str] = []
    targets: list[Target] = []
    # Who the document makes responsible for this item, where it says so per item (the plan
    # family's "（保护司负责）"); absent, the task's departments.
    departments: list[str] | None = None
    responsibility: str | None = None  # those words, verbatim (保护司负责)


class Task(Struct, frozen=True, forbid_unknown_fields=True):
    number: Positive  # unique through the list; the plan family's items are numbered instead
    title: Text
    measures: Annotated[list[Measure], NonEmpty]
    title_en: str | None = None
    departments: list[str] = []  # 执行部门 局内
    completion: str | None = None
    due: date | None = None
    label: str | None = None  # the heading's own numbering as printed: （一）
    goal: str | None = None  # 任务目标 (the earlier table family)


class Section(Struct, frozen=True, forbid_unknown_fields=True):
    number: Positive
    title: Text
    tasks: Annotated[list[Task], NonEmpty]
    title_en: str | None = None


class ReportingUnit(Struct, frozen=True, forbid_unknown_fields=True):
    name: Text
    name_en: Text


class TaskList(Struct, frozen=True, forbid_unknown_fields=True):
    schema_version: Literal[1, 2]
    id: Text
    year: int  # in dates.YEARS: validate says so at its line, for either version
    title: Text
    sections: Annotated[list[Section], NonEmpty]
    title_en: str | None = None
    issuer: Text = NATIONAL_OFFICE
    document_number: str | None = None  # the notice's 文号: 国知发运字〔2021〕3号
    # The list's own deadline; absent (the plan family: the year is in the title), there is no
    # countdown and nothing is overdue against the list.
    deadline: date | None = None
    numbering: Numbering = "task.measure"
    categories: list[Category] = []  # absent: the 2020 list's (tasklist.categories.DEFAULT)
    reporting_units: list[ReportingUnit] = []  # absent: the 2020 list's 32 units


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
        """Who is responsible: the item's own, where the document names them, else the task's."""
        own = self.measure.departments
        return own if own is not None else self.task.departments


def obligations(task_list: TaskList) -> list[Obligation]:
    """Every measure of the list, in source order."""
    return [
        Obligation(m.id, s, t, m) for s in task_list.sections for t in s.tasks for m in t.measures
    ]


def in_english(zh: str, en: str | None, lang: str) -> str:
    """A title in the reader's language: the English one where the list has it (a list drafted
    from a notice has none), else the Chinese as the list writes it."""
    return en if lang != "zh" and en else zh
