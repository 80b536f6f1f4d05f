"""The rollup for a terminal: the matrix of provinces × tasks, the legend, the per-task counts."""

from __future__ import annotations

from typing import NamedTuple

from rich.console import RenderableType
from rich.text import Text

from ...i18n import t
from ...obligations import summary
from ...reports.rollup import Cell, Rollup, TaskSummary
from .. import View
from .. import labels as L
from ..console import text
from ..wrap import Keep, Wrapped
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
    not_done_entries,
    notes,
)


def draw(rollup: Rollup, view: View) -> list[RenderableType]:
    """The matrix with each ledger's numbers beside it, the legend, the per-task counts, the
    notes. ``styled``: whether the output shows styles (a terminal does; a pipe or a file does
    not), which the note on dimmed cells depends on."""
    lang, styled = view.lang, view.styled
    whole = keep(rollup, lang)
    if view.by == "measure":
        return _by_measure(rollup, lang, whole)
    matrix, left_out = _matrix(rollup, lang, view.width)
    out: list[RenderableType] = [Text(list_title(rollup, lang), style="bold"), matrix]
    if left_out:
        names = ("、" if lang == "zh" else ", ").join(left_out)
        out.append(Wrapped(Text(t("narrow_left_out", lang, columns=names), style="dim"), whole))
    out += [_legend(lang), Wrapped(Text(t("rollup_header_key", lang), style="dim"), whole)]
    if styled and any(c.optional for r in rollup.rows for c in r.cells.values()):
        out.append(Wrapped(Text(t("rollup_optional_note", lang), style="dim"), whole))
    out += [Wrapped(Text(n, style="dim"), whole) for n in notes(rollup, lang)]
    out += [
        Text(""),
        Text(t("rollup_tasks", lang), style="bold"),
        *_task_counts(rollup, lang, view.width),
    ]
    out += _blocked(rollup, lang, whole)
    style = "bold" if rollup.missing else "dim"
    out += [Text(""), Wrapped(text(missing_line(rollup, lang), style=style), whole)]
    out += [Wrapped(Text(counted_line(rollup, lang), style="dim"), whole)]
    return out


def keep(rollup: Rollup, lang: str) -> Keep:
    """The names the rollup never breaks across lines: the reporting units (as each row names
    itself too) and the vocabulary's words."""
    units = rollup.catalog.task_list.reporting_units
    names = [u.name_en if lang == "en" else u.name for u in units]
    names += (display_name(r, lang, rollup) for r in rollup.rows)
    return L.keep(lang, names, rollup.catalog.categories)


class _Column(NamedTuple):
    head: str  # lines joined with "\n"
    cells: list[Text]
    right: bool = False  # numbers line up on the right
    optional: str = ""  # the column's name where a narrow screen may leave it out


def _matrix(rollup: Rollup, lang: str, width: int) -> tuple[RenderableType, list[str]]:
    """One row per ledger, one character per task grouped by section, then its numbers; on a
    screen too narrow for all of it, the percentage and then the last update are left out
    (their names returned), and then names are cut short.

    Laid out by hand rather than as a rich Table: every cell's width is known, and measuring a
    table of 32 rows × 10 columns cost a rollup a quarter of its run time."""
    from rich.cells import cell_len

    columns = _matrix_columns(rollup, lang)
    left_out: list[str] = []

    def widths() -> list[int]:
        return [
            max([cell_len(x) for x in c.head.split("\n")] + [x.cell_len for x in c.cells])
            for c in columns
        ]

    for name in (t("col_percent", lang), t("rollup_col_updated", lang)):
        if sum(widths()) + len(columns) - 1 <= width:
            break
        columns = [c for c in columns if c.optional != name]
        left_out.append(name)
    sizes = widths()
    rest = sum(sizes[1:]) + len(sizes) - 1
    sizes[0] = max(min(sizes[0], 24, width - rest), 6)  # a name is cut rather than the row
    return _drawn(columns, sizes, last_national(rollup)), left_out


def _matrix_columns(rollup: Rollup, lang: str) -> list[_Column]:
    sections = rollup.catalog.task_list.sections
    rows = rollup.rows
    out = [
        _Column(
            t("rollup_col_province", lang),
            [text(display_name(r, lang, rollup), style="bold" if r.national else "") for r in rows],
        )
    ]
    for s in sections:
        strips = []
        for r in rows:
            strip = Text()
            for task in s.tasks:
                c = r.cells[task.number]
                style = (STYLE[c.state] + (" dim" if c.optional else "")).strip()
                strip.append(GLYPH[c.state], style=style)
            strips.append(strip)
        out.append(_Column(digits([task.number for task in s.tasks]), strips))
    out += [
        _Column(
            t("rollup_head_mandatory", lang), [Text(f"{r.done}/{r.total}") for r in rows], True
        ),
        _Column(
            t("rollup_col_percent", lang),
            [Text(f"{r.percent}%") for r in rows],
            True,
            t("col_percent", lang),
        ),
        _Column(
            t("rollup_col_blocked", lang),
            [Text(str(r.blocked), style="bold red" if r.blocked else "dim") for r in rows],
            True,
        ),
        _Column(
            t("rollup_head_updated", lang),
            [Text(day(r.last_update, lang), style="" if r.last_update else "dim") for r in rows],
            False,
            t("rollup_col_updated", lang),
        ),
    ]
    return out


def _drawn(columns: list[_Column], sizes: list[int], national_end: int | None) -> RenderableType:
    """The matrix's lines: the heads written downwards, a rule, the rows."""
    from rich.console import Group

    def cell(value: Text, i: int) -> Text:
        value = value.copy()
        if value.cell_len > sizes[i]:
            value.truncate(sizes[i], overflow="ellipsis")
        pad = " " * (sizes[i] - value.cell_len)
        return Text(pad) + value if columns[i].right else value + Text(pad)

    def line(cells: list[Text]) -> Text:
        return Text(" ").join(cell(c, i) for i, c in enumerate(cells))

    head_lines = [c.head.split("\n") for c in columns]
    depth = max(len(lines) for lines in head_lines)
    out: list[Text] = []
    for level in range(depth):
        words = [([""] * (depth - len(lines)) + lines)[level] for lines in head_lines]
        out.append(line([Text(w, style="bold") for w in words]))
    out.append(Text("─" * (sum(sizes) + len(sizes) - 1)))
    count = len(columns[0].cells)
    for i in range(count):
        out.append(line([c.cells[i] for c in columns]))
        if i == national_end and i < count - 1:
            out.append(Text(""))  # the national office apart from the provinces
    for drawn in out:
        drawn.rstrip()
        drawn.no_wrap = True  # a row is one line, whatever the screen
        drawn.overflow = "crop"
    return Group(*out)


def _legend(lang: str) -> RenderableType:
    """Each glyph with its word, a pair never split across lines."""
    key = Text(t("rollup_legend", lang))
    pairs = []
    for n, state in enumerate(Cell):
        if n:
            key.append("  ")
        key.append(GLYPH[state], style=STYLE[state])
        key.append(f" {cell_label(state, lang)}")
        pairs.append(f"{GLYPH[state]} {cell_label(state, lang)}")
    return Wrapped(key, Keep(pairs))


def _task_counts(rollup: Rollup, lang: str, width: int) -> list[RenderableType]:
    """Three lines under the matrix: task numbers, how many provinces owe each, how many did
    it; on a screen too narrow for every task, as many blocks of three lines as it takes."""
    from rich.cells import cell_len
    from rich.table import Table

    heads = [t(k, lang) for k in ("rollup_col_task", "rollup_row_owe", "rollup_row_done")]
    room = width - max(map(cell_len, heads))
    tasks = rollup.tasks

    def size(s: TaskSummary) -> int:
        return 1 + max(len(str(s.task.number)), len(str(s.owe)), len(str(s.done)))

    blocks = [tasks]
    fewest = max(1, -(-sum(map(size, tasks)) // max(room, 1)))
    for count in range(fewest, len(tasks) + 1):  # the fewest blocks of even length that fit
        step = -(-len(tasks) // count)
        blocks = [tasks[i : i + step] for i in range(0, len(tasks), step)]
        if all(sum(map(size, b)) <= room for b in blocks):
            break
    out: list[RenderableType] = []
    for block in blocks:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, style="bold")
        for _ in block:
            grid.add_column(justify="right", no_wrap=True)
        grid.add_row(heads[0], *(str(s.task.number) for s in block))
        grid.add_row(heads[1], *(str(s.owe) for s in block))
        done = [
            Text(str(s.done), style="green" if s.owe and s.done == s.owe else "") for s in block
        ]
        grid.add_row(heads[2], *done)
        out.append(grid)
    return out


def _blocked(rollup: Rollup, lang: str, whole: Keep) -> list[RenderableType]:
    """Every blocked obligation across the provinces, with its reason: one list to act on. A
    long reason is cut, with the command that prints it whole from its province's ledger."""
    from rich.table import Table

    reasons = rollup.blocked_reasons
    if not reasons:
        return []
    paths = {r.name: str(r.path) for r in rollup.rows}
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column()
    for b in reasons:
        note = L.cut(b.note, lang, L.whole_note(b.id, paths.get(b.province))) if b.note else ""
        shown = text(note or t("att_no_note", lang), style="red")
        grid.add_row(text(L.name(b.province)), b.id, Wrapped(shown, whole))
    head = Text(f"{t('rollup_blocked_list', lang)} ({len(reasons)})", style="bold")
    return [Text(""), head, grid]


def _by_measure(rollup: Rollup, lang: str, whole: Keep) -> list[RenderableType]:
    """rollup --by measure: each provincial obligation, how many provinces must do it, how
    they stand, and which have not done it (each province with its status, kept together)."""
    from rich.padding import Padding
    from rich.table import Table

    out: list[RenderableType] = [
        Text(list_title(rollup, lang), style="bold"),
        Text(t("rollup_by_measure", lang), style="bold"),
    ]
    for m in rollup.measures:
        head = Table.grid(padding=(0, 1))
        head.add_column(no_wrap=True, style="bold", min_width=5)
        head.add_column()
        head.add_row(m.id, Wrapped(text(summary(m.text)), whole))
        counts = measure_counts(m, lang)
        line = t("rollup_measure_counts", lang, count=len(m.owe))
        body: list[RenderableType] = [
            Wrapped(Text(line + (f" · {counts}" if counts else "")), whole)
        ]
        names = not_done(m, lang)
        if names:
            entries = Keep(not_done_entries(m, lang)) | whole
            body.append(Wrapped(text(t("rollup_not_done", lang) + names, style="dim"), entries))
        out += [head, *(Padding(b, (0, 0, 0, 6)) for b in body)]
    out += _blocked(rollup, lang, whole)
    out += [Text(""), Wrapped(text(missing_line(rollup, lang)), whole)]
    out += [Wrapped(Text(counted_line(rollup, lang), style="dim"), whole)]
    return out
