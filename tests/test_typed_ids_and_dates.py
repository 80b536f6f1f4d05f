"""What people type: province and status words, ids and ranges in the forms an input method gives,
dates, and the pointed messages a slip gets."""

from __future__ import annotations

import json

import pytest
from conftest import as_typed as run

from iprcheck.cli.options import day
from iprcheck.tasklist import load


@pytest.mark.parametrize(
    ("typed", "unit"),
    [
        ("浙江", "浙江省"),
        ("浙江 ", "浙江省"),
        ("内蒙古", "内蒙古自治区"),
        ("内蒙", "内蒙古自治区"),
        ("新疆", "新疆维吾尔自治区"),
        ("兵团", "新疆生产建设兵团"),
        ("广西", "广西壮族自治区"),
        ("北京", "北京市"),
    ],
)
def test_init_takes_the_names_people_use(typed: str, unit: str) -> None:
    result = run("--lang", "zh", "init", "--province", typed)
    assert result.exit_code == 0, result.output
    assert f"（{unit}；" in result.stdout


@pytest.mark.parametrize(
    ("lang", "words"), [("zh", "是不是“浙江省”？"), ("en", "did you mean 浙江省?")]
)
def test_a_near_miss_province_says_what_was_meant(lang: str, words: str) -> None:
    assert load().unit_typed("浙江x省") == (None, "浙江省")
    result = run("--lang", lang, "init", "--province", "浙江x省")
    assert result.exit_code == 1 and words in result.stderr


def test_province_type_error_lists_chinese_names_too() -> None:
    for lang, shown in (
        (
            "zh",
            "引领型知识产权强省试点省（pilot-leading）、",
        ),  # Chinese first, for a Chinese reader
        ("en", "pilot-leading (引领型知识产权强省试点省), "),
    ):
        result = run("--lang", lang, "list", "--province-type", "leading")
        assert result.exit_code == 1
        assert shown in result.stderr


@pytest.mark.parametrize(
    ("words", "status"),
    [
        (["完成"], "done"),
        (["进行"], "in-progress"),
        (["阻塞"], "blocked"),
        (["in", "progress"], "in-progress"),
        (["in progress"], "in-progress"),
        (["doing"], "in-progress"),
        (["In_Progress"], "in-progress"),
    ],
)
def test_mark_takes_the_status_words_people_use(words: list[str], status: str) -> None:
    result = run("mark", "6", *words, "--note", "x")
    assert result.exit_code == 0, result.output
    rows = json.loads(run("list", "--task", "6", "--format", "json").stdout)
    assert rows[0]["status"] == status


@pytest.mark.parametrize(("lang", "words"), [("zh", "用于筛选"), ("en", "is a filter")])
def test_not_done_is_a_filter_word_only(lang: str, words: str) -> None:
    result = run("--lang", lang, "mark", "6", "未完成")
    assert result.exit_code == 1 and words in result.stderr
    assert run("mark", "6", "done").exit_code == 0
    assert run("mark", "7", "waived", "--note", "n/a here").exit_code == 0
    assert run("mark", "8", "blocked", "--note", "x").exit_code == 0
    rows = json.loads(run("list", "--status", "未完成", "--format", "json").stdout)
    ids = {r["id"] for r in rows}
    assert "6.2" not in ids and "7.2" not in ids and "8.2" in ids and "9.2" in ids
    assert {r["status"] for r in rows} == {"todo", "blocked"}


@pytest.mark.parametrize(
    ("ids", "marked"),
    [
        (["6,7"], "6.2, 7.2"),
        (["6，7"], "6.2, 7.2"),
        (["8.2、9.2"], "8.2, 9.2"),
        (["6～7"], "6.2, 7.2"),
        (["6至7"], "6.2, 7.2"),
        (["6~7"], "6.2, 7.2"),
        (["8。2"], "8.2"),
        (["８．２"], "8.2"),
        (["8.2-9.3"], "8.2, 9.2, 9.3"),  # 9.1 is national: a range passes over it
        (["6,", "7"], "6.2, 7.2"),
    ],
)
def test_ids_as_people_type_them(ids: list[str], marked: str) -> None:
    result = run("--lang", "en", "mark", *ids, "done")
    assert result.exit_code == 0, result.output
    assert f"recorded {marked.count(',') + 1}: {marked} → done" in result.stdout


def test_a_backwards_measure_range_is_named() -> None:
    result = run("--lang", "en", "mark", "9.3-8.2", "done")
    assert result.exit_code == 1 and "'9.3-8.2' is not a range" in result.stderr


@pytest.mark.parametrize(
    "typed", ["2020-10-31", "2020/10/31", "2020.10.31", "2020年10月31日", "２０２０－１０－３１"]
)
def test_dates_as_people_type_them(typed: str) -> None:
    assert str(day(typed)) == "2020-10-31"
    assert run("init").exit_code == 0
    assert run("assign", "6", "--due", typed).exit_code == 0


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (["mark", "done", "6"], "状态写在编号之后：iprcheck mark 6 done", "comes after the IDs"),
        (["mark", "6", "done", "-note", "x"], "是不是要用 --note", "did you mean --note"),
        (["mark", "6", "done", "—note", "x"], "是不是要用 --note", "did you mean --note"),
        (["mrak", "6", "done"], "没有“mrak”这个命令；是不是要用 mark？", "did you mean 'mark'?"),
    ],
)
def test_natural_mistakes_get_a_pointed_message(args: list[str], zh: str, en: str) -> None:
    for lang, words in (("zh", zh), ("en", en)):
        result = run("--lang", lang, *args)
        assert result.exit_code == 2, result.output
        assert words in result.stderr, result.stderr
        assert len(result.stderr.splitlines()) == 1


def test_global_options_are_taken_after_the_command_too() -> None:
    assert run("init", "--province", "浙江", "--ledger", "a.jsonl").exit_code == 0
    result = run("list", "--lang", "zh", "--ledger", "a.jsonl", "--task", "6")
    assert result.exit_code == 0 and "浙江省" in result.stdout
    # The value of an option is never taken for a global option.
    assert run("--ledger", "a.jsonl", "mark", "6", "done", "--note", "--lang").exit_code == 0


def test_english_plurals() -> None:
    from iprcheck.i18n import t

    assert t("report_days_over", "en", days=1) == "1 day overdue"
    assert t("check_summary", "en", errors=1, warnings=2) == "1 error, 2 warnings"
    assert t("undone", "en", count=1, ids="6.2") == "undid 1 change: 6.2"
    assert t("undone", "en", count=2, ids="6.2, 7.2") == "undid 2 changes: 6.2, 7.2"
