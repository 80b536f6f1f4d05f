"""User-facing words in Chinese and English, and how the language is chosen.

The words themselves are in one table per part (``catalog``, ``ledger``, ``usage``, ``views``,
``errors``, ``workbook`` for the printed 台账, ``ledger_sheet`` for the 台账 going out and
coming back (import), ``documents`` for the Word documents, ``outputs`` for the formats,
``notices`` for reading a notice into a list, ``typed`` for the words people type, ``help`` for
the help's headings, ``layout`` for how a view fits long notes and narrow screens); the
vocabulary's labels (statuses, requirements, province types) are in ``vocab.py``.
"""

from __future__ import annotations

import os
import string
import sys
from typing import Any

from . import (
    catalog,
    documents,
    errors,
    help,
    layout,
    ledger,
    ledger_sheet,
    notices,
    outputs,
    typed,
    usage,
    views,
    workbook,
)

# Every message by key: (Chinese, English). One table per part of iprcheck, joined here.
MESSAGES: dict[str, tuple[str, str]] = {
    **errors.MESSAGES,
    **catalog.MESSAGES,
    **ledger.MESSAGES,
    **usage.MESSAGES,
    **views.MESSAGES,
    **workbook.MESSAGES,
    **documents.MESSAGES,
    **outputs.MESSAGES,
    **ledger_sheet.MESSAGES,
    **notices.MESSAGES,
    **typed.MESSAGES,
    **help.MESSAGES,
    **layout.MESSAGES,
}

LANGS = ("zh", "en")


def detect_lang(explicit: str | None = None, configured: str | None = None) -> str:
    """The language to speak: --lang, else $IPRCHECK_LANG, else the setting (``iprcheck config
    set lang``), else the user's locale: $LANGUAGE, $LC_ALL, $LC_MESSAGES, $LANG as POSIX
    orders them, and on Windows, where none of those is set, the language of the user's
    interface. zh* means Chinese; anything else English."""
    for value in (explicit, os.environ.get("IPRCHECK_LANG"), configured):
        if value:
            value = value.lower()
            if value in LANGS:
                return value
    locale = _posix_locale()
    if locale is None and sys.platform == "win32":
        locale = _windows_ui_language()
    return "zh" if locale and locale.lower().startswith("zh") else "en"


def _posix_locale() -> str | None:
    messages = next(
        (os.environ[v] for v in ("LC_ALL", "LC_MESSAGES", "LANG") if os.environ.get(v)), None
    )
    language = os.environ.get("LANGUAGE")
    # LANGUAGE (a list, zh_CN:en) comes first, but gettext ignores it under the C locale.
    if language and messages not in ("C", "POSIX"):
        return language.split(":")[0]
    return messages


def _windows_ui_language() -> str | None:
    """The user's Windows display language as a locale name's start ("zh", "en"…)."""
    try:
        import ctypes  # Windows only

        langid = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return None
    # The primary language is the low ten bits: 0x04 is Chinese, 0x09 English.
    return {0x04: "zh", 0x09: "en"}.get(langid & 0x3FF, "other")


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
