"""The user's settings: a small TOML file in the platform's settings folder.

``iprcheck config set by 李明`` writes it; every command reads it. What a setting gives is the
default only: an option beats an environment variable, which beats this file, which beats
iprcheck's own default. A file that cannot be read is named, never silently ignored, and never
overwritten.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from . import locks
from .errors import IprcheckError
from .files import NotAFile, TooLarge, read_regular, replace_atomically
from .paths import user_config_dir

FILE_NAME = "config.toml"
MAX_BYTES = 64 * 1024


def _lang(value: str) -> str:
    if value not in ("zh", "en"):
        raise IprcheckError("config_bad_value", setting="lang", value=value, valid="zh, en")
    return value


def _text(key: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if not value.strip() or any(ord(c) < 32 for c in value):
            raise IprcheckError("config_bad_value", setting=key, value=value, valid="text")
        return value

    return check


# key -> how a value is checked (and made what is kept). The order is the order listed.
KEYS: dict[str, Callable[[str], str]] = {
    "by": _text("by"),  # who records changes (mark, assign, undo, import)
    "lang": _lang,  # zh or en
    "ledger": _text("ledger"),  # the ledger file or folder commands use by default
}


def path() -> Path:
    return user_config_dir() / FILE_NAME


def load() -> dict[str, str]:
    """The settings in the file; {} where there is none."""
    where = path()
    try:
        data = read_regular(where, MAX_BYTES)
    except FileNotFoundError:
        return {}
    except (NotAFile, TooLarge, OSError) as exc:
        raise IprcheckError("config_unreadable", path=str(where), reason=_reason(exc)) from None
    import tomllib  # only where there is a file to read

    try:
        table = tomllib.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise IprcheckError("config_unreadable", path=str(where), reason=str(exc)) from None
    except RecursionError:  # arrays nested thousands deep: no settings file looks like that
        raise IprcheckError("config_unreadable", path=str(where), reason="nested") from None
    out: dict[str, str] = {}
    for key, value in table.items():
        if key not in KEYS or not isinstance(value, str):
            raise IprcheckError("config_unknown", path=str(where), setting=key)
        out[key] = KEYS[key](value)
    return out


def get(key: str) -> str | None:
    """One setting, or None where it is not set (or the key is none iprcheck knows)."""
    return load().get(key)


def set_value(key: str, value: str) -> None:
    kept = KEYS[known(key)](value)
    with _changing() as values:  # refuses a damaged file: it is never overwritten
        values[key] = kept


def unset(key: str) -> bool:
    """Remove a setting; whether it was set."""
    known(key)
    with _changing() as values:
        return values.pop(key, None) is not None


@contextlib.contextmanager
def _changing() -> Iterator[dict[str, str]]:
    """The settings to change, read and written back under a lock, so that two `config set`
    run at once (two windows, a script) both keep their setting."""
    where = path()
    where.parent.mkdir(parents=True, exist_ok=True)
    try:
        with locks.held(where, timeout=10.0):
            values = load()
            before = dict(values)
            yield values
            if values != before:
                _save(values)
    except (locks.Busy, locks.Unsupported):
        raise IprcheckError("config_busy", path=str(where)) from None


def known(key: str) -> str:
    if key not in KEYS:
        raise IprcheckError("config_no_key", setting=key, valid=", ".join(KEYS))
    return key


def _save(values: dict[str, str]) -> None:
    where = path()
    lines = ["# iprcheck settings (iprcheck config set KEY VALUE)"]
    lines += [f"{key} = {_quoted(values[key])}" for key in KEYS if key in values]
    replace_atomically(where, ("\n".join(lines) + "\n").encode("utf-8"))


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _quoted(value: str) -> str:
    """A TOML basic string."""
    return '"' + re.sub(r'["\\\t\n\r]', lambda m: _ESCAPES[m.group()], value) + '"'


def _reason(exc: Exception) -> object:
    return exc if isinstance(exc, OSError) else str(exc)
