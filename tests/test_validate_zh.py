"""`iprcheck --lang zh validate`: every task-list problem in Chinese, at the same place.

The English lines are pinned by tests/test_validate_gallery.py and the gallery's headers; here
the same files are validated in Chinese: the `file:LINE: path: ` prefix must not change, only
the message after it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import runner
from typer.testing import Result

from iprcheck.cli import app
from iprcheck.errors import CatalogError, Msg
from iprcheck.i18n import MESSAGES
from iprcheck.tasklist import Source, read_source, yaml_reader
from iprcheck.tasklist import source as source_module
from iprcheck.tasklist import validate as catalog
from iprcheck.tasklist.validate import _pydantic_message

GALLERY = Path(__file__).parent / "gallery"
OK = GALLERY / "ok_minimal.yaml"
BAD = sorted(GALLERY.glob("bad_*.yaml"))
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def validate_zh(path: Path | str, *options: str) -> Result:
    return runner.invoke(app, ["--lang", "zh", *options, "validate", str(path)])


def rejected(result: Result) -> list[str]:
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.stdout == ""
    return result.stderr.splitlines()


def problems_of(source: Source) -> CatalogError:
    with pytest.raises(CatalogError) as info:
        catalog.validate(source)
    return info.value


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("bad_missing_field", ["40: sections.0.tasks.1.title: 缺少必填字段"]),
        ("bad_unknown_field", ["22: sections.0.tasks.0.owner: 未知字段（不在模式中）"]),
        (
            "bad_duplicate_key",
            ["43: sections.0.tasks.1.title: 重复的键“title”（首次出现在第 41 行）"],
        ),
        (
            "bad_enum_value",
            [
                "30: sections.0.tasks.0.measures.1.actor: “provincial”不是允许的值；"
                "可选：national, province",
                "39: sections.0.tasks.0.measures.2.mandatory_for.0: "
                "“involved-provinces”不是允许的值；"
                "可选：all, involved, pilot, pilot-leading, pilot-supporting, pilot-featured",
            ],
        ),
        (
            "bad_wrong_type",
            [
                "41: sections.0.tasks.1.number: 应为整数",
                "62: sections.1.tasks.0.departments: 应为列表",
            ],
        ),
        ("bad_date_value", ["23: sections.0.tasks.0.due: “2021-13-45”不是有效的日期"]),
        (
            "bad_two_national",
            [
                "35: sections.0.tasks.0.measures.2.actor: "
                "每项任务有且只有一项国家知识产权局举措；此处有 2 项"
            ],
        ),
        (
            "bad_wrong_id",
            [
                "68: sections.1.tasks.0.measures.1.id: "
                "举措编号按任务内的顺序编排：此处应为“3.2”，实为“3.3”"
            ],
        ),
        ("bad_alias", ["21: 任务清单中不允许使用 YAML 锚点和别名"]),
        ("bad_top_level_list", ["1: 顶层必须是映射（schema_version、id、sections 等）"]),
        ("bad_key_not_string", ["22: 映射的键必须是普通字符串"]),
    ],
)
def test_gallery_files_in_chinese(name: str, expected: list[str]) -> None:
    path = GALLERY / f"{name}.yaml"
    assert rejected(validate_zh(path)) == [f"{path}:{want}" for want in expected]


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem.removeprefix("bad_"))
def test_every_gallery_file_keeps_its_locations_in_chinese(path: Path) -> None:
    english = rejected(runner.invoke(app, ["--lang", "en", "validate", str(path)]))
    chinese = rejected(validate_zh(path))
    error = problems_of(read_source(path))
    assert len(chinese) == len(english) == len(error.problems)
    for en, zh, (line, where, msg) in zip(english, chinese, error.problems, strict=True):
        prefix = f"{path}:{line}: " + (f"{where}: " if where else "")
        assert isinstance(msg, Msg)
        assert en == prefix + msg.render("en")
        assert zh == prefix + msg.render("zh")
        assert CJK.search(msg.render("zh")), zh


def test_a_command_given_a_broken_list_speaks_chinese() -> None:
    path = GALLERY / "bad_missing_field.yaml"
    for args in (["list"], ["show", "1"], ["search", "商标"]):
        result = runner.invoke(app, ["--lang", "zh", "--tasks", str(path), *args])
        assert rejected(result) == [f"{path}:40: sections.0.tasks.1.title: 缺少必填字段"]


def test_iprcheck_lang_chooses_chinese_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPRCHECK_LANG", "zh")
    path = GALLERY / "bad_unknown_field.yaml"
    result = runner.invoke(app, ["validate", str(path)])
    assert rejected(result) == [f"{path}:22: sections.0.tasks.0.owner: 未知字段（不在模式中）"]


def test_the_success_line_in_chinese() -> None:
    result = validate_zh(OK)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{OK}：有效 —— 2 个部分，3 项任务，6 项举措（3 项国家局、3 项省级）"
    ]


# --- pydantic's errors, one edit of the valid gallery file each

EDITS = [
    ("schema_version: 1", "schema_version: 3", "3: schema_version: 应为以下之一：1, 2"),
    ("year: 2021", "year: '2021'", "5: year: 应为整数"),
    ('title: "任务清单（测试用）"', "title: 5", "6: title: 应为字符串"),
    ('title: "任务清单（测试用）"', 'title: ""', "6: title: 至少应有 1 个字符"),
    ("deadline: 2021-12-31", "deadline: soon", "9: deadline: 应为日期（YYYY-MM-DD）"),
    (
        "      - number: 2\n",
        "      - number: 0\n",
        "40: sections.0.tasks.1.number: 应大于或等于 1",
    ),
    (
        'id: "1.1"',
        'id: "one"',
        r"25: sections.0.tasks.0.measures.0.id: "
        r"格式不符，应匹配正则表达式“^[0-9]{1,6}\.[0-9]{1,6}$”",
    ),
    (
        'comparator: "<="',
        'comparator: "=="',
        "51: sections.0.tasks.1.measures.0.targets.0.comparator: 应为以下之一：'<=', '>='",
    ),
    (
        "unit: month",
        "unit: months",
        "53: sections.0.tasks.1.measures.0.targets.0.unit: "
        "应为以下之一：'month', 'point', 'percent'",
    ),
    (
        "departments: [保护司]",
        "departments: []",
        "21: sections.0.tasks.0.departments: 至少应有 1 项，实有 0 项",
    ),
    (
        '  - {name: 北京市, name_en: "Beijing"}',
        "  - 北京市",
        "11: reporting_units.0: 应为映射（键: 值）",
    ),
    (
        'optional_for: []\n          - id: "1.3"',
        'optional_for: all\n          - id: "1.3"',
        "33: sections.0.tasks.0.measures.1.optional_for: 应为列表",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), EDITS, ids=[e[1] for e in EDITS])
def test_pydantic_errors_in_chinese(tmp_path: Path, old: str, new: str, expected: str) -> None:
    text = OK.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "tasks.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert rejected(validate_zh(path)) == [f"{path}:{expected}"]


def test_a_number_given_as_text_in_a_union_names_both_types(tmp_path: Path) -> None:
    path = tmp_path / "tasks.yaml"
    path.write_text(OK.read_text(encoding="utf-8").replace("value: 4", "value: four"), "utf-8")
    where = f"{path}:52: sections.0.tasks.1.measures.0.targets.0.value"
    assert rejected(validate_zh(path)) == [f"{where}.int: 应为整数", f"{where}.float: 应为数字"]


def test_an_unknown_pydantic_error_falls_back_to_its_english() -> None:
    msg = _pydantic_message(
        {"type": "uuid_type", "msg": "UUID input should be a string", "ctx": None}
    )
    assert msg.render("zh") == msg.render("en") == "uUID input should be a string"
    # A known type whose context lacks what the Chinese names: pydantic's words, no KeyError.
    short = _pydantic_message({"type": "too_short", "msg": "Too short", "ctx": {}})
    assert short.render("zh") == short.render("en") == "too short"


# --- hostile files, generated: the file-level errors


def test_file_level_errors_in_chinese(tmp_path: Path) -> None:
    ok = OK.read_text(encoding="utf-8")
    cases: dict[str, tuple[bytes, str]] = {
        "empty.yaml": (b"\n \n", "文件为空"),
        "gbk.yaml": (
            ok.encode("gbk"),
            "6: 不是 UTF-8 文本（第 250 字节）；请将文件另存为 UTF-8 编码",
        ),
        "nul.yaml": (ok.encode() + b"\x00", "74: 文件含有 NUL 字节，不是 YAML 文本"),
        "deep.yaml": (("a: " + "[" * 60 + "]" * 60 + "\n").encode(), "1: 嵌套超过 40 层"),
        "notyaml.yaml": (b"a: [\n", "2: 不是有效的 YAML："),
        "year.yaml": (
            ok.replace("year: 2021", "year: " + "9" * 5000).encode(),
            "5: year: 数字“" + "9" * 40 + "…”位数过多",
        ),
    }
    for name, (data, expected) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        (line,) = rejected(validate_zh(path))
        sep = ":" if expected[0].isdigit() else ": "
        assert line.startswith(f"{path}{sep}{expected}"), line


def test_a_huge_file_in_chinese(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(OK.read_bytes() + b"#" * (2 * 1024 * 1024))
    size = path.stat().st_size
    for args in (["validate", str(path)], ["--tasks", str(path), "list"]):
        (line,) = rejected(runner.invoke(app, ["--lang", "zh", *args]))
        assert line == f"{path}: 文件大小为 {size} 字节，超过上限 2097152 字节"


# --- every key catalog.py uses exists, in both languages


def _keys_used_by_catalog() -> set[str]:
    modules = (catalog, yaml_reader, source_module)
    trees = [ast.parse(Path(m.__file__).read_text(encoding="utf-8")) for m in modules]
    keys = {
        node.args[0].value
        for tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "Msg"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    return keys | set(catalog._PYDANTIC_KEYS.values()) | set(yaml_reader._BAD_VALUE_KEYS.values())


def test_every_key_catalog_uses_is_in_both_languages() -> None:
    keys = _keys_used_by_catalog()
    assert len(keys) > 30
    for key in sorted(keys):
        assert key in MESSAGES, key
        zh, en = MESSAGES[key]
        assert zh and en, key
        assert key == "pyd_other" or CJK.search(zh), (key, zh)


def _all_problems() -> list[Any]:
    """Every problem validate reports over the gallery, its pydantic edits and hostile files."""
    sources = [read_source(p) for p in BAD]
    ok = OK.read_text(encoding="utf-8")
    for i, (old, new, _) in enumerate(EDITS):
        sources.append(Source(f"edit{i}.yaml", ok.replace(old, new, 1).encode()))
    for data in (
        b"",
        b"a: [\n",
        b"\x00",
        ok.encode("gbk"),
        ("a: " + "[" * 60 + "]" * 60 + "\n").encode(),
        b"a: 2021-02-30\n",
        ok.replace("value: 4", "value: four").encode(),
    ):
        sources.append(Source("hostile.yaml", data))
    return [problem for source in sources for problem in problems_of(source).problems]


def test_every_problem_renders_in_both_languages() -> None:
    problems = _all_problems()
    assert len(problems) > 40
    for _line, _where, msg in problems:
        assert isinstance(msg, Msg), msg
        en, zh = msg.render("en"), msg.render("zh")  # no KeyError, no missing parameter
        assert en and zh
        assert zh != en, (msg.key, zh)
        assert CJK.search(zh), f"{msg.key}: {zh!r} is not Chinese"


def test_english_rendering_is_unchanged() -> None:
    path = GALLERY / "bad_enum_value.yaml"
    error = problems_of(read_source(path))
    assert error.lines() == error.lines("en") == error.render("en").splitlines()
    assert (
        str(error.problems[0][2])
        == "not one of the allowed values: 'provincial'; valid: national, province"
    )
    # A problem given as plain text is printed as it is, in every language.
    plain = CatalogError("x.yaml", [(3, "", "checked for real")])
    assert plain.render("zh") == plain.render("en") == "x.yaml:3: checked for real"
