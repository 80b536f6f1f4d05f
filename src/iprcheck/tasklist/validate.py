"""Validation of a task list: pydantic for shapes, then the cross-checks a schema cannot express.

A file says its schema version: version 1 (the bundled 2020 list) is checked against the frozen
version-1 format (``schema_v1.py``), version 2 against the program's own records (``model.py``);
either way what passes is read into ``model.TaskList``. Every problem is located at its YAML
line (``file:LINE: path: message``), in either language.
"""

from __future__ import annotations

import copy
import types
from collections.abc import Iterator
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin, get_type_hints

import msgspec
from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from ..dates import in_range
from ..errors import CatalogError, Msg, Problem
from ..vocab import KNOWN_RULES, Actor, ProvinceType
from . import schema_v1, yaml_reader
from .categories import Categories
from .categories import of as categories_of
from .model import Measure, Task, TaskList
from .source import Source
from .yaml_reader import Loc, dotted


def validate(source: Source) -> TaskList:
    """Parse and validate ``source``; raise CatalogError listing every located problem."""
    data, reader = yaml_reader.parse(source)
    schema = schema_v1.TaskList if data.get("schema_version") == 1 else TaskList
    try:
        # Strict: nothing is coerced, so what passes is already of the records' types.
        # (On a copy: the records below take the keys as the file writes them.)
        model_for(schema).model_validate(
            _with_enums(copy.deepcopy(data), version_1=schema is not TaskList)
        )
    except ValidationError as exc:
        problems: list[Problem] = []
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            problems.append((reader.line_of(loc), dotted(loc), _pydantic_message(err)))
        raise CatalogError(source.name, _in_file_order(problems)) from None
    task_list = msgspec.convert(data, TaskList)
    checked: list[Problem] = [
        (reader.line_of(loc), dotted(loc), msg) for loc, msg in cross_check(task_list)
    ]
    if checked:
        raise CatalogError(source.name, _in_file_order(checked))
    return task_list


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    # So that a reader can walk down the file fixing them.
    return sorted(problems, key=lambda problem: problem[0] or 0)


def _with_enums(data: Any, *, version_1: bool) -> Any:
    # Strict models accept enum members, not their string values: convert the known enum fields
    # here so that a wrong value still fails validation with a located message.
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
                    if version_1 and isinstance(m.get(key), list):
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
    """What pydantic cannot see: numbering, ids, years, categories, rules and targets."""
    categories = categories_of(task_list.categories)
    problems: list[tuple[Loc, Msg]] = [*_years(task_list), *_categories(task_list, categories)]
    expected_task, expected_item = 1, 1
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
            if task_list.schema_version == 1:
                problems.extend(_one_national_first(task, tloc))
            for mi, m in enumerate(task.measures):
                mloc: Loc = (*tloc, "measures", mi)
                if task_list.numbering == "item":
                    want = str(expected_item)
                    expected_item += 1
                else:
                    want = f"{task.number}.{mi + 1}"
                if m.id != want:
                    key = "tl_item_id" if task_list.numbering == "item" else "tl_obligation_id"
                    problems.append(((*mloc, "id"), Msg(key, want=want, found=m.id)))
                checked = _check_measure(m, task_list.schema_version, categories)
                problems.extend(((*mloc, *sub), msg) for sub, msg in checked)
    return problems


def _one_national_first(task: Task, tloc: Loc) -> Iterator[tuple[Loc, Msg]]:
    """Version 1 (the 2020 table): each task has one national measure, and it comes first."""
    nationals = [i for i, m in enumerate(task.measures) if m.actor is Actor.NATIONAL]
    if len(nationals) != 1:
        # Point at the second national measure when there is one: that is the line to fix.
        where: Loc = (
            (*tloc, "measures", nationals[1], "actor") if nationals[1:] else (*tloc, "measures")
        )
        yield where, Msg("tl_national_count", count=len(nationals))
    elif task.measures[0].actor is not Actor.NATIONAL:
        yield (*tloc, "measures", 0, "actor"), Msg("tl_national_first")


def _years(task_list: TaskList) -> Iterator[tuple[Loc, Msg]]:
    """A ledger keeps days from 1970 to 2199: a list whose year or dates lie outside could be
    bound but never read back, so it is refused here."""
    if not 1970 <= task_list.year <= 2199:
        yield ("year",), Msg("tl_year_out_of_range", value=task_list.year)
    if task_list.deadline is not None and not in_range(task_list.deadline):
        yield ("deadline",), Msg("tl_year_out_of_range", value=task_list.deadline.isoformat())
    for si, section in enumerate(task_list.sections):
        for ti, task in enumerate(section.tasks):
            if task.due is not None and not in_range(task.due):
                loc: Loc = ("sections", si, "tasks", ti, "due")
                yield loc, Msg("tl_year_out_of_range", value=task.due.isoformat())


def _categories(task_list: TaskList, categories: Categories) -> Iterator[tuple[Loc, Msg]]:
    """Each category declared once, each word naming one category, implications declared."""
    seen: dict[str, int] = {}
    words: dict[str, str] = {}
    for ci, c in enumerate(task_list.categories):
        if c.key in seen:
            yield ("categories", ci, "key"), Msg("tl_category_twice", key=c.key)
        seen[c.key] = ci
        for word in (c.name, *c.words):
            other = words.setdefault(word, c.key)
            if other != c.key:
                yield ("categories", ci, "words"), Msg("tl_word_two", word=word, other=other)
        for k in c.implies:
            if k not in categories.by_key:
                yield ("categories", ci, "implies"), _unknown_category(k, categories)


def _province_rule(m: Measure, version: int, categories: Categories) -> Iterator[tuple[Loc, Msg]]:
    """A provincial measure says who must or may do it; a rule the 2020 list uses means what
    it meant there (where the list keeps the 2020 categories)."""
    if not m.rule and version == 1:
        yield ("rule",), Msg("tl_rule_missing")
    elif not (m.mandatory_for or m.optional_for):
        yield ("mandatory_for",), Msg("tl_province_types_missing")
    elif m.rule in KNOWN_RULES and categories.keys == [t.value for t in ProvinceType]:
        must, may = KNOWN_RULES[m.rule]
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


def _unknown_category(key: str, categories: Categories) -> Msg:
    return Msg(
        "tl_unknown_category",
        value=key,
        valid=categories.valid("en"),
        valid_zh=categories.valid("zh"),
    )


def _check_measure(m: Measure, version: int, categories: Categories) -> Iterator[tuple[Loc, Msg]]:
    if m.actor is Actor.NATIONAL:
        if m.rule is not None or m.mandatory_for or m.optional_for:
            yield ("rule",), Msg("tl_national_rule")
    else:
        yield from _province_rule(m, version, categories)
        if m.targets:
            yield ("targets",), Msg("tl_targets_national")
    for field in ("mandatory_for", "optional_for"):
        for i, key in enumerate(getattr(m, field)):
            if key not in categories.by_key:
                yield (field, i), _unknown_category(key, categories)
    both = set(m.mandatory_for) & set(m.optional_for)
    if both:
        names = ", ".join(sorted(str(t) for t in both))
        yield ("optional_for",), Msg("tl_both_mandatory_optional", names=names)
    for i, target in enumerate(m.targets):
        if target.text not in m.text:
            yield ("targets", i, "text"), Msg("tl_target_not_verbatim")


# ---------------------------------------------------------------------------------------------
# The pydantic twins of the records in ``model.py``.


@cache
def model_for(cls: type) -> type[BaseModel]:
    """The strict, extra-forbidding pydantic twin of the record class ``cls``."""
    hints = get_type_hints(cls, include_extras=True)
    fields: dict[str, Any] = {}
    for f in msgspec.structs.fields(cls):
        if f.default_factory is not msgspec.NODEFAULT:
            spec = Field(default_factory=f.default_factory)
        elif f.default is not msgspec.NODEFAULT:
            spec = Field(default=f.default)
        else:
            spec = Field()
        fields[f.name] = (_twin(hints[f.name]), spec)
    config = ConfigDict(extra="forbid", strict=True)
    model: type[BaseModel] = create_model(cls.__name__, __config__=config, **fields)
    return model


def _twin(tp: Any) -> Any:
    """``tp`` with every record class in it replaced by its twin, and msgspec's constraints
    (``Meta``) by pydantic's."""
    if isinstance(tp, type) and issubclass(tp, msgspec.Struct):
        return model_for(tp)
    origin = get_origin(tp)
    if origin is Annotated:
        inner, *extras = get_args(tp)
        limits: dict[str, Any] = {}
        for meta in extras:
            if isinstance(meta, msgspec.Meta):
                for name in ("min_length", "ge", "le", "pattern"):
                    if getattr(meta, name) is not None:
                        limits[name] = getattr(meta, name)
        return Annotated[_twin(inner), Field(**limits)]
    if origin is list:
        (item,) = get_args(tp)
        return list[_twin(item)]  # type: ignore[misc]
    if origin in (Union, types.UnionType):
        twins = tuple(_twin(a) for a in get_args(tp))
        return Union[twins]  # noqa: UP007 - built from a runtime tuple
    return tp
