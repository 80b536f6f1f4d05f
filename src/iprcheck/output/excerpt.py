"""A long note as a document or a workbook shows it: its beginning, how long it is whole, and
where to read it whole.

A ledger keeps a note whole however long it is (a 32 KB workbook can carry a 30 MB one in);
a report, a 汇总 or a workbook shows at most a page of it, so that one hostile note costs no more
than a page, and a reader is told where the rest is. Cutting is by characters, so its cost is
linear in the note's length (and constant after the cut).
"""

from __future__ import annotations

from ..i18n import t

# A page of a Word report holds about 600 characters; a screenful of HTML, or a workbook cell
# read without scrolling, about 2000.
DOCUMENT_CHARS = 600
PAGE_CHARS = 2000


def excerpt(text: str, lang: str, where: str, limit: int = PAGE_CHARS) -> str:
    """``text`` whole when it is at most ``limit`` characters; else its first ``limit``, then
    how many characters it has and ``where`` (see ``here``, ``history``, ``ledger``) it is
    whole."""
    if len(text) <= limit:
        return text
    return text[:limit] + t("excerpt", lang, n=len(text), where=where)


def here(lang: str) -> str:
    """Where a document sent upward says the whole note is: the office's ledger."""
    return t("excerpt_here", lang)


def history(oid: str, lang: str) -> str:
    """Where the office's own documents say it is: the command that prints the obligation's
    history from the ledger."""
    return t("excerpt_history", lang, id=oid)


def ledger(unit: str, path: str, oid: str, lang: str) -> str:
    """Where a rollup says it is: that unit's ledger file, at that obligation."""
    return t("excerpt_ledger", lang, unit=unit, path=path, id=oid)
