"""Reading the annual notice an office receives into a draft task list, with a review.

``read_notice(path)`` reads a .docx (a table, or numbered paragraphs), an .xlsx or .csv (the
table pasted into a sheet), or a .txt or .html (copied from a web page), recognises the table
family or the plan family in it, and returns a ``Draft``: the task list in schema version 2
(``Draft.data``/``Draft.yaml``) and a ``Review`` of what was found. Source text is kept
verbatim; punctuation and character forms are normalised only to recognise the structure
(``text.fold``). A file that is not a list is one ``IprcheckError``. Nothing is validated or
stored here: ``tasklist.validate`` and ``tasklist.library`` do that.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..errors import IprcheckError, Msg
from .document import Document
from .draft import Draft, DraftSection, Review
from .front import Front, list_id, read_front
from .plan_family import read_plan
from .readers import read
from .rules import apply_rules
from .table_family import find_header, front_text, read_table
from .text import mostly_traditional

__all__ = ["Draft", "Review", "draft_of", "read_notice"]


def read_notice(path: Path) -> Draft:
    """The draft task list in the notice at ``path``."""
    return draft_of(read(path))


def draft_of(document: Document) -> Draft:
    """The draft task list in ``document``: the table family where it has a 落实举措 table,
    else the plan family; IprcheckError where it is neither."""
    where = find_header(document)
    if where is not None:
        front = read_front(front_text(document, where[0], where[1]))
        year = _year(front, document)
        review = Review("table")
        sections = read_table(document, year, review)
        numbering = "task.measure"
    else:
        text = "\n".join(document.paragraphs())
        review = Review("plan")
        plan = read_plan(text, review)
        if plan is None:
            raise IprcheckError("notice_not_a_list", path=document.name)
        sections, start = plan
        front = read_front(text[:start])
        year = _year(front, document)
        numbering = "item"
    if not sections:
        raise IprcheckError("notice_not_a_list", path=document.name)
    categories = apply_rules(sections, review)
    _notes(document, front, sections, review)
    return Draft(
        source=document.name,
        list_id=list_id(year, front.kind),
        year=year,
        title=front.title or Path(document.name).stem,
        sections=sections,
        review=review,
        numbering=numbering,
        document_number=front.document_number,
        deadline=_deadline(sections),
        categories=categories,
    )


def _year(front: Front, document: Document) -> int:
    if front.year is None:
        raise IprcheckError("notice_no_year", path=document.name)
    return front.year


def _deadline(sections: list[DraftSection]) -> date | None:
    """The list's deadline where every task with a 完成时间 has a sure day: the latest."""
    tasks = [t for s in sections for t in s.tasks if t.completion is not None]
    if not tasks or any(t.due is None for t in tasks):
        return None
    return max(t.due for t in tasks if t.due is not None)


def _notes(document: Document, front: Front, sections: list[DraftSection], review: Review) -> None:
    if front.title is None:
        review.notes.append(Msg("notice_no_title", name=Path(document.name).stem))
    measures = [m for s in sections for t in s.tasks for m in t.measures]
    if mostly_traditional("".join(m.text for m in measures)):
        review.notes.append(Msg("notice_traditional"))
    if document.auto_numbered:
        review.notes.append(Msg("notice_auto_numbered", count=document.auto_numbered))
