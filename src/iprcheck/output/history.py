"""``history``: every change, oldest first, as a table or as JSON."""

from __future__ import annotations

from typing import Any

from msgspec import Struct

from ..i18n import t
from ..ledger import Event
from . import View
from . import labels as L
from .rows import to_json as dump
from .wrap import Keep, Wrapped


class History(Struct, frozen=True):
    events: list[Event]


def to_json(data: History, view: View) -> str:
    return dump([ev.to_json() for ev in data.events])


def table(data: History, view: View) -> list[Any]:
    """When, who, which obligation, from → to, note and evidence. Names stay whole on a line;
    a long note is cut, with the command that prints it whole."""
    from rich import box
    from rich.table import Table

    from .console import text  # rich: only the text view draws with it

    lang = view.lang
    if not data.events:
        return [text(t("history_empty", lang))]
    whole = keep_names(data.events, lang)
    grid = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    grid.add_column(t("col_when", lang), no_wrap=True)
    grid.add_column(t("col_who", lang))
    grid.add_column(t("col_id", lang), no_wrap=True)
    grid.add_column(t("col_change", lang), ratio=1)
    grid.add_column(t("col_note", lang), ratio=2)
    for ev in data.events:
        # Compact, in local time: the full ISO time with its offset stays in --format json.
        when = ev.when.astimezone().strftime("%Y-%m-%d %H:%M")
        grid.add_row(
            when,
            Wrapped(text(L.name(ev.by)), whole),
            ev.obligation or "—",
            Wrapped(text(L.cut(change(ev, lang), lang, L.whole_note(ev.obligation))), whole),
            Wrapped(text(shown_note(ev, lang)), whole),
        )
    return [grid]


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
