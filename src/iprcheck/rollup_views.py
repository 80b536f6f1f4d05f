"""Views of a ``rollup.Rollup``: the terminal matrix, JSON, CSV, Markdown, HTML and xlsx.

All of them read the same Rollup and none recounts. rich, jinja2 and openpyxl are imported
inside the view that draws with them, so that ``--format json`` never pays for any of them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .i18n import status_label, t
from .ledger import STATUSES
from .records import UNTRACKED
from .render import csv_text, md_cell, md_table
from .rollup import Cell, Rollup, Row, SortKey

if TYPE_CHECKING:
    from rich.console import RenderableType

FORMAT = "iprcheck-rollup"
VERSION = 1  # new keys may be added within a version; none is removed or renamed

# One character per cell, ASCII so that it keeps its width in any terminal and font (● and ◐
# are "ambiguous" width and take two columns in many Chinese terminals).
GLYPH: dict[Cell, str] = {
    Cell.DONE: "#",
    Cell.PARTLY_DONE: "+",
    Cell.IN_PROGRESS: "~",
    Cell.BLOCKED: "!",
    Cell.NOT_STARTED: "o",
    Cell.NOT_APPLICABLE: ".",
}
STYLE: dict[Cell, str] = {
    Cell.DONE: "bold green",
    Cell.PARTLY_DONE: "green",
    Cell.IN_PROGRESS: "yellow",
    Cell.BLOCKED: "bold red",
    Cell.NOT_STARTED: "",
    Cell.NOT_APPLICABLE: "dim",
}
# Heat-map colours (HTML and xlsx): greens for progress, red for blocked, pale for nothing yet.
COLOUR: dict[Cell, str] = {
    Cell.DONE: "1a7f37",
    Cell.PARTLY_DONE: "7cc68a",
    Cell.IN_PROGRESS: "f2c94c",
    Cell.BLOCKED: "d73a49",
    Cell.NOT_STARTED: "e8e8e8",
    Cell.NOT_APPLICABLE: "ffffff",
}
INK: dict[Cell, str] = {Cell.DONE: "ffffff", Cell.BLOCKED: "ffffff"}


def cell_label(state: Cell, lang: str) -> str:
    return t(f"cell_{state.value}", lang)


def display_name(row: Row, lang: str, rollup: Rollup) -> str:
    """The province's name in ``lang``; one named after its file is marked with ``*``."""
    if row.national:
        name = t("national_office", lang)
        return f"{name} {row.department}" if row.department else name
    if row.name_source == "file":
        return row.name + "*"
    if lang == "en":
        english = {u.name: u.name_en for u in rollup.catalog.task_list.reporting_units}
        return english.get(row.name, row.name)
    return row.name


def day(at: str | None, lang: str) -> str:
    return at[:10] if at else t("rollup_never", lang)


def list_title(rollup: Rollup, lang: str) -> str:
    tl = rollup.catalog.task_list
    return t("rollup_title", lang, title=tl.title if lang == "zh" else tl.title_en)


def task_title(task: Any, lang: str) -> str:
    return str(task.title if lang == "zh" else task.title_en)


def counted_line(rollup: Rollup, lang: str) -> str:
    provinces = sum(not r.national for r in rollup.rows)
    national = t("rollup_counted_national", lang) if provinces < len(rollup.rows) else ""
    line = t("rollup_counted", lang, count=len(rollup.rows), provinces=provinces, national=national)
    if rollup.skipped:
        line += t("rollup_counted_skipped", lang, count=len(rollup.skipped))
    return line


def notes(rollup: Rollup, lang: str) -> list[str]:
    out = []
    if any(r.name_source == "file" for r in rollup.rows):
        out.append(t("rollup_named_from_file", lang))
    return out


# ---------------------------------------------------------------------------------------------
# JSON and CSV: for programs.


def as_dict(rollup: Rollup, lang: str, sort: SortKey) -> dict[str, Any]:
    """Schema ``iprcheck-rollup``, version 1:

    ```
    {"format": "iprcheck-rollup", "version": 1,
     "list": {"id", "year", "title", "title_en", "sha256"}, "sort": "progress|name|updated",
     "provinces": [{"province": name, "name_source": "header|file|national", "path",
                    "national": bool, "department", "types": [type keys],
                    "totals": {exactly report --format json's "totals"},
                    "mandatory": {"done", "total", "percent"}, "blocked": N (all requirements),
                    "last_update": ISO time | null,
                    "cells": {"<task>": "done|partly-done|in-progress|blocked|not-started|
                              not-applicable"},
                    "optional_cells": [tasks whose cell shows optional obligations only]}],
     "tasks": [{"task", "section", "title", "title_en", "owe", "done", "percent"}],
     "skipped": [{"path", "reason" (a sentence in the --lang language),
                  "code": "unreadable|other-list|duplicate|not-found"}]}
    ```
    """
    tl = rollup.catalog.task_list
    section_of = {task.number: s.number for s in tl.sections for task in s.tasks}
    return {
        "format": FORMAT,
        "version": VERSION,
        "list": {
            "id": tl.id,
            "year": tl.year,
            "title": tl.title,
            "title_en": tl.title_en,
            "sha256": rollup.catalog.source.digest,
        },
        "sort": sort.value,
        "provinces": [
            {
                "province": r.name,
                "name_source": r.name_source,
                "path": str(r.path),
                "national": r.national,
                "department": r.department,
                "types": list(r.types),
                "totals": r.totals,
                "mandatory": {"done": r.done, "total": r.total, "percent": r.percent},
                "blocked": r.blocked,
                "last_update": r.last_update,
                "cells": {str(n): c.state.value for n, c in r.cells.items()},
                "optional_cells": [n for n, c in r.cells.items() if c.optional],
            }
            for r in rollup.rows
        ],
        "tasks": [
            {
                "task": s.task.number,
                "section": section_of[s.task.number],
                "title": s.task.title,
                "title_en": s.task.title_en,
                "owe": s.owe,
                "done": s.done,
                "percent": s.percent,
            }
            for s in rollup.tasks
        ],
        "skipped": [
            {"path": str(s.path), "reason": s.error.render(lang), "code": s.reason.value}
            for s in rollup.skipped
        ],
    }


def to_json(rollup: Rollup, lang: str, sort: SortKey) -> str:
    return json.dumps(as_dict(rollup, lang, sort), ensure_ascii=False, indent=2) + "\n"


def to_csv(rollup: Rollup) -> str:
    """One row per ledger: who, the totals flattened, then one column per task's cell. UTF-8
    with a BOM, so that Excel opens the Chinese text correctly on a double-click."""
    counts = [f"{req}_{key}" for req in ("mandatory", "optional") for key in ("total", *STATUSES)]
    tasks = [f"task_{n}" for n in rollup.catalog.tasks]
    heads = [
        "province",
        "name_source",
        "path",
        "national",
        "department",
        "types",
        *counts,
        "percent",
        "blocked",
        "last_update",
        *tasks,
    ]
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(heads)
    for r in rollup.rows:
        row = [
            r.name,
            r.name_source,
            str(r.path),  # a folder or file name can start with "=" too
            "true" if r.national else "false",
            r.department or "",
            "; ".join(r.types),
            *(
                r.totals[req][key]
                for req in ("mandatory", "optional")
                for key in ("total", *STATUSES)
            ),
            r.percent,
            r.blocked,
            r.last_update or "",
            *(c.state.value for c in r.cells.values()),
        ]
        writer.writerow([csv_text(v) for v in row])
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------
# The terminal.


def _last_national(rollup: Rollup) -> int | None:
    """The national office's rows come first; the last of them is ruled off from the provinces."""
    n = sum(r.national for r in rollup.rows)
    return n - 1 if 0 < n < len(rollup.rows) else None


def _digits(numbers: Sequence[int]) -> str:
    """Task numbers written downwards, one column each: ``1111`` over ``0123``."""
    tens = "".join(str(n // 10) if n >= 10 else " " for n in numbers)
    units = "".join(str(n % 10) for n in numbers)
    return f"{tens}\n{units}" if tens.strip() else f"\n{units}"


def terminal(rollup: Rollup, lang: str, *, styled: bool = True) -> list[RenderableType]:
    """The matrix with each ledger's numbers beside it, the legend, the per-task counts, the
    notes. ``styled``: whether the output shows styles (a terminal does; a pipe or a file does
    not), which the note on dimmed cells depends on."""
    from rich.text import Text

    out: list[RenderableType] = [
        Text(list_title(rollup, lang), style="bold"),
        _matrix(rollup, lang),
        _legend(lang),
    ]
    if styled and any(c.optional for r in rollup.rows for c in r.cells.values()):
        out.append(Text(t("rollup_optional_note", lang), style="dim"))
    out += [Text(n, style="dim") for n in notes(rollup, lang)]
    out += [Text(""), Text(t("rollup_tasks", lang), style="bold"), _task_counts(rollup, lang)]
    out += [Text(""), Text(counted_line(rollup, lang), style="dim")]
    return out


def _matrix(rollup: Rollup, lang: str) -> RenderableType:
    """One row per ledger, one character per task grouped by section, then its numbers.

    Laid out by hand rather than as a rich Table: every cell's width is known, and measuring a
    table of 32 rows × 10 columns cost a rollup a quarter of its run time."""
    from rich.cells import cell_len, set_cell_size
    from rich.console import Group
    from rich.text import Text

    sections = rollup.catalog.task_list.sections
    last_national = _last_national(rollup)
    rows = []
    for r in rollup.rows:
        strips = []
        for s in sections:
            strip = Text()
            for task in s.tasks:
                c = r.cells[task.number]
                strip.append(
                    GLYPH[c.state], style=(STYLE[c.state] + (" dim" if c.optional else "")).strip()
                )
            strips.append(strip)
        rows.append(
            [
                Text(display_name(r, lang, rollup), style="bold" if r.national else ""),
                *strips,
                Text(f"{r.done}/{r.total}"),
                Text(f"{r.percent}%"),
                Text(str(r.blocked), style="bold red" if r.blocked else "dim"),
                Text(day(r.last_update, lang), style="" if r.last_update else "dim"),
            ]
        )
    heads = [
        t("rollup_col_province", lang),
        *(_digits([task.number for task in s.tasks]) for s in sections),
        t("rollup_head_mandatory", lang),
        t("rollup_col_percent", lang),
        t("rollup_col_blocked", lang),
        t("rollup_head_updated", lang),
    ]
    right = {len(heads) - 4, len(heads) - 3, len(heads) - 2}  # the numbers line up on the right
    head_lines = [h.split("\n") for h in heads]
    widths = [
        max([cell_len(x) for x in lines] + [r[i].cell_len for r in rows])
        for i, lines in enumerate(head_lines)
    ]
    widths[0] = min(widths[0], 24)

    def cell(text: Text, i: int) -> Text:
        text = text.copy()
        if text.cell_len > widths[i]:
            text.truncate(widths[i], overflow="ellipsis")
        pad = " " * (widths[i] - text.cell_len)
        return Text(pad) + text if i in right else text + Text(pad)

    def line(cells: list[Text]) -> Text:
        return Text(" ").join(cell(c, i) for i, c in enumerate(cells))

    depth = max(len(lines) for lines in head_lines)
    out: list[Text] = []
    for level in range(depth):
        words = [([""] * (depth - len(lines)) + lines)[level] for lines in head_lines]
        out.append(line([Text(set_cell_size(w, cell_len(w)), style="bold") for w in words]))
    rule = Text("─" * (sum(widths) + len(widths) - 1))
    out.append(rule)
    for i, row in enumerate(rows):
        out.append(line(row))
        if i == last_national and i < len(rows) - 1:
            out.append(Text(""))  # the national office apart from the provinces
    for text in out:
        text.rstrip()
    return Group(*out)


def _legend(lang: str) -> RenderableType:
    from rich.text import Text

    key = Text()
    for n, state in enumerate(Cell):
        if n:
            key.append("  ")
        key.append(GLYPH[state], style=STYLE[state])
        key.append(f" {cell_label(state, lang)}")
    return key


def _task_counts(rollup: Rollup, lang: str) -> RenderableType:
    """Three lines under the matrix: task numbers, how many provinces owe each, how many did it."""
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style="bold")
    for _ in rollup.tasks:
        grid.add_column(justify="right", no_wrap=True)
    grid.add_row(t("rollup_col_task", lang), *(str(s.task.number) for s in rollup.tasks))
    grid.add_row(t("rollup_row_owe", lang), *(str(s.owe) for s in rollup.tasks))
    grid.add_row(
        t("rollup_row_done", lang),
        *(
            Text(str(s.done), style="green" if s.owe and s.done == s.owe else "")
            for s in rollup.tasks
        ),
    )
    return grid


def to_text(rollup: Rollup, lang: str, *, width: int = 100) -> str:
    """The terminal view as plain text, for --output FILE."""
    from rich.console import Console

    buf = io.StringIO()
    console = Console(file=buf, width=width, no_color=True, highlight=False, soft_wrap=False)
    for part in terminal(rollup, lang, styled=False):
        console.print(part)
    return "\n".join(line.rstrip() for line in buf.getvalue().splitlines()) + "\n"


# ---------------------------------------------------------------------------------------------
# Markdown.


def to_markdown(rollup: Rollup, lang: str) -> str:
    numbers = list(rollup.catalog.tasks)
    out = [f"# {md_cell(list_title(rollup, lang))}", "", md_cell(counted_line(rollup, lang)), ""]
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
    out += ["  ".join(f"`{GLYPH[c]}` {cell_label(c, lang)}" for c in Cell), ""]
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
    if rollup.skipped:
        out += [f"## {t('rollup_skipped', lang)}", ""]
        out += md_table(
            [t("rollup_col_path", lang), t("col_note", lang)],
            [[s.path, s.error.render(lang)] for s in rollup.skipped],
        )
    return "\n".join(out).rstrip("\n") + "\n"


# ---------------------------------------------------------------------------------------------
# HTML: one self-contained file, the matrix as a heat map.


def to_html(rollup: Rollup, lang: str) -> str:
    from importlib import resources

    import jinja2

    from . import __version__

    source = resources.files("iprcheck").joinpath("templates", "rollup.html.j2").read_text("utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    template = env.from_string(source)
    sections = [
        {
            "number": s.number,
            "title": s.title if lang == "zh" else s.title_en,
            "tasks": [{"number": task.number, "title": task_title(task, lang)} for task in s.tasks],
        }
        for s in rollup.catalog.task_list.sections
    ]
    firsts = {s.tasks[0].number for s in rollup.catalog.task_list.sections}
    last_national = _last_national(rollup)
    rows = [
        {
            "name": display_name(r, lang, rollup),
            "path": str(r.path),
            "national": r.national,
            "last_national": i == last_national,
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
    tasks = [
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
    return template.render(
        lang=lang,
        title=list_title(rollup, lang),
        counted=counted_line(rollup, lang),
        sections=sections,
        rows=rows,
        tasks=tasks,
        legend=[{"glyph": GLYPH[c], "state": c.value, "label": cell_label(c, lang)} for c in Cell],
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


# ---------------------------------------------------------------------------------------------
# xlsx: the matrix on the first sheet, then one sheet per ledger.


def to_xlsx(rollup: Rollup, lang: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    from .records import record

    bold = Font(bold=True)
    wb = Workbook()
    ws = wb.active
    ws.title = t("rollup_sheet_matrix", lang)
    numbers = list(rollup.catalog.tasks)
    ws.append([list_title(rollup, lang)])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([counted_line(rollup, lang)])
    heads = [
        t("rollup_col_province", lang),
        t("rollup_col_mandatory", lang),
        t("rollup_col_percent", lang),
        t("rollup_col_blocked", lang),
        t("rollup_col_updated", lang),
        *numbers,
    ]
    ws.append(heads)
    head_row = ws.max_row
    for c in ws[head_row]:
        c.font = bold
        c.alignment = Alignment(horizontal="center")
    first_task_col = 6
    fills = {c: PatternFill("solid", fgColor=COLOUR[c]) for c in Cell}
    for r in rollup.rows:
        ws.append(
            [
                display_name(r, lang, rollup),
                f"{r.done}/{r.total}",
                r.percent / 100,
                r.blocked,
                day(r.last_update, lang),
                *(cell_label(r.cells[n].state, lang) for n in numbers),
            ]
        )
        n_row = ws.max_row
        ws.cell(n_row, 3).number_format = "0%"
        for j, n in enumerate(numbers):
            c = r.cells[n]
            target = ws.cell(n_row, first_task_col + j)
            target.fill = fills[c.state]
            target.font = Font(color=INK.get(c.state, "222222"), italic=c.optional, size=9)
            target.alignment = Alignment(horizontal="center")
    ws.append([])
    for label, values in (
        (t("rollup_col_owe", lang), [s.owe for s in rollup.tasks]),
        (t("rollup_col_done", lang), [s.done for s in rollup.tasks]),
    ):
        ws.append([label, None, None, None, None, *values])
        ws.cell(ws.max_row, 1).font = bold
    ws.append([])
    ws.append(["  ".join(cell_label(c, lang) for c in Cell)])
    for note in notes(rollup, lang):
        ws.append([note])
    for s in rollup.skipped:
        ws.append([t("rollup_left_out", lang, reason=s.error.render(lang))])
    ws.freeze_panes = ws.cell(head_row + 1, 2)
    ws.column_dimensions["A"].width = 26
    for col, width in (("B", 12), ("C", 8), ("D", 8), ("E", 12)):
        ws.column_dimensions[col].width = width
    for j in range(len(numbers)):
        ws.column_dimensions[get_column_letter(first_task_col + j)].width = 9

    used = {ws.title.casefold()}
    sheet_heads = [
        t("col_id", lang),
        t("col_task", lang),
        t("col_requirement", lang),
        t("col_status", lang),
        t("col_measure", lang),
        t("col_owner", lang),
        t("col_due", lang),
        t("col_note", lang),
        t("col_evidence", lang),
        t("rollup_col_updated", lang),
    ]
    for r in rollup.rows:
        sheet = wb.create_sheet(_sheet_name(display_name(r, lang, rollup), used))
        sheet.append([display_name(r, lang, rollup)])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([str(r.path)])
        sheet.append([f"{t('rollup_col_mandatory', lang)} {r.done}/{r.total} ({r.percent}%)"])
        sheet.append(sheet_heads)
        for c in sheet[sheet.max_row]:
            c.font = bold
        sheet.freeze_panes = f"A{sheet.max_row + 1}"  # sheet.cell() would add an empty row
        for e in r.entries:
            rec = record(e, r.tracking.get(e.obligation.id, UNTRACKED))
            sheet.append(
                [
                    rec["id"],
                    f"{rec['task']}. {rec['task_title'] if lang == 'zh' else rec['task_title_en']}",
                    t(f"req_{rec['requirement']}", lang) if rec["requirement"] else "",
                    status_label(rec["status"], lang),
                    rec["text"],
                    rec["owner"] or "",
                    rec["internal_due"] or rec["due"] or "",
                    rec["note"] or "",
                    "; ".join(rec["evidence"]),
                    (rec["updated"] or "")[:16].replace("T", " "),
                ]
            )
            for c in sheet[sheet.max_row]:
                c.alignment = Alignment(wrap_text=True, vertical="top")
        for col, width in zip("ABCDEFGHIJ", (7, 28, 9, 9, 60, 14, 12, 30, 24, 17), strict=True):
            sheet.column_dimensions[col].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


_SHEET_BAD = str.maketrans(dict.fromkeys("[]:*?/\\", "_"))


def _sheet_name(name: str, used: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique regardless of case.
    ``used`` holds the names taken so far, case-folded."""
    base = name.translate(_SHEET_BAD).strip("'") or "-"
    candidate, n = base[:31], 1
    while candidate.casefold() in used:
        n += 1
        suffix = f" ({n})"
        candidate = base[: 31 - len(suffix)] + suffix
    used.add(candidate.casefold())
    return candidate
