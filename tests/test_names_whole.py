"""No view breaks a name or a number across two lines, at any terminal width from 60 to 100
columns: not a division (运用促/进处), a province (黑龙/江省), a status (进行中（撤/销）), a
department (、商标局 at a line's start), a province type, nor a number with its unit
(第1 / 3次). What a clerk reads in a table, she reads whole."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest
from conftest import Cli
from rollup_ledgers import make_country

from iprcheck import ledger
from iprcheck.output.wrap import NO_END, NO_START, columns
from iprcheck.tasklist import load
from iprcheck.vocab import ProvinceType, Requirement, Status

DIVISIONS = ["知识产权运用促进处", "知识产权保护处", "公共服务处", "办公室"]
NOTE = "已协调知识产权运用促进处与公共服务处，第13次会议审议通过，审查周期压减至16个月，完成率85%。"
# A number and what belongs to it, as the test reads them (not as the rule under test does).
NUMBER = re.compile(r"(?:第)?[0-9]+(?:[.,/\-][0-9]+)*(?:%|个月|个|次|分|天|项)?")


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A province's ledger (owners, internal deadlines, notes with names and numbers, evidence,
    an undo) and a country of 32 ledgers beside it."""
    root = tmp_path_factory.mktemp("names")
    catalog = load()
    path = root / ledger.DEFAULT_NAME
    ledger.init(
        path, catalog, province="黑龙江省", types=["pilot-leading"], national=False, department=None
    )
    from datetime import date

    for n, oid in enumerate(["1.2", "2.2", "3.2", "3.3", "4.2", "4.3", "6.2", "8.2"]):
        owner = DIVISIONS[n % len(DIVISIONS)]
        ledger.assign(path, catalog, [oid], owner=owner, due=date(2020, 10, n + 1), by="欧阳晓明")
    refs = ["黑知函〔2020〕16号"]
    ledger.mark(path, catalog, ["4.3"], "blocked", note=NOTE, evidence=refs, by="张三")
    ledger.mark(path, catalog, ["3.2", "3.3"], "in-progress", note=NOTE, by="张三")
    ledger.undo(path, catalog, by="张三")
    ledger.mark(path, catalog, ["3.2"], "in-progress", note=NOTE, by="张三")
    ledger.mark(path, catalog, ["1.2"], "done", note="第1批完成", evidence=["通知.pdf"], by="张三")
    make_country(root / "country", catalog)
    return root


def names() -> list[str]:
    """Every name a view may show: divisions (the ledger's and the list's departments),
    provinces, the vocabulary's words, and the numbers with their units in the list and the
    notes."""
    catalog = load()
    out = [*DIVISIONS, *(u.name for u in catalog.task_list.reporting_units)]
    out += [s.label("zh") for s in Status] + ["（撤销）"]
    out += [r.label("zh") for r in Requirement] + [p.label("zh") for p in ProvinceType]
    texts = [NOTE]
    for s in catalog.task_list.sections:
        for task in s.tasks:
            out += task.departments
            texts += [task.title, *(m.text for m in task.measures)]
    out += (m.group() for text in texts for m in NUMBER.finditer(text))
    return sorted({n for n in out if len(n) > 1})


NAMES = names()


def index_at(line: str, column: int) -> int | None:
    """Where in ``line`` the character at display ``column`` begins, if one begins there."""
    at = 0
    for i, char in enumerate(line):
        if at == column:
            return i
        at += columns(char)
    return len(line) if at == column else None


def same_cell(a: str, start: int, end: int) -> bool:
    """``a[start:end]`` is one cell's text: it begins a stretch of text and holds no gap of two
    spaces (what lies between two columns)."""
    return (start == 0 or a[start - 1] == " ") and "  " not in a[start:end]


def splits(out: str, words: Iterable[str]) -> list[str]:
    """Each name found broken across two lines: a part of it ends a cell's text on one line and
    the rest begins the next line of the same cell (at the column where the cell begins)."""
    pattern = re.compile("(?=(" + "|".join(map(re.escape, words)) + "))")
    longest = max(map(len, words))
    lines = out.splitlines()
    found = []
    for a, b in zip(lines, lines[1:], strict=False):
        ends = [m.end() for m in re.finditer(r"\S(?=\s|$)", a)]
        starts = [m.start() for m in re.finditer(r"(?:^|(?<=\s))\S", b)]
        for e in ends:
            for s in starts:
                left, right = a[max(0, e - longest) : e], b[s : s + longest]
                cell = index_at(a, columns(b[:s]))
                if cell is None or cell >= e or not same_cell(a, cell, e):
                    continue
                joined = left + right
                for m in pattern.finditer(joined):
                    word = m.group(1)
                    if not m.start() < len(left) < m.start() + len(word):
                        continue
                    begins = e - len(left) + m.start()  # where the word would begin in a
                    ends = s + m.start() + len(word) - len(left)  # and end in b
                    # A number broken is one whose parts stand alone: 7/22 then 0% is no 20%.
                    number = word[0].isdigit() or word.startswith("第")
                    around = a[begins - 1 : begins] + b[ends : ends + 1]
                    if number and re.search(r"[0-9./,\-]", around):
                        continue
                    found.append(f"{word}: {a!r} / {b!r}")
    return found


COMMANDS = {
    "history": ["history"],
    "show 4": ["show", "4"],
    "show 14": ["show", "14"],
    "show 17": ["show", "17"],
    "search": ["search", "地理标志"],
    "list": ["list"],
    "report": ["report", "--as-of", "2026-12-31", "--since", "2020-01-01"],
    "rollup": ["rollup", "{country}"],
    "rollup by measure": ["rollup", "{country}", "--by", "measure"],
}
QUICK = (60, 64, 80)  # the rest of 60-100 runs with the slow tests


@pytest.mark.parametrize(
    ("command", "width"),
    [
        pytest.param(c, w, marks=() if w in QUICK else pytest.mark.slow)
        for c in COMMANDS
        for w in range(60, 101)
    ],
)
def test_no_name_or_number_is_split(cli_zh: Cli, place: Path, command: str, width: int) -> None:
    args = [a.replace("{country}", str(place / "country")) for a in COMMANDS[command]]
    result = cli_zh.run(
        "--ledger", str(place / ledger.DEFAULT_NAME), *args, env={"COLUMNS": str(width)}
    )
    assert result.exit_code in (0, 1), result.output  # report: 1 when the ledger has errors
    out = result.stdout
    lines = out.splitlines()
    assert max(columns(line) for line in lines) <= width
    assert not splits(out, NAMES), "\n".join(splits(out, NAMES))
    # Nor does a line start with a stop (、商标局) or end with an opening bracket; the rollup
    # legend's ". 不适用" starts with a cell's symbol, not a stop.
    for line in filter(str.strip, lines):
        if not line.strip().startswith(". 不适用"):
            assert line.strip()[0] not in NO_START - {"·", "—", "…"}, line
        assert line.strip()[-1] not in NO_END, line


def test_the_check_finds_a_split_name() -> None:
    """The check above, on the splits the office reported."""
    reported = "\n".join(
        [
            "2026-12-03 19:31   张三     4.3    责任处室: 保护处 → 运",
            "                                   用促进处",
            "     13次中美欧日韩五局局长会、中非知识产权部长级会议。第1",
            "     3次会议",
        ]
    )
    found = splits(reported, ["运用促进处", "第13次"])
    assert [f.split(":")[0] for f in found] == ["运用促进处", "第13次"]
    assert not splits("运用促进处\n运用促进处", ["运用促进处"])
