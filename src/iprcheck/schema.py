"""pydantic models derived from the dataclasses in ``models.py``, for validating a task list.

Only ``iprcheck validate`` and a catalog the cache has not seen come here; everything else works
on the dataclasses, so pydantic's validator build stays off the start-up path.
"""

from __future__ import annotations

import dataclasses
import types
from functools import cache
from typing import Any, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel, ConfigDict, Field, create_model


@cache
def model_for(cls: type) -> type[BaseModel]:
    """The strict, extra-forbidding pydantic twin of dataclass ``cls``."""
    hints = get_type_hints(cls)
    fields: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.default_factory is not dataclasses.MISSING:
            spec = Field(default_factory=f.default_factory, **f.metadata)
        elif f.default is not dataclasses.MISSING:
            spec = Field(default=f.default, **f.metadata)
        else:
            spec = Field(**f.metadata)
        fields[f.name] = (_twin(hints[f.name]), spec)
    config = ConfigDict(extra="forbid", strict=True)
    model: type[BaseModel] = create_model(cls.__name__, __config__=config, **fields)
    return model


def _twin(tp: Any) -> Any:
    """``tp`` with every dataclass in it replaced by its pydantic twin."""
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return model_for(tp)
    origin = get_origin(tp)
    if origin is list:
        (item,) = get_args(tp)
        return list[_twin(item)]  # type: ignore[misc]
    if origin in (Union, types.UnionType):
        twins = tuple(_twin(a) for a in get_args(tp))
        return Union[twins]  # noqa: UP007 - built from a runtime tuple
    return tp
