"""Find, read and validate a task list, with every problem located at its YAML line."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import CatalogError, IprcheckError

if TYPE_CHECKING:
    import yaml

    from .models import Obligation, Task, TaskList

BUNDLED = "tasks_2020.yaml"
MAX_BYTES = 2 * 1024 * 1024  # the 2020 list is ~32 KB; anything this large is not a task list
MAX_DEPTH = 40
MAX_NODES = 200_000

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Source:
    """Where a task list comes from: a display name and its bytes."""

    name: str
    data: bytes

    @cached_property
    def digest(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def bundled_source() -> Source:
    ref = resources.files("iprcheck").joinpath("data").joinpath(BUNDLED)
    return Source(BUNDLED, ref.read_bytes())


def read_source(path: str | os.PathLike[str] | None = None) -> Source:
    """The task list to use: ``path``, else $IPRCHECK_TASKS, else the bundled 2020 list."""
    chosen = path if path is not None else os.environ.get("IPRCHECK_TASKS") or None
    if chosen is None:
        return bundled_source()
    p = Path(chosen)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise CatalogError(
                str(p), [(None, "", f"file is {size} bytes; the limit is {MAX_BYTES}")]
            )
        return Source(str(p), p.read_bytes())
    except FileNotFoundError:
        raise IprcheckError("file_missing", path=str(p)) from None
    except (IsADirectoryError, PermissionError, OSError) as exc:
        raise IprcheckError("file_unreadable", path=str(p), reason=exc.strerror or exc) from None


# ---------------------------------------------------------------------------------------------
# YAML: a strict reader that remembers where each node stood.


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
        self.problems: list[tuple[int | None, str, str]] = []
        self.seen: set[int] = set()

    def read(self, node: Any, loc: Loc = (), depth: int = 0) -> Any:
        import yaml

        line = node.start_mark.line + 1
        self.lines[loc] = line
        if id(node) in self.seen:
            raise _Stop(line, "YAML anchors and aliases are not allowed in a task list")
        self.seen.add(id(node))
        if len(self.seen) > MAX_NODES:
            raise _Stop(line, f"more than {MAX_NODES} YAML nodes; this is not a task list")
        if depth > MAX_DEPTH:
            raise _Stop(line, f"nested deeper than {MAX_DEPTH} levels")
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = (
                    self.scalars.construct_object(key_node)
                    if isinstance(key_node, yaml.ScalarNode)
                    else None
                )
                if not isinstance(key, str):
                    raise _Stop(key_node.start_mark.line + 1, "mapping keys must be plain strings")
                if key in out:
                    first = self.lines.get((*loc, key))
                    raise _Stop(
                        key_node.start_mark.line + 1,
                        f"duplicate key '{key}' (first at line {first})",
                        _dotted((*loc, key)),
                    )
                out[key] = self.read(value_node, (*loc, key), depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [self.read(item, (*loc, i), depth + 1) for i, item in enumerate(node.value)]
        return self.scalars.construct_object(node)

    def line_of(self, loc: Loc) -> int | None:
        # A missing field has no line of its own: point at the mapping that lacks it.
        while loc not in self.lines and loc:
            loc = loc[:-1]
        return self.lines.get(loc)


class _Stop(Exception):
    def __init__(self, line: int | None, message: str, where: str = "") -> None:
        super().__init__(message)
        self.line, self.message, self.where = line, message, where


def _dotted(loc: Loc) -> str:
    return ".".join(str(part) for part in loc)


def _parse(source: Source) -> tuple[Any, _Reader]:
    import yaml

    def fail(line: int | None, message: str) -> CatalogError:
        return CatalogError(source.name, [(line, "", message)])

    if len(source.data) > MAX_BYTES:
        raise fail(None, f"file is {len(source.data)} bytes; the limit is {MAX_BYTES}")
    try:
        text = source.data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = source.data[: exc.start].count(b"\n") + 1
        raise fail(line, f"not UTF-8 text (byte {exc.start}); save the file as UTF-8") from None
    if not text.strip():
        raise fail(None, "the file is empty")
    if "\x00" in text:
        raise fail(
            text[: text.index("\x00")].count("\n") + 1,
            "the file contains a NUL byte; it is not YAML text",
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
            mark.line + 1 if mark else None, f"not valid YAML: {exc.problem or exc}"
        ) from None
    except yaml.YAMLError as exc:
        raise fail(None, f"not valid YAML: {exc}") from None
    except RecursionError:
        raise fail(None, "nested too deeply") from None
    if not isinstance(data, dict):
        raise fail(1, "the top level must be a mapping (schema_version, id, sections, …)")
    return data, reader


# ---------------------------------------------------------------------------------------------
# Validation: pydantic for shapes, then the cross-checks a schema cannot express.


def validate(source: Source) -> TaskList:
    """Parse and validate ``source``; raise CatalogError listing every located problem."""
    from pydantic import ValidationError

    from .models import TaskList

    data, reader = _parse(source)
    try:
        task_list = TaskList.model_validate(_with_enums(data))
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            problems.append((reader.line_of(loc), _dotted(loc), _pydantic_message(err)))
        raise CatalogError(source.name, problems) from None
    problems = [(reader.line_of(loc), _dotted(loc), msg) for loc, msg in cross_check(task_list)]
    if problems:
        raise CatalogError(source.name, problems)
    return task_list


def _with_enums(data: Any) -> Any:
    # Strict models accept enum members, not their string values: convert the known enum fields
    # here so that a wrong value still fails validation with a located message.
    from .models import Actor, ProvinceType

    def conv(enum: Any, value: Any) -> Any:
        try:
            return enum(value) if isinstance(value, str) else value
        except ValueError:
            return value

    for section in data.get("sections") or [] if isinstance(data.get("sections"), list) else []:
        for task in (section.get("tasks") or []) if isinstance(section, dict) else []:
            for m in (task.get("measures") or []) if isinstance(task, dict) else []:
                if not isinstance(m, dict):
                    continue
                if "actor" in m:
                    m["actor"] = conv(Actor, m["actor"])
                for key in ("mandatory_for", "optional_for"):
                    if isinstance(m.get(key), list):
                        m[key] = [conv(ProvinceType, v) for v in m[key]]
    return data


def _pydantic_message(err: Any) -> str:
    kind = err["type"]
    if kind == "missing":
        return "field required"
    if kind == "extra_forbidden":
        return "unknown field (not in the schema)"
    if kind == "enum" or (kind == "is_instance_of" and "Enum" in err["msg"]):
        return f"not one of the allowed values: {err['input']!r}"
    msg: str = err["msg"]
    return msg[0].lower() + msg[1:] if msg else kind


def cross_check(task_list: TaskList) -> list[tuple[Loc, str]]:
    """What pydantic cannot see: numbering, ids, the national measure, rules and targets."""
    from .models import KNOWN_RULES, Actor

    problems: list[tuple[Loc, str]] = []
    expected_task = 1
    for si, section in enumerate(task_list.sections):
        if section.number != si + 1:
            problems.append(
                (
                    ("sections", si, "number"),
                    f"section numbers must run 1, 2, 3…: expected {si + 1}, found {section.number}",
                )
            )
        for ti, task in enumerate(section.tasks):
            tloc: Loc = ("sections", si, "tasks", ti)
            if task.number != expected_task:
                problems.append(
                    (
                        (*tloc, "number"),
                        "task numbers must be unique and run on across sections: "
                        f"expected {expected_task}, found {task.number}",
                    )
                )
            expected_task = task.number + 1
            if (task.completion is None) != (task.due is None) and task.due is not None:
                problems.append(
                    ((*tloc, "due"), "a due date needs the completion text it comes from")
                )
            nationals = [m for m in task.measures if m.actor is Actor.NATIONAL]
            if len(nationals) != 1:
                problems.append(
                    (
                        (*tloc, "measures"),
                        f"a task has exactly one national measure; found {len(nationals)}",
                    )
                )
            elif task.measures[0].actor is not Actor.NATIONAL:
                problems.append(
                    ((*tloc, "measures", 0, "actor"), "the national measure comes first")
                )
            for mi, m in enumerate(task.measures):
                mloc: Loc = (*tloc, "measures", mi)
                want = f"{task.number}.{mi + 1}"
                if m.id != want:
                    problems.append(
                        (
                            (*mloc, "id"),
                            "obligation ids count the task's measures in order: "
                            f"expected '{want}', found '{m.id}'",
                        )
                    )
                problems.extend(((*mloc, *sub), msg) for sub, msg in _check_measure(m, KNOWN_RULES))
    return problems


def _check_measure(m: Any, known: dict[str, Any]) -> Iterator[tuple[Loc, str]]:
    from .models import Actor

    if m.actor is Actor.NATIONAL:
        if m.rule is not None or m.mandatory_for or m.optional_for:
            yield ("rule",), "a national measure has no province rule"
    else:
        if not m.rule:
            yield ("rule",), "a provincial measure needs its rule (the 省份 line)"
        elif not (m.mandatory_for or m.optional_for):
            yield (
                ("mandatory_for",),
                "a provincial measure must say which province types must or may do it",
            )
        elif m.rule in known:
            must, may = known[m.rule]
            if set(m.mandatory_for) != set(must) or set(m.optional_for) != set(may):
                yield (
                    ("rule",),
                    (
                        f"rule '{m.rule}' means mandatory_for {[str(x) for x in must]}, "
                        f"optional_for {[str(x) for x in may]}"
                    ),
                )
        if m.targets:
            yield ("targets",), "targets belong to national measures"
    both = set(m.mandatory_for) & set(m.optional_for)
    if both:
        yield ("optional_for",), f"{sorted(both)} cannot be both mandatory and optional"
    for i, target in enumerate(m.targets):
        if target.text not in m.text:
            yield ("targets", i, "text"), "a target's text must be quoted verbatim from its measure"


# ---------------------------------------------------------------------------------------------
# The catalog a command works with.


@dataclass
class Catalog:
    source: Source
    task_list: TaskList
    _index: dict[str, Obligation] = field(default_factory=dict, repr=False)

    @cached_property
    def obligations(self) -> list[Obligation]:
        from .models import obligations

        return obligations(self.task_list)

    @cached_property
    def by_id(self) -> dict[str, Obligation]:
        return {o.id: o for o in self.obligations}

    @cached_property
    def tasks(self) -> dict[int, Task]:
        return {t.number: t for s in self.task_list.sections for t in s.tasks}

    @cached_property
    def departments(self) -> list[str]:
        seen: dict[str, None] = {}
        for task in self.tasks.values():
            seen.update(dict.fromkeys(task.departments))
        return list(seen)


def load(path: str | os.PathLike[str] | None = None) -> Catalog:
    source = read_source(path)
    return Catalog(source, validate(source))
