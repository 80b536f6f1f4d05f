"""Schema version 1 of a task-list file, frozen: the bundled 2020 list and every file written for
it keep validating exactly as they did, with the same located messages.

Only ``validate.py`` uses these classes, to derive the strict pydantic models that check a
version-1 file (constraints included: the ``Meta`` in each annotation). A file that passes is
read into the program's records (``model.py``), which hold every version-1 field.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from msgspec import Meta, Struct

from ..vocab import Actor, ProvinceType
from .model import ID_DIGITS, NonEmpty, Positive, ReportingUnit, Target, Text

ObligationId = Annotated[str, Meta(pattern=rf"^[0-9]{{1,{ID_DIGITS}}}\.[0-9]{{1,{ID_DIGITS}}}$")]


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
