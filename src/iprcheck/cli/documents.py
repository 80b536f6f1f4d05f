"""What the commands that write documents (report, rollup) share: the sender those documents
name, from the ``office`` setting, and the hint where it is not set."""

from __future__ import annotations

from ..i18n import t
from .app import State, say


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
