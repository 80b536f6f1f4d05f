"""``iprcheck lists``: the task lists this machine knows; ``lists add`` reads a new year's
notice (or a corrected draft) into the library, ``lists remove`` takes one out.

Help lists every command, so this module imports at its top only what its options need; the
notice reader and the library are imported when a command runs.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..i18n import t
from .app import Commands, say, state_of
from .options import ForceOpt

if TYPE_CHECKING:
    from ..errors import CatalogError
    from ..notices import Draft, Review
    from ..tasklist.library import ListInfo

commands = Commands()
lists_app = typer.Typer(
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="The task lists this machine knows: the bundled 2020 list and those added.\n\n"
    "Example: iprcheck lists add 2021年推进计划.docx --dry-run",
)
commands.group("lists", lists_app)

_YAML = (".yaml", ".yml")
SHOWN_PROBLEMS = 20  # a draft's problems shown in the review; --output writes the whole draft


@lists_app.callback(invoke_without_command=True)
def lists(ctx: typer.Context) -> None:
    """The task lists this machine knows: id, year, items, title.

    Example: iprcheck lists
    """
    if ctx.invoked_subcommand is not None:
        return
    from ..tasklist import library

    lang = state_of(ctx).lang
    infos = library.known()
    say(t("lists_header", lang, count=len(infos)))
    for info in infos:
        _say_list(info, lang)


def _say_list(info: ListInfo, lang: str) -> None:
    if info.problem is not None:
        say(t("lists_broken", lang, path=info.path, problem=info.problem.render(lang)))
        return
    bundled = t("lists_bundled", lang) if info.bundled else ""
    say(t("lists_line", lang, id=info.id, year=info.year, items=info.items, bundled=bundled))
    _wrapped(info.title, indent="    ")


@lists_app.command("add")
def add(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="The notice (.docx, .xlsx, .csv, .txt, .html), or a corrected draft (.yaml). "
            "通知文件",
        ),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Read and review the notice; add nothing.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE.yaml",
            help="Also write the draft here, to check and correct it. 草稿文件",
        ),
    ] = None,
    force: ForceOpt = False,
    list_id: Annotated[
        str | None,
        typer.Option("--id", metavar="ID", help="The list's id (default: year and kind). 编号"),
    ] = None,
    replace: Annotated[
        bool,
        typer.Option("--replace", help="Replace a different list that has the same id."),
    ] = False,
) -> None:
    """Read a new year's notice into a task list: review it, then add it to the library.

    A .yaml file (a draft written with --output and corrected) is added as it is.

    Example: iprcheck lists add 2021年推进计划.docx --dry-run --output 草稿.yaml
    """
    lang = state_of(ctx).lang
    if file.suffix.lower() in _YAML:
        _add_yaml(file, lang, dry_run=dry_run, replace=replace)
        return
    from ..errors import IprcheckError
    from ..notices import read_notice
    from ..output import check_output

    if output is not None:
        if output.suffix.lower() not in _YAML:
            raise IprcheckError("notice_output_not_yaml", path=str(output))
        check_output(output, force=force)
    draft = read_notice(file)
    if list_id is not None and list_id.strip():
        draft.list_id = list_id.strip()
    _review_and_add(draft, lang, output=output, dry_run=dry_run, replace=replace)


def _add_yaml(file: Path, lang: str, *, dry_run: bool, replace: bool) -> None:
    from ..tasklist import library, read_source
    from ..tasklist.validate import validate

    source = read_source(file)
    if dry_run:
        validate(source)
        say(t("review_dry_run", lang))
        return
    _say_added(library.add(source, replace=replace), lang)


def _review_and_add(
    draft: Draft, lang: str, *, output: Path | None, dry_run: bool, replace: bool
) -> None:
    from ..errors import CatalogError, IprcheckError
    from ..files import replace_atomically
    from ..tasklist import Source, library
    from ..tasklist.validate import validate

    shown_as = str(output) if output is not None else t("draft_name", lang, path=draft.source)
    data = draft.yaml(_header(draft, lang, shown_as))
    source = Source(shown_as, data)
    problems: CatalogError | None = None
    try:
        validate(source)
    except CatalogError as exc:
        problems = exc
    _say_review(draft, lang, problems)
    if output is not None:
        replace_atomically(output, data)
        say(t("review_written", lang, path=output))
    if draft.review.incomplete is not None:
        raise IprcheckError("notice_incomplete", item=draft.review.incomplete.item)
    if problems is not None:
        raise IprcheckError("notice_draft_invalid", count=len(problems.problems))
    if dry_run:
        say(t("review_dry_run", lang))
        return
    _say_added(library.add(source, replace=replace), lang)


def _say_added(info: ListInfo, lang: str) -> None:
    key = "review_same" if info.unchanged else "review_added"
    key = "review_replaced" if info.replaced else key
    say(t(key, lang, id=info.id, items=info.items))


def _header(draft: Draft, lang: str, shown_as: str) -> list[str]:
    lines = [
        t("draft_header_from", lang, path=draft.source),
        t("draft_header_check", lang, path=shown_as),
    ]
    findings = review_lines(draft.review, lang)
    if findings:
        lines += ["", t("draft_header_review", lang), *(f"  {line}" for line in findings)]
    return lines


def _say_review(draft: Draft, lang: str, problems: CatalogError | None) -> None:
    measures = draft.measures
    national = sum(m.actor == "national" for m in measures)
    number = draft.document_number
    title = t(
        "review_read_number" if number else "review_read", lang, title=draft.title, number=number
    )
    for line in (
        title,
        t(f"review_family_{draft.review.family}", lang, year=draft.year),
        t("review_id", lang, id=draft.list_id),
        t(
            "review_counts",
            lang,
            sections=len(draft.sections),
            tasks=draft.task_count,
            items=len(measures),
            national=national,
            province=len(measures) - national,
        ),
        *(review_lines(draft.review, lang) or [t("review_no_party_none", lang)]),
    ):
        _wrapped(line)
    if problems is not None:
        _wrapped(t("review_problems", lang, count=len(problems.problems)))
        lines = problems.lines(lang)
        for line in lines[:SHOWN_PROBLEMS]:
            _wrapped(line, indent="  ")
        if len(lines) > SHOWN_PROBLEMS:
            _wrapped(t("review_more_problems", lang, count=len(lines) - SHOWN_PROBLEMS), "  ")


def review_lines(review: Review, lang: str) -> list[str]:
    """What the review found, one line each: items nobody is made responsible for, numbering
    gaps, a copy that ends mid-item, categories and rules it did not know, notes."""
    out: list[str] = []
    if review.no_party:
        ids = "、".join(review.no_party) if lang == "zh" else ", ".join(review.no_party)
        out.append(t("review_no_party", lang, count=len(review.no_party), ids=ids))
    for gap in review.gaps:
        kind = t(f"review_kind_{gap.kind}", lang)
        missing = ", ".join(gap.missing)
        key = "review_gap_after" if gap.after else "review_gap_start"
        out.append(t(key, lang, kind=kind, after=gap.after, missing=missing))
    if review.incomplete is not None:
        out.append(
            t(f"review_incomplete_{review.incomplete.why}", lang, item=review.incomplete.item)
        )
    for u in review.unknown:
        out.append(t("review_unknown", lang, name=u.name, item=u.item, rule=u.rule, key=u.key))
    for item, rule in review.unread_rules:
        out.append(t("review_unread_rule", lang, item=item, rule=rule))
    out += [t("review_note", lang, note=note.render(lang)) for note in review.notes]
    return out


def _wrapped(text: str, indent: str = "") -> None:
    """One line of the review, wrapped to the terminal by the one rule (``output.wrap``)."""
    from ..output.wrap import breaks, columns

    width = max(shutil.get_terminal_size((80, 24)).columns, 40) - columns(indent)
    hang = indent + ("  " if not indent else "  ")
    lines = breaks(text, width - 2, first=width)
    for i, line in enumerate(lines):
        say((indent if i == 0 else hang) + line)


@lists_app.command("remove")
def remove(
    ctx: typer.Context,
    ident: Annotated[
        str, typer.Argument(metavar="ID", help="The list's id, year or title (see iprcheck lists).")
    ],
) -> None:
    """Take a list out of the library. The bundled 2020 list stays.

    Example: iprcheck lists remove 2021-推进计划
    """
    from ..tasklist import library

    info = library.remove(ident)
    say(t("lists_removed", state_of(ctx).lang, id=info.id, title=info.title))
