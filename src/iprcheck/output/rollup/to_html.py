"""The rollup as one self-contained HTML page: the matrix as a heat map."""

from __future__ import annotations

from typing import Any

from ... import __version__
from ...i18n import t
from ...numbers import chinese_numeral
from ...obligations import summary
from ...reports.rollup import Cell, Rollup
from ...tasklist.model import in_english
from .. import View
from ..excerpt import excerpt, ledger
from ..templates import environment
from .labels import (
    COLOUR,
    GLYPH,
    INK,
    cell_label,
    counted_line,
    day,
    display_name,
    last_national,
    list_title,
    measure_counts,
    missing_line,
    not_done,
    notes,
    task_title,
)


def to_html(rollup: Rollup, view: View) -> str:
    lang = view.lang
    measures = [
        {
            "id": m.id,
            "summary": summary(m.text),
            "owe": len(m.owe),
            "counts": measure_counts(m, lang),
            "open": not_done(m, lang),
        }
        for m in (rollup.measures if view.by == "measure" else [])
    ]
    return (
        environment()
        .get_template("rollup.html.j2")
        .render(
            lang=lang,
            title=list_title(rollup, lang),
            counted=f"{counted_line(rollup, lang)} · {missing_line(rollup, lang)}",
            sections=_sections(rollup, lang),
            rows=_rows(rollup, lang),
            tasks=_tasks(rollup, lang),
            measures=measures,
            by_measure=view.by == "measure",
            blocked=_blocked(rollup, lang),
            legend=[
                {"glyph": GLYPH[c], "state": c.value, "label": cell_label(c, lang)} for c in Cell
            ],
            colour={c.value: COLOUR[c] for c in Cell},
            ink={c.value: INK.get(c, "222222") for c in Cell},
            notes=notes(rollup, lang),
            optional_note=t("rollup_optional_note", lang)
            if any(c.optional for r in rollup.rows for c in r.cells.values())
            else None,
            skipped=[{"path": str(s.path), "reason": s.error.render(lang)} for s in rollup.skipped],
            t=lambda key: t(key, lang),
            generated=t("rollup_generated", lang, version=__version__),
            version=__version__,
        )
    )


def _sections(rollup: Rollup, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "number": s.number,
            "cn": chinese_numeral(s.number),
            "title": in_english(s.title, s.title_en, lang),
            "tasks": [{"number": task.number, "title": task_title(task, lang)} for task in s.tasks],
        }
        for s in rollup.catalog.task_list.sections
    ]


def _rows(rollup: Rollup, lang: str) -> list[dict[str, Any]]:
    """Each ledger's row of the heat map, the last of the national office's ruled off."""
    firsts = {s.tasks[0].number for s in rollup.catalog.task_list.sections}
    national_end = last_national(rollup)
    return [
        {
            "name": display_name(r, lang, rollup),
            "path": str(r.path),
            "national": r.national,
            "last_national": i == national_end,
            "cells": [
                {
                    "glyph": GLYPH[c.state],
                    "state": c.state.value,
                    "label": cell_label(c.state, lang),
                    "optional": c.optional,
                    "task": n,
                    "first": n in firsts,
                }
                for n, c in r.cells.items()
            ],
            "done": r.done,
            "total": r.total,
            "percent": r.percent,
            "blocked": r.blocked,
            "updated": day(r.last_update, lang),
        }
        for i, r in enumerate(rollup.rows)
    ]


def _tasks(rollup: Rollup, lang: str) -> list[dict[str, Any]]:
    return [
        {
            "number": s.task.number,
            "title": task_title(s.task, lang),
            "owe": s.owe,
            "done": s.done,
            "percent": s.percent,
            # Shade of the per-task heat row: how much of what is owed is done.
            "shade": round(0.12 + 0.88 * s.done / s.owe, 2) if s.owe else 0,
        }
        for s in rollup.tasks
    ]


def _blocked(rollup: Rollup, lang: str) -> list[dict[str, Any]]:
    """Every blocked obligation with its reason; a long one cut, naming the ledger that holds
    it whole."""
    paths = {r.name: str(r.path) for r in rollup.rows}

    def note(province: str, oid: str, text: str | None) -> str:
        if not text:
            return t("att_no_note", lang)
        return excerpt(text, lang, ledger(province, paths.get(province, ""), oid, lang))

    return [
        {"province": b.province, "id": b.id, "note": note(b.province, b.id, b.note)}
        for b in rollup.blocked_reasons
    ]
