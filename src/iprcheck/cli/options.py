"""Options and arguments more than one command takes, defined once; and their parsing."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..dates import NotADay, parse_day
from ..errors import IprcheckError
from ..output import Subject, choices

if TYPE_CHECKING:
    from ..obligations import Profile
    from ..tasklist.categories import Categories


class Lang(StrEnum):
    zh = "zh"
    en = "en"


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


def format_option(subject: Subject, help: str = "Output format.") -> Any:
    """``--format``/``-f``: the formats the output pipeline has writers for, for ``subject``."""
    from .usage import format_choice

    return typer.Option("--format", "-f", click_type=format_choice(choices(subject)), help=help)


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
