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
        local = os.environ.get("LOCALAPPDATA")
        base = Path(local) if local else Path.home() / "AppData" / "Local"
        return base / "iprcheck" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "iprcheck"
    xdg = os.environ.get("XDG_CACHE_HOME")
    # The XDG spec says a relative path is invalid and must be ignored.
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "iprcheck"
