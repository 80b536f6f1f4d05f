"""What the commands that write documents (report, rollup) share: the sender those documents
name, from the ``office`` setting (``init --office`` keeps it too), and the hint where it is not
set."""

from __future__ import annotations

from typing import Annotated

import typer

from ..i18n import t
from .app import State, say

OfficeOpt = Annotated[
    str | None,
    typer.Option(
        "--office",
        metavar="NAME",
        help="The office the Word documents name as sender (kept as the office setting). 报送单位",
    ),
]


def office(state: State) -> str | None:
    """The office a document names as its sender (``iprcheck config set office 浙江省知识产权局``);
    None where the setting is not made."""
    return state.settings.get("office") or None


def office_hint(state: State, key: str = "office_hint") -> None:
    """Said once a document that names its sender is written without the office setting: how
    to set it. A hint, not an error: a report names the province instead, as it always has; a
    汇总 is signed with its date only."""
    if office(state) is None:
        say(t(key, state.lang), err=True)


def checked_office(value: str | None) -> str | None:
    """``--office`` as the setting would keep it; refused (one line) before any work."""
    from .. import config

    return None if value is None else config.KEYS["office"](value)


def keep_office(state: State, value: str | None) -> None:
    """Keep ``--office`` as the setting, and say so."""
    from .. import config

    if value is not None:
        config.set_value("office", value)
        say(t("config_set", state.lang, setting="office", value=value))
