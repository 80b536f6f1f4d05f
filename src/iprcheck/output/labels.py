"""Phrases every view shares, so that the terminal, Markdown, xlsx and HTML say the same thing."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..i18n import t
from ..ledger.records import DEFAULT_NAME
from ..numbers import chinese_numeral
from ..tasklist.categories import DEFAULT, Categories
from ..tasklist.model import in_english
from ..vocab import Actor, Requirement, Status
from .guards import SHOWN_AT_MOST, shown
from .wrap import Keep

if TYPE_CHECKING:
    from ..obligations import Item, Profile, Tracking
    from ..reports.report import Facts, Finding, Group, Overdue, Report
    from ..tasklist import Target, Task


def who(facts: Facts, lang: str) -> str:
    if facts.national:
        name = t("national_office", lang)
        return f"{name} {facts.department}" if facts.department else name
    if facts.province:
        return facts.province if lang == "zh" or not facts.province_en else facts.province_en
    return t("no_province", lang)  # a ledger `mark` made in an empty folder


def profile(facts: Facts, lang: str) -> str:
    if facts.profile is None:
        return ""
    return type_names(list(facts.profile), lang, facts.categories)


def type_names(keys: list[str], lang: str, categories: Categories = DEFAULT) -> str:
    return ("、" if lang == "zh" else ", ").join(categories.label(k, lang) for k in keys)


def profile_line(
    profile: Profile | None,
    lang: str,
    *,
    province: str | None = None,
    national: bool = False,
    department: str | None = None,
) -> str:
    """Whose obligations these are: the ledger's owner, where one is in effect, and the profile."""
    if national:
        return t("national_office", lang) + (f" · {department}" if department else "")
    owner = f"{province} · " if province else ""
    if profile is None:
        return f"{owner}{t('profile', lang)}{colon(lang)}{t('no_profile', lang)}"
    return f"{owner}{t('profile', lang)}{colon(lang)}" + type_names(profile.ordered(), lang)


def list_title(facts: Facts, lang: str) -> str:
    return in_english(facts.list_title, facts.list_title_en, lang)


def title(report: Report, lang: str) -> str:
    return t("report_title", lang, title=list_title(report.facts, lang))


def days(facts: Facts, lang: str) -> str:
    """还剩 92 天 / 今天到期 / 已逾期 3 天; nothing for a list without a deadline."""
    left = facts.days_left
    if left is None:
        return ""
    if left > 0:
        return t("report_days_left", lang, days=left)
    if left == 0:
        return t("report_due_today", lang)
    return t("report_days_over", lang, days=-left)


def when(at: str | None) -> str:
    """``2020-09-28T10:00:00.000000+08:00`` -> ``2020-09-28 10:00``."""
    return at[:16].replace("T", " ") if at else ""


def dateline(facts: Facts, lang: str) -> str:
    """``截至 2020-09-30 · 完成时限 2020-12-31 · 还剩 92 天``."""
    parts = [t("report_as_of", lang, date=facts.as_of.isoformat())]
    if facts.deadline is not None:
        parts += [t("report_deadline", lang, date=facts.deadline.isoformat()), days(facts, lang)]
    return " · ".join(parts)


def colon(lang: str) -> str:
    return "：" if lang == "zh" else ": "


def shown_path(path: str) -> str:
    """A path under the current folder is shown relative to it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return path


def ledger_line(facts: Facts, lang: str) -> str:
    if facts.ledger is None:
        return t("report_preview", lang)
    last = (
        t("report_last_update", lang, when=when(facts.last_update))
        if facts.last_update
        else t("report_no_changes", lang)
    )
    return f"{t('report_ledger', lang, path=shown_path(facts.ledger))} · {last}"


def group_title(group: Group, lang: str) -> str:
    return in_english(group.title, group.title_en, lang)


def task_title(task: Task, lang: str) -> str:
    return in_english(task.title, task.title_en, lang)


def task_mark(task: Task) -> str:
    """How a task is numbered where it is shown: its number (6), or — in a plan, whose numbers
    are its items' — the heading's own numbering as printed ((一)), else nothing."""
    return task.label if task.label is not None else str(task.number)


def numbered_task(task: Task, lang: str) -> str:
    """``6. 持续提升专利审查质量和效率``, or a plan's ``（一）加强知识产权法治保障``."""
    title = task_title(task, lang)
    return f"{task.label}{title}" if task.label is not None else f"{task.number}. {title}"


def requirement_label(req: Requirement | None, lang: str) -> str:
    return req.label(lang) if req else t("req_none", lang)


def requirement(item: Item, lang: str, *, rule: bool = False) -> str:
    word = requirement_label(item.requirement, lang)
    text = item.obligation.measure.rule
    if rule and text:
        return f"{word}（{text}）" if lang == "zh" else f"{word} ({text})"
    return word


def status(value: Status, lang: str) -> str:
    return value.label(lang)


def due(item: Item, lang: str) -> str:
    """The list's due date (or its completion wording), then the internal one if set."""
    task = item.task
    lines = [task.due.isoformat() if task.due else task.completion or ""]
    if item.internal_due:
        lines.append(f"{t('internal_due', lang)} {item.internal_due}")
    return "\n".join(x for x in lines if x)


UNITS = {"month": ("个月", " months"), "point": ("分", " points"), "percent": ("%", "%")}


def target_line(target: Target, lang: str) -> str:
    """``≤ 16 个月`` / ``Examination cycle for high-value patents: ≤ 16 months``."""
    sign = "≤" if target.comparator == "<=" else "≥"
    unit = UNITS[target.unit][0 if lang == "zh" else 1]
    value = f"{sign} {target.value}{unit}"
    return value if lang == "zh" else f"{target.metric_en}: {value}"


def overdue_text(o: Overdue, lang: str) -> str:
    key = "att_overdue_internal" if o.internal else "att_overdue_list"
    return t(key, lang, due=o.due.isoformat(), days=o.days)


def due_soon_text(o: Overdue, lang: str) -> str:
    """``内部时限 2020-10-10 到期（还剩 10 天）``: an item falling due within the report's days."""
    key = "att_due_in" if o.days else "att_due_today"
    when = t(key, lang, due=o.due.isoformat(), days=o.days)
    return f"{t('att_internal', lang)} {when}" if o.internal else when


def owner_text(owner: str | None, lang: str) -> str:
    return owner or t("att_no_owner", lang)


def finding_text(f: Finding, lang: str) -> str:
    return t(f"finding_{f.code}", lang)


def level(f: Finding, lang: str) -> str:
    return t(f"level_{f.level}", lang)


def note(item: Item, lang: str) -> str:
    """The progress note; one written for an earlier status says when it was written, so that
    it never passes for news of the status now."""
    return progress(item, lang) or t("att_no_note", lang)


def progress(item: Item, lang: str) -> str:
    """The progress text (进展情况): the note, with its date where it was written for an
    earlier status; "" where there is none."""
    return tracked_progress(item.tracking, lang)


def tracked_progress(tr: Tracking, lang: str) -> str:
    """``progress`` of what a ledger knows of one obligation."""
    if not tr.note:
        return ""
    if tr.note_is_older and tr.note_at:
        return tr.note + t("note_written", lang, day=tr.note_at[:10])
    return tr.note


def status_counts(report: Report, lang: str) -> list[tuple[str, list[int]]]:
    """Rows of (requirement label, [count per status..., total]) for the tracked requirements."""
    return [(req.label(lang), [*c.per_status(), c.total]) for req, c in report.totals if c.total]


def section_name(n: int, lang: str) -> str:
    """第一部分 / Section 1."""
    return f"第{chinese_numeral(n)}部分" if lang == "zh" else t("section", lang, number=n)


def section_number(n: int, lang: str) -> str:
    """The number in front of a section's title: 一、 / 1."""
    return f"{chinese_numeral(n)}、" if lang == "zh" else str(n)


# A note longer than this many lines is cut there too (a note of line breaks is a screen of
# nothing): with SHOWN_AT_MOST characters, what a view shows of one note.
SHOWN_LINES = 40
# A name (a division, a person, a province named after its folder) longer than this is shown
# cut: no column could hold it, and none is that long.
NAME_AT_MOST = 40


def cut(value: str, lang: str, command: str) -> str:
    """``value`` as a view shows it: at most ``SHOWN_AT_MOST`` characters and ``SHOWN_LINES``
    lines; a longer text ends with how long it is and ``command``, which prints it whole."""
    head = value[:SHOWN_AT_MOST]
    if head.count("\n") >= SHOWN_LINES:
        head = "\n".join(head.split("\n", SHOWN_LINES)[:SHOWN_LINES])
    if len(head) == len(value):
        return value
    return head + t("note_cut", lang, count=f"{len(value):,}", command=command)


def whole_note(oid: str | None, ledger: str | None = None) -> str:
    """The command that prints an obligation's notes and evidence whole: its history as JSON,
    from ``ledger`` where that is not the current folder's."""
    path = shown_path(ledger) if ledger else DEFAULT_NAME
    where = "" if path == DEFAULT_NAME else f"--ledger {_quoted(path)} "
    return f"iprcheck {where}history {oid + ' ' if oid else ''}--format json"


# What ``whole_note`` writes, kept on one line where the line is wide enough to copy it whole.
WHOLE_NOTE = r'iprcheck (?:--ledger (?:"[^"\n]*"|[^ \n]+) )?history (?:[^ \n]+ )?--format json'


def _quoted(path: str) -> str:
    """A path as a Windows or POSIX shell takes it: in double quotes if it needs them."""
    return f'"{path}"' if any(c in path for c in " \"&|<>^%()'$;`") else path


def name(value: str) -> str:
    """A name as a view shows it: at most ``NAME_AT_MOST`` characters."""
    return value if len(value) <= NAME_AT_MOST else value[: NAME_AT_MOST - 1] + "…"


def keep(lang: str, names: Iterable[str | None] = (), categories: Categories = DEFAULT) -> Keep:
    """What a view never breaks across two lines: the words of the vocabulary (status,
    requirement, the list's province categories, actor, the undo mark) in ``lang``, and
    ``names`` — the divisions, provinces and people it shows — as the view shows them."""
    words = [
        *(s.label(lang) for s in Status),
        *(r.label(lang) for r in Requirement),
        *(categories.label(k, lang) for k in categories.keys),
        *(a.label(lang) for a in Actor),
        "（撤销）" if lang == "zh" else "(undo)",
        t("att_no_owner", lang),
    ]
    words += (shown(name(n)) for n in names if n)
    return Keep(words, [WHOLE_NOTE])
