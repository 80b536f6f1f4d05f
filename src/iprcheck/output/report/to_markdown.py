"""The report as Markdown: headed sections and tables, for a document or a wiki."""

from __future__ import annotations

from ...i18n import t
from ...numbers import percent
from ...obligations import Item, summary
from ...reports.report import Report
from ...vocab import STATUSES, Status
from .. import View
from .. import labels as L
from ..guards import md_table as table
from ..guards import md_text as cell
from ..history import change_rows


def to_markdown(report: Report, view: View) -> str:
    lang = view.lang
    f = report.facts
    out = [f"# {cell(L.title(report, lang))}", ""]
    out.append(f"- {t('report_who', lang)}{L.colon(lang)}{cell(L.who(f, lang))}")
    if f.profile is not None:
        out.append(f"- {t('profile', lang)}{L.colon(lang)}{cell(L.profile(f, lang))}")
    out.append(f"- {cell(L.dateline(f, lang))}")
    out += [f"- {cell(L.ledger_line(f, lang))}", ""]

    out += [f"## {t('report_by_status', lang)}", ""]
    heads = [
        t("col_requirement", lang),
        *(s.label(lang) for s in STATUSES),
        t("report_total", lang),
        t("col_percent", lang),
    ]
    rows: list[list[object]] = []
    for req, counts in L.status_counts(report, lang):
        done, total = counts[STATUSES.index(Status.DONE)], counts[-1]
        rows.append([req, *counts, f"{percent(done, total)}%"])
    out += table(heads, rows)

    out += [f"## {t('report_by_section', lang)}", ""]
    rows = []
    for g in report.sections:
        m, o = g.totals.mandatory, g.totals.optional
        extra = t("report_optional_short", lang, done=o.done, total=o.total)
        rows.append(
            [
                f"{g.number}. {L.group_title(g, lang)}",
                f"{m.done}/{m.total}",
                f"{percent(m.done, m.total)}%" if m.total else "—",
                extra if o.total else "",
            ]
        )
    done_of = f"{t('col_done', lang)}/{t('report_total', lang)}"
    heads = [t("col_section", lang), done_of, t("col_percent", lang), ""]
    out += table(heads, rows)

    out += _since(report, lang)
    out += _attention(report, lang)
    out += _checks(report, lang)
    out += _progress(report, lang)
    out += _items(report, lang)
    return "\n".join(out).rstrip("\n") + "\n"


def _line(report: Report, oid: str, lang: str, tail: str) -> str:
    item = report.item(oid)
    return f"- **{oid}** {cell(summary(item.text))} — {cell(_cut(tail, report, oid, lang))}"


def _cut(value: str, report: Report, oid: str | None, lang: str) -> str:
    """A note or list of evidence as the document shows it: cut where long, with the command
    that prints it whole."""
    return L.cut(value, lang, L.whole_note(oid, report.facts.ledger))


def _attention(report: Report, lang: str) -> list[str]:
    a = report.attention
    out = [f"## {t('report_attention', lang)}", ""]
    out += [f"### {t('att_blocked', lang)} ({len(a.blocked)})", ""]
    out += [_line(report, i, lang, L.note(report.item(i), lang)) for i in a.blocked] or [
        t("att_none", lang)
    ]
    out += ["", f"### {t('att_overdue', lang)} ({len(a.overdue)})", ""]
    out += [
        _line(
            report, o.id, lang, f"{L.overdue_text(o, lang)} · {o.owner or t('att_no_owner', lang)}"
        )
        for o in a.overdue
    ] or [t("att_none", lang)]
    out += ["", f"### {t('att_due_soon', lang, days=a.within)} ({len(a.due_soon)})", ""]
    out += [
        _line(
            report,
            o.id,
            lang,
            t("att_due_in", lang, due=o.due.isoformat(), days=o.days)
            + f" · {o.owner or t('att_no_owner', lang)}",
        )
        for o in a.due_soon
    ] or [t("att_none", lang)]
    out += ["", f"### {t('att_open_mandatory', lang)} ({len(a.open_mandatory)})", ""]
    out.append(", ".join(a.open_mandatory) or t("att_none", lang))
    out += ["", f"### {t('att_waived', lang)} ({len(a.waived)})", ""]
    out += [_line(report, i, lang, L.note(report.item(i), lang)) for i in a.waived] or [
        t("att_none", lang)
    ]
    return [*out, ""]


def _since(report: Report, lang: str) -> list[str]:
    """本期进展: the changes after the --since day, as a table."""

    if report.since is None:
        return []
    out = [f"## {t('report_since', lang, date=report.since.isoformat())}", ""]
    if not report.changes:
        return [*out, t("report_since_none", lang), ""]
    heads = [t(k, lang) for k in ("col_when", "col_who", "col_id", "col_change", "col_note")]
    rows = [
        [when, who, oid, _cut(change, report, oid, lang), _cut(note, report, oid, lang)]
        for when, who, oid, change, note in change_rows(report.changes, lang)
    ]
    return [*out, *table(heads, rows), ""]


def _checks(report: Report, lang: str) -> list[str]:
    out = [f"## {t('report_checks', lang)}", ""]
    if not report.findings:
        return [*out, t("check_clean", lang), ""]
    out += [
        t("check_summary", lang, errors=len(report.errors), warnings=len(report.warnings)),
        "",
    ]
    heads = [t("col_level", lang), t("col_id", lang), t("col_note", lang)]
    rows = [[L.level(x, lang), x.id, L.finding_text(x, lang)] for x in report.findings]
    return out + table(heads, rows)


def _progress(report: Report, lang: str) -> list[str]:
    out = [f"## {t('report_progress', lang)}", ""]
    if not report.progress:
        return [*out, t("report_progress_none", lang), ""]
    heads = [t("col_week", lang), t("col_done", lang), t("col_open", lang)]
    return out + table(heads, [[w.end.isoformat(), w.done, w.open] for w in report.progress])


def _items(report: Report, lang: str) -> list[str]:
    out = [f"## {t('report_items', lang)}", ""]
    heads = [
        t("col_id", lang),
        t("col_requirement", lang),
        t("col_status", lang),
        t("col_measure", lang),
        t("col_owner", lang),
        t("col_progress", lang),
        t("col_evidence", lang),
    ]
    by_task: dict[int, list[Item]] = {}
    for item in report.items:
        by_task.setdefault(item.task.number, []).append(item)
    for number, items in by_task.items():
        out += [f"### {number}. {cell(L.task_title(items[0].task, lang))}", ""]
        rows = [
            [
                i.id,
                L.requirement(i, lang),
                i.status.label(lang),
                summary(i.text),
                L.name(i.owner or ""),
                _cut(L.progress(i, lang), report, i.id, lang),
                _cut("; ".join(i.evidence), report, i.id, lang),
            ]
            for i in items
        ]
        out += table(heads, rows)
    return out
