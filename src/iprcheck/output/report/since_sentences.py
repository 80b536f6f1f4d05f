"""本期进展 in words: the changes a report's ``--since`` period holds, as the sentences an office
writes ("2020年6月10日，举措1.2（…）已完成（纳入考核）。"), never as the tool's notation (arrows,
field names, ISO dates).

A document sent upward tells only how each obligation's standing changed; the office's own copy
(``View.internal``) also tells who was made responsible and the internal due dates set. Changes
one command made alike (``assign 1-5 --owner 保护处``) are told in one sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ...vocab import Status
from ..excerpt import DOCUMENT_CHARS, excerpt, here, history
from ..official.words import clean, day_text, evidence_title, gist, listed, w

if TYPE_CHECKING:
    from ...ledger import Event
    from ...reports.report import Report

# What the intro counts, in the order it names them.
KINDS = ("done", "started", "blocked", "waived", "other", "assigned")


def intro(report: Report, lang: str, *, internal: bool) -> str:
    """``2020年6月1日以来，新完成举措4项，开始推进3项。具体如下：``, or that nothing changed."""
    when = day_text(report.since, lang)
    groups = grouped(report.changes, internal=internal)
    if not groups:
        return w("since_none", lang, date=when)
    tally = dict.fromkeys(KINDS, 0)
    for first, ids in groups:
        tally[kind(first)] += len(ids)
    parts = [w(f"since_n_{k}", lang, n=n) for k, n in tally.items() if n]
    return w("since_intro", lang, date=when, what=("，" if lang == "zh" else ", ").join(parts))


def sentences(report: Report, lang: str, *, internal: bool) -> list[str]:
    """One sentence per change, or per group of changes one command made alike."""
    by_id = {i.id: i for i in report.items}
    out = []
    for first, ids in grouped(report.changes, internal=internal):
        when = day_text(first.when.astimezone().date(), lang)
        what = doing(first, lang)
        if len(ids) == 1 and ids[0] in by_id:
            text = w("change_one", lang, date=when, id=ids[0], gist=gist(by_id[ids[0]].text),
                     what=what)  # fmt: skip
        else:
            text = w("change_many", lang, date=when, ids=listed(ids, lang), what=what)
        out.append(text + _remark(first, ids, lang, internal=internal))
    return out


def grouped(events: Sequence[Event], *, internal: bool) -> list[tuple[Event, list[str]]]:
    """The changes to tell, each with the ids of the obligations it was made to: consecutive
    changes of one command that set the same things are one. Upward, only status changes."""
    out: list[tuple[Event, list[str]]] = []
    for ev in events:
        if ev.obligation is None or ev.kind not in ("status", "assign"):
            continue
        if ev.kind == "assign" and not internal:
            continue
        if out and _alike(out[-1][0], ev):
            out[-1][1].append(ev.obligation)
        else:
            out.append((ev, [ev.obligation]))
    return out


def _alike(a: Event, b: Event) -> bool:
    return (a.command, a.kind, a.note, a.evidence, _set(a), _was(a)) == (
        b.command,
        b.kind,
        b.note,
        b.evidence,
        _set(b),
        _was(b),
    )


def _set(ev: Event) -> dict[str, Any]:
    return ev.after.given()


def _was(ev: Event) -> Status | None:
    """The status before a status change (what the verb depends on)."""
    before = ev.before.given().get("status")
    return before if isinstance(before, Status) else None


def kind(ev: Event) -> str:
    """Which of ``KINDS`` a change is."""
    if ev.kind == "assign":
        return "assigned"
    after = _set(ev).get("status")
    if after is Status.DONE:
        return "done"
    if after is Status.BLOCKED:
        return "blocked"
    if after is Status.WAIVED:
        return "waived"
    if after is Status.IN_PROGRESS and _was(ev) in (None, Status.TODO, Status.BLOCKED):
        return "started"
    return "other"


def doing(ev: Event, lang: str) -> str:
    """What happened to the obligations: ``已完成``, ``由保护处负责，内部时限定为2020年9月15日``."""
    if ev.kind == "assign":
        return _assigned(ev, lang)
    after = _set(ev).get("status")
    found = kind(ev)
    if found == "started" and _was(ev) is Status.BLOCKED:
        return w("did_resumed", lang)
    if found == "other" or not isinstance(after, Status):
        label = after.label(lang) if isinstance(after, Status) else ""
        return w("did_reopened", lang, status=label)
    return w(f"did_{found}", lang)


def _assigned(ev: Event, lang: str) -> str:
    given = _set(ev)
    parts = []
    if "owner" in given:
        owner = given["owner"]
        parts.append(w("did_owner", lang, owner=clean(owner)) if owner else w("did_no_owner", lang))
    if "due" in given:
        due = given["due"]
        parts.append(w("did_due", lang, date=day_text(due, lang)) if due else w("did_no_due", lang))
    return ("，" if lang == "zh" else ", ").join(parts)


def _remark(ev: Event, ids: list[str], lang: str, *, internal: bool) -> str:
    """The note and the evidence of a change, in brackets, then the full stop."""
    where = history(ids[0], lang) if internal else here(lang)
    note = excerpt(clean(ev.note or "").strip().rstrip("。."), lang, where, DOCUMENT_CHARS)
    refs = listed((clean(evidence_title(e)) for e in ev.evidence), lang)
    parts = [x for x in (note, w("evidence", lang, refs=refs) if refs else "") if x]
    if lang == "zh":
        return (f"（{'；'.join(parts)}）" if parts else "") + "。"
    return (f" ({'; '.join(parts)})" if parts else "") + "."
