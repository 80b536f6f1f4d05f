"""The one line-breaking rule: Chinese rules (禁则) and display width, for every view and help.

Text is cut into chunks no line break may fall inside, then laid out greedily by the columns
each chunk takes on screen:

* a name the view keeps whole (``Keep``: a division, a province, a status word) is one chunk;
* a Latin word, a number or an id (``PCT``, ``TISC``, ``6.2``, ``2020-12-31``) is one chunk;
* a number keeps its unit and its 第 (``16个月``, ``1/2个``, ``第1次``, ``85%``, ``300,000``);
* a character that may not start a line (。，、；：？！）」』】”’%… and the like) is joined to
  the chunk before it, and one that may not end a line (（「『【“‘ and the like) to the chunk after
  it, so no line starts or ends with one;
* every other wide character is a chunk of its own (Chinese may break between any two), and a
  space is a place to break that a line neither starts nor ends with.

A chunk wider than the line is cut by columns, the only way it can be shown. ``Wrapped`` draws a
rich ``Text`` by this rule at whatever width a table gives its column.

Every step is one pass over the text: chunks are found by one regular expression, kept as
offsets into the text (never as strings built up piece by piece), and a line is drawn by
cutting the text once at all its line ends. Laying out a text costs time in proportion to its
length, whatever it holds: a note of a million commas or of one unbroken word included.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import lru_cache
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
_NUMBER = rf"(?:第)?[0-9０-９]+(?:[.,/:：\-][0-9０-９]+)*(?:%|％|{_UNITS})?"
# Runs no line may break inside: numbers with their unit, Latin words, ids, file names, an
# option with its dashes (--province-type) and an extension with its dot (进展报告.html).
_SOLID = rf"{_NUMBER}|(?:--?|\.)?[A-Za-z0-9][A-Za-z0-9._/+#@&'\-]*"
# In English help a run of Chinese stays whole (but not across a stop or a bracket).
_CJK_RUN = "[^\\x00-\\x7f" + re.escape("".join(sorted(NO_START | NO_END))) + "]+"


class Keep:
    """Names no line may break inside, wherever they appear in a text: the divisions, provinces
    and status words a view shows, and what ``patterns`` match (a command to type). One wider
    than the whole line is broken by the rule as if it were not kept."""

    __slots__ = ("names", "patterns", "pattern")

    def __init__(self, names: Iterable[str] = (), patterns: Iterable[str] = ()) -> None:
        # Longest first, so that 运用促进处 wins over a shorter name it holds.
        self.names = tuple(sorted({n for n in names if len(n) > 1}, key=lambda n: (-len(n), n)))
        self.patterns = tuple(patterns)
        self.pattern = "|".join([*self.patterns, *map(re.escape, self.names)])

    def __or__(self, other: Keep) -> Keep:
        return Keep((*self.names, *other.names), (*self.patterns, *other.patterns))


NOTHING = Keep()


@lru_cache(maxsize=32)
def _tokens(keep: str, cjk: bool) -> re.Pattern[str]:
    """One pattern for every chunk: a kept name, a solid run, a space, or one character."""
    first = f"(?:{keep})|" if keep else ""
    run = "" if cjk else f"|{_CJK_RUN}"
    return re.compile(f"{first}{_SOLID}{run}| |.", re.DOTALL)


@lru_cache(maxsize=32)
def _kept(keep: str) -> re.Pattern[str]:
    return re.compile(keep)


@lru_cache(maxsize=4096)
def _char_columns(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def columns(text: str) -> int:
    """The columns ``text`` takes in a terminal."""
    if text.isascii():
        return len(text)
    return sum(map(_char_columns, text))


Span = tuple[int, int]


def _chunk_spans(
    text: str, start: int, end: int, keep: Keep, cjk: bool, *, join: bool = True
) -> list[Span]:
    """The chunks of ``text[start:end]`` (one line, no line break in it) as offsets;
    ``join=False``: without joining stops and brackets to their neighbours."""
    out: list[Span] = []
    pending = -1  # where characters that may not end a line began, waiting for what follows
    for found in _tokens(keep.pattern, cjk).finditer(text, start, end):
        a, b = found.span()
        if not join:
            out.append((a, b))
        elif b - a == 1 and text[a] == " ":
            if pending >= 0:
                out.append((pending, a))
                pending = -1
            out.append((a, b))
        elif text[a] in NO_START and out and pending < 0 and text[out[-1][0]] != " ":
            out[-1] = (out[-1][0], b)  # joined to the chunk before it
        elif b - a == 1 and text[a] in NO_END:
            if pending < 0:
                pending = a
        else:
            out.append((pending if pending >= 0 else a, b))
            pending = -1
    if pending >= 0:
        out.append((pending, end))
    return out


def _paragraphs(text: str) -> list[Span]:
    spans, at = [], 0
    for line in text.split("\n"):
        spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


def chunks(text: str, *, cjk: bool = True, keep: Keep = NOTHING) -> list[str]:
    """``text`` cut where a line may break (see the module's rule). ``cjk=False``: a run of
    non-ASCII characters stays whole (a Chinese word in English help)."""
    return [
        text[a:b]
        for start, end in _paragraphs(text)
        for a, b in _chunk_spans(text, start, end, keep, cjk)
    ]


def _sized(
    text: str, parts: list[Span], width: int, keep: Keep, cjk: bool
) -> Iterator[tuple[int, int, int]]:
    """Each chunk with its columns. A chunk wider than a whole line that holds a kept name
    comes apart: into the name and the stops or brackets joined to it where the name fits a
    line (a name whole matters more than a stop at a line's start), else into what the rule
    would make of it if nothing were kept."""
    for a, b in parts:
        size = columns(text[a:b])
        if size <= width or not keep.pattern:
            yield a, b, size
            continue
        kept = _kept(keep.pattern)
        loose = _chunk_spans(text, a, b, keep, cjk, join=False)
        sizes = [columns(text[c:d]) for c, d in loose]
        if max(sizes) <= width and any(kept.fullmatch(text, c, d) for c, d in loose):
            yield from ((c, d, n) for (c, d), n in zip(loose, sizes, strict=True))
            continue
        yield from ((c, d, columns(text[c:d])) for c, d in _chunk_spans(text, a, b, NOTHING, cjk))


def _fill(
    text: str, parts: list[Span], width: int, first: int | None, at: int, keep: Keep, cjk: bool
) -> list[Span]:
    """Lines of one paragraph (which starts at ``at``) as offsets: greedy, by columns."""
    lines: list[Span] = []
    start = -1  # where the line began (-1: nothing on it yet)
    end = at  # where its last chunk that is not a space ended
    used = 0
    limit = max(first if first is not None else width, 2)
    for a, b, size in _sized(text, parts, max(width, 2), keep, cjk):
        if b - a == 1 and text[a] == " ":
            if start >= 0:
                used += 1
            continue
        if start >= 0 and used + size > limit:
            lines.append((start, end))
            start, used, limit = -1, 0, max(width, 2)
        if size > limit:  # wider than a whole line: cut by columns
            a, size = _cut(text, a, b, limit, max(width, 2), lines)
            limit = max(width, 2)
        if start < 0:
            start = a
        end = b
        used += size
    if start >= 0 or not lines:
        lines.append((start, end) if start >= 0 else (at, at))
    return lines


def _cut(text: str, a: int, b: int, limit: int, width: int, lines: list[Span]) -> Span:
    """Cut ``text[a:b]`` into lines of ``limit`` (then ``width``) columns, appended to
    ``lines``, a character early where a stop would start a line or a bracket end one; the
    rest, which fits a line, as (where it starts, its columns)."""
    start, taken = a, 0
    i = a
    while i < b:
        size = _char_columns(text[i])
        if taken + size > limit and taken:
            at = i
            if i - 1 > start and (text[i] in NO_START or text[i - 1] in NO_END):
                at = i - 1
            lines.append((start, at))
            start, taken, limit = at, columns(text[at:i]), width
        taken += size
        i += 1
    return start, taken


def line_spans(
    text: str, width: int, *, first: int | None = None, cjk: bool = True, keep: Keep = NOTHING
) -> list[Span]:
    """Where each line of ``breaks`` begins and ends in ``text``."""
    out: list[Span] = []
    for start, end in _paragraphs(text):
        parts = _chunk_spans(text, start, end, keep, cjk)
        out += _fill(text, parts, width, first if not out else None, start, keep, cjk)
    return out


def breaks(
    text: str, width: int, *, first: int | None = None, cjk: bool = True, keep: Keep = NOTHING
) -> list[str]:
    """``text`` as lines of at most ``width`` columns (the first line: ``first``), by the one
    rule. Hard line breaks in ``text`` are kept; a line neither starts nor ends with a space."""
    return [text[a:b] for a, b in line_spans(text, width, first=first, cjk=cjk, keep=keep)]


class Wrapped:
    """A rich ``Text`` drawn by the one rule at the width it is given (a table's column), its
    styles kept, and the names in ``keep`` never broken."""

    def __init__(self, text: Text, keep: Keep = NOTHING) -> None:
        self.text = text
        self.keep = keep
        self._widths: tuple[int, int] | None = None

    def widths(self) -> tuple[int, int]:
        """(widest chunk, widest paragraph): the narrowest the text can be laid out without
        cutting a chunk, and its width on one line each paragraph. Found once: a table measures
        a cell more than once."""
        if self._widths is None:
            plain = self.text.plain
            chunk = para = 0
            for start, end in _paragraphs(plain):
                for a, b in _chunk_spans(plain, start, end, self.keep, True):
                    chunk = max(chunk, columns(plain[a:b]))
                para = max(para, columns(plain[start:end]))
            self._widths = chunk, para
        return self._widths

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import Measurement

        chunk, para = self.widths()
        return Measurement(min(chunk, para, options.max_width), para)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.text import Text

        spans = line_spans(self.text.plain, options.max_width, keep=self.keep)
        # One cut of the text at every line's start and end (its styles carry over), then every
        # other piece: the lines, without the spaces and line breaks between them.
        cuts = [x for span in spans for x in span]
        pieces = self.text.divide(cuts)
        joined = Text("\n").join(pieces[1 + 2 * n] for n in range(len(spans)))
        joined.no_wrap = True
        joined.overflow = "crop"
        yield from console.render(joined, options)
