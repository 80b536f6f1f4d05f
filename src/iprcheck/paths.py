"""Where iprcheck keeps its own files on this machine: one resolver per kind of place."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def user_cache_dir() -> Path:
    """$IPRCHECK_CACHE_DIR, else the platform's per-user cache folder, ``iprcheck`` inside it.

    Linux and other Unixes: $XDG_CACHE_HOME/iprcheck (default ~/.cache/iprcheck); macOS:
    ~/Library/Caches/iprcheck; Windows: %LOCALAPPDATA%\\iprcheck\\Cache. Nothing is created here.
    """
    chosen = os.environ.get("IPRCHECK_CACHE_DIR")
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        return _windows("LOCALAPPDATA", "Local") / "iprcheck" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "iprcheck"
    return _xdg("XDG_CACHE_HOME", ".cache") / "iprcheck"


def user_config_dir() -> Path:
    """$IPRCHECK_CONFIG_DIR, else the platform's per-user settings folder, ``iprcheck`` inside.

    Linux and other Unixes: $XDG_CONFIG_HOME/iprcheck (default ~/.config/iprcheck); macOS:
    ~/Library/Application Support/iprcheck; Windows: %APPDATA%\\iprcheck. Nothing is created.
    """
    chosen = os.environ.get("IPRCHECK_CONFIG_DIR")
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        return _windows("APPDATA", "Roaming") / "iprcheck"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "iprcheck"
    return _xdg("XDG_CONFIG_HOME", ".config") / "iprcheck"


def _windows(var: str, fallback: str) -> Path:
    value = os.environ.get(var)
    return Path(value) if value else Path.home() / "AppData" / fallback


def _xdg(var: str, fallback: str) -> Path:
    value = os.environ.get(var)
    # The XDG spec says a relative path is invalid and must be ignored.
    return Path(value) if value and os.path.isabs(value) else Path.home() / fallback
