"""The rollup as Markdown: the matrix and the per-task table, for a document or a wiki."""

from __future__ import annotations

from ...i18n import t
from ...obligations import summary
from ...reports.rollup import Cell, Rollup
from .. import View
from .. import labels as L
from ..guards import md_table
from ..guards import md_text as md_cell
from .labels import (
    GLYPH,
    cell_label,
    counted_line,
    day,
    display_name,
    list_title,
    missing_line,
    notes,
    task_title,
)


def to_markdown(rollup: Rollup, view: View) -> str:
    lang = view.lang
    numbers = list(rollup.catalog.tasks)
    out = [f"# {md_cell(list_title(rollup, lang))}", "", md_cell(counted_line(rollup, lang)), ""]
    out += [md_cell(missing_line(rollup, lang)), ""]
    out += [f"## {t('rollup_matrix', lang)}", ""]
    heads: list[object] = [
        t("rollup_col_province", lang),
        *numbers,
        t("rollup_col_mandatory", lang),
        t("rollup_col_percent", lang),
        t("rollup_col_blocked", lang),
        t("rollup_col_updated", lang),
    ]
    rows = [
        [
            display_name(r, lang, rollup),
            *(f"`{GLYPH[r.cells[n].state]}`" for n in numbers),
            f"{r.done}/{r.total}",
            f"{r.percent}%",
            r.blocked,
            day(r.last_update, lang),
        ]
        for r in rollup.rows
    ]
    out += md_table(heads, rows)
    out += [
        t("rollup_legend", lang) + "  ".join(f"`{GLYPH[c]}` {cell_label(c, lang)}" for c in Cell),
        "",
    ]
    out += [md_cell(n) for n in notes(rollup, lang)] + ([""] if notes(rollup, lang) else [])
    out += [f"## {t('rollup_tasks', lang)}", ""]
    out += md_table(
        [
            t("rollup_col_task", lang),
            t("col_task", lang),
            t("rollup_col_owe", lang),
            t("rollup_col_done", lang),
            t("rollup_col_percent", lang),
        ],
        [
            [s.task.number, task_title(s.task, lang), s.owe, s.done, f"{s.percent}%"]
            for s in rollup.tasks
        ],
    )
    if view.by == "measure":
        out += _by_measure(rollup, lang)
    if rollup.blocked_reasons:
        out += [f"## {t('rollup_blocked_list', lang)}", ""]
        out += md_table(
            [t("rollup_col_province", lang), t("col_id", lang), t("col_note", lang)],
            _blocked_rows(rollup, lang),
        )
        out.append("")
    if rollup.skipped:
        out += [f"## {t('rollup_skipped', lang)}", ""]
        out += md_table(
            [t("rollup_col_path", lang), t("col_note", lang)],
            [[s.path, s.error.render(lang)] for s in rollup.skipped],
        )
    return "\n".join(out).rstrip("\n") + "\n"


def _blocked_rows(rollup: Rollup, lang: str) -> list[list[object]]:
    """Province, id and reason of each blocked obligation; a long reason cut, with the command
    that prints it whole from its province's ledger."""
    paths = {r.name: str(r.path) for r in rollup.rows}
    return [
        [
            L.name(b.province),
            b.id,
            L.cut(b.note, lang, L.whole_note(b.id, paths.get(b.province)))
            if b.note
            else t("att_no_note", lang),
        ]
        for b in rollup.blocked_reasons
    ]


def _by_measure(rollup: Rollup, lang: str) -> list[str]:
    """Each provincial obligation, how many provinces owe it and how each stands."""

    heads = [t("col_id", lang), t("col_measure", lang), t("rollup_col_owe", lang)]
    rows: list[list[object]] = [
        [
            m.id,
            summary(m.text),
            len(m.owe),
            "; ".join(f"{x.province} {x.status.label(lang)}" for x in m.owe),
        ]
        for m in rollup.measures
    ]
    return [
        f"## {t('rollup_by_measure', lang)}",
        "",
        *md_table([*heads, t("col_status", lang)], rows),
        "",
    ]
