"""Who owes what: a province's profile, the requirement each measure puts on it, selection,
the one grammar of the ids people type, and search.

An *obligation* is a measure in its task (``tasklist.Obligation``); an *entry* is one as it
stands for a profile (its requirement); a *tracking* is what a ledger knows of it; an *item*
is all three together, the row every listing and report shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from msgspec import Struct

from .errors import IprcheckError
from .tasklist import Catalog, Measure, Obligation, Task
from .tasklist.categories import ALL, DEFAULT, Categories
from .tasklist.model import ID_DIGITS
from .vocab import (
    NATIONAL_OFFICE,
    STATUS_FILTERS,
    Actor,
    Requirement,
    Status,
    parse_status,
    parse_status_filter,
)


class Tracking(Struct, frozen=True):
    """What a ledger knows of one obligation. The default is an untouched obligation."""

    status: Status = Status.TODO
    note: str | None = None
    evidence: tuple[str, ...] = ()
    owner: str | None = None
    internal_due: str | None = None  # YYYY-MM-DD
    updated: str | None = None  # ISO time of the last change
    by: str | None = None
    # When the note and the status were last set: a note older than the status was written
    # for an earlier state (采购已重启 under 已完成), and views say when it was written.
    note_at: str | None = None
    status_at: str | None = None

    @property
    def note_is_older(self) -> bool:
        return bool(self.note and self.note_at and self.status_at and self.note_at < self.status_at)


UNTRACKED = Tracking()


def _valid_statuses() -> str:
    return ", ".join([*(s.value for s in Status), *(s.label("zh") for s in Status)])


def status_named(word: str) -> Status:
    """The status a user's word names (``done``, ``已完成``, ``完成``…); an error naming the valid
    ones. A filter word (``未完成``) is not a status: the error says where it belongs."""
    found = parse_status(word)
    if found is None:
        if parse_status_filter(word) is not None:
            raise IprcheckError("status_is_filter", value=word.strip(), valid=_valid_statuses())
        raise IprcheckError("unknown_status", value=word, valid=_valid_statuses())
    return found


def statuses_named(words: Iterable[str]) -> tuple[Status, ...]:
    """What ``--status`` selects: status words and filter words (``未完成``: every status but
    done and waived), in the vocabulary's order."""
    chosen: set[Status] = set()
    for word in words:
        found = parse_status_filter(word)
        if found is None:
            raise IprcheckError(
                "unknown_status",
                value=word,
                valid=_valid_statuses() + ", " + "、".join(STATUS_FILTERS),
            )
        chosen |= found
    return tuple(s for s in Status if s in chosen)


def province_type(value: str, categories: Categories = DEFAULT) -> str:
    """A category's key (``pilot-leading``), its name or a word for it (``引领型``, ``试点省``)."""
    found = categories.named(value)
    if found is None:
        raise IprcheckError(
            "unknown_province_type",
            value=value,
            valid=categories.valid("en"),
            valid_zh=categories.valid("zh"),
        )
    return found


class Profile(Struct, frozen=True):
    """The categories one province holds (its province types). Every province holds ``all``; a
    category may imply others (引领型 implies 试点省)."""

    types: frozenset[str] = frozenset({ALL})

    @classmethod
    def of(cls, words: Iterable[str], categories: Categories = DEFAULT) -> Profile:
        """The profile the words people typed (or the keys a file holds) declare."""
        return cls(categories.implied(province_type(w, categories) for w in words))

    @classmethod
    def stored(cls, keys: Iterable[str]) -> Profile:
        """The profile a ledger recorded: its keys as they are (implications included)."""
        return cls(frozenset({ALL, *keys}))

    def ordered(self, categories: Categories = DEFAULT) -> list[str]:
        """The keys in the list's order, for display and files."""
        return categories.ordered(self.types)

    def type_keys(self, categories: Categories = DEFAULT) -> list[str]:
        return self.ordered(categories)

    def requirement(self, m: Measure) -> Requirement | None:
        """Mandatory beats optional; None when the measure does not apply to this province."""
        if m.actor is not Actor.PROVINCE:
            return None
        if self.types.intersection(m.mandatory_for):
            return Requirement.MANDATORY
        if self.types.intersection(m.optional_for):
            return Requirement.OPTIONAL
        return None


class Entry(Struct, frozen=True):
    """An obligation as it stands for the profile in effect (no requirement: no profile)."""

    obligation: Obligation
    requirement: Requirement | None

    @property
    def id(self) -> str:
        return self.obligation.id

    @property
    def mandatory(self) -> bool:
        return self.requirement is Requirement.MANDATORY


class Item(Struct, frozen=True):
    """An entry and what the ledger knows of it: one row of a listing or a report."""

    entry: Entry
    tracking: Tracking

    @property
    def obligation(self) -> Obligation:
        return self.entry.obligation

    @property
    def requirement(self) -> Requirement | None:
        return self.entry.requirement

    @property
    def id(self) -> str:
        return self.entry.obligation.id

    @property
    def task(self) -> Task:
        return self.entry.obligation.task

    @property
    def text(self) -> str:
        return self.entry.obligation.measure.text

    @property
    def status(self) -> Status:
        return self.tracking.status

    @property
    def note(self) -> str | None:
        return self.tracking.note

    @property
    def evidence(self) -> tuple[str, ...]:
        return self.tracking.evidence

    @property
    def owner(self) -> str | None:
        return self.tracking.owner

    @property
    def internal_due(self) -> str | None:
        return self.tracking.internal_due

    @property
    def updated(self) -> str | None:
        return self.tracking.updated


class Filters(Struct, frozen=True):
    sections: tuple[int, ...] = ()
    tasks: tuple[int, ...] = ()
    departments: tuple[str, ...] = ()
    actor: Actor | None = None
    requirement: Requirement | None = None
    statuses: tuple[Status, ...] = ()
    owners: tuple[str, ...] = ()


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


def tracked_entries(
    catalog: Catalog, profile: Profile | None, department: str | None
) -> list[Entry]:
    """What a ledger tracks: a province what its profile owes; the national office its own
    measures (one department's, where the ledger names one), all of them its duty."""
    if profile is not None:
        return entries(catalog.obligations, profile)
    return [
        Entry(o, Requirement.MANDATORY)
        for o in catalog.obligations
        if o.actor is Actor.NATIONAL and (department is None or department in o.departments)
    ]


def items(chosen: Sequence[Entry], tracking: Mapping[str, Tracking]) -> list[Item]:
    return [Item(e, tracking.get(e.obligation.id, UNTRACKED)) for e in chosen]


def select(
    chosen: Sequence[Entry], filters: Filters, tracking: Mapping[str, Tracking] | None = None
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

    return [e for e in chosen if keep(e)]


def check_filters(catalog: Catalog, filters: Filters) -> None:
    """An unknown section, task or department is an error that names the valid ones."""
    sections = [s.number for s in catalog.task_list.sections]
    for n in filters.sections:
        if n not in sections:
            raise IprcheckError("unknown_section", value=n, valid=span(sections))
    for n in filters.tasks:
        if n not in catalog.tasks:
            raise IprcheckError("unknown_task", value=n, valid=task_span(catalog))
    for name in filters.departments:
        if name not in catalog.departments:
            raise IprcheckError(
                "unknown_department", value=name, valid="、".join(catalog.departments)
            )


def summary(text: str, limit: int = 34) -> str:
    """The measure's first sentence, without the 国家知识产权局： prefix, cut at ``limit``."""
    head = text.removeprefix(NATIONAL_OFFICE + "：")
    first = head.split("。", 1)[0]
    return first if len(first) <= limit else first[: limit - 1] + "…"


# ---------------------------------------------------------------------------------------------
# Ids as people type them: a task (6), an obligation (6.2), a range of tasks (8-10). One grammar
# for every command, and the same digits the task list's schema allows.

# 6.2 (a measure of task 6) or 12 (item 12 of a plan): what a ledger line may name.
OBLIGATION_ID = re.compile(rf"[0-9]{{1,{ID_DIGITS}}}(\.[0-9]{{1,{ID_DIGITS}}})?")

# Only these: NFKC would also make "²" a 2, and mark ² done must not mark task 2. A Chinese
# input method gives full-width digits and stops (６．２, ８－１０), and 。 for a dot; a range is
# also written 6～7, 6~7 or 6至7.
_FULL_WIDTH = {0xFF10 + n: ord("0") + n for n in range(10)} | {
    0xFF0E: ".",
    0x3002: ".",  # 。
    0xFF0D: "-",
    0xFF5E: "-",  # ～
    0x007E: "-",  # ~
    0x2013: "-",  # –
    0x2014: "-",  # —
    0x81F3: "-",  # 至
}
# Between ids in one argument: 6,7  6，7  8.2、9.2  6;7
_SEPARATORS = re.compile(r"[,，、;；]")


def typed_id(text: str) -> str:
    """An id as typed, made plain: full-width digits and stops, 。 for ., ～ and 至 for -."""
    return text.strip().translate(_FULL_WIDTH)


def typed_ids(text: str) -> list[str]:
    """One argument as typed, split where it lists several ids (``6,7``, ``8.2、9.2``)."""
    return [typed_id(part) for part in _SEPARATORS.split(text) if part.strip()]


def is_number(text: str) -> bool:
    """ASCII digits only ("²" passes str.isdigit, and int() refuses it), and no more of them
    than an id may have (int() refuses 5,000)."""
    return text.isascii() and text.isdigit() and len(text) <= ID_DIGITS


def id_key(oid: str) -> tuple[int, ...]:
    """An obligation id in the list's order: 6.2 before 6.10 (a change to the whole ledger,
    which names none, first)."""
    return tuple(int(p) for p in oid.split(".")) if oid else ()


def task_span(catalog: Catalog) -> str:
    """The numbers people may type, for a message: the tasks ("1–19"), or a plan's items
    ("1–46")."""
    if catalog.numbered_items:
        return span([int(o.id) for o in catalog.obligations])
    return span(list(catalog.tasks))


def task_numbered(catalog: Catalog, text: str) -> Task | None:
    """The task a typed number names: never one in a plan, whose numbers are its items."""
    if catalog.numbered_items or not is_number(text):
        return None
    return catalog.tasks.get(int(text))


def span(numbers: list[int]) -> str:
    contiguous = numbers == list(range(numbers[0], numbers[0] + len(numbers))) if numbers else False
    return (
        f"{numbers[0]}–{numbers[-1]}"
        if contiguous and len(numbers) > 2
        else ", ".join(map(str, numbers))
    )


def id_groups(raw: str, catalog: Catalog) -> list[list[str]]:
    """One argument -> the ids it lists, each a range expanded: ``6,8-10`` -> ``[["6"], ["8",
    "9", "10"]]``. A range of tasks (``8-10``) lists the task numbers; a range of obligations
    (``8.2-9.3``) every obligation from one to the other in the list's order. Anything else as
    it was typed, made plain."""
    return [_one_range(part, catalog) for part in typed_ids(raw)]


def _one_range(text: str, catalog: Catalog) -> list[str]:
    if "-" not in text:
        return [text]
    lo, _, hi = (x.strip() for x in text.partition("-"))
    # The range as a whole is named when wrong: "1-99" is not about task 20.
    if is_number(lo) and is_number(hi) and int(lo) <= int(hi) and not catalog.numbered_items:
        numbers = range(int(lo), int(hi) + 1)
        if all(n in catalog.tasks for n in (numbers[0], numbers[-1])):
            return [str(n) for n in numbers]
    if lo in catalog.by_id and hi in catalog.by_id:
        order = [o.id for o in catalog.obligations]
        first, last = order.index(lo), order.index(hi)
        if first <= last:
            return order[first : last + 1]
    raise IprcheckError("unknown_range", value=text, valid=task_span(catalog))


def split_range(raw: str, catalog: Catalog) -> list[str]:
    """``8-10`` -> ``["8", "9", "10"]``, ``6,7`` -> ``["6", "7"]``: every id one argument names."""
    return [part for group in id_groups(raw, catalog) for part in group]


def find_task(catalog: Catalog, ident: str) -> tuple[Task, str | None]:
    """A task number or an obligation id -> (the task, the obligation id to point at)."""
    text = typed_id(ident)
    if text in catalog.by_id:
        return catalog.by_id[text].task, text
    task = task_numbered(catalog, text)
    if task is not None:
        return task, None
    raise IprcheckError("unknown_id", value=text, valid=task_span(catalog))


def ids_named(catalog: Catalog, idents: Iterable[str]) -> set[str]:
    """Every obligation the ids name, tracked or not (``history 6`` shows the whole task)."""
    wanted: set[str] = set()
    for ident in idents:
        for part in split_range(ident, catalog):
            task = task_numbered(catalog, part)
            if part in catalog.by_id:
                wanted.add(part)
            elif task is not None:
                wanted.update(m.id for m in task.measures)
            else:
                raise IprcheckError("unknown_id", value=part, valid=task_span(catalog))
    return wanted


def expand_ids(catalog: Catalog, tracked: Sequence[Entry], idents: Iterable[str]) -> list[str]:
    """Task numbers, obligation ids and ranges (8-10) -> tracked obligation ids, in list order.

    An id that exists but is not tracked by this ledger is an error: it does not apply. A range
    passes over the tasks inside it that owe nothing here (a task of national measures only),
    and is an error only when nothing in it applies.
    """
    tracked_ids = {e.obligation.id for e in tracked}
    chosen: set[str] = set()
    not_here = _not_here(catalog, tracked)
    groups = [(raw, parts) for raw in idents for parts in id_groups(raw, catalog)]
    for raw, parts in groups:
        found: list[str] = []
        for ident in parts:
            task = task_numbered(catalog, ident)
            if ident in catalog.by_id:
                if ident not in tracked_ids:
                    if len(parts) > 1:
                        continue  # a range of obligations passes over the national ones
                    raise not_here(ident)
                found.append(ident)
            elif task is not None:
                ids = [m.id for m in task.measures if m.id in tracked_ids]
                if not ids and len(parts) == 1:
                    raise not_here(ident)
                found += ids
            else:
                raise IprcheckError("unknown_id", value=ident, valid=task_span(catalog))
        if not found:
            raise not_here(parts[0] if len(parts) == 1 else typed_id(raw))
        chosen.update(found)
    return [e.obligation.id for e in tracked if e.obligation.id in chosen]


def _not_here(catalog: Catalog, tracked: Sequence[Entry]) -> Callable[[str], IprcheckError]:
    """The error for an id this ledger does not track, worded for the ledger: a national
    ledger has no province types, and a province ledger holds no national measure."""
    national_ledger = bool(tracked) and all(e.obligation.actor is Actor.NATIONAL for e in tracked)

    def error(ident: str) -> IprcheckError:
        if national_ledger:
            return IprcheckError("not_applicable_national", value=ident)
        task = task_numbered(catalog, ident)
        measures = (
            [catalog.by_id[ident].measure]
            if ident in catalog.by_id
            else task.measures
            if task is not None
            else []
        )
        if measures and all(m.actor is Actor.NATIONAL for m in measures):
            return IprcheckError("national_measure", value=ident)
        return IprcheckError("not_applicable", value=ident)

    return error


# ---------------------------------------------------------------------------------------------
# Search.

# Traditional forms the PDF extraction left in the text (意見); a search for 意见 should find them.
_FOLD = str.maketrans({"見": "见"})


def fold(text: str) -> str:
    return text.translate(_FOLD).casefold()


class Hit(Struct, frozen=True):
    where: str  # a section (§1), a task (6) or an obligation (6.2)
    field: str  # "title" or "text"
    text: str


def search(catalog: Catalog, query: str) -> list[Hit]:
    """Every title and measure text that contains ``query``."""
    needle = fold(query)
    hits: list[Hit] = []
    for section in catalog.task_list.sections:
        for value in filter(None, (section.title, section.title_en)):
            if needle in fold(value):
                hits.append(Hit(f"§{section.number}", "title", value))
        for task in section.tasks:
            for value in filter(None, (task.title, task.title_en)):
                if needle in fold(value):
                    hits.append(Hit(str(task.number), "title", value))
            for m in task.measures:
                if needle in fold(m.text):
                    hits.append(Hit(m.id, "text", m.text))
    return hits


def listing(
    catalog: Catalog,
    override: Profile | None,
    filters: Filters,
    *,
    tracked: tuple[Profile | None, list[Entry], Mapping[str, Tracking]] | None,
) -> tuple[Profile | None, list[Item]]:
    """What ``list`` shows: the ledger's obligations and statuses (``tracked``: its profile,
    entries and state, where there is a ledger), unless a profile overrides."""
    check_filters(catalog, filters)
    tracking: Mapping[str, Tracking] = tracked[2] if tracked else {}
    if override is not None or tracked is None:
        chosen = entries(catalog.obligations, override)
        profile = override
    else:
        profile, chosen = tracked[0], tracked[1]
    if filters.requirement is not None and profile is None:
        # Without a profile nothing is mandatory or optional: say so rather than list nothing.
        raise IprcheckError("requirement_needs_profile")
    return profile, items(select(chosen, filters, tracking), tracking)
