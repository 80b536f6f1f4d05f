"""`iprcheck list`: who owes what, for every province profile, derived from the source document.

The expectations come from tests/source_document.py (the shipped source text) and from the
hand-written reading of the rule vocabulary below — never from tasks_2020.yaml.
"""

from __future__ import annotations

import json
from itertools import combinations
from typing import Any

import pytest
from conftest import runner
from source_document import SourceTask, parse

from iprcheck.cli import app

_, SOURCE_TASKS = parse()

TYPES = ("all", "involved", "pilot", "pilot-leading", "pilot-supporting", "pilot-featured")
TIERS = {"pilot-leading", "pilot-supporting", "pilot-featured"}
PROFILES = [frozenset(c) for r in range(1, len(TYPES) + 1) for c in combinations(TYPES, r)]

EVERY_MUST = "各类省份必做"
EVERY_MAY = "各类省份选做"
INVOLVED_MUST = "涉及省份必做"
GI_FIRST_BATCH_MUST = "第一批地理标志运用促进工作项目涉及省份必做"
PILOT_MUST = "知识产权强省建设试点省必做"
LEADING_SUPPORTING_MUST = "引领型、支撑型知识产权强省试点省必做，其他省份选做"


def expected_requirement(rule: str, declared: frozenset[str]) -> str | None:
    """What a province that declared ``declared`` owes under ``rule``; None: not its business."""
    is_pilot = "pilot" in declared or bool(declared & TIERS)
    if rule == EVERY_MUST:
        return "mandatory"
    if rule == EVERY_MAY:
        return "optional"
    if rule in (INVOLVED_MUST, GI_FIRST_BATCH_MUST):
        return "mandatory" if "involved" in declared else None
    if rule == PILOT_MUST:
        return "mandatory" if is_pilot else None
    if rule == LEADING_SUPPORTING_MUST:
        leading_or_supporting = {"pilot-leading", "pilot-supporting"} & declared
        return "mandatory" if leading_or_supporting else "optional"
    raise AssertionError(f"a rule the vocabulary does not know: {rule}")


# The normalised rule as the JSON contract spells it: (mandatory_for, optional_for).
RULE_TYPES: dict[str, tuple[list[str], list[str]]] = {
    EVERY_MUST: (["all"], []),
    EVERY_MAY: ([], ["all"]),
    INVOLVED_MUST: (["involved"], []),
    GI_FIRST_BATCH_MUST: (["involved"], []),
    PILOT_MUST: (["pilot"], []),
    LEADING_SUPPORTING_MUST: (["pilot-leading", "pilot-supporting"], ["all"]),
}


def provincial() -> list[tuple[str, SourceTask, str, str]]:
    """(id, task, text, rule) for every provincial paragraph of the source, in order."""
    return [
        (f"{task.number}.{n}", task, text, rule)
        for task in SOURCE_TASKS
        for n, (text, rule) in enumerate(task.provincial, start=2)
    ]


def every_measure_id() -> list[str]:
    return [f"{t.number}.{n}" for t in SOURCE_TASKS for n in range(1, len(t.paragraphs) + 1)]


def list_json(*args: str) -> list[dict[str, Any]]:
    result = runner.invoke(app, ["list", *args, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert isinstance(rows, list)
    return rows


def type_args(types: frozenset[str] | set[str] | tuple[str, ...]) -> list[str]:
    return [arg for t in sorted(types) for arg in ("--province-type", t)]


def test_the_source_uses_only_the_known_rules() -> None:
    assert {rule for _, _, _, rule in provincial()} == set(RULE_TYPES)


@pytest.mark.parametrize("declared", PROFILES, ids=lambda p: "+".join(sorted(p)))
def test_list_returns_exactly_what_the_source_assigns(declared: frozenset[str]) -> None:
    expected = [
        (oid, req)
        for oid, _, _, rule in provincial()
        if (req := expected_requirement(rule, declared)) is not None
    ]
    rows = list_json(*type_args(declared))
    assert [(r["id"], r["requirement"]) for r in rows] == expected


def test_the_examples_a_reader_would_check_by_hand() -> None:
    every = {r["id"] for r in list_json("--province-type", "all")}
    assert "2.3" not in every and "3.3" not in every and "12.3" not in every
    assert {"16.2", "17.2", "11.3"} <= every
    featured = {r["id"]: r["requirement"] for r in list_json("-p", "pilot-featured")}
    assert featured["3.3"] == "mandatory" and featured["11.3"] == "optional"
    leading = {r["id"]: r["requirement"] for r in list_json("-p", "pilot-leading")}
    assert leading["11.3"] == "mandatory"
    assert {r["id"] for r in list_json("-p", "involved")} >= {"2.3", "8.3", "12.3", "14.3"}


def test_a_profile_never_lists_national_measures() -> None:
    rows = list_json(*type_args(set(TYPES)))
    assert rows and all(r["actor"] == "province" for r in rows)
    assert len(rows) == len(provincial())


def test_rows_carry_the_source_text_rule_and_normalised_types() -> None:
    rows = {r["id"]: r for r in list_json(*type_args(set(TYPES)))}
    for oid, task, text, rule in provincial():
        row = rows[oid]
        assert row["text"] == text
        assert row["rule"] == rule
        assert row["task"] == task.number
        assert row["section"] == task.section
        assert row["task_title"] == task.title
        assert row["departments"] == task.departments
        assert (row["mandatory_for"], row["optional_for"]) == RULE_TYPES[rule]


def test_without_a_profile_every_measure_is_listed_with_no_requirement() -> None:
    rows = list_json()
    assert [r["id"] for r in rows] == every_measure_id()
    assert len(rows) == 46
    assert all(r["requirement"] is None for r in rows)
    national = [r for r in rows if r["actor"] == "national"]
    assert [r["id"] for r in national] == [f"{t.number}.1" for t in SOURCE_TASKS]
    assert all(r["rule"] is None and r["mandatory_for"] == [] for r in national)


CONTRACT: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "task": int,
    "section": int,
    "task_title": str,
    "actor": str,
    "text": str,
    "rule": (str, type(None)),
    "mandatory_for": list,
    "optional_for": list,
    "requirement": (str, type(None)),
    "departments": list,
    "completion": (str, type(None)),
    "due": (str, type(None)),
    "status": str,
}


@pytest.mark.parametrize("args", [[], ["-p", "pilot"]], ids=["no-profile", "pilot"])
def test_json_rows_follow_the_contract(args: list[str]) -> None:
    rows = list_json(*args)
    for row in rows:
        assert CONTRACT.keys() <= row.keys()
        for key, kind in CONTRACT.items():
            assert isinstance(row[key], kind), (row["id"], key, row[key])
        assert not isinstance(row["task"], bool) and not isinstance(row["section"], bool)
        assert row["id"].startswith(f"{row['task']}.")
        assert row["actor"] in ("national", "province")
        assert row["requirement"] in (None, "mandatory", "optional")
        assert all(isinstance(x, str) for x in row["departments"])
        assert set(row["mandatory_for"]) | set(row["optional_for"]) <= set(TYPES)
        assert row["status"] == "todo"
        if row["due"] is not None:
            assert row["due"] == "2020-12-31"
    task15 = [r for r in list_json() if r["task"] == 15]
    assert [(r["id"], r["completion"], r["due"]) for r in task15] == [("15.1", None, None)]


# --- filters


def test_filter_by_section() -> None:
    rows = list_json("--section", "2")
    assert [r["id"] for r in rows] == ["6.1", "6.2", "7.1", "7.2"]
    two = list_json("-s", "5", "-s", "6")
    want = [i for i in every_measure_id() if int(i.split(".")[0]) in (16, 17, 18, 19)]
    assert [r["id"] for r in two] == want


def test_filter_by_task() -> None:
    assert [r["id"] for r in list_json("--task", "11")] == ["11.1", "11.2", "11.3"]
    assert [r["id"] for r in list_json("-t", "15", "-t", "1")] == ["1.1", "1.2", "15.1"]


def test_filter_by_department() -> None:
    tasks = {t.number for t in SOURCE_TASKS if "国际合作司" in t.departments}
    assert tasks == {6, 14, 16, 17}
    rows = list_json("--department", "国际合作司")
    assert {r["task"] for r in rows} == tasks
    assert len(rows) == sum(len(t.paragraphs) for t in SOURCE_TASKS if t.number in tasks)


def test_filter_by_actor() -> None:
    national = list_json("--actor", "national")
    assert [r["id"] for r in national] == [f"{t.number}.1" for t in SOURCE_TASKS]
    province = list_json("--actor", "province")
    assert [r["id"] for r in province] == [oid for oid, *_ in provincial()]
    assert list_json("--actor", "national", "-p", "pilot") == []


def test_filter_by_requirement() -> None:
    optional = list_json("-p", "pilot-featured", "--requirement", "optional")
    assert [r["id"] for r in optional] == ["11.3", "16.2", "17.2"]
    mandatory = list_json("-p", "pilot-leading", "-r", "mandatory")
    assert "11.3" in {r["id"] for r in mandatory}
    assert all(r["requirement"] == "mandatory" for r in mandatory)


def test_filters_combine_with_a_profile() -> None:
    rows = list_json("-p", "involved", "--section", "3", "-r", "mandatory")
    want = [
        oid
        for oid, task, _, rule in provincial()
        if task.section == 3 and expected_requirement(rule, frozenset({"involved"})) == "mandatory"
    ]
    assert [r["id"] for r in rows] == want
    assert "8.3" in want and "12.3" in want and "11.3" not in want


# --- the profile: tiers imply pilot, Chinese names work


@pytest.mark.parametrize("tier", sorted(TIERS))
def test_a_tier_implies_pilot(tier: str) -> None:
    tier_rows = list_json("-p", tier)
    assert {"3.3", "4.3"} <= {r["id"] for r in tier_rows}
    pilot_only = {r["id"] for r in list_json("-p", "pilot")}
    assert pilot_only <= {r["id"] for r in tier_rows}


@pytest.mark.parametrize(
    ("alias", "key"),
    [
        ("引领型", "pilot-leading"),
        ("支撑型", "pilot-supporting"),
        ("特色型", "pilot-featured"),
        ("试点省", "pilot"),
        ("试点", "pilot"),
        ("涉及", "involved"),
        ("各类", "all"),
        ("知识产权强省建设试点省", "pilot"),
        ("涉及省份", "involved"),
        ("各类省份", "all"),
    ],
)
def test_chinese_names_of_the_types(alias: str, key: str) -> None:
    assert list_json("-p", alias) == list_json("-p", key)
