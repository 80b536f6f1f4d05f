"""The catalog against the source document: two independent renderings of 附件1 must agree.

The source is the PDF-extracted text shipped in tests/fixtures, read by tests/source_document.py;
the catalog is the bundled tasks_2020.yaml as iprcheck loads it. Nothing here reads ../shared.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from source_document import SourceSection, SourceTask, parse

from iprcheck.tasklist import Catalog, Task, load

SOURCE_SECTIONS, SOURCE_TASKS = parse()


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load()


def _task(catalog: Catalog, number: int) -> Task:
    return catalog.tasks[number]


def _source_task(number: int) -> SourceTask:
    return next(t for t in SOURCE_TASKS if t.number == number)


# --- the source parse itself: if it silently read less, every comparison below would be weaker


def test_source_parse_reads_the_whole_table() -> None:
    assert [s.number for s in SOURCE_SECTIONS] == [1, 2, 3, 4, 5, 6]
    assert [t.number for t in SOURCE_TASKS] == list(range(1, 20))
    assert sum(len(t.paragraphs) for t in SOURCE_TASKS) == 46
    for task in SOURCE_TASKS:
        assert task.paragraphs[0].startswith("国家知识产权局："), task.number
        assert all(not p.startswith("国家知识产权局：") for p in task.paragraphs[1:]), task.number
        assert len(task.rules) == len(task.paragraphs) - 1, task.number
        assert task.departments, task.number


def test_source_parse_joins_paragraphs_a_page_break_cut() -> None:
    joined = {
        11: "深入推进知识产权军民融合试点工作。",
        12: "加强区域商标品牌培育的服务体系建设，打造一批特色鲜明",
        18: "中国知识产权保护高层论坛",
    }
    for number, phrase in joined.items():
        assert any(phrase in p for p in _source_task(number).paragraphs), number


# --- sections and tasks


def test_sections_match_the_source(catalog: Catalog) -> None:
    ours = [SourceSection(s.number, s.title) for s in catalog.task_list.sections]
    assert ours == SOURCE_SECTIONS


def test_every_section_has_an_english_title(catalog: Catalog) -> None:
    for section in catalog.task_list.sections:
        assert section.title_en.isascii() and section.title_en.strip(), section.number


def test_tasks_match_the_source_in_number_title_and_section(catalog: Catalog) -> None:
    ours = [(t.number, t.title, s.number) for s in catalog.task_list.sections for t in s.tasks]
    assert ours == [(t.number, t.title, t.section) for t in SOURCE_TASKS]


def test_task_1_title_keeps_the_sources_traditional_character(catalog: Catalog) -> None:
    # The PDF prints 意見; the catalog is verbatim, search folds it (see test_cli_catalog).
    assert _task(catalog, 1).title == "高标准落实《关于强化知识产权保护的意見》"


@pytest.mark.parametrize("source", SOURCE_TASKS, ids=lambda t: f"task{t.number}")
def test_departments_match_the_source(catalog: Catalog, source: SourceTask) -> None:
    assert _task(catalog, source.number).departments == source.departments


@pytest.mark.parametrize("source", SOURCE_TASKS, ids=lambda t: f"task{t.number}")
def test_completion_and_due_date(catalog: Catalog, source: SourceTask) -> None:
    task = _task(catalog, source.number)
    assert task.completion == source.completion
    if source.completion is not None and source.completion.startswith("年内"):
        assert task.due == date(2020, 12, 31)
    else:
        assert task.due is None


def test_task_15_is_national_only_without_completion_or_due(catalog: Catalog) -> None:
    task = _task(catalog, 15)
    assert [m.actor.value for m in task.measures] == ["national"]
    assert task.completion is None and task.due is None


# --- measures


@pytest.mark.parametrize("source", SOURCE_TASKS, ids=lambda t: f"task{t.number}")
def test_measures_are_verbatim_and_in_source_order(catalog: Catalog, source: SourceTask) -> None:
    task = _task(catalog, source.number)
    assert [m.text for m in task.measures] == source.paragraphs
    assert [m.id for m in task.measures] == [
        f"{source.number}.{n}" for n in range(1, len(source.paragraphs) + 1)
    ]


@pytest.mark.parametrize("source", SOURCE_TASKS, ids=lambda t: f"task{t.number}")
def test_national_first_then_provincial_with_their_verbatim_rule(
    catalog: Catalog, source: SourceTask
) -> None:
    national, *provincial = _task(catalog, source.number).measures
    assert national.actor.value == "national"
    assert national.rule is None
    assert national.mandatory_for == [] and national.optional_for == []
    assert [(m.actor.value, m.text, m.rule) for m in provincial] == [
        ("province", text, rule) for text, rule in source.provincial
    ]


def test_measure_count(catalog: Catalog) -> None:
    assert len(catalog.obligations) == 46
    assert sum(o.actor.value == "national" for o in catalog.obligations) == 19


def test_reporting_units_are_the_31_divisions_and_the_xpcc(catalog: Catalog) -> None:
    names = [u.name for u in catalog.task_list.reporting_units]
    assert len(names) == len(set(names)) == 32
    assert names[0] == "北京市"
    assert {"新疆维吾尔自治区", "新疆生产建设兵团", "西藏自治区", "广西壮族自治区"} <= set(names)


# --- numeric targets of tasks 6, 7 and 8

NUMBER = r"\d+(?:\.\d+)?"
# A quantity as the source writes it: a number followed by its unit.
QUANTITY = re.compile(rf"({NUMBER})\s*(个月|分|%)")
UNIT_WORD = {"month": "个月", "point": "分", "percent": "%"}


def _numbers(text: str) -> list[float]:
    return [float(n) for n in re.findall(NUMBER, text)]


def test_only_the_national_measures_of_tasks_6_7_8_carry_targets(catalog: Catalog) -> None:
    with_targets = {o.id for o in catalog.obligations if o.measure.targets}
    assert with_targets == {"6.1", "7.1", "8.1"}


@pytest.mark.parametrize("number", [6, 7, 8])
def test_targets_are_quoted_verbatim_and_their_numbers_match(catalog: Catalog, number: int) -> None:
    measure = _task(catalog, number).measures[0]
    assert measure.targets
    for target in measure.targets:
        assert target.text in measure.text
        assert target.text in _source_task(number).national
        assert _numbers(target.text) == [float(target.value)], target.text
        assert re.search(rf"{NUMBER}\s*{re.escape(UNIT_WORD[target.unit])}", target.text)
        # 以内 "within" is an upper bound, 以上 "above" a lower one.
        if "以内" in target.text:
            assert target.comparator == "<="
        if "以上" in target.text:
            assert target.comparator == ">="


@pytest.mark.parametrize("number", [6, 7, 8])
def test_every_quantity_in_the_measure_is_a_target(catalog: Catalog, number: int) -> None:
    measure = _task(catalog, number).measures[0]
    written = {(float(n), unit) for n, unit in QUANTITY.findall(_source_task(number).national)}
    captured = {(float(t.value), UNIT_WORD[t.unit]) for t in measure.targets}
    assert written
    assert captured == written
