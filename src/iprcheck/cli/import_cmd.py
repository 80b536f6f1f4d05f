"""The import command: a 台账 this tool wrote, edited in Excel or WPS, back into the ledger.

Help lists every command, so this module imports at its top only what its options need; the
library (ledger.imports, openpyxl) is imported when the command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..i18n import t
from ..output.guards import shown
from ..vocab import Status
from .app import Commands, say, state_of
from .exits import Exit
from .ledger_cmds import _text, _waiting
from .options import ByOpt

if TYPE_CHECKING:
    from ..ledger.imports import ImportResult, Value

commands = Commands()

# A value quoted in a line of import's output: enough to recognise it, never a page.
QUOTED_AT_MOST = 60


@commands.command("import")
def import_(
    ctx: typer.Context,
    source: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="A 台账 report wrote (.xlsx, or .csv in UTF-8 or GBK), edited. 台账文件",
        ),
    ],
    by: ByOpt = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show what would change; record nothing.")
    ] = False,
    theirs: Annotated[
        list[str] | None,
        typer.Option(
            "--theirs",
            metavar="ID",
            help="After a conflict: take the sheet's changed cells for these rows. 以表中为准",
        ),
    ] = None,
) -> None:
    """Take back a 台账 a colleague filled in: status, progress, evidence, owner, due date.

    Rows are matched by 编号. Only the cells changed since the 台账 was exported are taken; a
    row changed in the ledger since then too is a conflict, named and left out (--theirs
    takes the sheet's version). The changes are one command, which one undo reverts. Anything
    that cannot be taken is refused, at its cell, before anything is recorded.

    Example: iprcheck import 台账.xlsx --by 李明
    """
    from .. import ledger
    from ..ledger.imports import import_file

    state = state_of(ctx)
    lang = state.lang
    ids = [i.strip() for value in theirs or [] for i in value.split(",") if i.strip()]
    result = import_file(
        ledger.resolve(state.ledger),
        source,
        state.catalog,
        by=_text(by, "--by"),
        dry_run=dry_run,
        theirs=ids,
        on_wait=_waiting(lang),
    )
    _notices(result, source, lang)
    _changes(result, source, lang, dry_run)
    if result.conflicts:
        _conflicts(result, source, lang)
    if dry_run and (result.events or result.conflicts):
        say(t("dry_run", lang))
    if result.conflicts:
        raise typer.Exit(Exit.LEFT_OUT)


def _worded(value: Value, lang: str) -> str:
    """A value import found, in the user's words: a status by its label, evidence listed."""
    if isinstance(value, Status):
        return value.label(lang)
    if isinstance(value, tuple):
        return ("；" if lang == "zh" else "; ").join(value)
    return value


def _quoted(value: str) -> str:
    """A value as one line quotes it: control characters written out, at most a line long."""
    one = shown(value.replace("\r\n", "\n")).replace("\n", "↵")
    if len(one) <= QUOTED_AT_MOST:
        return one
    return one[: QUOTED_AT_MOST - 1] + "…"


def _notices(result: ImportResult, source: Path, lang: str) -> None:
    """What the user should know of the sheet itself (stderr)."""
    sheet = result.sheet
    if sheet.unknown:
        columns = "、".join(sheet.unknown) if lang == "zh" else ", ".join(sheet.unknown)
        if sheet.more_unknown:
            columns += " " + t("import_more_columns", lang, count=sheet.more_unknown)
        say(t("import_unknown_columns", lang, columns=columns), err=True)
    if not result.merged and result.events:  # what it took may undo a later change
        say(t("import_no_record", lang, path=source), err=True)
    sep = "；" if lang == "zh" else "; "
    for kept in result.kept:
        refs = sep.join(_quoted(r) for r in kept.refs)
        say(t("import_kept", lang, place=kept.place, refs=refs, id=kept.id), err=True)


def _changes(result: ImportResult, source: Path, lang: str, dry_run: bool) -> None:
    if not result.events:
        if not result.conflicts:
            say(t("import_nothing", lang, path=source, rows=len(result.sheet.rows)))
        return
    touched = list(dict.fromkeys(ev.obligation for ev in result.events))
    if not dry_run:
        say(t("import_done", lang, path=source, count=len(touched), ids=", ".join(touched)))
        return
    say(t("import_would", lang, path=source, count=len(touched)))
    for c in result.changes:
        field = t(f"import_field_{c.field}", lang)
        before, after = _quoted(_worded(c.before, lang)), _quoted(_worded(c.after, lang))
        if c.before and not c.after:
            say(t("import_cleared", lang, id=c.id, field=field, before=before))
        else:
            say(t("import_change", lang, id=c.id, field=field, before=before or "—", after=after))


def _conflicts(result: ImportResult, source: Path, lang: str) -> None:
    """The rows left out, cell by cell, and how to take the sheet's version."""
    from ..sheets.columns import BY_FIELD

    def heading(field: str) -> str:
        return t(BY_FIELD[field].heading, lang)

    say(t("import_conflicts", lang, count=len(result.conflicts)))
    sep = "、" if lang == "zh" else ", "
    for c in result.conflicts:
        for cell in c.cells:
            say(
                t(
                    "import_conflict_cell",
                    lang,
                    id=c.id,
                    place=cell.place,
                    field=heading(cell.field),
                    sheet=_quoted(_worded(cell.sheet, lang)),
                    ledger=_quoted(_worded(cell.ledger, lang)),
                )
            )
        fields = sep.join(heading(f) for f in c.ledger_changed)
        say(t("import_conflict_since", lang, id=c.id, fields=fields))
    ids = ",".join(c.id for c in result.conflicts)
    say(t("import_conflict_hint", lang, path=source, ids=ids))
