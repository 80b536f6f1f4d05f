"""User-facing words in Chinese and English, and how the language is chosen.

The words themselves are in one table per part (``catalog``, ``ledger``, ``usage``, ``views``,
``errors``); the vocabulary's labels (statuses, requirements,
province types) are in ``vocab.py``.
"""

from __future__ import annotations

import os
import string
from typing import Any

from . import catalog, errors, ledger, office, usage, views

# Every message by key: (Chinese, English). One table per part of iprcheck, joined here.
MESSAGES: dict[str, tuple[str, str]] = {
    **errors.MESSAGES,
    **catalog.MESSAGES,
    **ledger.MESSAGES,
    **usage.MESSAGES,
    **views.MESSAGES,
    **office.MESSAGES,
}

LANGS = ("zh", "en")


def detect_lang(explicit: str | None = None) -> str:
    """--lang, else IPRCHECK_LANG, else the locale: zh* means Chinese, anything else English."""
    for value in (explicit, os.environ.get("IPRCHECK_LANG")):
        if value:
            value = value.lower()
            if value in LANGS:
                return value
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


class _Plural(string.Formatter):
    """``{count:|day|days}`` is "day" when count is 1 and "days" otherwise: English plurals
    without "day(s)". Every other field is formatted as ``str.format`` does."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec.startswith("|"):
            one, _, many = format_spec[1:].partition("|")
            return one if value in (1, -1) else many
        return str(format(value, format_spec))


_PLURAL = _Plural()


def t(key: str, lang: str, /, **params: object) -> str:
    zh, en = MESSAGES[key]
    if lang == "zh":
        return zh.format(**params)
    return _PLURAL.format(en, **params)
