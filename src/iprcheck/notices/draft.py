"""A task list drafted from a notice, and the review of what was found.

The draft is written as a task list in schema version 2 (``Draft.data``, ``Draft.yaml``): only
the fields the notice gave, source text verbatim. The review (``Review``) is data for the
command to put into words: counts, items nobody is made responsible for, numbering gaps, a copy
that ends mid-item, province categories the 2020 list does not have, and notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..errors import Msg

SCHEMA_VERSION = 2


@dataclass
class DraftMeasure:
    id: str
    actor: str  # national | province
    text: str
    rule: str | None = None
    mandatory_for: list[str] = field(default_factory=list)
    optional_for: list[str] = field(default_factory=list)
    departments: list[str] | None = None
    responsibility: str | None = None

    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "actor": self.actor, "text": self.text}
        if self.departments is not None:
            out["departments"] = self.departments
        if self.responsibility is not None:
            out["responsibility"] = self.responsibility
        if self.actor == "province":
            if self.rule is not None:
                out["rule"] = self.rule
            out["mandatory_for"] = self.mandatory_for
            out["optional_for"] = self.optional_for
        return out


@dataclass
class DraftTask:
    number: int
    title: str
    measures: list[DraftMeasure] = field(default_factory=list)
    label: str | None = None
    goal: str | None = None
    departments: list[str] = field(default_factory=list)
    completion: str | None = None
    due: date | None = None

    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {"number": self.number, "title": self.title}
        for key in ("label", "goal"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        if self.departments:
            out["departments"] = self.departments
        if self.completion is not None:
            out["completion"] = self.completion
        if self.due is not None:
            out["due"] = self.due
        out["measures"] = [m.data() for m in self.measures]
        return out


@dataclass
class DraftSection:
    number: int
    title: str
    tasks: list[DraftTask] = field(default_factory=list)


@dataclass(frozen=True)
class Gap:
    """Numbers the notice skips: ``missing`` after ``after`` (None: at the start)."""

    kind: str  # section | task | item
    after: str | None
    missing: list[str]


@dataclass(frozen=True)
class UnknownCategory:
    name: str  # as the rule writes it
    key: str  # the key the draft gives it
    rule: str  # the rule it came from, verbatim
    item: str  # the first item whose rule names it


@dataclass(frozen=True)
class Incomplete:
    item: str
    # text: it stops mid-sentence; party: it lacks the responsible party the other items end
    # with; cells: its task has no 执行部门
    why: str


@dataclass
class Review:
    family: str  # table | plan
    no_party: list[str] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    incomplete: Incomplete | None = None
    unknown: list[UnknownCategory] = field(default_factory=list)
    unread_rules: list[tuple[str, str]] = field(default_factory=list)  # (item, rule)
    notes: list[Msg] = field(default_factory=list)


@dataclass
class Draft:
    source: str
    list_id: str
    year: int
    title: str
    sections: list[DraftSection]
    review: Review
    numbering: str = "task.measure"
    document_number: str | None = None
    deadline: date | None = None
    categories: list[dict[str, Any]] = field(default_factory=list)

    @property
    def measures(self) -> list[DraftMeasure]:
        return [m for s in self.sections for t in s.tasks for m in t.measures]

    @property
    def task_count(self) -> int:
        return sum(len(s.tasks) for s in self.sections)

    def data(self) -> dict[str, Any]:
        """The draft as a task list file holds it."""
        out: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "id": self.list_id,
            "year": self.year,
            "title": self.title,
        }
        if self.document_number is not None:
            out["document_number"] = self.document_number
        if self.deadline is not None:
            out["deadline"] = self.deadline
        out["numbering"] = self.numbering
        if self.categories:
            out["categories"] = self.categories
        out["sections"] = [
            {"number": s.number, "title": s.title, "tasks": [t.data() for t in s.tasks]}
            for s in self.sections
        ]
        return out

    def yaml(self, header: list[str]) -> bytes:
        """The draft as YAML (UTF-8, Chinese as it is), after ``header`` as comment lines."""
        import yaml  # only writing a draft needs it

        body = yaml.dump(
            self.data(),
            Dumper=_dumper(),
            allow_unicode=True,
            sort_keys=False,
            default_flow_style=False,
            width=10**6,
        )
        comments = "".join(f"# {comment_safe(line)}".rstrip() + "\n" for line in header)
        comments += "\n" if header else ""
        return (comments + body).encode("utf-8")


def _dumper() -> Any:
    """PyYAML's safe dumper, as a hand-kept list is written: a list of names on one line
    (``departments: [保护司]``), and no anchors or aliases (a task list may not have them)."""
    import yaml

    # LibYAML's emitter where PyYAML has it (its wheels do): the pure-Python one takes seconds
    # over a megabyte of text.
    base: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

    class Dumper(base):  # type: ignore[misc]
        def ignore_aliases(self, data: Any) -> bool:
            return True

    def names(dumper: Any, data: list[Any]) -> yaml.Node:
        flow = all(isinstance(item, str) for item in data)
        node: yaml.Node = dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)
        return node

    Dumper.add_representer(list, names)
    return Dumper


def comment_safe(text: str) -> str:
    """``text`` as one comment line: nothing in it (a file's name) may end the comment or hide
    in it; a line break or an invisible character is written as its escape."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)
