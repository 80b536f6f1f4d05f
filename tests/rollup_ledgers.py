"""Province ledgers for the rollup tests, made the two ways a real one comes to exist: through
the library (``ledger.init`` + ``ledger.mark``/``assign``/``undo``, what the CLI does) and by
writing the documented JSON Lines format directly (what another tool, or a hand, might do)."""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path

from iprcheck import ledger
from iprcheck.tasklist import Catalog

PROFILES: tuple[tuple[str, ...], ...] = (
    ("pilot-leading",),
    ("pilot-supporting",),
    ("pilot-featured",),
    ("involved",),
    (),
    ("involved", "pilot-leading"),
    ("pilot",),
)
CST = timezone(timedelta(hours=8))


def line(record: dict[str, object]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": ")) + "\n"


def header(
    catalog: Catalog,
    province: str | None,
    types: Sequence[str],
    *,
    national: bool = False,
    department: str | None = None,
) -> dict[str, object]:
    from iprcheck.obligations import Profile

    return {
        "format": ledger.FORMAT,
        "version": ledger.VERSION,
        "ledger": str(uuid.uuid4()),
        "created": "2020-03-01T09:00:00.000000+08:00",
        "province": province,
        "types": [] if national else Profile.of(types).type_keys(),
        "national": national,
        "department": department,
        "list": {
            "id": catalog.task_list.id,
            "year": catalog.task_list.year,
            "title": catalog.task_list.title,
            "sha256": catalog.source.digest,
        },
    }


def status_event(
    oid: str, before: str, after: str, at: datetime, note: str | None = None
) -> dict[str, object]:
    out: dict[str, object] = {
        "event": str(uuid.uuid4()),
        "command": str(uuid.uuid4()),
        "at": at.isoformat(timespec="microseconds"),
        "by": "测试",
        "kind": "status",
        "obligation": oid,
        "before": {"status": before},
        "after": {"status": after},
    }
    if note is not None:
        out["note"] = note
    return out


def write_direct(
    path: Path,
    catalog: Catalog,
    province: str | None,
    types: Sequence[str],
    changes: int,
    seed: int,
    start: datetime | None = None,
) -> None:
    """A ledger of ``changes`` random status changes, written line by line as documented."""
    rnd = random.Random(seed)
    head = header(catalog, province, types)
    from iprcheck.obligations import Profile, entries

    ids = [e.obligation.id for e in entries(catalog.obligations, Profile.of(types))]
    at = start or datetime(2020, 3, 2, 9, tzinfo=CST)
    state: dict[str, str] = {}
    out = [line(head)]
    for _ in range(changes):
        at += timedelta(minutes=rnd.randint(1, 600))
        oid = rnd.choice(ids)
        after = rnd.choice(["todo", "in-progress", "done", "done", "blocked", "waived"])
        note = "理由：不适用本省" if after == "waived" else None
        out.append(line(status_event(oid, state.get(oid, "todo"), after, at, note)))
        state[oid] = after
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(out), encoding="utf-8")


def write_via_library(
    path: Path, catalog: Catalog, province: str | None, types: Sequence[str], seed: int
) -> None:
    """init, then a few marks (waivers with their reason), an assignment and an undo."""
    rnd = random.Random(seed)
    made = ledger.init(
        path, catalog, province=province, types=types, national=False, department=None
    )
    ids = [e.obligation.id for e in made.ledger.entries(catalog)]
    for status in ("in-progress", "done", "blocked", "done", "waived"):
        chosen = rnd.sample(ids, rnd.randint(0, max(1, len(ids) // 3)))
        if chosen:
            ledger.mark(path, catalog, chosen, status, note="原因说明", by="测试")
    ledger.assign(path, catalog, ids[:2], owner="运用促进处", due=None, by="测试")
    if seed % 3 == 0:
        ledger.undo(path, catalog, by="测试")


def make_country(root: Path, catalog: Catalog) -> dict[str, Path]:
    """31 provinces with varied profiles and progress, plus the national office; name -> path.

    Every other province is written directly with its own span of dates, so that last updates
    differ; one province has no change at all.
    """
    made: dict[str, Path] = {}
    units = catalog.task_list.reporting_units[:31]
    for i, unit in enumerate(units):
        types = PROFILES[i % len(PROFILES)]
        path = root / f"{i + 1:02d}-{unit.name_en.split()[0].lower()}" / ledger.DEFAULT_NAME
        if i == 30:
            ledger.init(
                path, catalog, province=unit.name, types=types, national=False, department=None
            )
        elif i % 2:
            start = datetime(2020, 3, 2, 9, tzinfo=CST) + timedelta(days=3 * i)
            write_direct(path, catalog, unit.name, types, changes=10 + 7 * i, seed=i, start=start)
        else:
            write_via_library(path, catalog, unit.name, types, seed=i)
        made[unit.name] = path
    national = root / "national" / ledger.DEFAULT_NAME
    ledger.init(national, catalog, province=None, types=[], national=True, department=None)
    ledger.mark(national, catalog, ["1.1", "2.1", "6.1"], "done", by="测试")
    ledger.mark(national, catalog, ["7.1"], "blocked", note="等待", by="测试")
    made["国家知识产权局"] = national
    return made


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under ``root`` with its bytes and modification time."""
    return {
        str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }
