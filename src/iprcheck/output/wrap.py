"""The one line-breaking rule: Chinese rules (禁则) and display width, for every view and help.

Text is cut into chunks no line break may fall inside, then laid out greedily by the columns
each chunk takes on screen:

* a Latin word, a number or an id (``PCT``, ``TISC``, ``6.2``, ``2020-12-31``) is one chunk;
* a number keeps its unit and its 第 (``16个月``, ``1/2个``, ``第1次``, ``85%``);
* a character that may not start a line (。，、；：？！）」』】”’%… and the like) is joined to
  the chunk before it, and one that may not end a line (（「『【“‘ and the like) to the chunk after
  it, so no line starts or ends with one;
* every other wide character is a chunk of its own (Chinese may break between any two), and a
  space is a place to break that a line neither starts nor ends with.

A chunk wider than the line is cut by columns, the only way it can be shown. ``Wrapped`` draws a
rich ``Text`` by this rule at whatever width a table gives its column.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.measure import Measurement
    from rich.text import Text

# Not at the start of a line.
NO_START = frozenset("，。、；：？！）》」』】〉〕］｝”’%％…‥·・,.;:?!)]}ー～—")
# Not at the end of a line.
NO_END = frozenset("（《「『【〈〔［｛“‘([{")

_UNITS = "个月|个|次|分|天|年|月|日|项|倍|件|家|人|亿元|万元|元|期|批|届|号|条|处|余"
_NUMBER = rf"(?:第)?[0-9０-９]+(?:[./:：\-][0-9０-９]+)*(?:%|％|{_UNITS})?"
# Runs no line may break inside: numbers with their unit, Latin words, ids, file names, an
# option with its dashes (--province-type) and an extension with its dot (进展报告.html).
_SOLID = re.compile(rf"{_NUMBER}|(?:--?|\.)?[A-Za-z0-9][A-Za-z0-9._/+#@&'\-]*")


def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def columns(text: str) -> int:
    """The columns ``text`` takes in a terminal."""
    return sum(2 if _wide(c) else 1 for c in text)


def chunks(text: str, *, cjk: bool = True) -> list[str]:
    """``text`` cut where a line may break (see the module's rule). ``cjk=False``: a run of
    non-ASCII characters stays whole (a Chinese word in English help)."""
    raw: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        found = _SOLID.match(text, i)
        if found and found.end() > i:
            raw.append(found.group())
            i = found.end()
        elif char == " ":
            raw.append(" ")
            i += 1
        elif not cjk and not char.isascii():
            j = i
            while j < len(text) and not text[j].isascii() and text[j] not in NO_START | NO_END:
                j += 1
            raw.append(text[i : max(j, i + 1)])
            i = max(j, i + 1)
        else:
            raw.append(char)
            i += 1
    out: list[str] = []
    pending = ""  # characters that may not end a line wait for what follows
    for piece in raw:
        if piece == " ":
            if pending:
                out.append(pending)
                pending = ""
            out.append(piece)
        elif piece[0] in NO_START and out and out[-1] != " " and not pending:
            out[-1] += piece
        elif piece[-1] in NO_END and len(piece) == 1:
            pending += piece
        else:
            out.append(pending + piece)
            pending = ""
    if pending:
        out.append(pending)
    return out


def breaks(text: str, width: int, *, first: int | None = None, cjk: bool = True) -> list[str]:
    """``text`` as lines of at most ``width`` columns (the first line: ``first``), by the one
    rule. Hard line breaks in ``text`` are kept; a line neither starts nor ends with a space."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += _fill(chunks(paragraph, cjk=cjk), width, first if not lines else None)
    return lines


def _fill(parts: Iterable[str], width: int, first: int | None) -> list[str]:
    lines: list[str] = []
    line = ""
    used = 0
    limit = max(first if first is not None else width, 2)
    for part in parts:
        size = columns(part)
        if part == " " and not line:
            continue
        if used + size > limit and line.strip():
            lines.append(line.rstrip(" "))
            line, used, limit = "", 0, max(width, 2)
            if part == " ":
                continue
        while size > limit:  # wider than a whole line: cut by columns
            cut, taken = "", 0
            for char in part:
                if taken + columns(char) > limit - used:
                    break
                cut += char
                taken += columns(char)
            if not cut:
                break
            lines.append((line + cut).rstrip(" "))
            part = part[len(cut) :]
            size = columns(part)
            line, used, limit = "", 0, max(width, 2)
        line += part
        used += size
    if line.strip() or not lines:
        lines.append(line.rstrip(" "))
    return lines


class Wrapped:
    """A rich ``Text`` drawn by the one rule at the width it is given (a table's column), its
    styles kept."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        plain = self.text.plain
        widest = max((columns(line) for line in plain.split("\n")), default=0)
        longest_chunk = max((columns(c) for c in chunks(plain)), default=0)
        return Measurement(min(longest_chunk, widest, options.max_width), widest)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        plain = self.text.plain
        lines = breaks(plain, options.max_width)
        # Each line's place in the text, so that its spans (styles) carry over.
        out: list[Text] = []
        at = 0
        for line in lines:
            while at < len(plain) and plain[at] in " \n" and not plain.startswith(line, at):
                at += 1
            piece = self.text[at : at + len(line)]
            out.append(piece)
            at += len(line)
        joined = Text("\n").join(out)
        joined.no_wrap = True
        joined.overflow = "crop"
        yield from console.render(joined, options)
