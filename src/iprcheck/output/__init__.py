"""One output pipeline: every view of every subject, in every format, goes out the same way.

A *subject* is what is shown (a listing, a task page, search hits, a history, a report, a
rollup); a *format* is how. ``WRITERS`` maps each pair to the function that draws it, named
as ``module:function`` so that a command imports only the writer it uses (rich, openpyxl,
jinja2 and python-docx are loaded by the writers that need them, never at start-up). A new
format is a writer module and a line here.

A writer takes the subject's typed data and a ``View`` and returns rich renderables (the
``TEXT`` format: a terminal, or plain text in a file or pipe) or the file's text or bytes.
``deliver`` is the one rule for where it goes: a terminal gets styles, a pipe or a file gets
plain UTF-8 (never the console's code page); ``--output`` is written atomically, never over a
ledger, and the line saying so goes to stderr, like every message.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import StrEnum
from importlib import import_module
from pathlib import Path
from typing import Any

from ..errors import IprcheckError
from ..files import replace_atomically


class Format(StrEnum):
    TEXT = "table"  # what a person reads: a terminal, or the same as plain text
    JSON = "json"
    CSV = "csv"
    MARKDOWN = "markdown"
    HTML = "html"
    XLSX = "xlsx"
    DOCX = "docx"


class Subject(StrEnum):
    LISTING = "listing"
    TASK = "task"
    SEARCH = "search"
    HISTORY = "history"
    REPORT = "report"
    CHECK = "check"
    ROLLUP = "rollup"


WRITERS: dict[tuple[Subject, Format], str] = {
    (Subject.LISTING, Format.TEXT): "listing:table",
    (Subject.LISTING, Format.JSON): "listing:to_json",
    (Subject.LISTING, Format.CSV): "listing:to_csv",
    (Subject.LISTING, Format.MARKDOWN): "listing:to_markdown",
    (Subject.TASK, Format.TEXT): "taskpage:page",
    (Subject.SEARCH, Format.TEXT): "taskpage:hits",
    (Subject.HISTORY, Format.TEXT): "history:table",
    (Subject.HISTORY, Format.JSON): "history:to_json",
    (Subject.REPORT, Format.TEXT): "report.to_text:draw",
    (Subject.REPORT, Format.JSON): "report.to_json:to_json",
    (Subject.REPORT, Format.MARKDOWN): "report.to_markdown:to_markdown",
    (Subject.REPORT, Format.CSV): "report.to_csv:to_csv",
    (Subject.REPORT, Format.XLSX): "report.to_xlsx:to_xlsx",
    (Subject.REPORT, Format.HTML): "report.to_html:to_html",
    (Subject.REPORT, Format.DOCX): "report.to_docx:to_docx",
    (Subject.CHECK, Format.TEXT): "report.to_text:check_lines",
    (Subject.ROLLUP, Format.TEXT): "rollup.to_text:draw",
    (Subject.ROLLUP, Format.JSON): "rollup.to_json:to_json",
    (Subject.ROLLUP, Format.CSV): "rollup.to_csv:to_csv",
    (Subject.ROLLUP, Format.MARKDOWN): "rollup.to_markdown:to_markdown",
    (Subject.ROLLUP, Format.HTML): "rollup.to_html:to_html",
    (Subject.ROLLUP, Format.XLSX): "rollup.to_xlsx:to_xlsx",
}

BINARY = frozenset({Format.XLSX, Format.DOCX})

# What --format accepts besides the formats' own names; the report has always said "terminal".
ALIASES = {"terminal": Format.TEXT, "text": Format.TEXT, "md": Format.MARKDOWN}

SUFFIXES = {
    ".txt": Format.TEXT,
    ".json": Format.JSON,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".csv": Format.CSV,
    ".xlsx": Format.XLSX,
    ".docx": Format.DOCX,
    ".html": Format.HTML,
    ".htm": Format.HTML,
}


class View:
    """How a writer draws: the language, the width in columns, whether styles show, and the
    view's own options, which are the reader's choice and never part of the data: ``internal``
    (a document for the office itself: divisions, internal deadlines, the ledger's problems)
    rather than one sent upward; ``by`` (a rollup by province or by measure); ``full`` (every
    word of each measure in a table)."""

    __slots__ = ("lang", "width", "styled", "internal", "by", "full")

    def __init__(
        self,
        lang: str,
        width: int = 80,
        styled: bool = False,
        *,
        internal: bool = False,
        by: str = "province",
        full: bool = False,
    ) -> None:
        self.lang = lang
        self.width = width
        self.styled = styled
        self.internal = internal
        self.by = by
        self.full = full


Drawn = list[Any] | str | bytes  # rich renderables, or a file's text or bytes


def formats(subject: Subject) -> list[Format]:
    return [fmt for (subj, fmt) in WRITERS if subj is subject]


def choices(subject: Subject) -> list[str]:
    """The names ``--format`` offers for ``subject``."""
    text = "terminal" if subject is Subject.REPORT else Format.TEXT.value
    return [text if f is Format.TEXT else f.value for f in formats(subject)]


def parse_format(name: str) -> Format:
    return ALIASES.get(name) or Format(name)


def writer(subject: Subject, fmt: Format) -> Callable[[Any, View], Drawn]:
    module, _, name = WRITERS[(subject, fmt)].partition(":")
    found: Callable[[Any, View], Drawn] = getattr(import_module(f"{__name__}.{module}"), name)
    return found


def guess(path: Path | None) -> Format:
    """The format a file name asks for (``report.xlsx`` -> xlsx); text for a name without an
    extension. Any other extension is refused: ``report.pdf`` holding plain text would only
    puzzle whoever opens it."""
    if path is None or not path.suffix:
        return Format.TEXT
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise IprcheckError("output_unknown_suffix", path=str(path), valid=" ".join(SUFFIXES))
    return fmt


def check_output(path: Path, *, force: bool) -> None:
    """Refuse, before any work, what writing ``path`` would refuse: a folder, an existing file
    without ``force``, and a ledger even with it (``--output iprcheck-ledger.jsonl --force``
    would replace the office's records with a report)."""
    from ..ledger import looks_like_ledger  # the commands' help loads this module, not ledgers

    if path.is_dir():
        raise IprcheckError("output_is_folder", path=str(path))
    if path.exists() or path.is_symlink():
        if looks_like_ledger(path):
            raise IprcheckError("output_is_ledger", path=str(path))
        if not force:
            raise IprcheckError("output_exists", path=str(path))
        if not path.is_file():  # a device, a pipe (/dev/stdout), a link to one: never replaced
            raise IprcheckError("output_not_file", path=str(path))


def output_target(path: Path) -> Path:
    """Where writing ``path`` lands: a link to a file is written through (the link stays a
    link), as a ledger behind a link is."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def render(subject: Subject, fmt: Format, data: Any, view: View) -> bytes:
    """The bytes of ``data`` in ``fmt``: text formats in UTF-8, the text view plain."""
    drawn = writer(subject, fmt)(data, view)
    if isinstance(drawn, bytes):
        return drawn
    if isinstance(drawn, str):
        return drawn.encode("utf-8")
    from .console import to_text  # rich, for the text view only

    return to_text(drawn, view.width).encode("utf-8")


def deliver(
    subject: Subject,
    fmt: Format,
    data: Any,
    lang: str,
    *,
    output: Path | None = None,
    force: bool = False,
    written: Callable[[Path], None] | None = None,
) -> None:
    """Send ``data`` where it goes: the file named (atomically, then ``written`` is told), a
    terminal (styled, at its width), or a pipe (plain UTF-8)."""
    if output is not None:
        check_output(output, force=force)
        data_bytes = render(subject, fmt, data, View(lang, width=100))
        check_output(output, force=force)  # a ledger made there meanwhile is still never replaced
        replace_atomically(output_target(output), data_bytes)
        if written is not None:
            written(output)
        return
    if fmt is Format.TEXT:
        from .console import console, emit  # rich, for the text view only

        out = console()
        drawn = writer(subject, fmt)(data, View(lang, out.width, out.is_terminal))
        assert not isinstance(drawn, str | bytes)  # the text format draws renderables
        emit(drawn, out)
        return
    if fmt in BINARY and sys.stdout.isatty():
        raise IprcheckError("output_binary", format=fmt.value)
    payload = render(subject, fmt, data, View(lang))
    sys.stdout.flush()
    sys.stdout.buffer.write(payload)
    sys.stdout.buffer.flush()
