"""The words an office types, as typed: Chinese words for list's filters, a near-miss status or
division named with the one meant, 、 between ids, and a hint for done without evidence."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import Cli


@pytest.fixture
def pilot(cli: Cli) -> Cli:
    """A pilot province's ledger, here."""
    cli.ok("init", "--province", "浙江省", "-p", "试点省")
    return cli


def ids(cli: Cli, *args: str) -> list[str]:
    return [row["id"] for row in json.loads(cli.ok("list", *args, "--format", "json"))]


@pytest.mark.parametrize(
    ("chinese", "english"),
    [
        (["--requirement", "必做"], ["--requirement", "mandatory"]),
        (["--requirement", "选做"], ["--requirement", "optional"]),
        (["-r", "必做", "--section", "一"], ["-r", "mandatory", "--section", "1"]),
        (["--section", "第二部分"], ["--section", "2"]),
        (["--section", "第2部分"], ["--section", "2"]),
        (["--section", "六"], ["--section", "6"]),
        (["--task", "６"], ["--task", "6"]),
    ],
)
def test_list_takes_the_chinese_words_for_its_filters(
    pilot: Cli, chinese: list[str], english: list[str]
) -> None:
    assert ids(pilot, *chinese) == ids(pilot, *english) != []


@pytest.mark.parametrize(("word", "key"), [("国家局", "national"), ("省份", "province")])
def test_actor_words(cli: Cli, word: str, key: str) -> None:
    assert ids(cli, "--actor", word) == ids(cli, "--actor", key) != []
    assert set(ids(cli, "--actor", "国家局")).isdisjoint(ids(cli, "--actor", "省份"))


def test_a_filter_word_iprcheck_does_not_know_lists_chinese_first(cli_zh: Cli) -> None:
    line = cli_zh.refused("list", "--requirement", "必须", code=2)
    assert "可选：必做（mandatory）、选做（optional）" in line
    line = cli_zh.refused("list", "--actor", "中央", code=2)
    assert "可选：国家局（national）、省份（province）" in line
    line = cli_zh.refused("list", "--section", "甲", code=2)
    assert "如 一、第一部分 或 1" in line
    assert "没有第 7 部分" in cli_zh.refused("list", "--section", "七")


@pytest.mark.parametrize(
    ("typed", "meant", "lang"),
    [
        ("已经完成", "是不是“已完成”？", "zh"),
        ("完成了", "是不是“已完成”？", "zh"),
        ("正在进行", "是不是“进行中”？", "zh"),
        ("donne", "did you mean done?", "en"),
        ("in progres", "did you mean in-progress?", "en"),
    ],
)
def test_a_near_miss_status_names_the_one_meant(
    pilot: Cli, typed: str, meant: str, lang: str
) -> None:
    line = pilot.refused("mark", "12.2", *typed.split(" "), lang=lang)
    assert meant in line, line
    assert json.loads(pilot.ok("history", "--format", "json")) == []  # nothing recorded


def test_no_suggestion_turns_a_no_into_a_yes(pilot: Cli) -> None:
    """The nearest word to 没完成 (not done) is 完成 (done): no suggestion rather than that."""
    line = pilot.refused("mark", "6", "没完成", lang="zh")
    assert "是不是" not in line and "已完成" in line  # the valid ones are still listed


def test_the_list_of_statuses_puts_chinese_first_in_chinese(pilot: Cli) -> None:
    zh = pilot.refused("mark", "6", "xyz", lang="zh")
    assert zh.endswith(
        "可选：未开始、进行中、已完成、受阻、不适用（或 todo、in-progress、done、blocked、waived）"
    )
    en = pilot.refused("mark", "6", "xyz", lang="en")
    assert "valid: todo, in-progress, done, blocked, waived (or 未开始" in en


def test_an_owner_not_in_the_ledger_names_the_one_meant_instead_of_an_empty_report(
    pilot: Cli,
) -> None:
    pilot.ok("assign", "8-10", "--owner", "运用促进处")
    for command in (["report"], ["list"]):
        line = pilot.refused(*command, "--owner", "运用促进", lang="zh")
        assert line == "台账中没有责任处室“运用促进”；是不是“运用促进处”？"
    assert "运用促进处" in pilot.ok("report", "--owner", "运用促进处", lang="zh")
    line = pilot.refused("report", "--owner", "保护处", lang="zh")
    assert line == "台账中没有责任处室“保护处”；已指定的处室：运用促进处"


def test_an_owner_in_a_ledger_with_none_assigned(pilot: Cli) -> None:
    line = pilot.refused("report", "--owner", "运用促进处", lang="zh")
    assert "还没有指定任何责任处室" in line and "iprcheck assign" in line


def test_chinese_joins_ids_with_the_enumeration_comma(pilot: Cli) -> None:
    assert "已记录 2 项：6.2、7.2 → 进行中" in pilot.ok("mark", "6", "7", "进行中", lang="zh")
    assert "recorded 2: 8.2, 9.2" in pilot.ok("mark", "8.2", "9.2", "进行中", lang="en")
    assert "已指派 2 项：6.2、7.2" in pilot.ok("assign", "6", "7", "--owner", "运用处", lang="zh")
    assert "已撤销 2 项更改：6.2、7.2" in pilot.ok("undo", lang="zh")
    refused = pilot.refused("mark", "6", "7", "不适用", lang="zh")
    assert refused.startswith("必做举措 6.2、7.2 标为不适用时")
    assert "6.2, 7.2 needs a reason" in pilot.refused("mark", "6", "7", "waived", lang="en")


def test_done_without_evidence_is_recorded_with_a_hint_that_check_will_object(
    pilot: Cli,
) -> None:
    bare = pilot.run("mark", "2", "完成", lang="zh")
    assert bare.exit_code == 0 and "已记录 1 项：2.2 → 已完成" in bare.stdout
    assert bare.stderr.strip() == (
        "提示：2.2 已完成，请用 --evidence 写明佐证材料（文件名或文号），否则 iprcheck check 会报错"
    )
    assert pilot.run("check").exit_code == 1
    with_evidence = pilot.run("mark", "6", "完成", "--evidence", "实施方案.pdf", lang="zh")
    assert with_evidence.exit_code == 0 and with_evidence.stderr == ""
    # Evidence given before still counts: marking it done again after a step back says nothing.
    pilot.ok("mark", "6", "进行中")
    again = pilot.run("mark", "6", "完成", lang="zh")
    assert again.exit_code == 0 and again.stderr == ""
    assert "--evidence" in pilot.run("mark", "7", "done", lang="en").stderr
