"""Bytes to records and back: a ledger file decoded line by line, every problem located.

Each line is decoded straight into its typed record; only a line that fails is looked at again,
slowly, to say in the user's language what is wrong with it and where. Harmless hand edits are
accepted: a UTF-8 BOM, CRLF line ends, blank lines (also before the header), a missing final
line end.
"""

from __future__ import annotations

import codecs
import json
import re
from datetime import date, datetime
from typing import Any

import msgspec

from ..dates import YEARS
from ..errors import IprcheckError, Msg
from ..obligations import OBLIGATION_ID
from ..vocab import STATUS_WORDS
from .records import FORMAT, VERSION, Event, Header

MAX_BYTES = 256 * 1024 * 1024


class LedgerError(IprcheckError):
    """A ledger that cannot be read or written; the file is left as it was."""


_EVENT = msgspec.json.Decoder(Event)
_ANY = msgspec.json.Decoder()


def decode(name: str, data: bytes) -> tuple[Header, list[Event]]:
    """The header and the changes these bytes hold, in file order."""

    def bad(n: int, problem: Msg) -> LedgerError:
        return LedgerError("ledger_bad", path=name, line=n, problem=problem)

    if len(data) > MAX_BYTES:
        raise bad(1, Msg("lg_too_large", size=len(data)))
    if data.startswith(codecs.BOM_UTF8):  # Windows Notepad's mark: not part of the text
        data = data[len(codecs.BOM_UTF8) :]
    lines = data.split(b"\n")
    # A last line without its line end is a record cut short, or an editor that saves files
    # so; the JSON decides which.
    unended = len(lines) if lines[-1].strip() else 0
    header: Header | None = None
    events: list[Event] = []
    numbers: list[int] = []
    for n, raw in enumerate(lines, 1):
        if not raw or raw.isspace():
            continue
        if header is None:
            header = _header(raw, n, n == unended, bad)
            continue
        try:
            ev = _EVENT.decode(raw)
        except (msgspec.DecodeError, msgspec.ValidationError) as exc:
            raise bad(n, _describe(raw, n == unended, exc)) from None
        problem = _check(ev)
        if problem is not None:
            raise bad(n, problem)
        events.append(ev)
        numbers.append(n)
    if header is None:
        raise bad(1, Msg("lg_empty"))
    twice = _first_repeat(events, numbers)
    if twice is not None:
        raise bad(twice[0], Msg("lg_event_twice", event=_short(twice[1])))
    return header, events


def _first_repeat(events: list[Event], numbers: list[int]) -> tuple[int, str] | None:
    """The line of the first change whose id an earlier line holds, and the id."""
    if len({ev.event for ev in events}) == len(events):
        return None
    seen: set[str] = set()
    for n, ev in zip(numbers, events, strict=True):
        if ev.event in seen:
            return n, ev.event
        seen.add(ev.event)
    return None


def _header(raw: bytes, n: int, unended: bool, bad: Any) -> Header:
    try:
        rec = _ANY.decode(raw)
    except (msgspec.DecodeError, msgspec.ValidationError) as exc:
        raise bad(n, _describe(raw, unended, exc)) from None
    if not isinstance(rec, dict) or rec.get("format") != FORMAT:
        raise bad(n, Msg("lg_not_ledger"))
    version = rec.get("version")
    if type(version) is not int or version < 1:
        raise bad(n, Msg("lg_unknown_version", version=_short(version)))
    if version > VERSION:
        raise bad(n, Msg("lg_newer_version", version=_short(version), reads=VERSION))
    try:
        return msgspec.convert(rec, Header)
    except msgspec.ValidationError as exc:
        raise bad(n, Msg("lg_header_wrong", reason=_reason(exc))) from None


def _check(ev: Event) -> Msg | None:
    """What the types cannot say: the years a time may have, and which fields each kind of
    change may set."""
    if not YEARS[0] <= ev.when.year <= YEARS[1]:
        return Msg("lg_time_out_of_range", time=_short(ev.at), first=YEARS[0], last=YEARS[1])
    before, after = ev.before.given(), ev.after.given()
    if (ev.kind in ("profile", "list")) != (ev.obligation == ""):
        return Msg("lg_not_obligation_id", value=_short(ev.obligation))
    if ev.kind == "list":
        if not after or not (before.keys() | after.keys()) <= {"list_ref"}:
            return Msg("lg_profile_fields")
        return None
    if ev.kind == "profile":
        if not after or not (before.keys() | after.keys()) <= {"province", "types"}:
            return Msg("lg_profile_fields")
        return None
    if ev.kind == "status":
        if "status" not in after:
            return Msg("lg_unknown_status", value="None")
        if not (before.keys() | after.keys()) <= {"status", "note", "evidence"}:
            return Msg("lg_status_fields")
        return None
    if not after or not (before.keys() | after.keys()) <= {"owner", "due"}:
        return Msg("lg_assign_fields")
    return None


def _describe(raw: bytes, unended: bool, exc: Exception) -> Msg:
    """What is wrong with a line the decoder refused, as a person would want it said."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return Msg("lg_not_utf8")
    try:
        rec = json.loads(text)
    except (json.JSONDecodeError, RecursionError):
        return Msg("lg_cut_short") if unended else Msg("lg_not_json")
    except ValueError:
        return Msg("lg_number_too_long")
    if _HALF_CHARACTER.search(text) and _holds_half_character(rec):
        return Msg("lg_half_character")
    if not isinstance(rec, dict):
        return Msg("lg_not_object")
    for name in ("event", "command", "at", "by", "kind", "obligation", "before", "after"):
        if name not in rec:
            return Msg("lg_field_missing", field=repr(name))
    return _field_problem(rec) or Msg("lg_wrong", reason=_reason(exc))


def _field_problem(rec: dict[str, Any]) -> Msg | None:
    if not all(type(rec[k]) is str for k in ("event", "command", "by", "obligation")):
        return Msg("lg_ids_not_text")
    problem = _time_problem(rec["at"])
    if problem is not None:
        return problem
    before, after = rec["before"], rec["after"]
    if not (type(before) is type(after) is dict):
        return Msg("lg_before_after")
    if not all(rec.get(k) is None or type(rec[k]) is str for k in ("note", "undo_of")):
        return Msg("lg_note_undo_not_text")
    if not _texts(rec.get("evidence", [])):
        return Msg("lg_evidence_not_texts")
    if rec["kind"] not in ("profile", "list") and not OBLIGATION_ID.fullmatch(rec["obligation"]):
        return Msg("lg_not_obligation_id", value=_short(rec["obligation"]))
    kind = rec["kind"]
    if kind in ("profile", "list"):
        return Msg("lg_profile_fields")
    if kind == "status":
        return _status_problem(before, after)
    if kind == "assign":
        return _assign_problem(before, after)
    return Msg("lg_unknown_kind", value=_short(kind))


def _time_problem(at: Any) -> Msg | None:
    if type(at) is not str:
        return Msg("lg_time_not_iso", time=_short(at))
    try:
        when = datetime.fromisoformat(at)
    except ValueError:
        return Msg("lg_time_not_iso", time=_short(at))
    if when.tzinfo is None:
        return Msg("lg_time_no_offset", time=_short(at))
    if not YEARS[0] <= when.year <= YEARS[1]:
        return Msg("lg_time_out_of_range", time=_short(at), first=YEARS[0], last=YEARS[1])
    return None


def _status_problem(before: dict[str, Any], after: dict[str, Any]) -> Msg | None:
    if not (before.keys() | after.keys()) <= {"status", "note", "evidence"}:
        return Msg("lg_status_fields")
    for values in (after, before):
        status = values.get("status", "todo")
        if type(status) is not str or status not in STATUS_WORDS or status != status.lower():
            return Msg("lg_unknown_status", value=_short(status))
    if "note" in after and not (after["note"] is None or type(after["note"]) is str):
        return Msg("lg_note_not_text")
    if "evidence" in after and not _texts(after["evidence"]):
        return Msg("lg_evidence_not_texts")
    return None


def _assign_problem(before: dict[str, Any], after: dict[str, Any]) -> Msg | None:
    if not after or not (before.keys() | after.keys()) <= {"owner", "due"}:
        return Msg("lg_assign_fields")
    for values in (before, after):
        owner = values.get("owner")
        if owner is not None and type(owner) is not str:
            return Msg("lg_owner_not_text")
        due = values.get("due")
        if due is not None and not _is_day(due):
            return Msg("lg_bad_due", value=_short(due))
    return None


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _is_day(value: Any) -> bool:
    if type(value) is not str or not _DAY.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


# JSON can spell half of a UTF-16 pair ("\ud800"), which decodes to a string no UTF-8 file,
# terminal or report can hold.
_HALF_CHARACTER = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _holds_half_character(value: Any) -> bool:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _texts(values: Any) -> bool:
    return isinstance(values, list) and all(type(v) is str for v in values)


def _short(value: Any) -> str:
    """A value quoted in a message: a 5,000-character one must not become the message."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _reason(exc: Exception) -> str:
    """msgspec's own words for what failed (``Expected `bool`, got `str` - at `$.national```),
    shortened."""
    text = str(exc)
    return text if len(text) <= 120 else text[:117] + "…"
