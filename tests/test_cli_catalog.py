"""The catalog commands as a user meets them: --version, show, search, errors, languages, output."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

import pytest
from conftest import as_typed as run
from rich.cells import cell_len
from source_document import parse

import iprcheck

_, SOURCE_TASKS = parse()
ANSI = re.compile(r"\x1b\[")


def ok(*args: str, env: dict[str, str | None] | None = None) -> str:
    """A command as typed (its --lang, if any, its own) that must succeed."""
    result = run(*args, env=env)
    assert result.exit_code == 0, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.stdout


def fails_with_one_line(*args: str, env: dict[str, str | None] | None = None) -> str:
    """Exit 1, nothing on stdout, exactly one line on stderr, and no traceback."""
    result = run(*args, env=env)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    return lines[0]


# --- version and entry points


def test_version() -> None:
    assert ok("--version").strip() == f"iprcheck {iprcheck.__version__}"
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", iprcheck.__version__)


def test_python_dash_m() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "iprcheck", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"iprcheck {iprcheck.__version__}"


def test_python_dash_m_lists_from_another_folder() -> None:
    # The suite runs on an editable install: the bundled list must load there too (the
    # wheel install is tests/test_install.py). conftest has already moved us to tmp_path.
    done = subprocess.run(
        [sys.executable, "-m", "iprcheck", "list", "-p", "pilot", "-f", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "3.3" in {row["id"] for row in json.loads(done.stdout)}


def test_version_does_not_pay_for_heavy_imports() -> None:
    code = (
        "import sys\n"
        "sys.argv = ['iprcheck', '--version']\n"
        "from iprcheck.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = {'pydantic', 'yaml', 'rich', 'openpyxl', 'jinja2'}\n"
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_help_has_short_and_long_forms() -> None:
    assert "list" in ok("-h") and "validate" in ok("--help")


# --- show


def test_show_a_task_lays_out_every_measure() -> None:
    out = ok("show", "6")
    source = next(t for t in SOURCE_TASKS if t.number == 6)
    flat = re.sub(r"\s+", "", out)
    for n, paragraph in enumerate(source.paragraphs, start=1):
        assert re.search(rf"^6\.{n}\s", out, re.M), n
        assert re.sub(r"\s+", "", paragraph) in flat
    for department in source.departments:
        assert department in out
    for target in ("高价值专利审查周期压减至16个月以内", "发明专利审查结案准确率在85%以上"):
        assert target in flat
    assert "各类省份必做" in out
    assert "年内有阶段性成果" in out and "2020-12-31" in out


def test_show_an_obligation_shows_its_task() -> None:
    out = ok("show", "6.2")
    assert "持续提升专利审查质量和效率" in out
    assert re.search(r"^6\.1\s", out, re.M)  # the whole task, and the one asked for marked
    assert re.search(r"^▶ 6\.2\s", out, re.M) and "▶" not in ok("show", "6")


def test_show_with_a_profile_gives_the_requirement() -> None:
    leading = ok("show", "11", "-p", "pilot-leading")
    featured = ok("show", "11", "-p", "pilot-featured")
    line_leading = next(ln for ln in leading.splitlines() if ln.startswith("11.3"))
    line_featured = next(ln for ln in featured.splitlines() if ln.startswith("11.3"))
    assert "mandatory" in line_leading and "optional" in line_featured


def test_show_task_15_has_no_completion() -> None:
    out = ok("show", "15")
    assert "15.1" in out and "15.2" not in out
    assert "年内" not in out and "2020-12-31" not in out


@pytest.mark.parametrize("ident", ["99", "0", "6.9", "abc", "6."])
def test_show_an_unknown_id(ident: str) -> None:
    line = fails_with_one_line("show", ident)
    assert f"'{ident}'" in line
    assert "1–19" in line and "6.2" in line


def test_show_an_unknown_id_in_chinese() -> None:
    line = fails_with_one_line("--lang", "zh", "show", "99")
    assert "没有编号为“99”" in line and "1–19" in line


# --- search


def _search_ids(out: str) -> set[str]:
    return set(re.findall(r"^\s*(§?\d+(?:\.\d+)?)\s", out, re.M))


def test_search_lists_the_ids_of_every_match() -> None:
    out = ok("search", "地理标志")
    expected = {str(t.number) for t in SOURCE_TASKS if "地理标志" in t.title} | {
        f"{t.number}.{n}"
        for t in SOURCE_TASKS
        for n, paragraph in enumerate(t.paragraphs, start=1)
        if "地理标志" in paragraph
    }
    assert expected == {"5", "5.1", "5.2", "12", "12.1", "12.2", "12.3", "17.1"}
    assert expected <= _search_ids(out)
    assert f"{len(expected)} matches for '地理标志'" in out


def test_search_highlights_the_match() -> None:
    out = ok("search", "地理标志", env={"NO_COLOR": None, "FORCE_COLOR": "1"})
    assert re.search(r"\x1b\[[0-9;]*m地理标志\x1b\[", out)


def test_search_folds_the_traditional_character_of_the_source() -> None:
    # The source prints 意見; a user types 意见 and must still find task 1.
    out = ok("search", "强化知识产权保护的意见")
    assert {"1", "1.2"} <= _search_ids(out)


def test_search_for_the_word_opinion_finds_task_1() -> None:
    assert {"1", "1.1", "1.2"} <= _search_ids(ok("search", "意见"))


def test_search_english_titles_under_any_case() -> None:
    assert "12" in _search_ids(ok("search", "GEOGRAPHICAL INDICATIONS"))


def test_search_without_a_match() -> None:
    result = run("search", "不存在的词语")
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "不存在的词语" in result.output


# --- errors name what is valid


def test_unknown_section() -> None:
    line = fails_with_one_line("list", "--section", "9")
    assert "9" in line and "1–6" in line


def test_unknown_task() -> None:
    line = fails_with_one_line("list", "--task", "20")
    assert "20" in line and "1–19" in line


def test_unknown_department() -> None:
    line = fails_with_one_line("list", "--department", "专利局")
    assert "专利局" in line
    for department in ("保护司", "人事司", "专利局文献部", "战略规划司"):
        assert department in line


def test_unknown_province_type() -> None:
    line = fails_with_one_line("list", "--province-type", "pilot-lead")
    assert "pilot-lead" in line
    for key in ("all", "involved", "pilot", "pilot-leading", "pilot-supporting", "pilot-featured"):
        assert key in line


def test_unknown_province_type_in_chinese() -> None:
    line = fails_with_one_line("--lang", "zh", "list", "-p", "示范省")
    assert line.startswith("未知的省份类型“示范省”") and "pilot-leading" in line


def test_requirement_without_a_profile_is_an_error_not_an_empty_list() -> None:
    line = fails_with_one_line("list", "--requirement", "mandatory", "-f", "json")
    assert "--province-type" in line


# --- languages


def test_lang_en_and_zh_labels() -> None:
    en = ok("--lang", "en", "list", "-t", "6")
    zh = ok("--lang", "zh", "list", "-t", "6")
    assert "Measure" in en and "Requirement" in en and "落实举措" not in en
    assert "落实举措" in zh and "编号" in zh and "Measure" not in zh
    # titles show in English under en; the source text stays Chinese in both
    assert "Keep improving the quality and efficiency of patent" in en
    assert "持续提升专利审查质量和效率" in zh
    assert "各地区要严把保护中心预审" in en.replace("\n", "")


def test_iprcheck_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IPRCHECK_LANG", "zh")
    assert "落实举措" in ok("list", "-t", "6")
    assert "Measure" in ok("--lang", "en", "list", "-t", "6"), "--lang beats IPRCHECK_LANG"


@pytest.mark.parametrize(
    ("lang", "label"), [("zh_CN.UTF-8", "落实举措"), ("en_US.UTF-8", "Measure"), ("C", "Measure")]
)
def test_the_locale_is_the_default(monkeypatch: pytest.MonkeyPatch, lang: str, label: str) -> None:
    monkeypatch.setenv("LANG", lang)
    assert label in ok("list", "-t", "6")


def test_lc_all_beats_lang(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("LC_ALL", "zh_TW.UTF-8")
    assert "落实举措" in ok("list", "-t", "6")


# --- formats


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "-p", "pilot-leading", "-p", "involved"],
        ["list", "--full", "-s", "3"],
        ["show", "9"],
        ["show", "6"],
        ["search", "知识产权"],
    ],
    ids=lambda a: "-".join(a),
)
def test_output_fits_80_columns(
    monkeypatch: pytest.MonkeyPatch, args: list[str], lang: str
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = ok("--lang", lang, *args)
    assert out.strip()
    too_wide = [ln for ln in out.splitlines() if cell_len(ln) > 80]
    assert not too_wide, too_wide[:3]


@pytest.mark.parametrize("no_color", ["1", None], ids=["NO_COLOR", "piped"])
def test_no_ansi_escapes_when_piped_or_no_color(no_color: str | None) -> None:
    env = {"NO_COLOR": no_color}
    for args in (["list", "-p", "pilot"], ["show", "6.2"], ["search", "地理标志"]):
        out = ok(*args, env=env)
        assert out and not ANSI.search(out), args


def test_table_lists_every_obligation_of_the_profile() -> None:
    rows = json.loads(ok("list", "-p", "pilot-featured", "-f", "json"))
    out = ok("list", "-p", "pilot-featured")
    for row in rows:
        assert re.search(rf"^\s*{re.escape(row['id'])}\s", out, re.M), row["id"]
    assert f"{len(rows)} listed" in out


def test_csv_has_a_bom_and_parses() -> None:
    out = ok("list", "-p", "pilot", "-f", "csv")
    assert out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    expected = json.loads(ok("list", "-p", "pilot", "-f", "json"))
    assert [r["id"] for r in rows] == [r["id"] for r in expected]
    first = rows[0]
    assert first["text"] == expected[0]["text"]
    assert first["requirement"] == "mandatory"
    assert first["due"] == "2020-12-31"
    multi = next(r for r in rows if r["task"] == "6")
    assert all(d in multi["departments"] for d in ("条法司", "专利局自动化部"))


def test_csv_bytes_are_utf8_with_bom() -> None:
    result = run("list", "-t", "1", "-f", "csv")
    assert result.stdout_bytes.startswith(b"\xef\xbb\xbf")
    assert "各地区要认真落实" in result.stdout_bytes.decode("utf-8-sig")


def test_markdown_is_a_table() -> None:
    out = ok("list", "-p", "pilot", "-f", "markdown")
    lines = out.strip().splitlines()
    assert lines[0].startswith("| ") and lines[0].endswith(" |")
    assert re.fullmatch(r"\|(\s*:?-+:?\s*\|)+", lines[1])
    columns = lines[0].count("|")
    rows = json.loads(ok("list", "-p", "pilot", "-f", "json"))
    assert len(lines) == 2 + len(rows)
    for line, row in zip(lines[2:], rows, strict=True):
        assert line.startswith(f"| {row['id']} |")
        assert line.count("|") - line.count("\\|") == columns


def test_json_is_the_only_thing_on_stdout() -> None:
    rows = json.loads(ok("list", "-f", "json"))
    assert len(rows) == 46
