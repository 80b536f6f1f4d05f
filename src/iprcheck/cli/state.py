"""What every command shares (the language, the user's settings, the task list and ledger in
effect) and how the command line speaks to the user (``say``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..errors import IprcheckError
from ..i18n import detect_lang, t
from ..output.guards import shown

if TYPE_CHECKING:
    from ..ledger import Ledger
    from ..tasklist import Catalog


class State:
    """The language, the user's settings, and the task list and ledger in effect (each read
    once, when first asked for). Made before the command line is parsed, so that an error in it
    is already said in the user's language; the global options fill it in as they are read,
    before the command or after it."""

    def __init__(self, lang: str, settings: dict[str, str] | None = None) -> None:
        self.lang = lang
        self.settings = settings or {}
        self.tasks: str | None = None
        self.ledger_option: str | None = None
        # A damaged settings file, said by the command that runs (help still shows).
        self.problem: IprcheckError | None = None

    @classmethod
    def start(cls, args: Iterable[str]) -> State:
        """The state a command line starts from: the language it asks for (--lang wherever it
        stands, then $IPRCHECK_LANG, the setting, the locale) and the user's settings."""
        from .. import config

        try:
            settings, problem = config.load(), None
        except IprcheckError as exc:
            settings, problem = {}, exc
        state = cls(detect_lang(lang_typed(args), settings.get("lang")), settings)
        state.problem = problem
        return state

    @property
    def ledger(self) -> str | None:
        """--ledger or $IPRCHECK_LEDGER, else the setting (else, later, the current folder)."""
        return self.ledger_option or self.settings.get("ledger")

    def who(self, explicit: str | None) -> str | None:
        """Who records: --by or $IPRCHECK_BY, else the setting (else, later, the login)."""
        return explicit or self.settings.get("by")

    @cached_property
    def catalog(self) -> Catalog:
        """--tasks (a file, or a library list's id or year); else the list the ledger in
        effect tracks; else the bundled list."""
        from ..ledger import resolve
        from ..ledger.binding import catalog_for

        try:
            here: Path | None = resolve(self.ledger)
        except IprcheckError:  # several ledgers in the folder: the command says so
            here = None
        return catalog_for(self.tasks, here if here is not None and here.is_file() else None)

    @cached_property
    def current_ledger(self) -> Ledger | None:
        """The ledger in effect, checked against the task list; None where there is none."""
        from ..ledger import open_for_reading

        ledger = open_for_reading(self.ledger, self.catalog)
        if ledger is not None and ledger.missing:
            say(cut_warning(ledger, self.lang), err=True)
        if ledger is not None and ledger.list_changes:
            ids = listed(ledger.list_changes, self.lang)
            say(t("ledger_list_changed", self.lang, path=ledger.path, ids=ids), err=True)
        return ledger

    def require_ledger(self) -> Ledger:
        from ..ledger import LedgerError, resolve

        if self.current_ledger is None:
            raise LedgerError("ledger_missing", path=str(resolve(self.ledger)))
        return self.current_ledger


def lang_typed(args: Iterable[str]) -> str | None:
    """What --lang says on a command line, wherever it stands (the last one given), before the
    command line is parsed: the language of an error in parsing it, or of the help."""
    chosen = None
    words = list(args)
    for i, arg in enumerate(words):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(words):
            chosen = words[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg.removeprefix("--lang=")
    return chosen


def state_of(ctx: typer.Context) -> State:
    """The state of the command line being run (a context made outside ``main``: a fresh one)."""
    state = ctx.find_object(State)
    if state is None:
        state = ctx.find_root().obj = State.start([])
    return state


def say(text: str, *, err: bool = False) -> None:
    """A message to the user. What it quotes may come from a file (a province, a note, a
    path), so its control and invisible characters are shown, never obeyed."""
    typer.echo(shown(text), err=err)


def listed(ids: Iterable[str], lang: str) -> str:
    """Ids (or names) in a sentence: 6.2、7.2 in Chinese, 6.2, 7.2 in English."""
    return ("、" if lang == "zh" else ", ").join(ids)


def written(state: State) -> Callable[[Path], None]:
    """What a command says once it has written an --output file: on stderr, as every message,
    so that stdout only ever holds what was asked for."""

    def tell(path: Path) -> None:
        say(t("written", state.lang, path=path), err=True)

    return tell


def cut_warning(ledger: Ledger, lang: str) -> str:
    return t(
        "ledger_cut",
        lang,
        path=ledger.path,
        missing=ledger.missing,
        sealed=ledger.header.changes,
        present=ledger.count,
    )
