"""What every view of the rollup shares: the cell glyphs and colours, names, titles, notes."""

from __future__ import annotations

from collections.abc import Sequence

from ...i18n import t
from ...reports.rollup import Cell, MeasureRow, Rollup, Row
from ...tasklist import Task
from ...tasklist.model import in_english
from ...vocab import STATUSES, Status

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
    return t("rollup_title", lang, title=in_english(tl.title, tl.title_en, lang))


def task_title(task: Task, lang: str) -> str:
    return in_english(task.title, task.title_en, lang)


def counted_line(rollup: Rollup, lang: str) -> str:
    provinces = sum(not r.national for r in rollup.rows)
    national = t("rollup_counted_national", lang) if provinces < len(rollup.rows) else ""
    line = t("rollup_counted", lang, count=len(rollup.rows), provinces=provinces, national=national)
    joined = sum(r.copies - 1 for r in rollup.rows)
    if joined:
        line += t("rollup_copies", lang, count=joined)
    if rollup.skipped:
        line += t("rollup_counted_skipped", lang, count=len(rollup.skipped))
    return line


def notes(rollup: Rollup, lang: str) -> list[str]:
    out = []
    if any(r.name_source == "file" for r in rollup.rows):
        out.append(t("rollup_named_from_file", lang))
    return out


def missing_line(rollup: Rollup, lang: str) -> str:
    """未报送（2）：西藏自治区、新疆生产建设兵团 — the units no ledger was counted for."""
    if not rollup.missing:
        return t("rollup_missing_none", lang)
    if lang == "zh":
        names = "、".join(rollup.missing)
    else:
        english = {u.name: u.name_en for u in rollup.catalog.task_list.reporting_units}
        names = ", ".join(english.get(n, n) for n in rollup.missing)
    return t("rollup_missing", lang, count=len(rollup.missing), names=names)


def last_national(rollup: Rollup) -> int | None:
    """The national office's rows come first; the last of them is ruled off from the provinces."""
    n = sum(r.national for r in rollup.rows)
    return n - 1 if 0 < n < len(rollup.rows) else None


def digits(numbers: Sequence[int]) -> str:
    """Task numbers written downwards, one column each: ``1111`` over ``0123``."""
    tens = "".join(str(n // 10) if n >= 10 else " " for n in numbers)
    units = "".join(str(n % 10) for n in numbers)
    return f"{tens}\n{units}" if tens.strip() else f"\n{units}"


def measure_counts(m: MeasureRow, lang: str) -> str:
    """``未开始 1 · 已完成 1``: how the provinces that must do a measure stand."""
    return " · ".join(f"{s.label(lang)} {m.count(s)}" for s in STATUSES if m.count(s))


def not_done(m: MeasureRow, lang: str) -> str:
    """``浙江省（未开始）、广东省（受阻）``: who owes a measure and has not done it."""
    open_ = [x for x in m.owe if x.status not in (Status.DONE, Status.WAIVED)]
    if lang == "zh":
        return "、".join(f"{x.province}（{x.status.label(lang)}）" for x in open_)
    return ", ".join(f"{x.province} ({x.status.label(lang)})" for x in open_)
