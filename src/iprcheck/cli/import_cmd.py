"""The import command: a 台账 this tool wrote, edited in Excel or WPS, back into the ledger.

Help lists every command, so this module imports at its top only what its options need; the
library (ledger.imports, openpyxl) is imported when the command runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..i18n import t
from .app import Commands, listed, say, state_of
from .ledger_cmds import _text, _waiting
from .options import ByOpt

commands = Commands()


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
) -> None:
    """Take back a 台账 a colleague filled in: status, progress, evidence, owner, due date.

    Rows are matched by 编号; the differences are recorded as one command, which one undo
    reverts. Anything that cannot be taken is refused, at its cell, before anything is
    recorded.

    Example: iprcheck import 台账.xlsx --by 李明
    """
    from .. import ledger
    from ..ledger.imports import import_file

    state = state_of(ctx)
    lang = state.lang
    result = import_file(
        ledger.resolve(state.ledger),
        source,
        state.catalog,
        by=_text(by, "--by"),
        lang=lang,
        dry_run=dry_run,
        on_wait=_waiting(lang),
    )
    if result.unknown:
        say(t("import_unknown_columns", lang, columns="、".join(result.unknown)), err=True)
    if not result.events:
        say(t("import_nothing", lang, path=source, rows=result.rows))
        return
    touched = list(dict.fromkeys(ev.obligation for ev in result.events))
    ids = listed(touched, lang)
    if dry_run:
        say(t("import_would", lang, path=source, count=len(touched)))
        for c in result.changes:
            field = t(f"import_field_{c.field}", lang)
            say(f"  {c.id}  {field}: {c.before or '—'} → {c.after or '—'}")
        say(t("dry_run", lang))
        return
    say(t("import_done", lang, path=source, count=len(touched), ids=ids))
