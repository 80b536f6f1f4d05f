"""``history``: every change, oldest first, as a table or as JSON."""

from __future__ import annotations

from typing import Any

from msgspec import Struct

from ..i18n import t
from ..ledger import Event
from . import View
from . import labels as L
from .rows import to_json as dump
from .wrap import Keep, Wrapped, columns


class History(Struct, frozen=True):
    events: list[Event]


def to_json(data: History, view: View) -> str:
    return dump([ev.to_json() for ev in data.events])


def table(data: History, view: View) -> list[Any]:
    """When, who, which obligation, from → to, note and evidence. Names stay whole on a line;
    a long note is cut, with the command that prints it whole. Where the screen is too narrow
    for the change and the note side by side without breaking a name, the note goes under the
    change."""
    from rich import box
    from rich.table import Table

    from .console import text  # rich: only the text view draws with it

    lang = view.lang
    if not data.events:
        return [text(t("history_empty", lang))]
    whole = keep_names(data.events, lang)
    rows = [
        (
            # Compact, in local time: the full ISO time with its offset stays in --format json.
            ev.when.astimezone().strftime("%Y-%m-%d %H:%M"),
            Wrapped(text(L.name(ev.by)), whole),
            ev.obligation or "—",
            text(L.cut(change(ev, lang), lang, L.whole_note(ev.obligation))),
            text(shown_note(ev, lang)),
        )
        for ev in data.events
    ]
    heads = [t(k, lang) for k in ("col_when", "col_who", "col_id", "col_change", "col_note")]
    who = max(columns(heads[1]), *(min(r[1].widths()[1], 16) for r in rows))
    ids = max(columns(heads[2]), *(len(r[2]) for r in rows))
    gap = 3  # a column's padding and the space between columns
    rest = view.width - (16 + who + ids + 3 * gap)
    changes = [Wrapped(r[3], whole) for r in rows]
    notes = [Wrapped(r[4], whole) for r in rows]
    grid = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    grid.add_column(heads[0], no_wrap=True)
    grid.add_column(heads[1], width=who)
    grid.add_column(heads[2], no_wrap=True)
    sizes = _side_by_side(changes, notes, heads[3:], rest - gap)
    if sizes is not None:
        grid.add_column(heads[3], width=sizes[0])
        grid.add_column(heads[4], width=sizes[1])
        for r, c, n in zip(rows, changes, notes, strict=True):
            grid.add_row(r[0], r[1], r[2], c, n)
        return [grid]
    sep = " · " if lang == "zh" else " / "
    grid.add_column(f"{heads[3]}{sep}{heads[4]}")
    for r in rows:
        body = r[3].copy()
        if r[4].plain:
            body.append("\n")
            body.append_text(r[4])
        grid.add_row(r[0], r[1], r[2], Wrapped(body, whole))
    return [grid]


def _side_by_side(
    changes: list[Wrapped], notes: list[Wrapped], heads: list[str], room: int
) -> tuple[int, int] | None:
    """The widths of the change and note columns in ``room`` columns: the wider one narrowed
    first, as a table does, but never below the widest name in it; None if they do not fit."""
    lows = [
        max(max(w.widths()[0] for w in ws), columns(h))
        for ws, h in zip((changes, notes), heads, strict=True)
    ]
    highs = [
        max(max(w.widths()[1] for w in ws), low)
        for ws, low in zip((changes, notes), lows, strict=True)
    ]
    if sum(lows) > room:
        return None
    if sum(highs) <= room:
        return highs[0], highs[1]
    change = max(room - highs[1], min(highs[0], room // 2))  # the wider one gives way first
    change = min(max(change, lows[0]), room - lows[1])
    return change, room - change


def keep_names(events: list[Event], lang: str) -> Keep:
    """The names the changes show (who recorded them, the documents given as evidence, the
    divisions and provinces they set), kept whole on a line."""
    names: list[str | None] = []
    for ev in events:
        names += [ev.by, *ev.evidence]
        for fields in (ev.before.given(), ev.after.given()):
            names += (v for k, v in fields.items() if k in ("owner", "province"))
    return L.keep(lang, names)


def shown_note(ev: Event, lang: str) -> str:
    """The note, then the evidence after 📎, each cut where it is long."""
    whole = L.whole_note(ev.obligation)
    out = L.cut(ev.note or "", lang, whole)
    if ev.evidence:
        out += ("\n" if out else "") + "📎 " + L.cut("; ".join(ev.evidence), lang, whole)
    return out


def change(ev: Event, lang: str) -> str:
    """``未开始 → 已完成``, or what an assignment set."""
    if ev.kind == "status":
        before = ev.before.given().get("status")
        word = before.label(lang) if before is not None else ""
        out = f"{word} → {ev.after.given()['status'].label(lang)}"
    else:
        names = {
            "owner": t("col_owner", lang),
            "due": t("internal_due", lang),
            "province": t("rollup_col_province", lang),
            "types": t("profile", lang),
            "list_ref": t("col_list", lang),
        }
        sep = "；" if lang == "zh" else ", "
        before = ev.before.given()
        out = sep.join(
            f"{names[k]}: {_value(before.get(k))} → {_value(v)}"
            for k, v in ev.after.given().items()
        )
    if ev.undo_of:
        out += " (undo)" if lang == "en" else "（撤销）"
    return out


def change_rows(events: list[Event], lang: str) -> list[list[str]]:
    """本期进展 as rows of strings (when, who, which obligation, change, note and evidence), in
    the reader's local time: what the Markdown, HTML, xlsx and Word reports show."""
    sep = "；" if lang == "zh" else "; "
    return [
        [
            ev.when.astimezone().strftime("%Y-%m-%d %H:%M"),
            ev.by,
            ev.obligation or "—",
            change(ev, lang),
            sep.join(filter(None, [ev.note or "", *ev.evidence])),
        ]
        for ev in events
    ]


def _value(value: Any) -> str:
    if value is None:
        return "—"
    if hasattr(value, "sha256"):  # a task list the ledger was bound to
        return f"{value.id} ({value.sha256[:12]})"
    if isinstance(value, tuple):  # province types
        return "、".join(str(v) for v in value) or "—"
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
