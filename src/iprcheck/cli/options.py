"""Options and arguments more than one command takes, defined once; and their parsing.

Every value a user types is parsed here or in the library, never by Click's own types, so that a
value iprcheck cannot take is refused in the user's language with the values it can
(``UsageProblem``), and words an office types (必做, 国家局, 第一部分) are taken as meant.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperOption

from ..dates import NotADay, parse_day
from ..errors import IprcheckError
from ..i18n import LANGS
from ..output import Subject, choices
from ..vocab import Actor, Requirement, parse_actor, parse_requirement
from .state import State
from .usage import UsageProblem, not_choice

if TYPE_CHECKING:
    from ..obligations import Profile
    from ..tasklist.categories import Categories


# ---------------------------------------------------------------------------------------------
# The global options: where the task list and the ledger are, and the language. Every command
# takes them, before it or after it (`iprcheck list --lang zh`); a value after the command wins.


def _keep(ctx: typer.Context, param: Any, value: str | None) -> None:
    """Put a global option's value into the state, as it is read."""
    if value is None:
        return
    option = param.opts[0]
    if not value.strip():
        # Given but empty, as `--ledger "$UNSET"` in a script gives: not the current folder.
        raise UsageProblem("usage_blank", option=option)
    state = ctx.find_object(State)
    if state is None:  # a context made outside main(): nothing to fill in
        return
    if option == "--lang":
        if value.lower() not in LANGS:
            raise not_choice("--lang", value, LANGS)
        state.lang = value.lower()
    elif option == "--tasks":
        state.tasks = value
    else:
        state.ledger_option = value


# name, metavar, the variable that also sets it (on the root only), help
_GLOBALS = (
    (
        "--ledger",
        "PATH",
        "IPRCHECK_LEDGER",
        "Ledger file or folder (default: the current folder). 台账位置",
    ),
    (
        "--lang",
        "zh|en",
        None,
        "Language of labels and messages (default: IPRCHECK_LANG, then the locale). 语言",
    ),
    (
        "--tasks",
        "FILE",
        "IPRCHECK_TASKS",
        "The task list: a YAML file, or a list of the library by id or year (default: the"
        " ledger's list, else the bundled 2020 list). 任务清单",
    ),
)


def global_options(*, root: bool, taken: Sequence[str] = ()) -> list[TyperOption]:
    """The global options, as the root takes them (with their environment variables) or as a
    command takes them after its name (the same, hidden from its help; an empty environment
    variable counts as unset, as is usual). ``taken``: the command's own options, which win."""
    return [
        TyperOption(
            param_decls=[name],
            metavar=metavar,
            envvar=envvar if root else None,
            help=help_text,
            hidden=not root,
            expose_value=False,
            is_eager=name == "--lang",  # the language first: errors after it are in it
            callback=_keep,
        )
        for name, metavar, envvar, help_text in _GLOBALS
        if name not in taken
    ]


# ---------------------------------------------------------------------------------------------
# Options more than one command takes.

ProvinceOpt = Annotated[
    str | None,
    typer.Option("--province", metavar="NAME", help="Official name, e.g. 广东省. 省份名称"),
]
ProvinceTypeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--province-type",
        "-p",
        metavar="TYPE",
        help="Province type, repeatable; types combine as one province's profile: all, involved, "
        "pilot, pilot-leading, pilot-supporting, pilot-featured (or 试点省, 引领型…). 省份类型",
    ),
]

OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to this file instead of the screen. 输出文件",
    ),
]

ForceOpt = Annotated[
    bool, typer.Option("--force", help="Overwrite the --output file if it exists.")
]

AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="Report as of the end of this day, YYYY-MM-DD (default: today). 截至日期",
    ),
]

ByOpt = Annotated[
    str | None,
    typer.Option(
        "--by",
        envvar="IPRCHECK_BY",
        metavar="NAME",
        help="Who records this (default: iprcheck config set by NAME, else your login name).",
    ),
]


def choice(option: str, names: Sequence[str], words: Mapping[str, str] | None = None) -> Any:
    """A parser for an option with a few values: ``names`` (any case), and the other ``words``
    people type for them (word -> name); anything else is refused, listing the names."""
    accepted = {name.lower(): name for name in names} | dict(words or {})

    def parse(value: str) -> str:
        typed = str(value).strip()
        found = accepted.get(typed.lower()) or accepted.get(typed)
        if found is None:
            raise not_choice(option, typed, names)
        return found

    return parse


def format_option(subject: Subject, help: str = "Output format.") -> Any:
    """``--format``/``-f``: the formats the output pipeline has writers for, for ``subject``."""
    names = choices(subject)
    return typer.Option(
        "--format",
        "-f",
        parser=choice("--format", names, {"md": "markdown", "text": names[0]}),
        metavar="[" + "|".join(names) + "]",
        help=help,
    )


# The parsers below read what people type by the one grammar of ``obligations``, imported when
# a value is parsed: it brings msgspec and the task-list model, which help does not need.


def whole_number(option: str) -> Callable[[Any], int]:
    """A parser for a count (days): digits, full-width too; never below 0."""

    def parse(value: Any) -> int:
        from ..obligations import typed_id

        text = typed_id(str(value))
        if not (text.isascii() and text.isdigit() and len(text) <= 6):
            raise UsageProblem("usage_not_count", option=option, value=str(value))
        return int(text)

    return parse


# ---------------------------------------------------------------------------------------------
# Filters of list (and report): the words an office types for them.


def section(value: str) -> int:
    """``--section``: 1, 一, 第一部分 (the list says whether it has that section)."""
    from ..obligations import section_number

    found = section_number(str(value))
    if found is None:
        raise UsageProblem("usage_bad_section", option="--section", value=str(value))
    return found


def task(value: str) -> int:
    """``--task``: 6, ６ (the list says whether it has that task)."""
    from ..obligations import task_number

    found = task_number(str(value))
    if found is None:
        raise UsageProblem("usage_bad_task", option="--task", value=str(value))
    return found


def actor(value: str) -> Actor:
    """``--actor``: national or province, 国家局 or 省份."""
    found = parse_actor(str(value))
    if found is None:
        names = [a.value for a in Actor]
        raise not_choice("--actor", str(value), names, ["国家局（national）", "省份（province）"])
    return found


def requirement(value: str) -> Requirement:
    """``--requirement``: mandatory or optional, 必做 or 选做."""
    found = parse_requirement(str(value))
    if found is None:
        zh = [f"{r.label('zh')}（{r.value}）" for r in Requirement]
        raise not_choice("--requirement", str(value), [r.value for r in Requirement], zh)
    return found


SectionOpt = Annotated[
    list[int] | None,
    typer.Option(
        "--section",
        "-s",
        metavar="N",
        parser=section,
        help="Section number (1, or 一, 第一部分), repeatable. 部分",
    ),
]
TaskOpt = Annotated[
    list[int] | None,
    typer.Option("--task", "-t", metavar="N", parser=task, help="Task number, repeatable. 任务"),
]
ActorOpt = Annotated[
    Actor | None,
    typer.Option(
        "--actor",
        metavar="[national|province]",
        parser=actor,
        help="national or province (国家局 or 省份). 执行主体",
    ),
]
RequirementOpt = Annotated[
    Requirement | None,
    typer.Option(
        "--requirement",
        "-r",
        metavar="[mandatory|optional]",
        parser=requirement,
        help="mandatory or optional (必做 or 选做; needs a profile). 必做/选做",
    ),
]


# ---------------------------------------------------------------------------------------------
# Values the library checks: days and profiles.


def day(value: str | None) -> date | None:
    """A day given on the command line: 2020-10-31, 2020/10/31, 2020.10.31 or 2020年10月31日
    (full-width digits too), never "20201031", which reads like a number; and in the years a
    ledger holds, where report arithmetic is safe."""
    if value is None:
        return None
    try:
        return parse_day(value)
    except NotADay as exc:
        key = "date_out_of_range" if exc.out_of_range else "bad_date"
        raise IprcheckError(key, value=value) from None


def as_of(value: str | None) -> date:
    return day(value) or date.today()


def profile(types: list[str] | None, categories: Categories) -> Profile | None:
    """The profile --province-type gives, if it is given: in the words of the list in use."""
    from ..obligations import Profile

    return Profile.of(types, categories) if types else None
