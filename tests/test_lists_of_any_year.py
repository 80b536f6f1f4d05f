"""A list of another year and family (schema version 2): items numbered through the plan, its own
province categories, who is responsible per item, no deadline — and every command on it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import Cli

PLAN = Path(__file__).parent / "fixtures" / "plan_items.yaml"


def plan(cli: Cli, *args: str, **kw: object) -> str:
    return cli.ok("--tasks", str(PLAN), *args, **kw)  # type: ignore[arg-type]


def test_a_plan_validates_and_lists_its_items_by_their_own_numbers(cli: Cli) -> None:
    assert "3 tasks, 7 measures (3 national, 4 provincial)" in cli.ok("validate", str(PLAN))
    rows = json.loads(plan(cli, "list", "--format", "json"))
    assert [r["id"] for r in rows] == [str(n) for n in range(1, 8)]
    by_id = {r["id"]: r for r in rows}
    assert by_id["1"]["departments"] == ["条法司"]
    assert by_id["3"]["departments"] == ["保护司", "办公室"]
    assert by_id["4"]["mandatory_for"] == ["一类省份"] and by_id["4"]["optional_for"] == ["all"]
    assert by_id["2"]["actor"] == "province" and by_id["7"]["actor"] == "national"
    assert by_id["5"]["task_title_en"] is None  # a drafted list has no English titles


def test_a_department_named_per_item_filters(cli: Cli) -> None:
    rows = json.loads(plan(cli, "list", "--department", "保护司", "--format", "json"))
    assert [r["id"] for r in rows] == ["3"]


def test_a_province_of_the_lists_own_category_owes_what_its_rules_say(cli_zh: Cli) -> None:
    out = cli_zh.ok("--tasks", str(PLAN), "init", "--province", "浙江", "-p", "一类")
    assert "一类省份" in out
    rows = json.loads(plan(cli_zh, "list", "--format", "json"))
    owed = {r["id"]: r["requirement"] for r in rows}
    assert owed == {"2": "mandatory", "4": "mandatory", "5": "mandatory"}


def test_every_province_owes_its_every_province_items(cli: Cli) -> None:
    plan(cli, "init", "--province", "广东省")
    rows = json.loads(plan(cli, "list", "--format", "json"))
    assert {r["id"]: r["requirement"] for r in rows} == {
        "2": "mandatory",
        "4": "optional",
        "5": "mandatory",
    }


def test_a_number_typed_is_an_item_never_a_task(cli: Cli) -> None:
    plan(cli, "init", "--province", "广东省")
    out = plan(cli, "mark", "2", "5", "done", "--evidence", "粤知发〔2021〕1号")
    assert "2, 5" in out
    assert json.loads(plan(cli, "list", "--format", "json", "--status", "done"))[0]["id"] == "2"
    out = plan(cli, "mark", "4-5", "in-progress")  # a range of items
    assert "4, 5" in out
    line = cli.refused("--tasks", str(PLAN), "mark", "3", "done")
    assert "3" in line  # a national item: not this province's
    line = cli.refused("--tasks", str(PLAN), "mark", "9", "done")
    assert "1–7" in line  # the numbers this plan has
    assert "推进专利法实施细则修改" in plan(cli, "show", "1")


def test_a_list_without_a_deadline_has_no_countdown_and_nothing_overdue(cli: Cli) -> None:
    plan(cli, "init", "--province", "广东省")
    report = json.loads(plan(cli, "report", "--format", "json", "--as-of", "2030-01-01"))
    assert report["header"]["list"]["deadline"] is None
    assert report["header"]["days_left"] is None
    assert report["attention"]["overdue"] == []
    assert "left" not in plan(cli, "report", "--as-of", "2030-01-01")


def test_an_internal_due_date_still_falls_due_without_a_list_deadline(cli: Cli) -> None:
    plan(cli, "init", "--province", "广东省")
    plan(cli, "assign", "5", "--owner", "运用处", "--due", "2030-06-30")
    report = json.loads(plan(cli, "report", "--format", "json", "--as-of", "2030-07-02"))
    assert [(o["id"], o["days"], o["internal"]) for o in report["attention"]["overdue"]] == [
        ("5", 2, True)
    ]


@pytest.mark.parametrize(
    ("edit", "where", "says"),
    [
        (("mandatory_for: [二类省份]", "mandatory_for: [三类省份]"), "mandatory_for.0", "三类省份"),
        (('id: "5"', 'id: "8"'), "sections.1.tasks.0.measures.0.id", "expected '5'"),
        (("year: 2021", "year: 1900"), "year", "1970"),
        (("words: [一类]", "words: [二类]"), "categories.2.words", "二类"),
    ],
)
def test_a_broken_plan_is_refused_at_its_line(
    cli: Cli, tmp_path: Path, edit: tuple[str, str], where: str, says: str
) -> None:
    text = PLAN.read_text(encoding="utf-8")
    assert edit[0] in text
    broken = tmp_path / "broken.yaml"
    broken.write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    result = cli.run("validate", str(broken))
    assert result.exit_code == 1, result.output
    assert any(where in line and says in line for line in result.stderr.splitlines()), result.stderr


def test_a_version_1_list_keeps_its_stricter_rules(cli: Cli, tmp_path: Path) -> None:
    """The bundled list's format still needs English titles and a rule per provincial measure."""
    bundled = Path(__file__).parents[1] / "src" / "iprcheck" / "data" / "tasks_2020.yaml"
    text = bundled.read_text(encoding="utf-8")
    first_en = next(line for line in text.splitlines() if "    title_en:" in line)
    broken = tmp_path / "v1.yaml"
    broken.write_text(text.replace(first_en + "\n", "", 1), encoding="utf-8")
    assert (
        "title_en: field required" in cli.refused("validate", str(broken)).replace("\n", " ")
        or "field required" in cli.run("validate", str(broken)).stderr
    )


def test_a_list_of_a_year_no_ledger_can_hold_is_never_bound(cli: Cli, tmp_path: Path) -> None:
    bundled = Path(__file__).parents[1] / "src" / "iprcheck" / "data" / "tasks_2020.yaml"
    old = tmp_path / "1900.yaml"
    old.write_text(
        bundled.read_text(encoding="utf-8").replace("year: 2020", "year: 1900", 1),
        encoding="utf-8",
    )
    assert "1970" in cli.refused("--tasks", str(old), "init", "--province", "广东省")
    assert not Path("iprcheck-ledger.jsonl").exists()
    cli.ok("init", "--province", "广东省")
    before = Path("iprcheck-ledger.jsonl").read_bytes()
    assert "1970" in cli.refused("--tasks", str(old), "upgrade")
    assert Path("iprcheck-ledger.jsonl").read_bytes() == before
    cli.ok("mark", "1.2", "in-progress")  # still readable and writable


def in_library(cli: Cli) -> None:
    assert "test-plan" in cli.ok("lists", "add", str(PLAN))


def test_a_ledger_keeps_to_the_list_it_was_made_for(cli: Cli) -> None:
    in_library(cli)
    cli.ok("--ledger", "zj/", "init", "--province", "浙江省", "--list", "test-plan")
    cli.ok("--ledger", "gd/", "init", "--province", "广东省", "-p", "一类", "--list", "2021")
    # every command on these ledgers uses the plan, with no --tasks
    rows = json.loads(cli.ok("--ledger", "gd/", "list", "--format", "json"))
    assert [r["id"] for r in rows] == ["2", "4", "5"]
    cli.ok("--ledger", "zj/", "mark", "2", "5", "done", "--evidence", "浙知发〔2021〕1号")
    report = json.loads(cli.ok("--ledger", "zj/", "report", "--format", "json"))
    assert report["header"]["list"]["id"] == "test-plan"
    assert report["totals"]["mandatory"]["done"] == 2
    assert "加强地方知识产权立法" in cli.ok("--ledger", "zj/", "show", "2")
    rollup = json.loads(cli.ok("rollup", "zj", "gd", "--format", "json"))
    assert rollup["list"]["id"] == "test-plan"
    assert {p["province"] for p in rollup["provinces"]} == {"浙江省", "广东省"}


def test_a_rollup_takes_the_list_most_ledgers_track(cli: Cli) -> None:
    in_library(cli)
    for name, province in (("zj", "浙江省"), ("gd", "广东省")):
        cli.ok("--ledger", f"{name}/", "init", "--province", province, "--list", "test-plan")
    cli.ok("--ledger", "old/", "init", "--province", "江苏省")  # the 2020 list
    result = cli.run("rollup", "zj", "gd", "old", "--format", "json")
    assert result.exit_code == 3  # the 2020 ledger is named and left out
    assert json.loads(result.stdout)["list"]["id"] == "test-plan"
    assert "old" in result.stderr


def test_a_ledger_of_a_list_this_machine_lacks_says_how_to_get_it(cli: Cli, cli_zh: Cli) -> None:
    in_library(cli)
    cli.ok("init", "--province", "广东省", "--list", "test-plan")
    cli.ok("lists", "remove", "test-plan")
    before = Path("iprcheck-ledger.jsonl").read_bytes()
    assert "lists add" in cli.refused("list")
    assert "lists add" in cli_zh.refused("mark", "2", "done")
    assert Path("iprcheck-ledger.jsonl").read_bytes() == before


def test_init_takes_a_list_or_a_file_not_both(cli: Cli) -> None:
    in_library(cli)
    line = cli.refused("--tasks", str(PLAN), "init", "--list", "test-plan", code=2)
    assert "--list" in line and "--tasks" in line
    assert "no list" in cli.refused("init", "--province", "广东省", "--list", "1999")
