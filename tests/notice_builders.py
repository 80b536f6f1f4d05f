"""Notices built from the 2020 source document, in the shapes an office receives them.

Everything here is made from ``tests/fixtures/2020-task-list.txt`` (read by
``source_document.py``): the table family as the source itself, a .docx with the header row
repeated at page breaks and continuation rows, an .xlsx, a .csv, an HTML page; the plan family
(46 items numbered 1–46 under 6 一、 and 19 （一） headings) plain, with a notice's front matter,
with ASCII punctuation, on one line, in traditional characters, with each wording of who is
responsible, and cut off mid-item. Nothing binary is committed: each test builds what it reads.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from source_document import SOURCE, SourceTask, parse

from iprcheck.numbers import chinese_numeral

SECTIONS, TASKS = parse()
TITLE_2020 = "2020年推动知识产权高质量发展任务清单"
NATIONAL_PREFIX = "国家知识产权局："
HEADER = ["任务清单", "落实举措", "执行部门", "完成时间"]


# ---------------------------------------------------------------------------------------------
# The traditional -> simplified table iprcheck ships (src/iprcheck/notices/hanzi.py).

# Where CJK characters live: the unified ideographs, extension A, the compatibility ideographs
# and the supplementary planes' extensions.
_HANZI_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00), (0x20000, 0x2FA20))


def hanzi_pairs() -> list[tuple[str, str]]:
    """Every character OpenCC's t2s turns into another, by its public API, one at a time."""
    from opencc import OpenCC

    convert = OpenCC("t2s").convert
    out = []
    for start, stop in _HANZI_RANGES:
        for code in range(start, stop):
            char = chr(code)
            simple = convert(char)
            if simple != char and len(simple) == 1:
                out.append((char, simple))
    return out


def _chunked(name: str, text: str, per_line: int = 40) -> list[str]:
    lines = [f"{name} = ("]
    for i in range(0, len(text), per_line):
        lines.append(f'    "{text[i : i + per_line]}"')
    lines.append(")")
    return lines


def hanzi_module_text() -> str:
    pairs = hanzi_pairs()
    traditional = "".join(t for t, _ in pairs)
    simplified = "".join(s for _, s in pairs)
    head = [
        '"""Traditional -> simplified Chinese, one character for one: OpenCC\'s t2s conversion',
        "(its TSCharacters table, first choice) of every character it changes, taken through",
        "opencc-python-reimplemented's public API (OpenCC data: Apache License 2.0). Generated; a",
        "test holds it to OpenCC. Regenerate with: python tests/test_notice_hanzi.py",
        '"""',
        "",
        "# fmt: off",
    ]
    body = [*_chunked("TRADITIONAL", traditional), *_chunked("SIMPLIFIED", simplified)]
    return "\n".join([*head, *body, "# fmt: on", ""])


def traditional(text: str) -> str:
    """``text`` in traditional characters, as a Hong Kong or Taiwan copy prints it."""
    return str(_to_traditional().convert(text))


@cache
def _to_traditional() -> Any:
    from opencc import OpenCC  # loading its phrase table takes a second: once a process

    return OpenCC("s2t")


# ---------------------------------------------------------------------------------------------
# The table family.


def source_rows() -> Iterator[list[str]]:
    """The source's own rows (header rows repeated at page breaks, continuation rows whose first
    cell is empty, section rows), each as its four cells, ``<p>`` tags and all."""
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            yield (line.split("\t") + ["", "", "", ""])[:4]


def cell_paragraphs(cell: str) -> list[str]:
    found = re.findall(r"<p>(.*?)</p>", cell)
    if found:
        return [p.strip() for p in found]
    cell = re.sub(r"</?b>", "", cell).strip()
    return [part for part in re.split(r"\s{2,}", cell) if part]


def docx_table_notice(path: Path, *, front: bool = True) -> Path:
    """The 2020 list as a Word notice: a title, then one table whose header row is repeated at
    each page break of the source, with the source's continuation rows."""
    import docx

    document = docx.Document()
    if front:
        document.add_paragraph("附件1")
        document.add_paragraph(TITLE_2020)
    rows = list(source_rows())
    table = document.add_table(rows=0, cols=4)
    for cells in rows:
        row = table.add_row().cells
        for cell, text in zip(row, cells, strict=True):
            paragraphs = cell_paragraphs(text)
            cell.paragraphs[0].text = paragraphs[0] if paragraphs else ""
            for more in paragraphs[1:]:
                cell.add_paragraph(more)
        if cells[0].startswith("<b>"):
            row[0].merge(row[3])  # a section row spans the table, as in the source
    document.save(str(path))
    return path


def task_rows(tasks: list[SourceTask] | None = None) -> Iterator[list[str]]:
    """One row per section heading and per task, each cell's paragraphs on lines of their own:
    the table as an office pastes it into a sheet."""
    chosen = tasks if tasks is not None else TASKS
    for section in SECTIONS:
        yield [f"{chinese_numeral(section.number)}、{section.title}", "", "", ""]
        for task in (t for t in chosen if t.section == section.number):
            executors = [f"局内：{'、'.join(task.departments)}"]
            executors += [f"省份：{rule}" for rule in task.rules]
            yield [
                f"{task.number}. {task.title}",
                "\n".join(task.paragraphs),
                "\n".join(executors),
                task.completion or "",
            ]


def xlsx_table_notice(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "任务清单"
    ws.append([TITLE_2020])
    ws.merge_cells("A1:D1")
    ws.append(HEADER)
    for row in task_rows():
        ws.append(row)
    wb.save(str(path))
    return path


def csv_table_notice(path: Path, encoding: str = "utf-8-sig") -> Path:
    import csv

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([TITLE_2020])
    writer.writerow(HEADER)
    writer.writerows(task_rows())
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def html_table_notice(path: Path) -> Path:
    """The table as a web page: a script and a style that must be ignored, paragraphs in cells."""
    import html

    out = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>通知</title>",
        "<script>document.write('<p>1. 不是清单</p>')</script><style>td{border:1px}</style>",
        f"</head><body><h1>{TITLE_2020}</h1><table>",
        "<tr>" + "".join(f"<th>{h}</th>" for h in HEADER) + "</tr>",
    ]
    for row in task_rows():
        cells = []
        for cell in row:
            paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in cell.split("\n") if p)
            cells.append(f"<td>{paragraphs}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table></body></html>")
    path.write_text("\n".join(out), encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------
# The plan family: the same 46 measures as items numbered through the plan.


@dataclass(frozen=True)
class PlanItem:
    number: int
    task: int
    actor: str  # national | province
    text: str  # as the plan prints it: no number, no responsibility
    departments: tuple[str, ...]  # the national ones; () for a provincial item


def plan_items() -> list[PlanItem]:
    items: list[PlanItem] = []
    for task in TASKS:
        national = task.paragraphs[0].removeprefix(NATIONAL_PREFIX)
        items.append(
            PlanItem(len(items) + 1, task.number, "national", national, tuple(task.departments))
        )
        for paragraph in task.paragraphs[1:]:
            items.append(PlanItem(len(items) + 1, task.number, "province", paragraph, ()))
    return items


# How the plan family says who is responsible, by the national departments it names.
WORDINGS = {
    "plain": lambda names: f"（{'、'.join(names)}负责）",
    "by_duty": lambda names: f"（{'、'.join(names)}按职责分别负责）",
    "and_others": lambda names: f"（{'、'.join(names)}等部门负责）",
    "units": lambda names: f"（责任单位：{'、'.join(names)}）",
}
LOCAL = "（各地方知识产权局负责）"

PLAN_TITLE = "2021年推动知识产权高质量发展推进计划"
DOCUMENT_NUMBER = "国知发运字〔2021〕3号"
FRONT_MATTER = [
    f"国家知识产权局关于印发《{PLAN_TITLE}》的通知",
    DOCUMENT_NUMBER,
    "各省、自治区、直辖市及新疆生产建设兵团知识产权局，各地方知识产权局：",
    f"现将《{PLAN_TITLE}》印发给你们，请结合实际认真贯彻落实。",
    "特此通知。",
    "国家知识产权局",
    "2021年3月5日",
    "（国家知识产权局代章）",
]


def plan_lines(
    *,
    wording: str | dict[int, str] = "plain",
    front: bool = False,
    items: list[PlanItem] | None = None,
) -> list[str]:
    """The plan as lines: (front matter,) its title, 一、 headings, （一） headings (one per task
    of the 2020 list) and items ``N.`` numbered 1–46 through the plan, each ending with who is
    responsible. ``wording`` is a WORDINGS key, or one per item number (the rest plain)."""
    chosen = items if items is not None else plan_items()
    lines = list(FRONT_MATTER) if front else []
    lines.append(PLAN_TITLE)
    for section in SECTIONS:
        lines.append(f"{chinese_numeral(section.number)}、{section.title}")
        tasks = [t for t in TASKS if t.section == section.number]
        for sub, task in enumerate(tasks, start=1):
            lines.append(f"（{chinese_numeral(sub)}）{task.title}")
            for item in (i for i in chosen if i.task == task.number):
                lines.append(f"{item.number}. {item.text}{_responsible(item, wording)}")
    return lines


def _responsible(item: PlanItem, wording: str | dict[int, str]) -> str:
    if item.actor == "province":
        return LOCAL
    kind = wording if isinstance(wording, str) else wording.get(item.number, "plain")
    return WORDINGS[kind](item.departments)


def ascii_punctuation(text: str) -> str:
    """Full-width punctuation turned into ASCII, as some copies have it."""
    return text.translate(str.maketrans({"（": "(", "）": ")", "：": ":", "，": ",", "；": ";"}))


def one_line(lines: list[str]) -> str:
    """Everything flattened onto one line, as a copy from some web pages comes."""
    return " ".join(lines)


def docx_plan_notice(path: Path, lines: list[str]) -> Path:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# ---------------------------------------------------------------------------------------------
# The draft's shape, as the brief specifies schema version 2 (until the validator on main checks
# it, and beside it after).

_LIST_KEYS = {
    "schema_version", "id", "year", "title", "title_en", "issuer", "document_number",
    "deadline", "numbering", "categories", "reporting_units", "sections",
}  # fmt: skip
_TASK_KEYS = {
    "number", "title", "title_en", "label", "goal", "departments", "completion", "due",
    "measures",
}  # fmt: skip
_MEASURE_KEYS = {
    "id", "actor", "text", "departments", "responsibility", "rule", "mandatory_for",
    "optional_for", "targets",
}  # fmt: skip
DEFAULT_KEYS = {"all", "involved", "pilot", "pilot-leading", "pilot-supporting", "pilot-featured"}


def v2_shape_problems(data: dict) -> list[str]:  # type: ignore[type-arg]
    """What in ``data`` does not fit schema version 2 as specified; [] if nothing."""
    out: list[str] = []
    if data.get("schema_version") != 2:
        out.append("schema_version")
    out += [f"unknown key {k}" for k in set(data) - _LIST_KEYS]
    for key in ("id", "year", "title", "sections"):
        if not data.get(key):
            out.append(f"missing {key}")
    declared = {c["key"] for c in data.get("categories", [])} | {"all"}
    keys = declared if data.get("categories") else DEFAULT_KEYS
    item_numbering = data.get("numbering") == "item"
    task_no = item_no = 0
    for si, section in enumerate(data.get("sections", []), start=1):
        if section.get("number") != si or not section.get("title") or not section.get("tasks"):
            out.append(f"section {si}")
        for task in section.get("tasks", []):
            task_no += 1
            out += [f"task {task_no}: key {k}" for k in set(task) - _TASK_KEYS]
            if task.get("number") != task_no or not task.get("title"):
                out.append(f"task {task_no}: number or title")
            for mi, m in enumerate(task.get("measures") or [None], start=1):
                item_no += 1
                want = str(item_no) if item_numbering else f"{task_no}.{mi}"
                out += _measure_problems(m, want, keys)
    return out


def _measure_problems(m: dict | None, want: str, keys: set[str]) -> list[str]:  # type: ignore[type-arg]
    if m is None:
        return [f"{want}: no measures"]
    out = [f"{want}: key {k}" for k in set(m) - _MEASURE_KEYS]
    if m.get("id") != want or m.get("actor") not in ("national", "province") or not m.get("text"):
        out.append(f"{want}: id, actor or text")
    used = set(m.get("mandatory_for", [])) | set(m.get("optional_for", []))
    if m.get("actor") == "province" and not used:
        out.append(f"{want}: province without categories")
    if m.get("actor") == "national" and (used or m.get("rule")):
        out.append(f"{want}: national with a rule")
    out += [f"{want}: undeclared category {k}" for k in used - keys]
    return out
