"""Find, read and validate a task list, with every problem located at its YAML line."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from types import UnionType
from typing import TYPE_CHECKING, Any, Literal, TypeVar, Union, get_args, get_origin

from .errors import CatalogError, IprcheckError, Msg, Problem

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
        from .cache import sha256_hex

        return sha256_hex(self.data)


def bundled_source() -> Source:
    # The list ships as a file inside the package. Reading it beside this module skips
    # importlib.resources' own imports (~3 ms of every command); resources still finds it where
    # there is no such file (a zipped install).
    beside = Path(__file__).with_name("data") / BUNDLED
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
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise CatalogError(
                str(p), [(None, "", Msg("tl_too_large", size=size, limit=MAX_BYTES))]
            )
        return Source(str(p), p.read_bytes())
    except FileNotFoundError:
        raise IprcheckError("file_missing", path=str(p)) from None
    except (IsADirectoryError, PermissionError, OSError) as exc:
        raise IprcheckError("file_unreadable", path=str(p), reason=exc) from None


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
                        _dotted((*loc, key)),
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
                node.start_mark.line + 1, Msg(kind, value=value, reason=exc), _dotted(loc)
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


def _dotted(loc: Loc) -> str:
    return ".".join(str(part) for part in loc)


def _parse(source: Source) -> tuple[Any, _Reader]:
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


# ---------------------------------------------------------------------------------------------
# Validation: pydantic for shapes, then the cross-checks a schema cannot express.


def validate(source: Source) -> TaskList:
    """Parse and validate ``source``; raise CatalogError listing every located problem."""
    from pydantic import ValidationError

    from .models import TaskList
    from .schema import model_for

    data, reader = _parse(source)
    try:
        # Strict: nothing was coerced, so the data is already of the dataclasses' types.
        model_for(TaskList).model_validate(_with_enums(data))
        task_list = _construct(TaskList, data)
    except ValidationError as exc:
        problems: list[Problem] = []
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            problems.append((reader.line_of(loc), _dotted(loc), _pydantic_message(err)))
        raise CatalogError(source.name, _in_file_order(problems)) from None
    checked: list[Problem] = [
        (reader.line_of(loc), _dotted(loc), msg) for loc, msg in cross_check(task_list)
    ]
    if checked:
        raise CatalogError(source.name, _in_file_order(checked))
    return task_list


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    # So that a reader can walk down the file fixing them.
    return sorted(problems, key=lambda problem: problem[0] or 0)


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


# pydantic error types put into words in both languages, with the context each message uses.
# The English words are pydantic's own (its ``msg``, lowercased); the Chinese, i18n's.
_PYDANTIC_KEYS = {
    "string_type": "pyd_string_type",
    "int_type": "pyd_int_type",
    "int_parsing": "pyd_int_type",
    "float_type": "pyd_float_type",
    "float_parsing": "pyd_float_type",
    "bool_type": "pyd_bool_type",
    "bool_parsing": "pyd_bool_type",
    "list_type": "pyd_list_type",
    "dict_type": "pyd_dict_type",
    "too_short": "pyd_too_short",
    "string_too_short": "pyd_string_too_short",
    "too_long": "pyd_too_long",
    "string_too_long": "pyd_string_too_long",
    "greater_than_equal": "pyd_greater_than_equal",
    "greater_than": "pyd_greater_than",
    "less_than_equal": "pyd_less_than_equal",
    "less_than": "pyd_less_than",
    "string_pattern_mismatch": "pyd_pattern",
    "date_type": "pyd_date_type",
    "date_parsing": "pyd_date_type",
    "date_from_datetime_parsing": "pyd_date_type",
    "date_from_datetime_inexact": "pyd_date_type",
    "datetime_type": "pyd_datetime_type",
    "model_type": "pyd_dict_type",
    "dataclass_type": "pyd_dict_type",
    "model_attributes_type": "pyd_dict_type",
}


def _pydantic_message(err: Any) -> Msg:
    kind = err["type"]
    ctx: dict[str, Any] = dict(err.get("ctx") or {})
    if kind == "missing":
        return Msg("tl_field_required")
    if kind == "extra_forbidden":
        return Msg("tl_unknown_field")
    if kind in ("enum", "is_instance_of"):
        # Strict enum fields report "instance of Actor": name the values a file may use instead.
        from .models import Actor, ProvinceType

        enums: dict[str, Any] = {"Actor": Actor, "ProvinceType": ProvinceType}
        enum = enums.get(ctx.get("class", ""))
        if enum is not None:
            valid = ", ".join(member.value for member in enum)
            return Msg("tl_not_allowed", value=err["input"], valid=valid)
    text: str = err["msg"]
    msg = text[0].lower() + text[1:] if text else kind
    if kind in ("literal_error", "enum") and "expected" in ctx:
        # pydantic lists the choices as "'a', 'b' or 'c'": the Chinese says "'a', 'b', 'c'".
        head, sep, last = str(ctx["expected"]).rpartition(" or ")
        if sep:
            return Msg("pyd_one_of", msg=msg, choices=f"{head}, {last}")
        return Msg("pyd_literal", msg=msg, expected=last)
    key = _PYDANTIC_KEYS.get(kind, "pyd_other")
    try:
        Msg(key, msg=msg, **ctx).render("zh")
    except (KeyError, IndexError, ValueError):
        # A pydantic version whose context lacks what the Chinese names: say it in its words.
        key, ctx = "pyd_other", {}
    return Msg(key, msg=msg, **ctx)


def cross_check(task_list: TaskList) -> list[tuple[Loc, Msg]]:
    """What pydantic cannot see: numbering, ids, the national measure, rules and targets."""
    from .models import KNOWN_RULES, Actor

    problems: list[tuple[Loc, Msg]] = []
    expected_task = 1
    for si, section in enumerate(task_list.sections):
        if section.number != si + 1:
            problems.append(
                (
                    ("sections", si, "number"),
                    Msg("tl_section_numbers", expected=si + 1, found=section.number),
                )
            )
        for ti, task in enumerate(section.tasks):
            tloc: Loc = ("sections", si, "tasks", ti)
            if task.number != expected_task:
                problems.append(
                    (
                        (*tloc, "number"),
                        Msg("tl_task_numbers", expected=expected_task, found=task.number),
                    )
                )
            expected_task = task.number + 1
            if (task.completion is None) != (task.due is None) and task.due is not None:
                problems.append(((*tloc, "due"), Msg("tl_due_without_completion")))
            nationals = [i for i, m in enumerate(task.measures) if m.actor is Actor.NATIONAL]
            if len(nationals) != 1:
                # Point at the second national measure when there is one: that is the line to fix.
                where: Loc = (
                    (*tloc, "measures", nationals[1], "actor")
                    if nationals[1:]
                    else (*tloc, "measures")
                )
                problems.append((where, Msg("tl_national_count", count=len(nationals))))
            elif task.measures[0].actor is not Actor.NATIONAL:
                problems.append(((*tloc, "measures", 0, "actor"), Msg("tl_national_first")))
            for mi, m in enumerate(task.measures):
                mloc: Loc = (*tloc, "measures", mi)
                want = f"{task.number}.{mi + 1}"
                if m.id != want:
                    problems.append(((*mloc, "id"), Msg("tl_obligation_id", want=want, found=m.id)))
                problems.extend(((*mloc, *sub), msg) for sub, msg in _check_measure(m, KNOWN_RULES))
    return problems


def _check_measure(m: Any, known: dict[str, Any]) -> Iterator[tuple[Loc, Msg]]:
    from .models import Actor

    if m.actor is Actor.NATIONAL:
        if m.rule is not None or m.mandatory_for or m.optional_for:
            yield ("rule",), Msg("tl_national_rule")
    else:
        if not m.rule:
            yield ("rule",), Msg("tl_rule_missing")
        elif not (m.mandatory_for or m.optional_for):
            yield ("mandatory_for",), Msg("tl_province_types_missing")
        elif m.rule in known:
            must, may = known[m.rule]
            if set(m.mandatory_for) != set(must) or set(m.optional_for) != set(may):
                yield (
                    ("rule",),
                    Msg(
                        "tl_rule_disagrees",
                        rule=m.rule,
                        must=[str(x) for x in must],
                        may=[str(x) for x in may],
                    ),
                )
        if m.targets:
            yield ("targets",), Msg("tl_targets_national")
    both = set(m.mandatory_for) & set(m.optional_for)
    if both:
        names = ", ".join(sorted(str(t) for t in both))
        yield ("optional_for",), Msg("tl_both_mandatory_optional", names=names)
    for i, target in enumerate(m.targets):
        if target.text not in m.text:
            yield ("targets", i, "text"), Msg("tl_target_not_verbatim")


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
    """The task list a command works with, validated once per content (see the cache below)."""
    source = read_source(path)
    key = _cache_key(source)
    task_list = _cache_read(key)
    if task_list is None:
        task_list = validate(source)
        _cache_write(key, task_list)
    return Catalog(source, task_list)


# ---------------------------------------------------------------------------------------------
# The validated-list cache. Validating costs a command more than all its own work (importing
# and running the YAML reader, pydantic building its validators), and the list rarely changes;
# so the validated list is kept as JSON in the user's cache folder (cache.py) under its content's
# sha256, and the dataclasses are rebuilt from it by their annotations. The key is stored inside
# and compared in full; any problem with the cache (missing, stale, corrupt, unwritable) means
# "validate again", never an error. `iprcheck validate` does not use it. JSON rather than
# pickle: within a millisecond of it here, and a cache file someone else wrote can at worst show
# wrong data, not run code.

CACHE_FORMAT = 1
CACHE_KEEP = 8  # cache files for this many different lists; older ones are removed


def _cache_key(source: Source) -> dict[str, Any]:
    from . import __version__
    from .cache import stamp
    from .models import SCHEMA_VERSION

    here = Path(__file__)
    return {
        "format": CACHE_FORMAT,
        "sha256": source.digest,
        "iprcheck": __version__,
        "schema": SCHEMA_VERSION,
        # Validation rules can change in a checkout without a version bump: the code is in the key.
        "code": stamp(here, here.with_name("models.py"), here.with_name("schema.py")),
    }


def _cache_read(key: dict[str, Any]) -> TaskList | None:
    from . import cache
    from .models import TaskList

    data = cache.read("catalog", key)
    try:
        return None if data is None else _construct(TaskList, data)
    except Exception:
        # Right key, wrong data (edited by hand, another build): validate the list again.
        return None


def _cache_write(key: dict[str, Any], task_list: TaskList) -> None:
    from . import cache
    from .models import TaskList

    data = _jsonable(task_list)
    # A field type _reviver mishandled would come back subtly different (a str for an enum):
    # better no cache than a wrong one. repr shows types (enum members, dates, 1 vs 1.0).
    if repr(_construct(TaskList, data)) == repr(task_list):
        cache.write("catalog", key, data, keep=CACHE_KEEP)


_M = TypeVar("_M")


def _construct(cls: type[_M], data: Any) -> _M:
    """A dataclass built from validated data or its own JSON dump, every value of its field type."""
    built: _M = _builder(cls)(data)  # type: ignore[arg-type]
    return built


def _jsonable(value: Any) -> Any:
    from dataclasses import fields, is_dataclass
    from datetime import date
    from enum import Enum

    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return value


@cache
def _builder(cls: type[Any]) -> Callable[[Any], Any]:
    # Worked out once per class from its annotations: about 10x faster than inspecting them for
    # each of the list's ~100 objects.
    from dataclasses import MISSING, fields
    from typing import get_type_hints

    hints = get_type_hints(cls)
    fields_ = [
        (f.name, _reviver(hints[f.name]), f.default is MISSING and f.default_factory is MISSING)
        for f in fields(cls)
    ]
    construct = cls

    def build(data: Any) -> Any:
        if type(data) is not dict:
            raise TypeError(f"{cls.__name__}: expected an object")
        values = {}
        for name, revive, required in fields_:
            if name in data:
                values[name] = revive(data[name])
            elif required:
                raise KeyError(f"{cls.__name__}.{name}")
        return construct(**values)

    return build


def _reviver(tp: Any) -> Callable[[Any], Any]:
    """How to turn a JSON value back into a value of type ``tp``; TypeError if it is not one."""
    from dataclasses import is_dataclass
    from datetime import date
    from enum import Enum

    def fail(value: Any) -> Any:
        raise TypeError(f"cannot rebuild {tp!r} from {type(value).__name__}")

    origin = get_origin(tp)
    if origin is list:
        (item_type,) = get_args(tp)
        item = _reviver(item_type)
        return lambda v: [item(x) for x in v] if type(v) is list else fail(v)
    if origin in (Union, UnionType):
        options = [o for o in get_args(tp) if o is not type(None)]
        nullable = len(options) < len(get_args(tp))
        if len(options) == 1:
            one = _reviver(options[0])
            return lambda v: None if v is None and nullable else one(v)
        if all(o in (str, int, float, bool) for o in options):
            # int | float: JSON keeps 1 and 1.0 apart, so the type survives as it is.
            kinds = tuple(options)
            return lambda v: v if type(v) in kinds or (v is None and nullable) else fail(v)
    elif origin is Literal:
        allowed = get_args(tp)
        return lambda v: v if v in allowed else fail(v)
    elif isinstance(tp, type):
        if is_dataclass(tp):
            return lambda v: _builder(tp)(v)
        if issubclass(tp, Enum):
            return tp
        if tp is date:
            # A date from YAML arrives as one; from the cache's JSON, as ISO text.
            return lambda v: (
                v if type(v) is date else date.fromisoformat(v) if type(v) is str else fail(v)
            )
        if tp in (str, int, float, bool):
            return lambda v: v if type(v) is tp else fail(v)
    raise TypeError(f"no way to rebuild {tp!r} from JSON")
