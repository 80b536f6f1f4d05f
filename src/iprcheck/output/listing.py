"""``list``: obligations as a table for people, and as JSON, CSV or Markdown."""

from __future__ import annotations

from typing import Any

from msgspec import Struct

from ..i18n import t
from ..obligations import Item, Profile, summary
from ..vocab import Requirement
from . import View
from . import labels as L
from .guards import md_table
from .rows import records
from .rows import to_csv as rows_to_csv
from .rows import to_json as rows_to_json
from .wrap import Wrapped, columns


class Listing(Struct, frozen=True):
    """What ``list`` shows: whose obligations, and the items."""

    items: list[Item]
    profile: Profile | None
    province: str | None = None
    national: bool = False
    department: str | None = None


def table(listing: Listing, view: View) -> list[Any]:
    """The profile line, the obligations grouped under their task, the count."""
    from rich import box
    from rich.table import Table

    from .console import text  # rich: only the text view draws with it

    lang = view.lang
    owner = L.profile_line(
        listing.profile,
        lang,
        province=listing.province,
        national=listing.national,
        department=listing.department,
    )
    grid = Table(box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False, expand=False)
    grid.add_column(t("col_id", lang), no_wrap=True, style="bold")
    grid.add_column(t("col_requirement", lang), no_wrap=True)
    grid.add_column(t("col_status", lang), no_wrap=True)
    grid.add_column(t("col_measure", lang), ratio=1)
    owners = [L.name(i.owner) for i in listing.items if i.owner]
    show_owner = bool(owners)
    if show_owner:  # as wide as the longest division's name, which is never broken
        widest = max(columns(t("col_owner", lang)), *map(columns, owners))
        grid.add_column(t("col_owner", lang), width=min(widest, 20))
    whole = L.keep(lang, [listing.province, *owners])
    current_task = None
    for item in listing.items:
        o = item.obligation
        if o.task.number != current_task:
            current_task = o.task.number
            grid.add_row(
                L.task_mark(o.task),
                "",
                "",
                Wrapped(text(L.task_title(o.task, lang), style="bold cyan"), whole),
                *([""] if show_owner else []),
            )
        req = item.requirement
        word = L.requirement_label(req, lang) if req else o.actor.label(lang)
        status = text(item.status.label(lang), style=item.status.info.style)
        measure = o.measure.text if view.full else summary(o.measure.text)
        row: list[Any] = [
            f"  {o.id}",
            text(word, style="bold" if req is Requirement.MANDATORY else ""),
            status,
            Wrapped(text(measure), whole),
        ]
        if show_owner:
            row.append(Wrapped(text(L.name(item.owner or "")), whole))
        grid.add_row(*row)
    count = (
        t("count_listed", lang, count=len(listing.items)) if listing.items else t("no_match", lang)
    )
    return [Wrapped(text(owner, style="dim"), whole), grid, text(count, style="dim")]


def to_json(listing: Listing, view: View) -> str:
    return rows_to_json(records(listing.items))


def to_csv(listing: Listing, view: View) -> str:
    return rows_to_csv(listing.items, view.lang)


def to_markdown(listing: Listing, view: View) -> str:
    lang = view.lang
    heads = [
        t(k, lang) for k in ("col_id", "col_task", "col_requirement", "col_status", "col_measure")
    ]
    cells = [
        [
            i.id,
            L.numbered_task(i.task, lang),
            L.requirement_label(i.requirement, lang),
            i.status.label(lang),
            i.text,
        ]
        for i in listing.items
    ]
    return "\n".join(md_table(heads, cells))
