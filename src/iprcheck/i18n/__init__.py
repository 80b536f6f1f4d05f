"""User-facing words in Chinese and English, and how the language is chosen.

The words themselves are in one table per part (``catalog``, ``ledger``, ``usage``, ``views``,
``errors``, ``office``); the vocabulary's labels (statuses, requirements,
province types) are in ``vocab.py``.
"""

from __future__ import annotations

import os

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


def t(key: str, lang: str, /, **params: object) -> str:
    zh, en = MESSAGES[key]
    return (zh if lang == "zh" else en).format(**params)
