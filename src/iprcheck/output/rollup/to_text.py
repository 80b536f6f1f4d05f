"""The rollup for a terminal: the matrix of provinces × tasks, the legend, the per-task counts."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from ...i18n import t
from ...reports.rollup import Cell, Rollup
from .. import View
from ..console import text
from ..wrap import Wrapped
from .labels import (
    GLYPH,
    STYLE,
    cell_label,
    counted_line,
    day,
    digits,
    display_name,
    last_national,
    list_title,
    measure_counts,
    missing_line,
    not_done,
    notes,
)


def draw(rollup: Rollup, view: View) -> list[RenderableType]:
    """The matrix with each ledger's numbers beside it, the legend, the per-task counts, the
    notes. ``styled``: whether the output shows styles (a terminal does; a pipe or a file does
    not), which the note on dimmed cells depends on."""
    lang, styled = view.lang, view.styled
    if view.by == "measure":
        return _by_measure(rollup, lang)
    out: list[RenderableType] = [
        Text(list_title(rollup, lang), style="bold"),
        _matrix(rollup, lang),
        _legend(lang),
        Wrapped(Text(t("rollup_header_key", lang), style="dim")),
    ]
    if styled and any(c.optional for r in rollup.rows for c in r.cells.values()):
        out.append(Text(t("rollup_optional_note", lang), style="dim"))
    out += [Text(n, style="dim") for n in notes(rollup, lang)]
    out += [Text(""), Text(t("rollup_tasks", lang), style="bold"), _task_counts(rollup, lang)]
    out += _blocked(rollup, lang)
    style = "bold" if rollup.missing else "dim"
    out += [Text(""), Wrapped(text(missing_line(rollup, lang), style=style))]
    out += [Text(counted_line(rollup, lang), style="dim")]
    return out


def _matrix(rollup: Rollup, lang: str) -> RenderableType:
    """One row per ledger, one character per task grouped by section, then its numbers.

    Laid out by hand rather than as a rich Table: every cell's width is known, and measuring a
    table of 32 rows × 10 columns cost a rollup a quarter of its run time."""
    from rich.cells import cell_len, set_cell_size
    from rich.console import Group

    sections = rollup.catalog.task_list.sections
    national_end = last_national(rollup)
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
                text(display_name(r, lang, rollup), style="bold" if r.national else ""),
                *strips,
                Text(f"{r.done}/{r.total}"),
                Text(f"{r.percent}%"),
                Text(str(r.blocked), style="bold red" if r.blocked else "dim"),
                Text(day(r.last_update, lang), style="" if r.last_update else "dim"),
            ]
        )
    heads = [
        t("rollup_col_province", lang),
        *(digits([task.number for task in s.tasks]) for s in sections),
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

    def cell(value: Text, i: int) -> Text:
        value = value.copy()
        if value.cell_len > widths[i]:
            value.truncate(widths[i], overflow="ellipsis")
        pad = " " * (widths[i] - value.cell_len)
        return Text(pad) + value if i in right else value + Text(pad)

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
        if i == national_end and i < len(rows) - 1:
            out.append(Text(""))  # the national office apart from the provinces
    for drawn in out:
        drawn.rstrip()
    return Group(*out)


def _legend(lang: str) -> RenderableType:
    key = Text(t("rollup_legend", lang))
    for n, state in enumerate(Cell):
        if n:
            key.append("  ")
        key.append(GLYPH[state], style=STYLE[state])
        key.append(f" {cell_label(state, lang)}")
    return key


def _task_counts(rollup: Rollup, lang: str) -> RenderableType:
    """Three lines under the matrix: task numbers, how many provinces owe each, how many did it."""
    from rich.table import Table

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


def _blocked(rollup: Rollup, lang: str) -> list[RenderableType]:
    """Every blocked obligation across the provinces, with its reason: one list to act on."""
    from rich.table import Table

    from ...obligations import summary  # noqa: F401  (the reason is what matters here)

    reasons = rollup.blocked_reasons
    if not reasons:
        return []
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column()
    for b in reasons:
        note = b.note or t("att_no_note", lang)
        grid.add_row(text(b.province), b.id, Wrapped(text(note, style="red")))
    head = Text(f"{t('rollup_blocked_list', lang)} ({len(reasons)})", style="bold")
    return [Text(""), head, grid]


def _by_measure(rollup: Rollup, lang: str) -> list[RenderableType]:
    """rollup --by measure: each provincial obligation, how many provinces must do it, how
    they stand, and which have not done it."""
    from rich.padding import Padding

    from ...obligations import summary

    out: list[RenderableType] = [
        Text(list_title(rollup, lang), style="bold"),
        Text(t("rollup_by_measure", lang), style="bold"),
    ]
    for m in rollup.measures:
        head = Text(f"{m.id:<5} ", style="bold")
        head.append_text(text(summary(m.text)))
        out.append(head)
        counts = measure_counts(m, lang)
        line = f"      {t('rollup_measure_counts', lang, count=len(m.owe))}"
        out.append(Text(line + (f" · {counts}" if counts else "")))
        names = not_done(m, lang)
        if names:
            body = Wrapped(text(t("rollup_not_done", lang) + names, style="dim"))
            out.append(Padding(body, (0, 0, 0, 6)))
    out += _blocked(rollup, lang)
    out += [Text(""), Wrapped(text(missing_line(rollup, lang)))]
    out += [Text(counted_line(rollup, lang), style="dim")]
    return out
