"""The 台账 comes back: a workbook (or CSV) this tool wrote, edited by a colleague in Excel or
WPS, read back into the ledger as one command.

What is read: per row, by the 编号 (the obligation id), the 状态, 进展情况, 佐证材料 (one a line,
or separated by ；or ;), 责任处室 and 内部时限 (a date cell, or 2020-10-31, 2020/10/31,
2020年10月31日 as text). Columns are found by their header (Chinese or English, as report
writes them, or the CSV's own keys), so a sheet whose columns were moved, or an office's own
台账 with more columns, reads the same; unknown columns are ignored and named.

What is refused, before anything is recorded, each at its sheet and cell with the value and
what is valid: an unknown status word, a bad date, an id the list does not have or this ledger
does not track, a row whose 落实举措 is not its 编号's measure (rows moved or edited), a workbook
of another province or list (its custom properties ``iprcheck.list`` / ``iprcheck.unit``, else
its title row), a formula (a 台账 holds none: a formula in a cell is a mistake or an attack,
and its cached result is not what a colleague typed), and a control character.

The differences against the ledger become one command (one id, one time, one person): a status
change (with the note and any new evidence) as a status event, an owner or due change as an
assign event, so that one ``undo`` reverts the whole import. Evidence accumulates as with
``mark``: a reference deleted from the sheet stays in the ledger.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

from msgspec import Struct

from .. import dates
from ..errors import IprcheckError
from ..files import read_regular
from ..obligations import UNTRACKED, Tracking
from ..tasklist import Catalog
from ..vocab import STATUSES, Status, parse_status
from . import store
from .ops import Command, assign_change, status_change, who
from .records import Event
from .replay import Ledger
from .store import Waiting

MAX_BYTES = 20 * 1024 * 1024  # far more than a 台账 of 46 rows; a zip bomb stops at the read
MAX_ROWS = 2000

# field -> the headers that name it: report's in both languages, and the CSV's keys
FIELDS = ("id", "measure", "status", "note", "evidence", "owner", "internal_due")
HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("编号", "ID", "id"),
    "measure": ("落实举措", "Measure", "text"),
    "status": ("状态", "Status", "status"),
    "note": ("进展情况", "Progress notes", "note"),
    "evidence": ("佐证材料", "Evidence", "evidence"),
    "owner": ("责任处室", "Owner", "owner"),
    "internal_due": ("内部时限", "Internal due", "internal_due"),
}
_BY_HEADER = {name.casefold(): f for f, names in HEADERS.items() for name in names}
# Columns report writes that import leaves alone (not "unknown").
KNOWN_OTHERS = {
    x.casefold()
    for x in (
        "序号", "No.", "任务", "Task", "要求", "Requirement", "执行部门", "Departments",
        "完成时限", "Due", "更新时间", "Updated", "section", "task", "task_title", "actor",
        "requirement", "rule", "mandatory_for", "optional_for", "departments", "completion",
        "due", "updated",
    )
}  # fmt: skip

# Every word the status column may hold: the keys, and both languages' labels.
STATUS_WORDS: dict[str, Status] = {
    **{s.info.en.casefold(): s for s in STATUSES},
    **{s.info.zh: s for s in STATUSES},
}

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
_EVIDENCE_SPLIT = re.compile(r"[\n；;]")


class Row(Struct, frozen=True):
    """One row of the sheet as found: the cell of each field (its place, its value)."""

    number: int  # the sheet's row number (1-based), or the CSV's line
    cells: dict[str, tuple[str, Any]]  # field -> (place such as 台账!H7, value)


class Sheet(Struct, frozen=True):
    name: str  # the sheet's name; the file's name for a CSV
    rows: list[Row]
    unknown: list[str]  # headers of columns import ignores
    list_id: str | None = None  # from the workbook's custom properties
    unit: str | None = None
    title: str | None = None  # the title row's text


class Change(Struct, frozen=True):
    """What the import records for one obligation (for --dry-run and the summary)."""

    id: str
    field: str  # status, note, evidence, owner, internal_due
    before: str
    after: str


class Planned(Struct, frozen=True):
    events: list[Event]
    changes: list[Change]


class ImportResult(Struct, frozen=True):
    ledger: Ledger
    events: list[Event]
    changes: list[Change]
    unknown: list[str]
    rows: int


# ---------------------------------------------------------------------------------------------
# Reading a file.


def read_sheet(path: Path) -> Sheet:
    try:
        data = read_regular(path, MAX_BYTES)
    except OSError as exc:
        raise IprcheckError("import_unreadable", path=str(path), reason=exc) from None
    if data[:4] == b"PK\x03\x04":
        return _workbook(path, data)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        raise IprcheckError("import_not_workbook", path=str(path))
    return _csv(path, data)


def _workbook(path: Path, data: bytes) -> Sheet:
    import zipfile

    from openpyxl import load_workbook

    try:
        # Not data_only: a formula cell must show as one, to be refused; read_only streams.
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        raise IprcheckError("import_not_workbook", path=str(path)) from None
    try:
        props = {p.name: getattr(p, "value", None) for p in wb.custom_doc_props.props}
        ws = wb.worksheets[0]
        for candidate in wb.worksheets:
            if candidate.title in ("台账", "Ledger"):
                ws = candidate
                break
        name = ws.title
        grid: list[list[Any]] = []
        for row in ws.iter_rows(max_row=MAX_ROWS):
            grid.append([_cell_value(name, c) for c in row])
    finally:
        wb.close()
    return _table(name, grid, props.get("iprcheck.list"), props.get("iprcheck.unit"))


def _cell_value(sheet: str, cell: Any) -> Any:
    if getattr(cell, "data_type", None) == "f":
        raise IprcheckError(
            "import_formula", place=f"{sheet}!{cell.coordinate}", value=str(cell.value)
        )
    return cell.value


def _csv(path: Path, data: bytes) -> Sheet:
    """UTF-8 (with or without the BOM report writes), else GBK as Excel on Chinese Windows
    saves a CSV (GB18030, its superset, decodes every GBK file)."""
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="strict")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError:
                raise IprcheckError("import_encoding", path=str(path)) from None
    grid = [[_unquote(v) for v in r] for r in csv.reader(io.StringIO(text, newline=""))]
    return _table(path.name, grid[:MAX_ROWS], None, None)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _unquote(cell: str) -> str:
    """The apostrophe report's CSV puts before a cell Excel would take as a formula (``'=1+1``)
    is the writer's, not the text's."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_START) else cell


def _column(n: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(n))


def _table(name: str, grid: list[list[Any]], list_id: Any, unit: Any) -> Sheet:
    """Find the header row (the first with a 编号 column, in the first ten), then the rows."""
    head_at = None
    for r, row in enumerate(grid[:10]):
        if any(_BY_HEADER.get(_text(v).casefold()) == "id" for v in row):
            head_at = r
            break
    if head_at is None:
        raise IprcheckError("import_no_header", sheet=name, valid=" / ".join(HEADERS["id"][:2]))
    fields: dict[int, str] = {}
    unknown = []
    for c, v in enumerate(grid[head_at]):
        head = _text(v)
        field = _BY_HEADER.get(head.casefold())
        if field is not None and field not in fields.values():
            fields[c] = field
        elif head and head.casefold() not in KNOWN_OTHERS:
            unknown.append(head)
    title = next((_text(v) for row in grid[:head_at] for v in row if _text(v)), None)
    rows = []
    for r, row in enumerate(grid[head_at + 1 :], head_at + 2):
        cells = {
            f: (f"{name}!{_column(c + 1)}{r}", row[c] if c < len(row) else None)
            for c, f in fields.items()
        }
        if _text(cells["id"][1]):
            rows.append(Row(r, cells))
    return Sheet(
        name,
        rows,
        unknown,
        list_id=str(list_id) if list_id else None,
        unit=str(unit) if unit else None,
        title=title,
    )


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# ---------------------------------------------------------------------------------------------
# Checking and diffing.


def _refuse(key: str, place: str, value: Any, **params: object) -> IprcheckError:
    return IprcheckError(key, place=place, value=_text(value), **params)


def _clean(place: str, value: Any) -> str:
    """A cell's text, refused when it holds a control or invisible character."""
    text = _text(value).replace("\r\n", "\n")
    if _CONTROL.search(text):
        shown = _CONTROL.sub(_escape, text)
        raise IprcheckError("import_control", place=place, value=shown)
    return text


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _cut(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def parse_day(place: str, value: Any) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return dates.parse_day(_clean(place, value))
    except dates.NotADay:
        raise _refuse("import_bad_date", place, value) from None


def _status(place: str, value: Any, lang: str) -> Status | None:
    text = _clean(place, value)
    if not text:
        return None
    found = STATUS_WORDS.get(text.casefold()) or STATUS_WORDS.get(text) or parse_status(text)
    if found is None:
        if lang == "zh":
            valid = "、".join(s.info.zh for s in STATUSES) + "（或 todo、done…）"
        else:
            words = ", ".join(s.info.en for s in STATUSES)
            keys = ", ".join(s.value for s in STATUSES)
            valid = f"{words} (or {keys}, 未开始…)"
        raise _refuse("import_bad_status", place, value, valid=valid)
    return found


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _unit_of(ledger: Ledger, catalog: Catalog) -> str:
    from ..i18n import t

    if ledger.header.national:
        name = t("national_office", "zh")
        return f"{name} {ledger.header.department}" if ledger.header.department else name
    return ledger.province(catalog) or t("no_province", "zh")


def check_origin(sheet: Sheet, ledger: Ledger, catalog: Catalog) -> None:
    """A workbook of another list or another reporting unit is refused: by its custom
    properties when it has them, else by its title row (the list's title, 填报单位)."""
    tl = catalog.task_list
    mine = _unit_of(ledger, catalog)
    if sheet.list_id is not None and sheet.list_id != tl.id:
        raise IprcheckError("import_other_list", sheet=sheet.name, value=sheet.list_id, list=tl.id)
    if sheet.unit is not None and sheet.unit != mine:
        raise IprcheckError("import_other_unit", sheet=sheet.name, value=sheet.unit, unit=mine)
    if sheet.title is None:
        return
    title = sheet.title
    if sheet.list_id is None and tl.title not in title and (tl.title_en or "\0") not in title:
        raise IprcheckError("import_other_list", sheet=sheet.name, value=title, list=tl.title)
    m = re.search(r"(?:填报单位：|reporting unit: )([^）)]+)", title)
    if sheet.unit is None and m is not None:
        named = m.group(1).strip()
        english = catalog.unit_names.get(mine) if not ledger.header.national else None
        if named not in (mine, english):
            raise IprcheckError("import_other_unit", sheet=sheet.name, value=named, unit=mine)


def plan(
    sheet: Sheet, ledger: Ledger, catalog: Catalog, by: str, lang: str
) -> tuple[list[Event], list[Change]]:
    """The events the sheet asks for against ``ledger`` now: all checked before any is made."""
    check_origin(sheet, ledger, catalog)
    tracked = {e.obligation.id: e for e in ledger.entries(catalog)}
    known = {o.id: o for o in catalog.obligations}
    state = ledger.state()
    seen: dict[str, str] = {}
    wanted: list[tuple[str, Tracking, dict[str, Any]]] = []
    for row in sheet.rows:
        place, raw = row.cells["id"]
        oid = _clean(place, raw)
        if oid not in known:
            raise _refuse("import_unknown_id", place, raw)
        if oid not in tracked:
            raise _refuse("import_not_tracked", place, raw, unit=_unit_of(ledger, catalog))
        if oid in seen:
            raise _refuse("import_twice", place, raw, first=seen[oid])
        seen[oid] = place
        if "measure" in row.cells:
            mplace, mraw = row.cells["measure"]
            text = _text(mraw)
            expected = known[oid].measure.text
            if _norm(text) != _norm(expected):
                raise IprcheckError(
                    "import_moved",
                    place=mplace,
                    id=oid,
                    value=_cut(text),
                    expected=_cut(expected),
                )
        new: dict[str, Any] = {}
        for field in ("status", "note", "evidence", "owner", "internal_due"):
            if field not in row.cells:
                continue
            fplace, fraw = row.cells[field]
            if field == "status":
                new[field] = _status(fplace, fraw, lang)
            elif field == "internal_due":
                new[field] = parse_day(fplace, fraw)
            elif field == "evidence":
                refs = _EVIDENCE_SPLIT.split(_clean(fplace, fraw))
                new[field] = tuple(r.strip() for r in refs if r.strip())
            else:
                new[field] = _clean(fplace, fraw) or None
        wanted.append((oid, state.get(oid, UNTRACKED), new))

    command = Command(by, ledger)
    events: list[Event] = []
    changes: list[Change] = []
    for oid, cur, new in wanted:
        status = new.get("status") or cur.status
        note_changed = "note" in new and (new["note"] or None) != (cur.note or None)
        added = tuple(r for r in new.get("evidence", ()) if r not in cur.evidence)
        note = (new["note"] or "") if note_changed else None
        change = status_change(command, oid, cur, status, note=note, evidence=added)
        if change is not None:
            events.append(change)
            if status is not cur.status:
                changes.append(Change(oid, "status", cur.status.label(lang), status.label(lang)))
            if note_changed:
                changes.append(Change(oid, "note", cur.note or "", new["note"] or ""))
            if added:
                changes.append(Change(oid, "evidence", "", "；".join(added)))
        owner_changed = "owner" in new and new["owner"] != (cur.owner or None)
        old_due = date.fromisoformat(cur.internal_due) if cur.internal_due else None
        due_changed = "internal_due" in new and new["internal_due"] != old_due
        assigned = assign_change(
            command,
            oid,
            cur,
            owner=(new["owner"] or "") if owner_changed else None,
            due=(new["internal_due"] or "") if due_changed else None,
        )
        if assigned is not None:
            events.append(assigned)
            if owner_changed:
                changes.append(Change(oid, "owner", cur.owner or "", new["owner"] or ""))
            if due_changed:
                after_due = new["internal_due"].isoformat() if new["internal_due"] else ""
                changes.append(Change(oid, "internal_due", cur.internal_due or "", after_due))
    return events, changes


def import_file(
    path: Path,
    source: Path,
    catalog: Catalog,
    *,
    by: str | None = None,
    lang: str = "zh",
    dry_run: bool = False,
    on_wait: Waiting | None = None,
) -> ImportResult:
    """Read ``source`` and record its differences from the ledger at ``path`` as one command
    (nothing with ``dry_run``, or when there are none)."""
    sheet = read_sheet(source)
    person = who(by)

    def build(ledger: Ledger) -> Planned:
        ledger.check_list(catalog)
        return Planned(*plan(sheet, ledger, catalog, person, lang))

    if dry_run:
        ledger = store.read(path)
        planned = build(ledger)
    else:
        ledger, planned = store.append(path, build, on_wait)
    return ImportResult(ledger, planned.events, planned.changes, sheet.unknown, len(sheet.rows))
