"""A new user's bad input: one line on stderr in their language, a non-zero exit, nothing lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import as_typed as run
from typer.testing import Result

LEDGER = Path("iprcheck-ledger.jsonl")


def one_line(result: Result) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (
            ["list", "--section", "x"],
            "--section 的值“x”无效，应为部分的编号，如 一、第一部分 或 1",
            "'x' is not a section",
        ),
        (["list", "--format", "yaml"], "可选：table、json、csv、markdown", "valid: table, json"),
        (["list", "--nope"], "没有 --nope 这个选项", "no such option: --nope"),
        (["list", "extra"], "多余的内容：extra", "unexpected extra argument(s): extra"),
        (["bogus"], "没有“bogus”这个命令", "no command 'bogus'"),
        (["mark"], "缺少 编号… 状态", "missing ID... STATUS"),
        (["mark", "6"], "请给出至少一个编号和一个状态", "give at least one ID and a STATUS"),
        (["mark", "6", "done", "--by"], "--by 后面缺少值", "--by needs a value"),
        (["init", "--department", "保护司"], "只能与 --national 一起使用", "needs --national"),
        (["search", ""], "请给出要查找的文字", "give some text to find"),
        (["search"], "缺少 文字", "missing TEXT"),
        ([], "请给出命令，如 iprcheck list", "give a command, e.g. iprcheck list"),
        (["init", "--ledger"], "--ledger 后面缺少值", "--ledger needs a value"),
        (["search", "  "], "请给出要查找的文字", "give some text to find"),
        (["--tasks", "", "list"], "--tasks 不能为空", "--tasks cannot be empty"),
        (["--ledger", " ", "mark", "6", "done"], "--ledger 不能为空", "--ledger cannot be empty"),
    ],
)
def test_usage_errors_are_one_line_in_the_users_language(args: list[str], zh: str, en: str) -> None:
    for lang, words, frame in (("zh", zh, "用法错误："), ("en", en, "usage error: ")):
        result = run("--lang", lang, *args)
        assert result.exit_code == 2
        line = one_line(result)
        assert line.startswith(frame) and words in line, line
        assert "-h" in line  # where the help is


def test_a_bad_global_option_is_one_line_too(monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("--lang", "fr", "list")
    assert result.exit_code == 2
    assert (
        one_line(result)
        == "usage error: --lang: 'fr' is not valid; valid: zh, en (help: iprcheck -h)"
    )
    monkeypatch.setenv("IPRCHECK_LANG", "zh")
    assert one_line(run("--tasks")).startswith("用法错误：--tasks 后面缺少值")


def test_blank_evidence_is_refused_and_nothing_recorded() -> None:
    assert run("init", "--province", "浙江省").exit_code == 0
    before = LEDGER.read_bytes()
    for blank in ("", "   "):
        result = run("--lang", "zh", "mark", "6", "done", "--evidence", blank)
        assert result.exit_code == 2
        assert "--evidence 不能为空" in one_line(result)
    assert LEDGER.read_bytes() == before


def test_a_blank_note_is_no_reason_to_waive() -> None:
    """mark agrees with check: a note of spaces does not explain a waiver."""
    assert run("init", "--province", "浙江省").exit_code == 0
    before = LEDGER.read_bytes()
    result = run("--lang", "en", "mark", "7.2", "waived", "--note", "   ")
    assert result.exit_code == 1
    assert "needs a reason in --note" in one_line(result)
    assert LEDGER.read_bytes() == before


def test_merge_names_a_missing_copy_and_refuses_itself() -> None:
    assert run("init", "--province", "浙江省").exit_code == 0
    before = LEDGER.read_bytes()
    missing = run("--lang", "zh", "merge", "nowhere/iprcheck-ledger.jsonl")
    assert missing.exit_code == 1
    line = one_line(missing)
    assert "找不到要合并的台账" in line and "init" not in line
    for me in (".", str(LEDGER), ""):
        result = run("--lang", "en", "merge", me)
        assert result.exit_code == 1
        assert "is this ledger itself" in one_line(result)
    assert LEDGER.read_bytes() == before


@pytest.mark.parametrize("command", [["report", "-p", "pilot"], ["rollup", "."]])
def test_an_output_folder_is_named_as_a_folder(command: list[str], tmp_path: Path) -> None:
    assert run("init", "--province", "浙江省").exit_code == 0
    (tmp_path / "out").mkdir()
    for force in ([], ["--force"]):
        result = run("--lang", "zh", *command, "--output", "out", *force)
        assert result.exit_code == 1
        assert one_line(result) == "out 是文件夹；请给出文件名，如 --output 报告.html"
    assert list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (["mark", "1-99", "done"], "“1-99”不是有效的任务范围", "'1-99' is not a range of tasks"),
        (["mark", "5-3", "done"], "“5-3”不是有效的任务范围", "'5-3' is not a range of tasks"),
        (["mark", "1-" + "9" * 5000, "done"], "不是有效的任务范围", "is not a range of tasks"),
        (["mark", "9" * 5000, "done"], "没有编号为", "no task or obligation"),
        (["show", "9" * 5000], "没有编号为", "no task or obligation"),
        (["assign", "6", "--due", "20201031"], "日期“20201031”无效", "invalid date '20201031'"),
        (["assign", "6", "--due", "9999-12-31"], "超出范围", "out of range"),
        (["report", "--as-of", "0001-01-01"], "超出范围", "out of range"),
        (["report", "--as-of", "9999-12-31"], "超出范围", "out of range"),
    ],
)
def test_numbers_and_dates_past_any_list_are_named_not_crashed_on(
    args: list[str], zh: str, en: str
) -> None:
    assert run("init", "--province", "浙江省").exit_code == 0
    before = LEDGER.read_bytes()
    for lang, words in (("zh", zh), ("en", en)):
        result = run("--lang", lang, *args)
        assert result.exit_code == 1, result.output
        line = one_line(result)
        assert words in line and len(line) < 200, line
    assert LEDGER.read_bytes() == before


def test_the_systems_reason_is_given_in_the_users_language() -> None:
    """The OS words its refusals in English; a Chinese user gets them in Chinese."""
    assert run("init", "--province", "浙江省").exit_code == 0
    Path("afile").write_text("", encoding="utf-8")
    for args, zh in (
        (["--tasks", "afile/x.yaml", "list"], "无法读取文件 afile/x.yaml：路径中有一段不是文件夹"),
        (["report", "--output", "afile/x.html"], "无法写入 afile/x.html：路径中有一段不是文件夹"),
    ):
        result = run("--lang", "zh", *args)
        assert result.exit_code == 1
        assert one_line(result) == zh
        assert "Not a directory" in one_line(run("--lang", "en", *args))


def test_a_damaged_ledger_is_explained_in_the_users_language() -> None:
    assert run("init", "--province", "浙江省").exit_code == 0
    with LEDGER.open("a", encoding="utf-8") as f:
        f.write("{not json\n")
    before = LEDGER.read_bytes()
    zh = one_line(run("--lang", "zh", "list"))
    assert zh.startswith("无法读取台账 ") and "jsonl 第 2 行：不是一条 JSON 记录。" in zh, zh
    en = one_line(run("--lang", "en", "list"))
    assert "iprcheck-ledger.jsonl, line 2: not a JSON record." in en, en
    assert LEDGER.read_bytes() == before


def test_every_message_says_the_same_things_in_both_languages() -> None:
    """Same placeholders in zh and en, and every ledger problem the reader raises exists."""
    import ast
    import string

    from iprcheck import ledger
    from iprcheck.i18n import MESSAGES

    def fields(text: str) -> set[str]:
        # ``valid_zh``: the same list, worded for a Chinese reader (Chinese names first)
        return {
            name.removesuffix("_zh") for _, name, _, _ in string.Formatter().parse(text) if name
        }

    for key, (zh, en) in MESSAGES.items():
        # A task list's value problems are worded by pydantic or Python in English; the Chinese
        # names the kind of problem in its own words instead.
        if not key.startswith(("pyd_", "tl_")):
            assert fields(zh) == fields(en), key
    folder = Path(ledger.__file__).parent
    trees = [ast.parse(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.py"))]
    used = {
        node.args[0].value
        for tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) in {"Msg", "IprcheckError", "LedgerError"}
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    assert len(used) > 40
    assert used <= MESSAGES.keys(), used - MESSAGES.keys()


def test_a_report_never_replaces_the_ledger_nor_hides_in_a_pdf() -> None:
    assert run("init", "--province", "浙江省").exit_code == 0
    assert run("mark", "6", "done", "--evidence", "a.pdf").exit_code == 0
    before = LEDGER.read_bytes()
    refused = run("--lang", "zh", "report", "--output", str(LEDGER), "--force")
    assert refused.exit_code == 1
    assert "是一本台账，不能用报告覆盖" in one_line(refused)
    assert LEDGER.read_bytes() == before
    # Its header re-saved with the keys in another order is still a ledger.
    import json

    lines = before.decode("utf-8").splitlines()
    header = json.dumps(json.loads(lines[0]), sort_keys=True, ensure_ascii=False)
    Path("sorted.jsonl").write_text("\n".join([header, *lines[1:]]) + "\n", encoding="utf-8")
    refused = run("--lang", "zh", "report", "-f", "csv", "--output", "sorted.jsonl", "--force")
    assert refused.exit_code == 1 and "是一本台账" in one_line(refused)
    # A copy an editor saved as UTF-16 is a ledger too (rollup names it as one it cannot read).
    for code, name in (("utf-16", "u16.jsonl"), ("utf-16-le", "副本.txt")):
        Path(name).write_bytes(before.decode("utf-8").encode(code))
        refused = run("--lang", "zh", "report", "-f", "csv", "--output", name, "--force")
        assert refused.exit_code == 1 and "是一本台账" in one_line(refused)
    pdf = run("--lang", "zh", "report", "--output", "报告.pdf")
    assert pdf.exit_code == 1
    assert "不认识 报告.pdf 的扩展名" in one_line(pdf)
    assert not Path("报告.pdf").exists()


def test_a_name_the_system_refuses_is_one_line() -> None:
    """Over 255 bytes: about 90 Chinese characters, a plausible report title."""
    assert run("init", "--province", "浙江省").exit_code == 0
    long = "浙江省知识产权高质量发展任务落实情况进展报告" * 5
    for args in (
        ["report", "--output", long + ".xlsx"],
        ["--ledger", long, "list"],
        ["rollup", long],
        ["merge", long],
    ):
        result = run("--lang", "zh", *args)
        assert result.exit_code != 0, args
        assert "Traceback" not in result.output and len(result.stderr.splitlines()) <= 2, args
    assert "文件名过长" in run("--lang", "zh", "report", "--output", long + ".xlsx").stderr


def test_a_blocker_without_a_reason_is_recorded_with_a_hint_that_check_will_object() -> None:
    """The issue lets mark record it and check report it; mark says so at once."""
    assert run("init", "--province", "浙江省").exit_code == 0
    bare = run("--lang", "zh", "mark", "2", "blocked")
    assert bare.exit_code == 0
    assert one_line(bare) == "提示：2.2 受阻的原因请用 --note 写明，否则 iprcheck check 会报错"
    assert run("check").exit_code == 1
    explained = run("--lang", "zh", "mark", "2", "blocked", "--note", "等待经费")
    assert explained.exit_code == 0 and explained.stderr == ""
    # A note given before still explains it: no hint, and check agrees.
    again = run("--lang", "zh", "mark", "2", "blocked")
    assert again.exit_code == 0 and again.stderr == ""
    assert run("check").exit_code == 0


def test_what_a_ledger_does_not_track_is_worded_for_that_ledger(tmp_path: Path) -> None:
    """A national ledger has no province types; a province ledger holds no national measure."""
    made = run(
        "--lang", "zh", "--ledger", "nat/nat.jsonl", "init", "--national", "--department", "保护司"
    )
    assert "国家知识产权局 保护司；跟踪国家局举措 5 项" in made.stdout
    line = one_line(run("--lang", "zh", "--ledger", "nat/nat.jsonl", "mark", "6", "done"))
    assert line == "6 不在本台账跟踪的国家局举措之内（见 iprcheck list），未作记录"
    assert run("init", "--province", "浙江省").exit_code == 0
    for ident in ("6.1", "15"):
        line = one_line(run("--lang", "zh", "mark", ident, "done"))
        assert line == f"{ident} 是国家知识产权局的举措，不在省级台账中，未作记录"
    assert "2.3 不适用于本台账的省份类型" in one_line(run("--lang", "zh", "mark", "2.3", "done"))


def test_an_owner_and_an_internal_due_date_can_be_cleared() -> None:
    import json

    assert run("init", "--province", "浙江省").exit_code == 0
    assert run("assign", "6", "--owner", "运用处", "--due", "2020-10-31").exit_code == 0
    assert run("assign", "6", "--owner", "", "--due", "").exit_code == 0
    (item,) = [o for o in json.loads(run("list", "--format", "json").stdout) if o["id"] == "6.2"]
    assert item["owner"] is None and item["internal_due"] is None


def test_ids_typed_with_a_chinese_input_method_are_understood() -> None:
    assert run("init", "--province", "浙江省", "-p", "pilot").exit_code == 0
    result = run("--lang", "en", "mark", "６．２", "８－１０", "in-progress")
    assert result.exit_code == 0, result.output
    assert "recorded 5: 6.2, 8.2, 9.2, 9.3, 10.2" in result.stdout
    assert run("show", "６").stdout.startswith(run("show", "6").stdout[:20])
    assert one_line(run("--lang", "en", "mark", "²", "done")).startswith("no task or obligation")


def test_a_ledger_made_by_a_first_mark_says_it_has_no_province() -> None:
    assert run("mark", "6", "done", "--evidence", "a.pdf").exit_code == 0
    lines = run("--lang", "zh", "report").stdout.splitlines()
    assert lines[1].startswith("未指定省份 · 省份类型：各类省份"), lines[:3]


def test_undoing_someone_elses_command_says_whose_it_was() -> None:
    assert run("init", "--province", "浙江省").exit_code == 0
    assert run("mark", "7", "in-progress", "--by", "张三").exit_code == 0
    result = run("--lang", "zh", "undo", "--by", "李四")
    assert result.exit_code == 0 and "已撤销 1 项更改：7.2" in result.stdout
    assert one_line(result).startswith("注意：撤销的是 张三 于 ")
    assert run("mark", "7", "in-progress", "--by", "李四").exit_code == 0
    own = run("--lang", "zh", "undo", "--by", "李四")
    assert own.exit_code == 0 and own.stderr == ""


def test_a_mark_takes_effect_after_a_change_dated_ahead_by_a_fast_clock() -> None:
    import json
    from datetime import datetime, timedelta

    assert run("init", "--province", "浙江省").exit_code == 0
    assert run("mark", "6", "in-progress").exit_code == 0
    lines = LEDGER.read_text(encoding="utf-8").splitlines()
    change = json.loads(lines[-1])
    ahead = datetime.now().astimezone() + timedelta(minutes=30)
    change["at"] = ahead.isoformat(timespec="microseconds")  # a copy from a fast machine
    LEDGER.write_text("\n".join([*lines[:-1], json.dumps(change)]) + "\n", encoding="utf-8")
    assert run("mark", "6", "done", "--evidence", "a.pdf").exit_code == 0
    listed = json.loads(run("list", "--format", "json").stdout)
    assert next(o for o in listed if o["id"] == "6.2")["status"] == "done"


def test_a_long_but_legal_name_can_be_marked_and_its_report_replaced() -> None:
    """Up to 255 bytes: the hidden lock and temporary files beside it must still fit."""
    name = "浙" * 82 + ".jsonl"  # 252 bytes
    assert len(name.encode()) <= 255
    assert run("--ledger", name, "init", "--province", "浙江省").exit_code == 0
    result = run("--ledger", name, "mark", "6", "done", "--evidence", "a.pdf")
    assert result.exit_code == 0, result.output
    report = "报" * 83 + ".html"  # 254 bytes
    assert run("--ledger", name, "report", "--output", report).exit_code == 0
    again = run("--ledger", name, "report", "--output", report, "--force")
    assert again.exit_code == 0, again.output
    assert all(len(p.name.encode()) <= 255 for p in Path(".").iterdir())


def test_a_full_width_space_between_id_and_status_is_a_space() -> None:
    assert run("init", "--province", "浙江省").exit_code == 0
    result = run("--lang", "en", "mark", "６．２\u3000in-progress")
    assert result.exit_code == 0, result.output
    assert "recorded 1: 6.2 → in progress" in result.stdout


def test_a_change_dated_days_ahead_never_stops_new_marks() -> None:
    """a colleague's PC whose clock reads days ahead must not freeze the office.
    The logical clock orders the changes; the odd time is kept and flagged by check. (Before,
    every later mark was refused.)"""
    import json
    from datetime import datetime, timedelta

    assert run("init", "--province", "浙江省").exit_code == 0
    assert run("mark", "6", "in-progress").exit_code == 0
    lines = LEDGER.read_text(encoding="utf-8").splitlines()
    change = json.loads(lines[-1])
    ahead = datetime.now().astimezone() + timedelta(days=3)
    change["at"] = ahead.isoformat(timespec="microseconds")
    LEDGER.write_text("\n".join([*lines[:-1], json.dumps(change)]) + "\n", encoding="utf-8")
    assert run("--lang", "zh", "mark", "6", "done", "--evidence", "a.pdf").exit_code == 0
    assert run("undo").exit_code == 0
    assert run("mark", "6", "done", "--evidence", "a.pdf").exit_code == 0
    listed = json.loads(run("list", "--format", "json").stdout)
    assert next(r for r in listed if r["id"] == "6.2")["status"] == "done"
    checked = run("check")
    assert "dated ahead" in checked.stdout and "6.2" in checked.stdout
