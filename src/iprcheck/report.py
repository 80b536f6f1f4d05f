"""The numbers behind every report: totals, attention lists, ledger checks and weekly progress.

``build`` computes one ``Report`` from a catalog, a ledger (or a profile alone) and a date; every
view (terminal, JSON, Markdown, CSV, xlsx, HTML, rollup) reads it and none recounts. Nothing here
prints or imports a renderer.

Ledger checks, and why each is an error or a warning (``iprcheck check`` exits 1 on an error):

* error ``done_no_evidence`` — done, with no evidence: the report would claim a result that no
  佐证材料 backs, and evidence is what the national office asks for;
* error ``blocked_no_note`` — blocked, with no note: leadership is told something is stuck but
  not why, so nobody can act on it;
* error ``waived_no_note`` — a mandatory obligation waived without a reason (``mark`` refuses
  this, so it comes from a hand-edited or merged ledger);
* warning ``open_no_owner`` — an open mandatory obligation with no owner (责任处室): normal early
  in the year, but work nobody holds tends not to happen;
* warning ``due_after_deadline`` — an internal due date later than the list's own: allowed, but
  the list's date is the one the office is judged by.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from .ledger import STATUSES
from .records import UNTRACKED

if TYPE_CHECKING:
    from .applicability import Entry, Profile
    from .catalog import Catalog
    from .ledger import Ledger
    from .records import Tracking

Counts = dict[str, int]

OPEN = ("todo", "in-progress", "blocked")
ERROR, WARNING = "error", "warning"


def empty_counts() -> Counts:
    return {"total": 0, **dict.fromkeys(STATUSES, 0)}


def totals(entries: Sequence[Entry], tracking: Mapping[str, Tracking]) -> dict[str, Counts]:
    """``{"mandatory": {"total", "todo", "in-progress", "done", "blocked", "waived"},
    "optional": {…}}`` over the obligations a ledger tracks."""
    out = {"mandatory": empty_counts(), "optional": empty_counts()}
    for e in entries:
        if e.requirement is None:
            continue
        counts = out[e.requirement.value]
        counts["total"] += 1
        counts[tracking.get(e.obligation.id, UNTRACKED).status] += 1
    return out


# ---------------------------------------------------------------------------------------------
# The report.


@dataclass(frozen=True)
class Facts:
    """Who reports, on what, as of when."""

    list_id: str
    list_title: str
    list_title_en: str
    province: str | None
    province_en: str | None
    national: bool
    department: str | None
    profile: tuple[str, ...] | None  # province type keys; None for the national office
    ledger: str | None  # the ledger's path; None when previewing a profile without one
    last_update: str | None  # the latest change recorded up to the as-of date
    as_of: date
    deadline: date

    @property
    def days_left(self) -> int:
        """Days until the list's deadline; negative once it has passed."""
        return (self.deadline - self.as_of).days


@dataclass(frozen=True)
class Group:
    """A section or a task with its totals."""

    number: int
    title: str
    title_en: str
    totals: dict[str, Counts]
    section: int | None = None  # tasks only
    due: date | None = None  # tasks only


@dataclass(frozen=True)
class Overdue:
    id: str
    due: date
    days: int  # days past due on the as-of date
    internal: bool  # the ledger's own due date (assign --due), not the list's


@dataclass(frozen=True)
class Attention:
    blocked: list[str] = field(default_factory=list)
    overdue: list[Overdue] = field(default_factory=list)
    open_mandatory: list[str] = field(default_factory=list)
    waived: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Finding:
    level: str  # ERROR or WARNING
    code: str  # done_no_evidence, blocked_no_note, waived_no_note, open_no_owner, ...
    id: str


@dataclass(frozen=True)
class Week:
    """Mandatory obligations at the end of one week (the last point ends on the as-of date)."""

    end: date
    done: int
    open: int  # neither done nor waived


@dataclass(frozen=True)
class Report:
    facts: Facts
    totals: dict[str, Counts]
    sections: list[Group]
    tasks: list[Group]
    items: list[dict[str, Any]]  # records.record rows, the same as ``list --format json``
    attention: Attention
    findings: list[Finding]
    progress: list[Week]

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level == WARNING]

    _by_id: dict[str, dict[str, Any]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {r["id"]: r for r in self.items})

    def item(self, oid: str) -> dict[str, Any]:
        return self._by_id[oid]


def end_of(day: date) -> datetime:
    """The last instant of ``day`` in local time: a report as of a day includes all of it."""
    return datetime.combine(day, time.max).astimezone()


def cut_off(as_of: date) -> datetime | None:
    """Where a report as of ``as_of`` stops reading changes: the end of a past day; none for
    today or later, which holds every change recorded (as list and rollup do), also one a
    colleague's fast clock dated ahead."""
    return end_of(as_of) if as_of < date.today() else None


def build(
    catalog: Catalog,
    ledger: Ledger | None,
    as_of: date,
    profile: Profile | None = None,
) -> Report:
    """The report on ``ledger`` as of the end of ``as_of``.

    ``profile`` overrides the ledger's, as ``list --province-type`` does; without a ledger it is
    required, and every obligation it owes counts as to do (a preview of the year's work).
    """
    from .applicability import entries as owed
    from .records import records

    if ledger is None and profile is None:
        raise ValueError("a report needs a ledger or a profile")  # the CLI says which to give
    cutoff = cut_off(as_of)
    tracking = ledger.state(as_of=cutoff) if ledger else {}
    if profile is not None:
        chosen = owed(catalog.obligations, profile)
    else:
        assert ledger is not None
        chosen = ledger.entries(catalog)
    return Report(
        facts=_facts(catalog, ledger, profile, as_of, cutoff),
        totals=totals(chosen, tracking),
        sections=_sections(catalog, chosen, tracking),
        tasks=_tasks(catalog, chosen, tracking),
        items=records(chosen, tracking),
        attention=_attention(catalog, chosen, tracking, as_of),
        findings=findings(chosen, tracking, catalog.task_list.deadline),
        progress=weekly(ledger, chosen, as_of) if ledger else [],
    )


def _facts(
    catalog: Catalog,
    ledger: Ledger | None,
    profile: Profile | None,
    as_of: date,
    cutoff: datetime | None,
) -> Facts:
    tl = catalog.task_list
    h = ledger.header if ledger else None
    province = h.province if h else None
    english = {u.name: u.name_en for u in tl.reporting_units}
    if profile is None and ledger is not None:
        profile = ledger.profile
    last = None
    if ledger is not None:
        last = ledger.last_update if cutoff is None else _last_before(ledger, cutoff)
    return Facts(
        list_id=tl.id,
        list_title=tl.title,
        list_title_en=tl.title_en,
        province=province,
        province_en=english.get(province) if province else None,
        national=profile is None,
        department=h.department if h else None,
        profile=tuple(profile.type_keys()) if profile else None,
        ledger=str(ledger.path) if ledger else None,
        last_update=last,
        as_of=as_of,
        deadline=tl.deadline,
    )


def _last_before(ledger: Ledger, cutoff: datetime) -> str | None:
    return max((ev.at for ev in ledger.events if ev.when <= cutoff), default=None, key=_when)


def _when(at: str) -> datetime:
    return datetime.fromisoformat(at)


def _sections(
    catalog: Catalog, chosen: Sequence[Entry], tracking: Mapping[str, Tracking]
) -> list[Group]:
    out = []
    for s in catalog.task_list.sections:
        mine = [e for e in chosen if e.obligation.section.number == s.number]
        if mine:
            out.append(Group(s.number, s.title, s.title_en, totals(mine, tracking)))
    return out


def _tasks(
    catalog: Catalog, chosen: Sequence[Entry], tracking: Mapping[str, Tracking]
) -> list[Group]:
    out = []
    for s in catalog.task_list.sections:
        for task in s.tasks:
            mine = [e for e in chosen if e.obligation.task.number == task.number]
            if mine:
                out.append(
                    Group(
                        task.number,
                        task.title,
                        task.title_en,
                        totals(mine, tracking),
                        section=s.number,
                        due=task.due,
                    )
                )
    return out


def _is_mandatory(e: Entry) -> bool:
    return e.requirement is not None and e.requirement.value == "mandatory"


def _attention(
    catalog: Catalog, chosen: Sequence[Entry], tracking: Mapping[str, Tracking], as_of: date
) -> Attention:
    att = Attention()
    for e in chosen:
        oid = e.obligation.id
        tr = tracking.get(oid, UNTRACKED)
        if tr.status == "blocked":
            att.blocked.append(oid)
        if tr.status == "waived":
            att.waived.append(oid)
        if tr.status in OPEN:
            if _is_mandatory(e):
                att.open_mandatory.append(oid)
            late = overdue(e, tr, catalog.task_list.deadline, as_of)
            if late is not None:
                att.overdue.append(late)
    return att


def overdue(e: Entry, tr: Tracking, deadline: date, as_of: date) -> Overdue | None:
    """Past the ledger's internal due date or the list's (a task without one: the list's
    deadline), whichever comes first; only open obligations are ever overdue."""
    listed = e.obligation.task.due or deadline
    internal = date.fromisoformat(tr.internal_due) if tr.internal_due else None
    due, is_internal = (internal, True) if internal and internal < listed else (listed, False)
    if tr.status not in OPEN or as_of <= due:
        return None
    return Overdue(e.obligation.id, due, (as_of - due).days, is_internal)


def findings(
    chosen: Sequence[Entry], tracking: Mapping[str, Tracking], deadline: date
) -> list[Finding]:
    """The ledger's inconsistencies: errors first, then warnings, each in list order. An
    internal due date is compared with the task's due date or, as ``overdue`` does, the list's."""
    errors: list[Finding] = []
    warnings: list[Finding] = []
    for e in chosen:
        oid = e.obligation.id
        tr = tracking.get(oid, UNTRACKED)
        if tr.status == "done" and not tr.evidence:
            errors.append(Finding(ERROR, "done_no_evidence", oid))
        if tr.status == "blocked" and not (tr.note or "").strip():
            errors.append(Finding(ERROR, "blocked_no_note", oid))
        if tr.status == "waived" and _is_mandatory(e) and not (tr.note or "").strip():
            errors.append(Finding(ERROR, "waived_no_note", oid))
        if tr.status in OPEN and _is_mandatory(e) and not tr.owner:
            warnings.append(Finding(WARNING, "open_no_owner", oid))
        listed = e.obligation.task.due or deadline
        if tr.internal_due and date.fromisoformat(tr.internal_due) > listed:
            warnings.append(Finding(WARNING, "due_after_deadline", oid))
    return errors + warnings


def weekly(ledger: Ledger, chosen: Sequence[Entry], as_of: date) -> list[Week]:
    """Mandatory done and open at the end of each week (Monday to Sunday, local time), from the
    week the ledger was created to the as-of date, replaying the history once."""
    from .ledger import apply

    mandatory = {e.obligation.id for e in chosen if _is_mandatory(e)}
    starts = []
    with contextlib.suppress(ValueError):  # a hand-edited header: start at the first change
        starts.append(datetime.fromisoformat(ledger.header.created).astimezone().date())
    if ledger.events:
        starts.append(ledger.events[0].when.astimezone().date())
    first = min(starts, default=as_of)
    if first > as_of:
        return []
    ends = []
    day = first + timedelta(days=6 - first.weekday())  # that week's Sunday
    while day < as_of:
        ends.append(day)
        day += timedelta(days=7)
    ends.append(as_of)

    status: dict[str, Tracking] = {}
    events = iter(ledger.events)
    pending = next(events, None)
    out = []
    for end in ends:
        # The last point is cut where the totals are (see ``cut_off``).
        cutoff = cut_off(as_of) if end is ends[-1] else end_of(end)
        while pending is not None and (cutoff is None or pending.when <= cutoff):
            if pending.obligation in mandatory:
                status[pending.obligation] = apply(
                    status.get(pending.obligation, UNTRACKED), pending
                )
            pending = next(events, None)
        done = sum(tr.status == "done" for tr in status.values())
        waived = sum(tr.status == "waived" for tr in status.values())
        out.append(Week(end, done, len(mandatory) - done - waived))
    return out
