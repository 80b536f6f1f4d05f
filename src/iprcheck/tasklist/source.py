"""Where a task list comes from: the bundled 2020 list, --tasks, or $IPRCHECK_TASKS."""

from __future__ import annotations

import os
from pathlib import Path

from ..cache import sha256_hex
from ..errors import CatalogError, IprcheckError, Msg
from ..files import TooLarge, read_regular

BUNDLED = "tasks_2020.yaml"
MAX_BYTES = 2 * 1024 * 1024  # the 2020 list is ~32 KB; anything this large is not a task list


class Source:
    """A task list's display name and its bytes."""

    __slots__ = ("name", "data", "_digest")

    def __init__(self, name: str, data: bytes) -> None:
        self.name = name
        self.data = data
        self._digest: str | None = None

    @property
    def digest(self) -> str:
        """The sha256 of the bytes."""
        if self._digest is None:
            self._digest = sha256_hex(self.data)
        return self._digest


def bundled_source() -> Source:
    # The list ships as a file inside the package. Reading it beside this module skips
    # importlib.resources' own imports (~3 ms of every command); resources still finds it where
    # there is no such file (a zipped install).
    beside = Path(__file__).parent.parent / "data" / BUNDLED
    try:
        return Source(BUNDLED, beside.read_bytes())
    except OSError:
        from importlib import resources

        ref = resources.files("iprcheck").joinpath("data").joinpath(BUNDLED)
        return Source(BUNDLED, ref.read_bytes())


def read_source(path: str | os.PathLike[str] | None = None) -> Source:
    """The task list to use: ``path``, else $IPRCHECK_TASKS, else the bundled 2020 list."""
    chosen = path if path is not None else os.environ.get("IPRCHECK_TASKS") or None
    if chosen is None:
        return bundled_source()
    p = Path(chosen)
    try:
        return Source(str(p), read_regular(p, MAX_BYTES))
    except TooLarge as exc:
        raise CatalogError(
            str(p), [(None, "", Msg("tl_too_large", size=exc.size, limit=MAX_BYTES))]
        ) from None
    except FileNotFoundError:
        raise IprcheckError("file_missing", path=str(p)) from None
    except (IsADirectoryError, PermissionError, OSError) as exc:
        raise IprcheckError("file_unreadable", path=str(p), reason=exc) from None
