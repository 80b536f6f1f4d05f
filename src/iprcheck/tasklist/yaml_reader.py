"""A strict YAML reader that remembers the line of every node, for located messages."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import CatalogError, Msg
from .source import MAX_BYTES, Source

if TYPE_CHECKING:
    import yaml

MAX_DEPTH = 40
MAX_NODES = 200_000

Loc = tuple[str | int, ...]


def _yaml_loader() -> type[yaml.SafeLoader]:
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Reader:
    """Turns a composed YAML node tree into plain data, recording each node's line by path.

    PyYAML silently keeps the last of duplicate keys and expands aliases without limit; both
    are refused here, since neither belongs in a hand-kept task list.
    """

    def __init__(self) -> None:
        import yaml.constructor

        self.scalars = yaml.constructor.SafeConstructor()
        self.lines: dict[Loc, int] = {}
        self.seen: set[int] = set()

    def read(self, node: Any, loc: Loc = (), depth: int = 0) -> Any:
        import yaml

        line = node.start_mark.line + 1
        self.lines[loc] = line
        if id(node) in self.seen:
            raise _Stop(line, Msg("tl_alias"))
        self.seen.add(id(node))
        if len(self.seen) > MAX_NODES:
            raise _Stop(line, Msg("tl_too_many_nodes", limit=MAX_NODES))
        if depth > MAX_DEPTH:
            raise _Stop(line, Msg("tl_too_deep", limit=MAX_DEPTH))
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = self.scalar(key_node, loc) if isinstance(key_node, yaml.ScalarNode) else None
                if not isinstance(key, str):
                    raise _Stop(key_node.start_mark.line + 1, Msg("tl_key_not_string"))
                if key in out:
                    first = self.lines.get((*loc, key))
                    raise _Stop(
                        key_node.start_mark.line + 1,
                        Msg("tl_duplicate_key", name=key, first=first),
                        dotted((*loc, key)),
                    )
                out[key] = self.read(value_node, (*loc, key), depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.read(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        return self.scalar(node, loc)

    def scalar(self, node: Any, loc: Loc) -> Any:
        try:
            return self.scalars.construct_object(node)
        except (ValueError, OverflowError) as exc:
            # PyYAML reads 2020-13-45 as a date, then fails to build it; a 5000-digit number
            # exceeds Python's int conversion limit. Both are a bad value, not a crash.
            value = node.value if len(node.value) <= 40 else node.value[:40] + "…"
            # The reason is Python's English: the Chinese names the kind of value instead.
            kind = _BAD_VALUE_KEYS.get(node.tag, "tl_bad_value")
            raise _Stop(
                node.start_mark.line + 1, Msg(kind, value=value, reason=exc), dotted(loc)
            ) from None

    def line_of(self, loc: Loc) -> int | None:
        # A missing field has no line of its own: point at the mapping that lacks it.
        while loc not in self.lines and loc:
            loc = loc[:-1]
        return self.lines.get(loc)


_BAD_VALUE_KEYS = {
    "tag:yaml.org,2002:timestamp": "tl_bad_date",
    "tag:yaml.org,2002:int": "tl_bad_number",
    "tag:yaml.org,2002:float": "tl_bad_number",
}


class _Stop(Exception):
    def __init__(self, line: int | None, message: Msg, where: str = "") -> None:
        super().__init__(message.key)
        self.line, self.message, self.where = line, message, where


def dotted(loc: Loc) -> str:
    return ".".join(str(part) for part in loc)


def parse(source: Source) -> tuple[Any, _Reader]:
    import yaml

    def fail(line: int | None, message: Msg) -> CatalogError:
        return CatalogError(source.name, [(line, "", message)])

    if len(source.data) > MAX_BYTES:
        raise fail(None, Msg("tl_too_large", size=len(source.data), limit=MAX_BYTES))
    try:
        text = source.data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = source.data[: exc.start].count(b"\n") + 1
        raise fail(line, Msg("tl_not_utf8", offset=exc.start)) from None
    if not text.strip():
        raise fail(None, Msg("tl_empty"))
    if "\x00" in text:
        raise fail(
            text[: text.index("\x00")].count("\n") + 1,
            Msg("tl_nul_byte"),
        )
    reader = _Reader()
    try:
        root = yaml.compose(text, Loader=_yaml_loader())
        data = reader.read(root) if root is not None else None
    except _Stop as stop:
        raise CatalogError(source.name, [(stop.line, stop.where, stop.message)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise fail(
            mark.line + 1 if mark else None, Msg("tl_not_yaml", problem=exc.problem or exc)
        ) from None
    except yaml.YAMLError as exc:
        raise fail(None, Msg("tl_not_yaml", problem=exc)) from None
    except RecursionError:
        raise fail(None, Msg("tl_nested_too_deeply")) from None
    if not isinstance(data, dict):
        raise fail(1, Msg("tl_top_level"))
    return data, reader
