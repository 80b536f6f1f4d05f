"""The catalog a command works with: a task list read, validated once per content, indexed.

Validating costs a command more than all its own work (the YAML reader, pydantic building its
validators), and a list rarely changes; so the validated list is kept in the user's cache
folder (``cache.py``) under its content's sha256 and decoded from there into the same typed
records. The key is stored inside and compared in full; any problem with the cache (missing,
stale, corrupt, unwritable) means "validate again", never an error. ``iprcheck validate`` does
not use it. JSON, not pickle: a cache file someone else wrote can at worst fail to decode.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import cached_property
from pathlib import Path
from typing import Any

import msgspec

from .. import __version__, cache
from .categories import Categories
from .categories import of as categories_of
from .model import SCHEMA_VERSION, Obligation, ReportingUnit, Task, TaskList, obligations
from .source import Source, bundled_source, read_source

# A unit's name without its kind: 浙江省 -> 浙江, 广西壮族自治区 -> 广西.
_SHORT = re.compile(r"^(.+?)(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$")

CACHE_FORMAT = 2
CACHE_KEEP = 8  # cache files for this many different lists; older ones are removed


class Catalog:
    """A validated task list and the indexes every command uses."""

    def __init__(self, source: Source, task_list: TaskList) -> None:
        self.source = source
        self.task_list = task_list

    @cached_property
    def obligations(self) -> list[Obligation]:
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
        for o in self.obligations:
            seen.update(dict.fromkeys(o.departments))
        return list(seen)

    @cached_property
    def categories(self) -> Categories:
        """The province categories the list's rules name (the 2020 list's, unless it declares
        its own)."""
        return categories_of(self.task_list.categories)

    @property
    def numbered_items(self) -> bool:
        """Whether the document numbers what is tracked as items 1..N (the plan family), so a
        number people type is an item, never a task."""
        return self.task_list.numbering == "item"

    @cached_property
    def reporting_units(self) -> list[ReportingUnit]:
        """The units that report on the list: its own, else the 2020 list's 32."""
        return self.task_list.reporting_units or default_units()

    @cached_property
    def unit_names(self) -> dict[str, str]:
        """Reporting unit -> its English name, in the list's order."""
        return {u.name: u.name_en for u in self.reporting_units}

    @cached_property
    def fingerprints(self) -> dict[str, str]:
        """Each obligation's id -> a digest of what it asks of whom (its actor, text, rule and
        types): what a ledger is bound to, so that a list that differs only in comments,
        layout or key order is the same list, and a corrected one names what changed."""
        import hashlib  # only binding a ledger, or checking a binding that differs, needs it

        out = {}
        for o in self.obligations:
            m = o.measure
            what = msgspec.json.encode([m.actor, m.text, m.rule, m.mandatory_for, m.optional_for])
            out[o.id] = hashlib.sha256(what).hexdigest()[:16]
        return out

    def unit(self, name: str) -> str | None:
        """The reporting unit ``name`` is, as a person may have typed or pasted it (other
        Unicode forms, spaces around it, its English name), or None: a name that only looks
        like one (广东省 with a zero-width space, 広东省) is none."""
        plain = unicodedata.normalize("NFKC", name).strip()
        if plain in self.unit_names:
            return plain
        english = {en.casefold(): zh for zh, en in self.unit_names.items()}
        return english.get(plain.casefold())

    @cached_property
    def unit_short_names(self) -> dict[str, str]:
        """What people call a reporting unit -> the unit: 浙江 (浙江省), 内蒙古 (内蒙古自治区),
        新疆 (新疆维吾尔自治区), 兵团 (新疆生产建设兵团). Only names that mean one unit."""
        short: dict[str, list[str]] = {}
        for name in self.unit_names:
            for cut in _SHORT.findall(name) or [name]:
                short.setdefault(cut, []).append(name)
        short.setdefault("兵团", []).extend(n for n in self.unit_names if n.endswith("兵团"))
        return {k: v[0] for k, v in short.items() if len(v) == 1 and k not in self.unit_names}

    def unit_typed(self, name: str) -> tuple[str | None, str | None]:
        """What ``init --province`` means by ``name``: (the unit, None) where one unit matches
        (its name, its short name, or the start of only one name: 内蒙); else (None, the unit
        it most looks like, for "did you mean", or None)."""
        found = self.unit(name)
        if found is not None:
            return found, None
        plain = unicodedata.normalize("NFKC", name).strip()
        if plain in self.unit_short_names:
            return self.unit_short_names[plain], None
        starts = [u for u in self.unit_names if len(plain) >= 2 and u.startswith(plain)]
        if len(starts) == 1:
            return starts[0], None
        import difflib

        names = [*self.unit_names, *self.unit_short_names]
        close = difflib.get_close_matches(plain, names, n=1, cutoff=0.5)
        return None, (self.unit_short_names.get(close[0], close[0]) if close else None)


# The bundled list's past versions: sha256 of the file -> its fingerprints, so that a ledger
# bound to an older release's list (before ledgers kept fingerprints) still opens.
VERSIONS = Path(__file__).parent.parent / "data" / "tasks_2020.versions.json"


def default_units() -> list[ReportingUnit]:
    """The 31 provincial-level divisions and the XPCC, as the bundled list names them."""
    return load_bundled().task_list.reporting_units


def known_version(sha256: str) -> dict[str, str] | None:
    try:
        versions = msgspec.json.decode(VERSIONS.read_bytes(), type=dict[str, dict[str, str]])
    except (OSError, msgspec.DecodeError, msgspec.ValidationError):
        return None
    return versions.get(sha256)


def versions_with_bundled() -> bytes:
    """VERSIONS with the bundled list's current version added (tools/record-bundled-version)."""
    try:
        versions = msgspec.json.decode(VERSIONS.read_bytes(), type=dict[str, dict[str, str]])
    except OSError:
        versions = {}
    catalog = load()
    versions[catalog.source.digest] = catalog.fingerprints
    return msgspec.json.format(msgspec.json.encode(versions), indent=1) + b"\n"


def load(path: str | os.PathLike[str] | None = None) -> Catalog:
    """The task list in effect (``path``, $IPRCHECK_TASKS or the bundled list), validated."""
    return _validated(read_source(path))


def load_bundled() -> Catalog:
    """The bundled list, whatever --tasks or $IPRCHECK_TASKS say (the library of lists)."""

    return _validated(bundled_source())


def _validated(source: Source) -> Catalog:
    """The catalog of ``source``: the validated list the cache keeps for these bytes, else
    validated now (and kept)."""
    key = cache_key(source)
    task_list = cache.read("catalog", key, TaskList)
    if task_list is None:
        # Only a list the cache has not seen pays for PyYAML and pydantic.
        from .validate import validate

        task_list = validate(source)
        cache.write("catalog", key, task_list, keep=CACHE_KEEP)
    return Catalog(source, task_list)


def cache_key(source: Source) -> dict[str, Any]:
    here = Path(__file__).parent
    return {
        "format": CACHE_FORMAT,
        "sha256": source.digest,
        "iprcheck": __version__,
        "schema": SCHEMA_VERSION,
        # Validation rules can change in a checkout without a version bump: the code is in the key.
        "code": cache.stamp(here / "model.py", here / "validate.py"),
    }
