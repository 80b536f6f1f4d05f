"""The terminal: one console, and one way to print what a view drew.

rich is imported here and by the views that draw with it; ``--format json`` never loads it.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.text import Text

from .guards import has_hidden, shown


def console(*, stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False, soft_wrap=False, emoji=False, markup=False)


def text(value: object, style: str = "") -> Text:
    """Text from a file, for a view: never markup, its hidden characters shown."""
    return Text(shown("" if value is None else str(value)), style=style)


class _Shown:
    """A renderable whose output keeps no control or invisible character of its text: the net
    under every view (each also builds its text with ``text``), so that nothing a file holds
    reaches the terminal raw. Rich's own control segments (cursor, styles) pass as they are."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, out: Console, options: ConsoleOptions) -> RenderResult:
        for segment in out.render(self.inner, options):
            if segment.control is None and has_hidden(segment.text):
                yield Segment(shown(segment.text), segment.style)
            else:
                yield segment


def emit(parts: Sequence[RenderableType], out: Console) -> None:
    """Print to ``out``; piped or into a file, without the spaces tables pad lines with."""
    if out.is_terminal:
        for part in parts:
            out.print(_Shown(part))
        return
    out.file.write(plain(parts, out))
    out.file.flush()


def plain(parts: Iterable[RenderableType], out: Console) -> str:
    with out.capture() as cap:
        for part in parts:
            out.print(_Shown(part))
    return "\n".join(line.rstrip() for line in cap.get().split("\n"))


def to_text(parts: Iterable[RenderableType], width: int) -> str:
    """What a view draws, as plain text ``width`` columns wide: for a file."""
    buf = io.StringIO()
    out = Console(
        file=buf,
        width=width,
        no_color=True,
        color_system=None,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )
    for part in parts:
        out.print(_Shown(part))
    return "\n".join(line.rstrip() for line in buf.getvalue().splitlines()) + "\n"
