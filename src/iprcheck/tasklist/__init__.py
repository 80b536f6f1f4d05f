"""Task lists: the typed records, where a list comes from, and the validated catalog.

``validate`` (PyYAML and pydantic) is imported from ``tasklist.validate`` by whoever needs it:
a command reading a list the cache has already seen never loads either.
"""

from .catalog import Catalog, load
from .model import Measure, Obligation, Section, Target, Task, TaskList
from .source import Source, bundled_source, read_source

__all__ = [
    "Catalog",
    "Measure",
    "Obligation",
    "Section",
    "Source",
    "Target",
    "Task",
    "TaskList",
    "bundled_source",
    "load",
    "read_source",
]
