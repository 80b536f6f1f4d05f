"""`iprcheck validate`: a gallery of broken task lists, each rejected with a located message.

The small broken files live in tests/gallery/: each is a copy of ok_minimal.yaml with one thing
broken, and its header says which lines `validate` must print (`# expect: LINE: path: message`).
Files that are hostile by size or encoding are generated here in tmp_path.
"""

from __future__ import annotations

import re
import shutil
import time
from pathlib import Path

import pytest
from conftest import runner
from typer.testing import Result

from iprcheck.cli import app
from iprcheck.tasklist import bundled_source

GALLERY = Path(__file__).parent / "gallery"
OK = GALLERY / "ok_minimal.yaml"
BAD = sorted(GALLERY.glob("bad_*.yaml"))


def validate(path: Path | str, *options: str) -> Result:
    return runner.invoke(app, [*options, "validate", str(path)])


def expectations(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.removeprefix("# expect: ") for line in lines if line.startswith("# expect: ")]


def assert_rejected(result: Result, path: Path | str) -> list[str]:
    """Exit 1, nothing on stdout, no traceback; every line on stderr is `file:LINE: …`."""
    assert result.exit_code == 1, result.output
    # CliRunner turns an uncaught exception into exit code 1 too: make sure it was a clean exit.
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines
    located = re.compile(rf"{re.escape(str(path))}(:\d+)?: \S")
    for line in lines:
        assert located.match(line), line
    return lines


def test_the_gallery_is_not_empty() -> None:
    assert len(BAD) >= 15
    assert all(expectations(p) for p in BAD), "every gallery file says what to expect"


def test_the_base_of_the_gallery_is_valid() -> None:
    result = validate(OK)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"{OK}: valid — 2 sections, 3 tasks, 6 measures (3 national, 3 provincial)"
    ]


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.stem.removeprefix("bad_"))
def test_a_broken_file_is_rejected_with_located_messages(path: Path) -> None:
    lines = assert_rejected(validate(path), path)
    expected = expectations(path)
    assert len(lines) == len(expected), lines
    for line, want in zip(lines, expected, strict=True):
        assert re.match(r"\d+: ", want), f"{path.name}: an expectation names its line"
        assert line.startswith(f"{path}:{want}"), (line, want)


def test_a_broken_file_is_rejected_by_every_command(tmp_path: Path) -> None:
    path = GALLERY / "bad_missing_field.yaml"
    for args in (["list"], ["show", "1"], ["search", "商标"]):
        result = runner.invoke(app, ["--tasks", str(path), *args])
        lines = assert_rejected(result, path)
        assert lines == [f"{path}:{expectations(path)[0]}"]


# --- the real list, broken in place: the line numbers must point into a 300-line file


def _bundled_text() -> str:
    return bundled_source().data.decode("utf-8")


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


TASK_19 = "      - number: 19\n"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            '            rule: "知识产权强省建设试点省必做"\n            mandatory_for: [pilot]',
            '            rule: "知识产权强省建设试点省必做"\n            mandatory_for: [all]',
            [
                (
                    'rule: "知识产权强省建设试点省必做"\n            mandatory_for: [all]',
                    "sections.0.tasks.2.measures.2.rule: "
                    "rule '知识产权强省建设试点省必做' means mandatory_for ['pilot']",
                )
            ],
        ),
        (
            "departments: [人事司]",
            "departments: []",
            [("departments: []", "sections.5.tasks.1.departments: list should have at least 1")],
        ),
        (
            'title: "加强知识产权人才培养"',
            'titel: "加强知识产权人才培养"',
            [
                (TASK_19, "sections.5.tasks.1.title: field required"),
                ("titel:", "sections.5.tasks.1.titel: unknown field"),
            ],
        ),
    ],
    ids=["rule-types", "no-departments", "misspelt-key"],
)
def test_an_edited_copy_of_the_bundled_list(
    tmp_path: Path, old: str, new: str, expected: list[tuple[str, str]]
) -> None:
    text = _bundled_text()
    assert old in text
    edited = text.replace(old, new, 1)
    path = tmp_path / "tasks.yaml"
    path.write_text(edited, encoding="utf-8")
    lines = assert_rejected(validate(path), path)
    assert len(lines) == len(expected), lines
    for line, (anchor, message) in zip(lines, expected, strict=True):
        number = _line_of(edited, anchor)
        assert line.startswith(f"{path}:{number}: {message}"), (line, number)


# --- hostile files, generated


def test_an_empty_file(tmp_path: Path) -> None:
    for name, content in (("empty.yaml", ""), ("blank.yaml", "\n  \n\t\n")):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        (line,) = assert_rejected(validate(path), path)
        assert "empty" in line


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    # A task list saved by an editor set to GBK, as happens on Chinese Windows.
    text = OK.read_text(encoding="utf-8")
    path = tmp_path / "gbk.yaml"
    path.write_bytes(text.encode("gbk"))
    first_non_ascii = next(i for i, ln in enumerate(text.splitlines(), 1) if not ln.isascii())
    (line,) = assert_rejected(validate(path), path)
    assert line.startswith(f"{path}:{first_non_ascii}: ")
    assert "UTF-8" in line


def test_a_file_with_a_nul_byte(tmp_path: Path) -> None:
    path = tmp_path / "nul.yaml"
    path.write_bytes(OK.read_bytes() + b"\x00\x01\x02")
    (line,) = assert_rejected(validate(path), path)
    assert "NUL" in line


def test_utf8_with_a_bom_and_crlf_line_ends_is_fine(tmp_path: Path) -> None:
    # What Windows Notepad writes: the file is valid and must pass.
    path = tmp_path / "notepad.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + OK.read_bytes().replace(b"\n", b"\r\n"))
    result = validate(path)
    assert result.exit_code == 0, result.output


BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def test_an_alias_bomb_is_refused_fast(tmp_path: Path) -> None:
    path = tmp_path / "lol.yaml"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    start = time.perf_counter()
    result = validate(path)
    assert time.perf_counter() - start < 5
    (line,) = assert_rejected(result, path)
    assert line.startswith(f"{path}:1: ") and "alias" in line


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    filler = "# " + "填充" * 60 + "\n"
    path.write_text(OK.read_text(encoding="utf-8") + filler * 12_000, encoding="utf-8")
    assert path.stat().st_size > 2 * 1024 * 1024
    start = time.perf_counter()
    for args in (["validate", str(path)], ["--tasks", str(path), "list"]):
        (line,) = assert_rejected(runner.invoke(app, args), path)
        assert "limit" in line and str(path.stat().st_size) in line
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize(
    "content",
    [
        "a: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "a: " + "{a: " * 5_000 + "1" + "}" * 5_000 + "\n",
        "".join("  " * i + f"k{i}:\n" for i in range(300)) + "  " * 300 + "v\n",
    ],
    ids=["flow-sequences", "flow-mappings", "block-mappings"],
)
def test_deep_nesting_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(content, encoding="utf-8")
    (line,) = assert_rejected(validate(path), path)
    assert re.match(rf"{re.escape(str(path))}:\d+: ", line)
    assert "nest" in line


def test_a_number_too_long_to_convert(tmp_path: Path) -> None:
    path = tmp_path / "year.yaml"
    path.write_text(OK.read_text(encoding="utf-8").replace("year: 2021", "year: " + "9" * 5000))
    (line,) = assert_rejected(validate(path), path)
    assert f"{path}:5: year: not a valid value" in line and len(line) < 400


def test_a_missing_file(tmp_path: Path) -> None:
    result = validate(tmp_path / "nowhere.yaml")
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "nowhere.yaml" in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_folder_instead_of_a_file(tmp_path: Path) -> None:
    result = validate(tmp_path)
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert str(tmp_path) in result.stderr and len(result.stderr.splitlines()) == 1


# --- the valid list, and choosing another one


def test_the_bundled_list_is_valid() -> None:
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "tasks_2020.yaml: valid — 6 sections, 19 tasks, 46 measures (19 national, 27 provincial)"
    ]


def test_the_summary_in_chinese() -> None:
    result = runner.invoke(app, ["--lang", "zh", "validate"])
    assert result.exit_code == 0, result.output
    assert "6 个部分，19 项任务，46 项举措" in result.stdout


@pytest.fixture
def retitled(tmp_path: Path) -> Path:
    """A copy of the bundled list with task 6 renamed."""
    text = _bundled_text()
    old = 'title: "持续提升专利审查质量和效率"'
    assert text.count(old) == 1
    path = tmp_path / "tasks_2021.yaml"
    path.write_text(text.replace(old, 'title: "持续提升专利审查质量和效率（2021）"'), "utf-8")
    return path


def _task_6_titles(result: Result) -> set[str]:
    import json

    assert result.exit_code == 0, result.output
    return {r["task_title"] for r in json.loads(result.stdout) if r["task"] == 6}


def test_tasks_option_makes_list_use_another_file(retitled: Path) -> None:
    assert _task_6_titles(runner.invoke(app, ["list", "-f", "json"])) == {
        "持续提升专利审查质量和效率"
    }
    result = runner.invoke(app, ["--tasks", str(retitled), "list", "-f", "json"])
    assert _task_6_titles(result) == {"持续提升专利审查质量和效率（2021）"}


def test_iprcheck_tasks_makes_list_use_another_file(
    retitled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IPRCHECK_TASKS", str(retitled))
    result = runner.invoke(app, ["list", "-f", "json"])
    assert _task_6_titles(result) == {"持续提升专利审查质量和效率（2021）"}
    shown = runner.invoke(app, ["show", "6"])
    assert "（2021）" in shown.stdout


def test_validate_without_a_file_checks_the_chosen_list(
    retitled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = runner.invoke(app, ["--tasks", str(retitled), "validate"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"{retitled}: valid")
    broken = retitled.with_name("broken.yaml")
    shutil.copy(GALLERY / "bad_no_rule.yaml", broken)
    monkeypatch.setenv("IPRCHECK_TASKS", str(broken))
    assert_rejected(runner.invoke(app, ["validate"]), broken)
