"""iprcheck as a library: what a notebook or a script needs, in typed values.

The command line is one user of these objects; a coordinator who wants last year's ledgers in
a notebook is another::

    import iprcheck

    tasks = iprcheck.load_list()                       # the bundled 2020 list
    book = iprcheck.LedgerFile.create("zj/", tasks, province="浙江省", types=["pilot"])
    book.mark(["6.2"], iprcheck.Status.DONE, evidence=["浙知发〔2020〕12号"], by="李明")
    report = book.report(as_of=datetime.date(2020, 9, 30))
    iprcheck.write(report, "进展报告.docx")

Values go in typed: a ``Status``, ``datetime.date``, obligation ids (``"6.2"``) and task numbers
(``"6"``). The words people type (已完成, 2020年9月30日, ６．２) are parsed by the command line,
not here. Every recording method returns a ``Recorded``; every error is an
``IprcheckError`` (``LedgerError``, ``CatalogError``) whose ``render("zh")`` says it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Literal

from . import ledger as _ledger
from .files import replace_atomically
from .ledger import Event, Ledger, Recorded
from .ledger.binding import catalog_for, most_common_list
from .ledger.imports import ImportResult, import_file
from .obligations import Item, items
from .output import Format, Subject, View, check_output, guess, output_target, render
from .reports.report import Report, build
from .reports.rollup import Rollup, find
from .reports.rollup import rollup as _rollup
from .tasklist import Catalog
from .tasklist.catalog import load_bundled
from .vocab import SortKey, Status

PathLike = str | os.PathLike[str]


def load_list(source: PathLike | None = None) -> Catalog:
    """A task list, validated: the bundled 2020 list (``None``), a task-list file, or a list in
    this machine's library (its id or year: ``load_list("2021")``)."""
    if source is None:
        return load_bundled()
    return catalog_for(os.fspath(source), None)


class LedgerFile:
    """One ledger file and the task list it tracks: every read and every change goes through
    here. ``path`` is the file, or a folder holding one (as ``--ledger`` takes it)."""

    def __init__(self, path: PathLike, task_list: Catalog | None = None) -> None:
        self.path = _ledger.resolve(path)
        if task_list is None:  # the list the ledger was made for (else the bundled one)
            task_list = catalog_for(None, self.path if self.path.is_file() else None)
        self.task_list = task_list

    @classmethod
    def create(
        cls,
        path: PathLike,
        task_list: Catalog | None = None,
        *,
        province: str | None = None,
        types: Sequence[str] = (),
        national: bool = False,
        department: str | None = None,
    ) -> LedgerFile:
        """A new ledger at ``path`` for a province (its name and province types, the list's
        category keys) or the national office; never over an existing one."""
        book = cls(path, task_list)
        _ledger.init(
            book.path,
            book.task_list,
            province=province,
            types=types,
            national=national,
            department=department,
        )
        return book

    @property
    def ledger(self) -> Ledger:
        """The ledger as the file holds it now, checked against the task list."""
        found = _ledger.read(self.path)
        found.check_list(self.task_list)
        return found

    def items(self) -> list[Item]:
        """What the ledger tracks, in the list's order, each with its status, note, evidence,
        owner and internal due date."""
        led = self.ledger
        return items(led.entries(self.task_list), led.state())

    def history(self, ids: Iterable[str] = ()) -> list[Event]:
        """Every recorded change (to ``ids`` only, where given), in replay order."""
        return _ledger.history(self.ledger, self.task_list, list(ids))

    def mark(
        self,
        ids: Iterable[str],
        status: Status,
        *,
        note: str | None = None,
        evidence: Iterable[str] = (),
        remove_evidence: Iterable[str] = (),
        by: str | None = None,
        dry_run: bool = False,
    ) -> Recorded:
        """Record ``status`` for the obligations ``ids`` name; all or nothing."""
        return _ledger.mark(
            self.path,
            self.task_list,
            list(ids),
            status,
            note=note,
            evidence=list(evidence),
            remove_evidence=list(remove_evidence),
            by=by,
            dry_run=dry_run,
        )

    def assign(
        self,
        ids: Iterable[str],
        *,
        owner: str | None = None,
        due: date | Literal[""] | None = None,
        by: str | None = None,
    ) -> Recorded:
        """Give obligations a responsible division and/or an internal due date (``""`` clears
        either; ``None`` leaves it as it is)."""
        return _ledger.assign(self.path, self.task_list, list(ids), owner=owner, due=due, by=by)

    def undo(self, *, by: str | None = None) -> Recorded:
        """Revert the most recent command not yet undone (the undo is recorded too)."""
        return _ledger.undo(self.path, self.task_list, by=by)

    def profile(
        self,
        *,
        province: str | None = None,
        types: Sequence[str] | None = None,
        by: str | None = None,
    ) -> Recorded:
        """Change the ledger's province and/or its province types, as a recorded change."""
        return _ledger.profile(self.path, self.task_list, province=province, types=types, by=by)

    def upgrade(self, *, by: str | None = None, dry_run: bool = False) -> Recorded:
        """Bind the ledger to ``task_list``, a corrected version of the list it tracks."""
        return _ledger.upgrade(self.path, self.task_list, by=by, dry_run=dry_run)

    def merge(self, other: PathLike) -> Recorded:
        """Fold in what another copy of this ledger holds and this one lacks; ``merged`` says
        where both changed an obligation apart."""
        return _ledger.merge(self.path, _ledger.resolve(other), self.task_list)

    def import_sheet(
        self,
        sheet: PathLike,
        *,
        by: str | None = None,
        dry_run: bool = False,
        theirs: Iterable[str] = (),
    ) -> ImportResult:
        """Take back a 台账 (xlsx or csv) a colleague filled in: only the cells changed since
        it was exported; rows the ledger changed since then too are ``conflicts``, left out
        unless named in ``theirs``. One command, which one undo reverts."""
        return import_file(
            self.path, Path(sheet), self.task_list, by=by, dry_run=dry_run, theirs=list(theirs)
        )

    def report(
        self,
        as_of: date | None = None,
        *,
        since: date | None = None,
        within: int = 14,
        owners: Sequence[str] = (),
    ) -> Report:
        """The progress report as of the end of ``as_of`` (default: today)."""
        return build(
            self.task_list,
            self.ledger,
            as_of or date.today(),
            since=since,
            within=within,
            owners=tuple(owners),
        )


def rollup(
    paths: Iterable[PathLike],
    task_list: Catalog | None = None,
    *,
    sort: SortKey = SortKey.PROGRESS,
) -> Rollup:
    """Many units' ledgers (files, or folders searched for them) in one national view; what
    could not be counted is in ``skipped``, each with its reason."""
    found = [Path(p) for p in paths]
    if task_list is None:
        task_list = most_common_list(p for p in find(found) if isinstance(p, Path))
    return _rollup(found, task_list, sort)


def write(
    data: Report | Rollup,
    path: PathLike,
    *,
    lang: str = "zh",
    force: bool = False,
    internal: bool = False,
    by: str = "province",
    office: str | None = None,
) -> Path:
    """Write a report or a rollup to ``path`` in the format its extension names (.docx, .xlsx,
    .html, .md, .csv, .json, .txt), atomically; never over a ledger, nor over an existing file
    without ``force``. ``internal``: a document for the office itself (divisions, internal
    deadlines); ``by``: a rollup ``"province"`` by province or ``"measure"`` by measure;
    ``office``: the sender a Word document names (浙江省知识产权局)."""

    target = Path(path)
    subject = Subject.REPORT if isinstance(data, Report) else Subject.ROLLUP
    fmt: Format = guess(target, subject)
    check_output(target, force=force)
    view = View(lang, width=100, internal=internal, by=by, office=office)
    replace_atomically(output_target(target), render(subject, fmt, data, view))
    return target
