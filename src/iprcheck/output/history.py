"""``history``: every change, oldest first, as a table or as JSON."""

from __future__ import annotations

from typing import Any

from msgspec import Struct

from ..i18n import t
from ..ledger import Event
from . import View
from .guards import capped
from .rows import to_json as dump
from .wrap import Wrapped


class History(Struct, frozen=True):
    events: list[Event]


def to_json(data: History, view: View) -> str:
    return dump([ev.to_json() for ev in data.events])


def table(data: History, view: View) -> list[Any]:
    """When, who, which obligation, from → to, note and evidence."""
    from rich import box
    from rich.table import Table

    from .console import text  # rich: only the text view draws with it

    lang = view.lang
    if not data.events:
        return [text(t("history_empty", lang))]
    grid = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    grid.add_column(t("col_when", lang), no_wrap=True)
    grid.add_column(t("col_who", lang), overflow="fold", max_width=8)
    grid.add_column(t("col_id", lang), no_wrap=True)
    grid.add_column(t("col_change", lang), ratio=1)
    grid.add_column(t("col_note", lang), ratio=2)
    for ev in data.events:
        # Compact, in local time: the full ISO time with its offset stays in --format json.
        when = ev.when.astimezone().strftime("%Y-%m-%d %H:%M")
        shown_note = Wrapped(text(capped(note(ev), lang)))
        change_text = Wrapped(text(change(ev, lang)))
        grid.add_row(when, text(ev.by), ev.obligation or "—", change_text, shown_note)
    return [grid]


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


def note(ev: Event) -> str:
    out = ev.note or ""
    if ev.evidence:
        out += ("\n" if out else "") + "📎 " + "; ".join(ev.evidence)
    return out
