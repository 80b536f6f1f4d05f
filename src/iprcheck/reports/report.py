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

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, time, timedelta

from msgspec import Struct, field

from ..ledger import Event, Ledger, apply
from ..ledger.clock import dated_ahead
from ..obligations import UNTRACKED, Entry, Item, Profile, Tracking, entries, items
from ..tasklist import Catalog
from ..tasklist.categories import DEFAULT, Categories
from ..vocab import STATUSES, Requirement, Status

ERROR, WARNING = "error", "warning"


class Counts(Struct, frozen=True):
    """How many obligations stand at each status, and in all. Encoded with the status keys
    (``in-progress``), as ``report --format json`` has always written them."""

    total: int = 0
    todo: int = 0
    in_progress: int = field(default=0, name="in-progress")
    done: int = 0
    blocked: int = 0
    waived: int = 0

    @classmethod
    def of(cls, statuses: Iterable[Status]) -> Counts:
        tally = dict.fromkeys(STATUSES, 0)
        for s in statuses:
            tally[s] += 1
        return cls(
            sum(tally.values()),
            tally[Status.TODO],
            tally[Status.IN_PROGRESS],
            tally[Status.DONE],
            tally[Status.BLOCKED],
            tally[Status.WAIVED],
        )

    def __getitem__(self, status: Status) -> int:
        return int(getattr(self, status.value.replace("-", "_")))

    def per_status(self) -> list[int]:
        """The count of each status in the vocabulary's order."""
        return [self[s] for s in STATUSES]


class Totals(Struct, frozen=True):
    mandatory: Counts = Counts()
    optional: Counts = Counts()

    def __getitem__(self, requirement: Requirement) -> Counts:
        return self.mandatory if requirement is Requirement.MANDATORY else self.optional

    def __iter__(self) -> Iterator[tuple[Requirement, Counts]]:
        yield Requirement.MANDATORY, self.mandatory
        yield Requirement.OPTIONAL, self.optional


def totals(chosen: Sequence[Entry], tracking: Mapping[str, Tracking]) -> Totals:
    """Counts by requirement over the obligations a ledger tracks (those with a requirement)."""

    def of(req: Requirement) -> Counts:
        return Counts.of(
            tracking.get(e.obligation.id, UNTRACKED).status for e in chosen if e.requirement is req
        )

    return Totals(of(Requirement.MANDATORY), of(Requirement.OPTIONAL))


# ---------------------------------------------------------------------------------------------
# The report.


class Facts(Struct, frozen=True):
    """Who reports, on what, as of when."""

    list_id: str
    list_title: str
    list_title_en: str | None
    province: str | None
    province_en: str | None
    national: bool
    department: str | None
    profile: tuple[str, ...] | None  # province type keys; None for the national office
    ledger: str | None  # the ledger's path; None when previewing a profile without one
    last_update: str | None  # the latest change recorded up to the as-of date
    as_of: date
    deadline: date | None  # None: the list has none (a plan: the year is in its title)
    # The list's province categories, to name the profile's (not part of the JSON).
    categories: Categories = DEFAULT

    @property
    def days_left(self) -> int | None:
        """Days until the list's deadline; negative once it has passed; None without one."""
        return None if self.deadline is None else (self.deadline - self.as_of).days


class Group(Struct, frozen=True):
    """A section or a task with its totals."""

    number: int
    title: str
    title_en: str | None
    totals: Totals
    section: int | None = None  # tasks only
    due: date | None = None  # tasks only


class Overdue(Struct, frozen=True):
    id: str
    due: date
    days: int  # days past due on the as-of date (in due_soon: days left, 0 = due today)
    internal: bool  # the ledger's own due date (assign --due), not the list's
    owner: str | None = None


class Attention(Struct, frozen=True):
    blocked: list[str] = []
    overdue: list[Overdue] = []  # most overdue first
    open_mandatory: list[str] = []
    waived: list[str] = []
    due_soon: list[Overdue] = []  # due within ``within`` days of the as-of date, soonest first
    within: int = 14


class Finding(Struct, frozen=True):
    level: str  # ERROR or WARNING
    code: str  # done_no_evidence, blocked_no_note, waived_no_note, open_no_owner, ...
    id: str


class Week(Struct, frozen=True):
    """Mandatory obligations at the end of one week (the last point ends on the as-of date)."""

    end: date
    done: int
    open: int  # neither done nor waived


class Report(Struct, frozen=True):
    facts: Facts
    totals: Totals
    sections: list[Group]
    tasks: list[Group]
    items: list[Item]  # the same rows as ``list`` shows for the ledger
    attention: Attention
    findings: list[Finding]
    progress: list[Week]
    # 本期进展: the changes recorded after the end of ``since`` up to the as-of date.
    since: date | None = None
    changes: list[Event] = []
    owners: tuple[str, ...] = ()  # report --owner: only these divisions' items

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level == WARNING]

    def item(self, oid: str) -> Item:
        return next(i for i in self.items if i.id == oid)


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
    *,
    since: date | None = None,
    within: int = 14,
    owners: Sequence[str] = (),
) -> Report:
    """The report on ``ledger`` as of the end of ``as_of``.

    ``profile`` overrides the ledger's, as ``list --province-type`` does; without a ledger it is
    required, and every obligation it owes counts as to do (a preview of the year's work).
    """
    if ledger is None and profile is None:
        raise ValueError("a report needs a ledger or a profile")  # the CLI says which to give
    cutoff = cut_off(as_of)
    tracking = ledger.state(as_of=cutoff) if ledger else {}
    if profile is not None:
        chosen = entries(catalog.obligations, profile)
    else:
        assert ledger is not None
        chosen = ledger.entries(catalog)
    if owners:
        chosen = [e for e in chosen if tracking.get(e.obligation.id, UNTRACKED).owner in owners]
    return Report(
        facts=_facts(catalog, ledger, profile, as_of, cutoff),
        totals=totals(chosen, tracking),
        sections=_sections(catalog, chosen, tracking),
        tasks=_tasks(catalog, chosen, tracking),
        items=items(chosen, tracking),
        attention=_attention(catalog, chosen, tracking, as_of, within),
        findings=findings(chosen, tracking, catalog.task_list.deadline) + ahead(ledger, chosen),
        progress=weekly(ledger, chosen, as_of) if ledger else [],
        since=since,
        changes=changes_since(ledger, chosen, since, cutoff) if ledger and since else [],
        owners=tuple(owners),
    )


def changes_since(
    ledger: Ledger, chosen: Sequence[Entry], since: date, cutoff: datetime | None
) -> list[Event]:
    """The changes to the obligations reported on, after the end of ``since`` and up to the
    report's cut-off, oldest first."""
    ids = {e.obligation.id for e in chosen}
    start = end_of(since)
    return [
        ev
        for ev in ledger.events
        if ev.obligation in ids and ev.when > start and (cutoff is None or ev.when <= cutoff)
    ]


def _facts(
    catalog: Catalog,
    ledger: Ledger | None,
    profile: Profile | None,
    as_of: date,
    cutoff: datetime | None,
) -> Facts:
    tl = catalog.task_list
    h = ledger.header if ledger else None
    province = ledger.province(catalog) if ledger else None
    english = catalog.unit_names
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
        profile=tuple(profile.type_keys(catalog.categories)) if profile else None,
        ledger=str(ledger.path) if ledger else None,
        last_update=last,
        as_of=as_of,
        deadline=tl.deadline,
        categories=catalog.categories,
    )


def _last_before(ledger: Ledger, cutoff: datetime) -> str | None:
    last = max((ev.when for ev in ledger.events if ev.when <= cutoff), default=None)
    return None if last is None else last.isoformat(timespec="microseconds")


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


def _attention(
    catalog: Catalog,
    chosen: Sequence[Entry],
    tracking: Mapping[str, Tracking],
    as_of: date,
    within: int = 14,
) -> Attention:
    att = Attention(within=within)
    deadline = catalog.task_list.deadline
    for e in chosen:
        oid = e.obligation.id
        tr = tracking.get(oid, UNTRACKED)
        if tr.status is Status.BLOCKED:
            att.blocked.append(oid)
        if tr.status is Status.WAIVED:
            att.waived.append(oid)
        if tr.status.is_open and e.mandatory:
            att.open_mandatory.append(oid)
        att.overdue.extend(filter(None, [overdue(e, tr, deadline, as_of)]))
        att.due_soon.extend(filter(None, [due_soon(e, tr, deadline, as_of, within)]))
    att.overdue.sort(key=lambda o: -o.days)  # stable: list order within the same day
    att.due_soon.sort(key=lambda o: o.days)
    return att


def owed(e: Entry, tr: Tracking) -> bool:
    """Whether the obligation is owed work that can fall due: open, and either mandatory or
    an optional one the office took up. An optional obligation never started was never owed,
    so it is never overdue (the report once counted it so)."""
    if not tr.status.is_open:
        return False
    return e.requirement is not Requirement.OPTIONAL or tr.status is not Status.TODO


def _due(e: Entry, tr: Tracking, deadline: date | None) -> tuple[date, bool] | None:
    """When the obligation is due and whether that is the ledger's own date: the earlier of
    the internal due date and the list's (the task's, else the list's deadline); None where
    neither the ledger nor the list sets one (a plan has no deadline)."""
    listed = e.obligation.task.due or deadline
    internal = date.fromisoformat(tr.internal_due) if tr.internal_due else None
    if internal and (listed is None or internal < listed):
        return internal, True
    return None if listed is None else (listed, False)


def overdue(e: Entry, tr: Tracking, deadline: date | None, as_of: date) -> Overdue | None:
    """Past the ledger's internal due date or the list's (a task without one: the list's
    deadline), whichever comes first; only owed obligations are ever overdue (see ``owed``)."""
    due = _due(e, tr, deadline)
    if due is None or not owed(e, tr) or as_of <= due[0]:
        return None
    return Overdue(e.obligation.id, due[0], (as_of - due[0]).days, due[1], tr.owner)


def due_soon(
    e: Entry, tr: Tracking, deadline: date | None, as_of: date, within: int
) -> Overdue | None:
    """Owed and due in the next ``within`` days (today included): seen before it passes."""
    due = _due(e, tr, deadline)
    if due is None or not owed(e, tr) or not 0 <= (due[0] - as_of).days <= within:
        return None
    return Overdue(e.obligation.id, due[0], (due[0] - as_of).days, due[1], tr.owner)


def findings(
    chosen: Sequence[Entry], tracking: Mapping[str, Tracking], deadline: date | None
) -> list[Finding]:
    """The ledger's inconsistencies: errors first, then warnings, each in list order. An
    internal due date is compared with the task's due date or, as ``overdue`` does, the list's."""
    errors: list[Finding] = []
    warnings: list[Finding] = []
    for e in chosen:
        oid = e.obligation.id
        tr = tracking.get(oid, UNTRACKED)
        if tr.status is Status.DONE and not tr.evidence:
            errors.append(Finding(ERROR, "done_no_evidence", oid))
        if tr.status is Status.BLOCKED and not (tr.note or "").strip():
            errors.append(Finding(ERROR, "blocked_no_note", oid))
        if tr.status is Status.WAIVED and e.mandatory and not (tr.note or "").strip():
            errors.append(Finding(ERROR, "waived_no_note", oid))
        if tr.status.is_open and e.mandatory and not tr.owner:
            warnings.append(Finding(WARNING, "open_no_owner", oid))
        listed = e.obligation.task.due or deadline
        if tr.internal_due and listed and date.fromisoformat(tr.internal_due) > listed:
            warnings.append(Finding(WARNING, "due_after_deadline", oid))
    return errors + warnings


def ahead(ledger: Ledger | None, chosen: Sequence[Entry]) -> list[Finding]:
    """Warnings for obligations with a change dated more than a day past this machine's clock
    (a PC whose clock is wrong): it counts, in its place on the ledger's logical clock, and
    its time is shown as it was recorded."""
    if ledger is None:
        return []
    late = {ev.obligation for ev in dated_ahead(ledger.events)}
    return [Finding(WARNING, "dated_ahead", e.id) for e in chosen if e.id in late]


def weekly(ledger: Ledger, chosen: Sequence[Entry], as_of: date) -> list[Week]:
    """Mandatory done and open at the end of each week (Monday to Sunday, local time), from the
    week the ledger was created to the as-of date, replaying the history once."""
    mandatory = {e.obligation.id for e in chosen if e.mandatory}
    starts = [ledger.header.created.astimezone().date()]
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
        done = sum(tr.status is Status.DONE for tr in status.values())
        waived = sum(tr.status is Status.WAIVED for tr in status.values())
        out.append(Week(end, done, len(mandatory) - done - waived))
    return out
