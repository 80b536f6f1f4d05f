"""The plan family: the 2020 measures as a plan of 46 items numbered 1–46 under 6 一、 and 19 （一）
headings, in every shape a copy takes, gives ids 1–46, the right actor and departments for each,
and the text without its responsibility."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from notice_builders import (
    DOCUMENT_NUMBER,
    PLAN_TITLE,
    SECTIONS,
    TASKS,
    WORDINGS,
    ascii_punctuation,
    docx_plan_notice,
    one_line,
    plan_items,
    plan_lines,
    traditional,
    v2_shape_problems,
    write_text,
)

from iprcheck.notices import read_notice

ITEMS = plan_items()


def measures(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [m for s in data["sections"] for t in s["tasks"] for m in t["measures"]]


def draft_data(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(read_notice(path).yaml([]))
    return data


def assert_the_plan(data: dict[str, Any], form: Any = lambda text: text) -> None:
    """46 items with ids 1–46, each with its actor, departments and text (in ``form``)."""
    got = measures(data)
    assert [m["id"] for m in got] == [str(n) for n in range(1, 47)]
    for item, m in zip(ITEMS, got, strict=True):
        assert m["actor"] == item.actor, item.number
        assert m["text"] == form(item.text), item.number
        if item.actor == "national":
            assert m["departments"] == list(item.departments), item.number
        else:
            assert m["mandatory_for"] == ["all"] and "departments" not in m, item.number
    assert [s["title"] for s in data["sections"]] == [form(s.title) for s in SECTIONS]
    tasks = [t for s in data["sections"] for t in s["tasks"]]
    assert [t["title"] for t in tasks] == [form(t.title) for t in TASKS]
    assert [t["number"] for t in tasks] == list(range(1, 20))
    assert data["numbering"] == "item" and "deadline" not in data
    assert v2_shape_problems(data) == []


SHAPES = {
    "plain": lambda: "\n".join(plan_lines()),
    "front matter": lambda: "\n".join(plan_lines(front=True)),
    "one line": lambda: one_line(plan_lines(front=True)),
    "one line, nothing between": lambda: "".join(plan_lines(front=True)),
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_the_plan_is_read_in_each_shape(shape: str, tmp_path: Path) -> None:
    data = draft_data(write_text(tmp_path / "plan.txt", SHAPES[shape]()))
    assert_the_plan(data)
    assert data["year"] == 2021 and data["title"] == PLAN_TITLE
    assert data["id"] == "2021-推进计划"


def test_front_matter_gives_the_document_number_and_no_item(tmp_path: Path) -> None:
    draft = read_notice(write_text(tmp_path / "n.txt", "\n".join(plan_lines(front=True))))
    assert draft.document_number == DOCUMENT_NUMBER
    # 国家知识产权局代章 is a signature, never a responsibility; the addressees are no item.
    assert draft.review.no_party == [] and draft.review.notes == []


def test_ascii_punctuation(tmp_path: Path) -> None:
    text = ascii_punctuation("\n".join(plan_lines(front=True)))
    data = draft_data(write_text(tmp_path / "ascii.txt", text))
    assert_the_plan(data, ascii_punctuation)
    assert measures(data)[0]["responsibility"] == "保护司负责"
    tasks = [t for s in data["sections"] for t in s["tasks"]]
    assert tasks[0]["label"] == "(一)"  # the heading's numbering as printed


@pytest.mark.slow
def test_traditional_characters(tmp_path: Path) -> None:
    text = traditional("\n".join(plan_lines(front=True)))
    draft = read_notice(write_text(tmp_path / "繁體.txt", text))
    data = yaml.safe_load(draft.yaml([]))
    got = measures(data)
    for item, m in zip(ITEMS, got, strict=True):
        assert m["text"] == traditional(item.text)  # verbatim
        if item.actor == "national":
            # The departments' names are the organisations': simplified, for list --department.
            assert m["departments"] == list(item.departments)
    assert data["year"] == 2021 and data["id"] == "2021-推进计划"
    assert [n.key for n in draft.review.notes] == ["notice_traditional"]


@pytest.mark.parametrize("wording", list(WORDINGS))
def test_each_wording_of_who_is_responsible(wording: str, tmp_path: Path) -> None:
    data = draft_data(write_text(tmp_path / "w.txt", "\n".join(plan_lines(wording=wording))))
    assert_the_plan(data)
    first = measures(data)[0]
    assert first["responsibility"] == WORDINGS[wording](("保护司",))[1:-1]


def test_a_docx_of_numbered_paragraphs(tmp_path: Path) -> None:
    data = draft_data(docx_plan_notice(tmp_path / "计划.docx", plan_lines(front=True)))
    assert_the_plan(data)
    assert data["document_number"] == DOCUMENT_NUMBER


def test_items_directly_under_a_section_make_one_task_titled_as_it(tmp_path: Path) -> None:
    lines = [
        "2022年知识产权工作要点",
        "一、强化保护",
        "1. 各地区要加强保护。（各地方知识产权局负责）",
    ]
    lines += ["2. 完善制度。（条法司和保护司负责）", "二、促进运用", "（一）运营体系"]
    lines += ["3. 健全运营体系。（运用促进司牵头，相关部门参与）"]
    data = draft_data(write_text(tmp_path / "要点.txt", "\n".join(lines)))
    tasks = [t for s in data["sections"] for t in s["tasks"]]
    assert tasks[0]["title"] == "强化保护" and "label" not in tasks[0]
    assert [m["departments"] for m in measures(data)[1:]] == [["条法司", "保护司"], ["运用促进司"]]
    assert data["id"] == "2022-工作要点"


def test_a_title_keeps_its_remark_in_brackets(tmp_path: Path) -> None:
    lines = [
        "2021年知识产权工作推进计划（试行）",
        "一、强化保护",
        "1. 推进专利法实施细则修改。（条法司负责）",
    ]
    data = draft_data(write_text(tmp_path / "计划.txt", "\n".join(lines)))
    assert data["title"] == "2021年知识产权工作推进计划（试行）"


@pytest.mark.parametrize(
    ("cut_before", "why"), [("加快推进知识产权特色智库建设", "party"), ("急需紧缺人才", "text")]
)
def test_a_copy_cut_mid_item_names_the_last_item(cut_before: str, why: str, tmp_path: Path) -> None:
    text = "\n".join(plan_lines(front=True))
    cut = text[: text.index(cut_before)]
    review = read_notice(write_text(tmp_path / "cut.txt", cut)).review
    assert review.incomplete is not None
    assert (review.incomplete.item, review.incomplete.why) == ("45", why)
    assert review.no_party == ["45"]


def test_the_cut_copy_is_refused_with_the_review(tmp_path: Path, cli_zh: Any) -> None:
    text = "\n".join(plan_lines(front=True))
    write_text(tmp_path / "cut.txt", text[: text.index("加快推进知识产权特色智库建设")])
    result = cli_zh.run("lists", "add", "cut.txt", "--output", "d.yaml")
    assert "不完整：最后一项 45 没有其他事项都有的责任单位" in result.stdout
    line = cli_zh.refused("lists", "add", "cut.txt", "--output", "d.yaml", "--force")
    assert "45" in line and "未添加" in line
    assert (tmp_path / "d.yaml").read_text(encoding="utf-8").startswith("# iprcheck lists add")


def test_numbering_gaps_and_items_without_a_party(tmp_path: Path) -> None:
    items = [i for i in ITEMS if i.number != 12]
    bare = next(i for i in items if i.number > 12 and i.actor == "national")
    lines = [
        line[: line.rindex("（")] if line.startswith(f"{bare.number}. ") else line
        for line in plan_lines(items=items)
    ]
    review = read_notice(write_text(tmp_path / "gap.txt", "\n".join(lines))).review
    assert [(g.kind, g.after, g.missing) for g in review.gaps] == [("item", "11", ["12"])]
    assert review.no_party == [str(bare.number)]
    assert review.incomplete is None


def test_a_letter_that_is_no_list_is_refused(tmp_path: Path, cli: Any) -> None:
    letter = "\n".join(
        [
            "国家知识产权局关于召开2021年全国知识产权局局长会议的通知",
            "各省知识产权局：",
            "定于3月召开会议。",
            "特此通知。",
        ]
    )
    write_text(tmp_path / "letter.txt", letter)
    line = cli.refused("lists", "add", "letter.txt")
    assert "no task list found in letter.txt" in line and "nothing added" in line
    assert "2021" not in cli.ok("lists")


def test_the_plan_adds_to_the_library_and_lists_by_department(tmp_path: Path, cli: Any) -> None:
    write_text(tmp_path / "plan.txt", one_line(plan_lines(front=True)))
    out = cli.ok("lists", "add", "plan.txt", "--output", "d.yaml")
    assert "Added to the library of lists: 2021-推进计划 (46 items)" in out
    listed = json.loads(
        cli.ok("--tasks", "d.yaml", "list", "--department", "运用促进司", "--format", "json")
    )
    theirs = [str(i.number) for i in ITEMS if "运用促进司" in i.departments]
    assert [o["id"] for o in listed] == theirs and len(theirs) == 6
