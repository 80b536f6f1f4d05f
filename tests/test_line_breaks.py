"""The one line-breaking rule (禁则 and display width): over every text of the catalog, with the
names a view keeps whole, and over texts of any length and shape."""

from __future__ import annotations

import re

import pytest
from conftest import runner

from iprcheck.cli import app
from iprcheck.output.console import to_text
from iprcheck.output.wrap import NO_END, NO_START, Keep, Wrapped, breaks, columns
from iprcheck.tasklist import load

SOLID = re.compile(r"(?:第)?[0-9]+(?:[./][0-9]+)*(?:%|个月|个|次|分)?|[A-Za-z][A-Za-z0-9.\-]*")


def texts() -> list[str]:
    catalog = load()
    out = []
    for s in catalog.task_list.sections:
        out.append(s.title)
        for task in s.tasks:
            out.append(task.title)
            out += [m.text for m in task.measures]
    return out


@pytest.mark.parametrize("width", range(60, 101, 4))
def test_every_catalog_text_wraps_by_the_rules(width: int) -> None:
    for text in texts():
        lines = breaks(text, width)
        assert "".join(lines) == text.replace(" ", "") or " ".join(lines).replace(" ", "") == (
            text.replace(" ", "")
        )
        for a, b in zip(lines, lines[1:], strict=False):
            assert b[:1] not in NO_START, (width, a, b)
            assert a[-1:] not in NO_END, (width, a, b)
        for line in lines:
            assert columns(line) <= width
        # No number (with its unit), Latin word or id is split across two lines.
        cuts, at = set(), 0
        for line in lines[:-1]:
            at = text.index(line, at) + len(line)
            cuts.add(at)
        for found in SOLID.finditer(text):
            inside = set(range(found.start() + 1, found.end()))
            assert not cuts & inside, (width, found.group(), lines)


def test_the_rule_in_brief() -> None:
    assert breaks("完成率在85%以上", 6) == ["完成率", "在85%", "以上"]
    assert breaks("审查周期压减至16个月以内", 18) == ["审查周期压减至", "16个月以内"]
    assert breaks("参加（PCT）会议。", 8) == ["参加", "（PCT）", "会议。"]
    assert breaks("第1次会议", 6) == ["第1次", "会议"]


def test_views_use_the_rule_at_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    import os
    import subprocess
    import sys

    helped = subprocess.run(
        [sys.executable, "-m", "iprcheck", "--lang", "zh", "report", "-h"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80"},
        check=True,
    ).stdout
    outs = [
        runner.invoke(app, ["--lang", "zh", *a]).stdout
        for a in (["show", "6"], ["list", "--full"], ["show", "17"])
    ]
    for out in [*outs, helped]:
        args = out[:20]
        lines = out.splitlines()
        for a, b in zip(lines, lines[1:], strict=False):
            assert b.strip()[:1] not in NO_START - {"·", "—", "…"}, (args, a, b)
            assert a.rstrip()[-1:] not in NO_END, (args, a, b)
        assert max(columns(line) for line in lines) <= 80
        assert "16个\n" not in out and "8\n5%" not in out


def test_history_time_is_compact() -> None:
    runner.invoke(app, ["mark", "6", "done"])
    out = runner.invoke(app, ["history"]).stdout
    assert re.search(r"^\d{4}-\d\d-\d\d \d\d:\d\d   ", out.splitlines()[2])


DIVISIONS = ["运用促进处", "知识产权保护处", "公共服务处"]


@pytest.mark.parametrize("width", range(4, 41))
def test_a_name_kept_whole_is_never_broken(width: int) -> None:
    text = "已协调运用促进处、知识产权保护处和公共服务处，状态为进行中（撤销）。"
    lines = breaks(text, width, keep=Keep([*DIVISIONS, "进行中", "（撤销）"]))
    assert "".join(lines) == text
    for line in lines:
        assert columns(line) <= width, lines
    for name in [*DIVISIONS, "进行中", "（撤销）"]:
        if columns(name) <= width:
            assert any(name in line for line in lines), (name, lines)


def test_a_name_wider_than_the_line_is_cut_by_columns() -> None:
    assert breaks("运用促进处", 4, keep=Keep(["运用促进处"])) == ["运用", "促进", "处"]


# A hostile note: each shape is a case the rule handles in its own way.
SHAPES = {
    "chinese": ("第3次推进会议（PCT）已召开，完成率85%；运用促进处跟进。" * 4000),
    "one unbroken word": "x" * 150_000,
    "stops only": "，。、" * 50_000,
    "openers only": "（" * 150_000,
    "spaces and words": "ab " * 50_000,
}


@pytest.mark.parametrize("shape", SHAPES)
def test_a_long_text_of_any_shape_is_laid_out_whole(shape: str) -> None:
    text = SHAPES[shape]
    lines = breaks(text, 60, keep=Keep(DIVISIONS))
    assert all(columns(line) <= 60 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize("width", [7, 30, 61])
def test_a_wrapped_text_draws_the_rule_s_lines_with_its_styles(width: int) -> None:
    from rich.console import Console
    from rich.text import Text

    plain = "已协调运用促进处，预计第3季度完成。 PCT 申请 16个月内审结\n第二段"
    styled = Text(plain)
    styled.stylize("bold red", plain.index("运用"), plain.index("，"))
    keep = Keep(["运用促进处"])
    drawn = to_text([Wrapped(styled, keep)], width).splitlines()
    assert drawn == breaks(plain, width, keep=keep)
    console = Console(width=width, color_system="truecolor", force_terminal=True)
    with console.capture() as cap:
        console.print(Wrapped(styled, keep))
    assert "\x1b[1m运用" in cap.get()  # the name's style (bold; NO_COLOR is set) carried over
