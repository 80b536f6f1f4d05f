"""Who owes what: a province's profile, the requirement each measure puts on it, and selection."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .errors import IprcheckError
from .models import (
    IMPLIED_TYPES,
    PROVINCE_TYPE_LABELS,
    Actor,
    Measure,
    Obligation,
    ProvinceType,
    Requirement,
    Task,
)
from .records import UNTRACKED, Tracking

if TYPE_CHECKING:
    from .catalog import Catalog
    from .ledger import Ledger


def parse_province_type(value: str) -> ProvinceType:
    """A type key (``pilot-leading``) or its Chinese label (``引领型``, ``试点省``)."""
    text = value.strip()
    for ptype in ProvinceType:
        if text.lower() == ptype.value:
            return ptype
    aliases = {
        "引领型": ProvinceType.PILOT_LEADING,
        "支撑型": ProvinceType.PILOT_SUPPORTING,
        "特色型": ProvinceType.PILOT_FEATURED,
        "试点省": ProvinceType.PILOT,
    }
    for ptype, (zh, _en) in PROVINCE_TYPE_LABELS.items():
        aliases[zh] = ptype
    if text in aliases:
        return aliases[text]
    raise IprcheckError(
        "unknown_province_type", value=value, valid=", ".join(p.value for p in ProvinceType)
    )


@dataclass(frozen=True)
class Profile:
    """The types one province holds. Every province is ``all``; a tier implies ``pilot``."""

    types: frozenset[ProvinceType] = field(default_factory=lambda: frozenset({ProvinceType.ALL}))

    @classmethod
    def of(cls, types: Iterable[ProvinceType | str]) -> Profile:
        declared = {t if isinstance(t, ProvinceType) else parse_province_type(t) for t in types}
        full = {ProvinceType.ALL, *declared}
        for t in declared:
            full |= IMPLIED_TYPES.get(t, frozenset())
        return cls(frozenset(full))

    def type_keys(self) -> list[str]:
        """The types in the vocabulary's order, for display and files."""
        return [t.value for t in ProvinceType if t in self.types]

    def requirement(self, measure: Measure) -> Requirement | None:
        """Mandatory beats optional; None when the measure does not apply to this province."""
        if measure.actor is not Actor.PROVINCE:
            return None
        if self.types & set(measure.mandatory_for):
            return Requirement.MANDATORY
        if self.types & set(measure.optional_for):
            return Requirement.OPTIONAL
        return None


@dataclass(frozen=True)
class Filters:
    sections: Sequence[int] = ()
    tasks: Sequence[int] = ()
    departments: Sequence[str] = ()
    actor: Actor | None = None
    requirement: Requirement | None = None
    statuses: Sequence[str] = ()
    owners: Sequence[str] = ()


@dataclass(frozen=True)
class Entry:
    """An obligation as it stands for the profile in effect."""

    obligation: Obligation
    requirement: Requirement | None


def entries(obligations: Sequence[Obligation], profile: Profile | None) -> list[Entry]:
    """With a profile: exactly the provincial measures it owes. Without: every measure."""
    if profile is None:
        return [Entry(o, None) for o in obligations]
    out = []
    for o in obligations:
        req = profile.requirement(o.measure)
        if req is not None:
            out.append(Entry(o, req))
    return out


def select(
    entries: Sequence[Entry], filters: Filters, tracking: Mapping[str, Tracking] | None = None
) -> list[Entry]:
    tracking = tracking or {}

    def keep(e: Entry) -> bool:
        o = e.obligation
        tr = tracking.get(o.id, UNTRACKED)
        return (
            (not filters.statuses or tr.status in filters.statuses)
            and (not filters.owners or tr.owner in filters.owners)
            and (not filters.sections or o.section.number in filters.sections)
            and (not filters.tasks or o.task.number in filters.tasks)
            and (not filters.departments or bool(set(filters.departments) & set(o.departments)))
            and (filters.actor is None or o.actor is filters.actor)
            and (filters.requirement is None or e.requirement is filters.requirement)
        )

    return [e for e in entries if keep(e)]


def check_filters(catalog: Catalog, filters: Filters) -> None:
    """An unknown section, task or department is an error that names the valid ones."""
    sections = [s.number for s in catalog.task_list.sections]
    for n in filters.sections:
        if n not in sections:
            raise IprcheckError("unknown_section", value=n, valid=_span(sections))
    for n in filters.tasks:
        if n not in catalog.tasks:
            raise IprcheckError("unknown_task", value=n, valid=_span(list(catalog.tasks)))
    for name in filters.departments:
        if name not in catalog.departments:
            raise IprcheckError(
                "unknown_department", value=name, valid="、".join(catalog.departments)
            )


def find_task(catalog: Catalog, ident: str) -> tuple[Task, str | None]:
    """A task number or an obligation id -> (the task, the obligation id to point at)."""
    ident = typed_id(ident)
    if ident in catalog.by_id:
        return catalog.by_id[ident].task, ident
    # ASCII digits only ("²" is a digit to str.isdigit), and few: int() refuses 5,000 of them.
    if ident.isascii() and ident.isdigit() and len(ident) <= 4 and int(ident) in catalog.tasks:
        return catalog.tasks[int(ident)], None
    raise IprcheckError("unknown_id", value=ident, valid=task_span(catalog))


def typed_id(text: str) -> str:
    """An id as typed, made plain: a Chinese input method gives full-width digits and stops
    (６．２, ８－１０)."""
    return text.strip().translate(_FULL_WIDTH)


# Only these: NFKC would also make "²" a 2, and mark ² done must not mark task 2.
_FULL_WIDTH = {0xFF10 + n: ord("0") + n for n in range(10)} | {0xFF0E: ".", 0xFF0D: "-"}


def task_span(catalog: Catalog) -> str:
    """The task numbers, for a message: "1–19"."""
    return _span(list(catalog.tasks))


def _span(numbers: list[int]) -> str:
    contiguous = numbers == list(range(numbers[0], numbers[0] + len(numbers))) if numbers else False
    return (
        f"{numbers[0]}–{numbers[-1]}"
        if contiguous and len(numbers) > 2
        else ", ".join(map(str, numbers))
    )


def listing(
    catalog: Catalog, ledger: Ledger | None, override: Profile | None, filters: Filters
) -> tuple[Profile | None, list[Entry], dict[str, Tracking]]:
    """What ``list`` shows: the ledger's obligations and statuses, unless a profile overrides."""
    check_filters(catalog, filters)
    tracking = ledger.state() if ledger else {}
    if override is not None or ledger is None:
        chosen = entries(catalog.obligations, override)
        profile = override
    else:
        chosen = ledger.entries(catalog)
        profile = ledger.profile
    if filters.requirement is not None and profile is None:
        # Without a profile nothing is mandatory or optional: say so rather than list nothing.
        raise IprcheckError("requirement_needs_profile")
    return profile, select(chosen, filters, tracking), tracking
