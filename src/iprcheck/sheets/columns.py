"""The 台账's columns: one table shared by the writers (report's workbook and CSV) and the reader
(``iprcheck import``) — what each column holds, the words that head it, how a value is written
into its cell and how a cell is read back.

What a column *writes* and what import *compares* are the same text: a cell counts as unchanged
when its text (line ends as LF) is the text the writer would write for the ledger's value, so
an unchanged 台账 comes back as nothing, whatever the value holds (separators in evidence
names, surrounding spaces, CRLF, a leading quote, characters written out as escapes). Only a
cell a colleague changed is parsed; ``read_*`` say how.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from msgspec import Struct

from .. import dates
from ..characters import has_hidden, shown
from ..errors import IprcheckError
from ..i18n import t
from ..obligations import Item, Tracking
from ..vocab import STATUSES, Status, parse_status

CELL_CHARS = 32_767  # what an Excel cell holds


class Column(Struct, frozen=True):
    """One column of the 台账 workbook."""

    field: str  # what it holds: for the fields import reads, the name it reads them by
    heading: str  # the message key of its heading (编号 / ID)
    width: int  # in Excel's units: a CJK character takes about two
    csv: str  # the same value's key in the CSV (and in ``list --format json``)


WORKBOOK: tuple[Column, ...] = (
    Column("id", "col_id", 6, "id"),
    Column("task", "col_task", 16, "task_title"),
    Column("measure", "col_measure", 44, "text"),
    Column("requirement", "col_requirement", 10, "requirement"),
    Column("departments", "col_departments", 11, "departments"),
    Column("owner", "col_owner", 10, "owner"),
    Column("due", "col_due", 11, "due"),
    Column("internal_due", "col_internal_due", 11, "internal_due"),
    Column("status", "col_status", 8, "status"),
    Column("note", "col_progress", 28, "note"),
    Column("evidence", "col_evidence", 20, "evidence"),
    Column("updated", "col_updated", 16, "updated"),
)
BY_FIELD = {c.field: c for c in WORKBOOK}

# What import takes back of a row (the id names the row; the measure is checked against it).
READ = ("status", "note", "evidence", "owner", "internal_due")

# The CSV's columns: the JSON fields of ``list --format json``, in this order; in Chinese, with
# the headings below (the workbook's words where a column is the same).
CSV_FIELDS = (
    "id", "section", "task", "task_title", "actor", "requirement", "rule", "mandatory_for",
    "optional_for", "departments", "completion", "due", "status", "owner", "internal_due",
    "note", "evidence", "updated", "text",
)  # fmt: skip
CSV_HEADINGS_ZH = {
    **{c.csv: t(c.heading, "zh") for c in WORKBOOK if c.field not in ("task",)},
    "section": "部分",
    "task": "任务",
    "task_title": "任务名称",
    "actor": "执行主体",
    "rule": "省份要求",
    "mandatory_for": "必做省份类型",
    "optional_for": "选做省份类型",
    "completion": "完成时间",
    "changes_since": "本期进展",
}


def headings() -> dict[str, str]:
    """Every heading import knows, casefolded -> the field it names (``id``, ``status``…; a
    column it knows but does not read names itself)."""
    found: dict[str, str] = {}
    for c in WORKBOOK:
        for word in (t(c.heading, "zh"), t(c.heading, "en"), c.csv):
            found.setdefault(word.casefold(), c.field)
    for key, word in CSV_HEADINGS_ZH.items():
        found.setdefault(word.casefold(), key)
    for key in (*CSV_FIELDS, *CSV_HEADINGS_ZH):
        found.setdefault(key.casefold(), key)
    for word in ("序号", "No."):  # the numbering column an office adds
        found.setdefault(word.casefold(), "seq")
    return found


# ---------------------------------------------------------------------------------------------
# Writing: a value as its cell holds it.


def value(field: str, tr: Tracking, lang: str, *, csv: bool = False) -> Any:
    """A read field's cell for the tracking ``tr``: text (escapes written out), a date for the
    workbook's 内部时限, a status by its label (the English CSV: by its key, as JSON has it)."""
    if field == "status":
        return tr.status.value if csv and lang != "zh" else tr.status.label(lang)
    if field == "internal_due":
        day = date.fromisoformat(tr.internal_due) if tr.internal_due else None
        return day.isoformat() if csv and day else day
    if field == "evidence":
        return text("\n".join(tr.evidence))
    return text((tr.note if field == "note" else tr.owner) or "")


def text(raw: str) -> str:
    """Text as a cell holds it: one line end (LF), invisible characters written out."""
    return shown(raw.replace("\r\n", "\n"))


def too_long(item: Item, limit: int) -> str | None:
    """The first read field of ``item`` longer than a cell holds, or None."""
    for field in ("note", "evidence", "owner"):
        if len(value(field, item.tracking, "zh")) > limit:
            return field
    return None


# ---------------------------------------------------------------------------------------------
# Comparing: a cell against what was written.

_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def normal(cell: Any) -> str:
    """A text cell as compared: line ends as LF, an ``_x000D_`` that an office suite decoded
    and one it kept read the same."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    raw = _OOXML_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), str(cell))
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def token(field: str, cell: Any) -> str:
    """A short digest of what a cell says, the same for the cell as written and as read back
    (a status by its meaning, in either language; a date by its day)."""
    if field == "status":
        found = parse_status(normal(cell)) if normal(cell).strip() else None
        said = found.value if found is not None else "?" + normal(cell)
    elif field == "internal_due":
        said = _day_text(cell)
    else:
        said = normal(cell)
    import hashlib  # only a 台账's writer and import need it; OpenSSL costs every command 2 ms

    digest = hashlib.sha256(f"{field}\0{said}".encode("utf-8", "surrogatepass")).hexdigest()
    return digest[:12]


def _day_text(cell: Any) -> str:
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return ""
    if isinstance(cell, datetime | date):
        return cell.isoformat()[:10]
    try:
        return dates.parse_day(normal(cell)).isoformat()
    except dates.NotADay:
        return "?" + normal(cell)


def tokens(tr: Tracking, fields: Iterable[str] = READ) -> dict[str, str]:
    """The token of each read field as the writer writes it for ``tr``."""
    return {f: token(f, value(f, tr, "zh")) for f in fields}


# ---------------------------------------------------------------------------------------------
# Reading: a cell a colleague changed, as the value it asks for. Each refusal names the cell.


class Formula(Struct, frozen=True):
    """A cell that holds a formula (never evaluated, never taken)."""

    text: str


def read_text(place: str, cell: Any, *, trim: bool = True) -> str:
    """A changed cell's text, one line end, trimmed; refused when it holds a formula or a
    control or invisible character."""
    if isinstance(cell, Formula):
        raise IprcheckError("import_formula", place=place, value=cell.text)
    found = normal(cell).strip() if trim else normal(cell)
    if has_hidden(found):
        raise IprcheckError("import_control", place=place, value=shown(found))
    return found


def read_status(place: str, cell: Any) -> Status:
    said = read_text(place, cell)
    found = parse_status(said) if said else None
    if found is not None:
        return found
    valid_zh = "、".join(s.info.zh for s in STATUSES) + "（或 todo、done…）"
    valid = ", ".join(s.info.en for s in STATUSES)
    valid += f" (or {', '.join(s.value for s in STATUSES)}, 未开始…)"
    key = "import_bad_status" if said else "import_no_status"
    raise IprcheckError(key, place=place, value=said, valid=valid, valid_zh=valid_zh)


def read_day(place: str, cell: Any) -> date | None:
    """A date cell, or a day as people write it; None for an empty cell. In ``dates.YEARS``."""
    if isinstance(cell, datetime | date):
        day = cell.date() if isinstance(cell, datetime) else cell
        if not dates.in_range(day):
            raise _out_of_range(place, day.isoformat())
        return day
    said = read_text(place, cell)
    if not said:
        return None
    try:
        return dates.parse_day(said)
    except dates.NotADay as exc:
        if exc.out_of_range:
            raise _out_of_range(place, said) from None
        raise IprcheckError("import_bad_date", place=place, value=said) from None


def _out_of_range(place: str, said: str) -> IprcheckError:
    first, last = dates.YEARS
    return IprcheckError("import_date_range", place=place, value=said, first=first, last=last)


_SEPARATORS = re.compile(r"[；;]")


def read_evidence(place: str, cell: Any, known: Sequence[str]) -> tuple[str, ...]:
    """The references in a changed 佐证材料 cell: one a line, or separated by ；or ;. A line
    that is a reference the ledger holds stays whole, however its name is punctuated (one
    with a line end in it too)."""
    said = read_text(place, cell, trim=False)
    whole = {normal(text(ref)): ref for ref in known}
    multi: dict[str, list[tuple[list[str], str]]] = {}
    for shown_ref, ref in whole.items():
        if "\n" in shown_ref:
            lines = shown_ref.split("\n")
            multi.setdefault(lines[0], []).append((lines, ref))
    lines = said.split("\n") if said.strip() else []
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        joined = next((c for c in multi.get(line, ()) if lines[i : i + len(c[0])] == c[0]), None)
        if joined is not None:
            out.append(joined[1])
            i += len(joined[0])
            continue
        if line in whole:
            out.append(whole[line])
        else:
            out.extend(ref.strip() for ref in _SEPARATORS.split(line) if ref.strip())
        i += 1
    return tuple(dict.fromkeys(out))
