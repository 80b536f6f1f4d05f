"""The table family: the 2020 list read from a notice in every form an office has it gives the
bundled list's 46 obligations — ids, actors, texts, rules, categories, departments, completion."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from notice_builders import (
    SOURCE,
    csv_table_notice,
    docx_table_notice,
    html_table_notice,
    source_rows,
    v2_shape_problems,
    xlsx_table_notice,
)

from iprcheck.notices import read_notice
from iprcheck.tasklist import load


def bundled() -> dict[str, tuple[Any, ...]]:
    catalog = load()
    return {
        o.id: (
            o.actor.value,
            o.measure.text,
            o.measure.rule,
            [str(k) for k in o.measure.mandatory_for],
            [str(k) for k in o.measure.optional_for],
            o.task.departments,
            o.task.completion,
            o.task.due,
        )
        for o in catalog.obligations
    }


def drafted(data: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    out = {}
    for section in data["sections"]:
        for task in section["tasks"]:
            for m in task["measures"]:
                out[m["id"]] = (
                    m["actor"],
                    m["text"],
                    m.get("rule"),
                    m.get("mandatory_for", []),
                    m.get("optional_for", []),
                    task.get("departments", []),
                    task.get("completion"),
                    task.get("due"),
                )
    return out


def draft_data(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(read_notice(path).yaml(["header"]))
    return data


def as_source_text(tmp: Path) -> Path:
    return Path(SOURCE)


def gbk_csv(tmp: Path) -> Path:
    return csv_table_notice(tmp / "清单.csv", "gb18030")


BUILDERS: dict[str, Callable[[Path], Path]] = {
    "source text (TAB rows, <p> cells)": as_source_text,
    "docx with repeated headers and continuation rows": lambda d: docx_table_notice(d / "n.docx"),
    "xlsx": lambda d: xlsx_table_notice(d / "清单.xlsx"),
    "csv in UTF-8": lambda d: csv_table_notice(d / "清单.csv"),
    "csv in GBK": gbk_csv,
    "html": lambda d: html_table_notice(d / "清单.html"),
}


@pytest.mark.parametrize("shape", list(BUILDERS))
def test_the_2020_notice_gives_the_bundled_obligations(shape: str, tmp_path: Path) -> None:
    data = draft_data(BUILDERS[shape](tmp_path))
    assert data["year"] == 2020
    assert data["numbering"] == "task.measure"
    assert "categories" not in data  # the 2020 list's six: the default
    assert drafted(data) == bundled()
    assert v2_shape_problems(data) == []


def test_the_draft_names_the_list_by_its_year_and_kind(tmp_path: Path) -> None:
    draft = read_notice(docx_table_notice(tmp_path / "n.docx"))
    assert draft.list_id == "2020-任务清单"
    assert draft.title == "2020年推动知识产权高质量发展任务清单"
    assert draft.review.no_party == [] and draft.review.gaps == []
    assert draft.review.incomplete is None


def test_a_paragraph_a_page_break_cut_is_joined(tmp_path: Path) -> None:
    """Tasks 11, 12 and 18 continue over a page break mid-paragraph."""
    data = drafted(draft_data(docx_table_notice(tmp_path / "n.docx")))
    assert "深入推进知识产权军民融合试点工作。" in data["11.1"][1]
    assert data["18.1"][1].endswith("深化中小学知识产权教育试点示范工作。")
    assert data["12.2"][1].count("各地区要") == 1 and "打造一批特色鲜明" in data["12.2"][1]


@pytest.mark.slow
def test_a_notice_in_traditional_characters_keeps_its_text(tmp_path: Path) -> None:
    from notice_builders import traditional

    lines = [traditional(line) for line in SOURCE.read_text(encoding="utf-8").splitlines()]
    path = tmp_path / "繁體.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    data = draft_data(path)
    mine = drafted(data)
    theirs = bundled()
    assert list(mine) == list(theirs)
    for ident, (actor, text, _rule, must, may, departments, _c, due) in mine.items():
        assert text == traditional(theirs[ident][1])  # verbatim, as printed
        assert (actor, must, may, due) == (theirs[ident][0], *theirs[ident][3:5], theirs[ident][7])
        assert departments == theirs[ident][5]  # the organisation's names, simplified


def test_a_rule_the_2020_list_does_not_know_is_declared(tmp_path: Path) -> None:
    """An earlier year's categories (一类/二类/三类省份) become categories of the list."""
    rows = ["\t".join(r) for r in source_rows()]
    text = "2016年知识产权工作推进计划\n" + "\n".join(rows)
    text = text.replace("省份：涉及省份必做", "省份：一类、二类省份必做，三类省份选做", 1)
    path = tmp_path / "2016.txt"
    path.write_text(text, encoding="utf-8")
    draft = read_notice(path)
    data = yaml.safe_load(draft.yaml([]))
    m = drafted(data)["2.3"]
    assert (m[3], m[4]) == (["一类省份", "二类省份"], ["三类省份"])
    keys = {c["key"]: c for c in data["categories"]}
    assert keys["一类省份"]["words"] == ["一类"]
    assert {"all", "involved", "pilot", "pilot-leading"} <= set(keys)
    assert [u.name for u in draft.review.unknown] == ["一类省份", "二类省份", "三类省份"]
    assert draft.review.unknown[0].item == "2.3"
    assert draft.list_id == "2016-推进计划"
    assert v2_shape_problems(data) == []


def test_the_review_says_which_categories_it_did_not_know(tmp_path: Path, cli_zh: Any) -> None:
    rows = ["\t".join(r) for r in source_rows()]
    text = "2016年知识产权工作推进计划\n" + "\n".join(rows)
    text = text.replace("省份：涉及省份必做", "省份：一类省份必做", 1)
    (tmp_path / "2016.txt").write_text(text, encoding="utf-8")
    result = cli_zh.run("lists", "add", "2016.txt", "--dry-run")
    assert "一类省份（来自事项 2.3 的“一类省份必做”）" in result.stdout


def test_a_copy_cut_mid_row_is_named_incomplete(tmp_path: Path) -> None:
    text = SOURCE.read_text(encoding="utf-8")
    cut = text[: text.index("依托国家知识产权培训基地")]
    path = tmp_path / "cut.txt"
    path.write_text(cut, encoding="utf-8")
    review = read_notice(path).review
    assert review.incomplete is not None and review.incomplete.item == "19.2"


# --- from the command line, as an office runs it


@pytest.mark.parametrize("shape", ["docx with repeated headers and continuation rows", "xlsx"])
def test_lists_add_dry_run_then_validate_and_list(shape: str, tmp_path: Path, cli: Any) -> None:
    notice = BUILDERS[shape](tmp_path)
    out = cli.ok("lists", "add", str(notice), "--dry-run", "--output", "d.yaml")
    assert "46" in out and "2020-任务清单" in out
    assert "Dry run: nothing added" in out
    cli.ok("validate", "d.yaml")
    listed = json.loads(cli.ok("--tasks", "d.yaml", "list", "--format", "json"))
    ours = json.loads(cli.ok("list", "--format", "json"))
    fields = ("id", "actor", "text", "rule", "mandatory_for", "optional_for")
    fields += ("departments", "completion", "due")
    assert [{k: o[k] for k in fields} for o in listed] == [{k: o[k] for k in fields} for o in ours]
    assert "2020-任务清单" not in cli.ok("lists")  # a dry run adds nothing


def test_the_source_text_adds_to_the_library(cli: Any) -> None:
    out = cli.ok("lists", "add", str(SOURCE))
    assert "Added to the library of lists: 2020-任务清单 (46 items)" in out
    assert "2020-任务清单  2020  46 items" in cli.ok("lists")
