"""Views of a ``report.Report``: terminal text, JSON, Markdown, CSV, xlsx and HTML.

Each view is a module with one entry point that takes the report and a language and returns
text or bytes; this module picks one by name and writes files atomically. Heavy imports (rich,
openpyxl, jinja2) happen inside the view that needs them.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import IprcheckError

if TYPE_CHECKING:
    from ..report import Report


class Format(StrEnum):
    terminal = "terminal"
    json = "json"
    markdown = "markdown"
    csv = "csv"
    xlsx = "xlsx"
    html = "html"


SUFFIXES = {
    ".txt": Format.terminal,
    ".json": Format.json,
    ".md": Format.markdown,
    ".markdown": Format.markdown,
    ".csv": Format.csv,
    ".xlsx": Format.xlsx,
    ".html": Format.html,
    ".htm": Format.html,
}


def guess(path: Path | None) -> Format:
    """The format a file name asks for (``report.xlsx`` -> xlsx); terminal text for a name
    without an extension. Any other extension is refused: ``report.pdf`` holding plain text
    would only puzzle whoever opens it."""
    if path is None or not path.suffix:
        return Format.terminal
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise IprcheckError("output_unknown_suffix", path=str(path), valid=" ".join(SUFFIXES))
    return fmt


def check_output(path: Path, *, force: bool) -> None:
    """Refuse, before any work, what ``write_atomic`` would refuse: a folder, an existing file
    without ``force``, and a ledger even with it (``--output iprcheck-ledger.jsonl --force``
    would replace the office's records with a report)."""
    if path.is_dir():
        raise IprcheckError("output_is_folder", path=str(path))
    from ..ledger import names_its_format

    if path.exists():
        if names_its_format(path):
            raise IprcheckError("output_is_ledger", path=str(path))
        if not force:
            raise IprcheckError("output_exists", path=str(path))


def render(report: Report, fmt: Format, lang: str, *, width: int = 80) -> bytes:
    """The report as the bytes of a file in ``fmt``; text formats are UTF-8."""
    if fmt is Format.xlsx:
        from .to_xlsx import to_xlsx

        return to_xlsx(report, lang)
    if fmt is Format.json:
        from .to_json import to_json

        text = to_json(report)
    elif fmt is Format.markdown:
        from .to_markdown import to_markdown

        text = to_markdown(report, lang)
    elif fmt is Format.csv:
        from .to_csv import to_csv

        text = to_csv(report)
    elif fmt is Format.html:
        from .to_html import to_html

        text = to_html(report, lang)
    else:
        from .terminal import to_text

        text = to_text(report, lang, width=width)
    return text.encode("utf-8")


def write_atomic(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write ``data`` to a temporary sibling and rename it over ``path``: a reader sees the old
    file or the new one, never half of one. An existing file is replaced only with ``force``."""
    check_output(path, force=force)
    from ..files import replace_atomically

    replace_atomically(path, data)
