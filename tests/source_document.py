"""An independent reading of the source document (附件1), for the fidelity tests.

It parses the PDF-extracted text that ships in ``tests/fixtures`` — not the catalog — so the
tests compare two separate renderings of the same table: this one and ``tasks_2020.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

SOURCE = Path(__file__).parent / "fixtures" / "2020-task-list.txt"

HEADER = "任务清单\t落实举措\t执行部门\t完成时间"
CN_NUMERALS = "一二三四五六七八九十"
SENTENCE_END = ("。", "”", "！", "？")


@dataclass
class SourceTask:
    number: int
    title: str
    section: int
    paragraphs: list[str] = field(default_factory=list)
    departments: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    completion: str | None = None

    @property
    def national(self) -> str:
        return self.paragraphs[0]

    @property
    def provincial(self) -> list[tuple[str, str]]:
        """Each provincial paragraph with the 省份 rule that governs it, in order."""
        return list(zip(self.paragraphs[1:], self.rules, strict=True))


@dataclass
class SourceSection:
    number: int
    title: str


def _cell_paragraphs(cell: str) -> list[str]:
    found = re.findall(r"<p>(.*?)</p>", cell)
    if found:
        return [p.strip() for p in found]
    cell = cell.strip()
    return [cell] if cell else []


def parse(path: Path = SOURCE) -> tuple[list[SourceSection], list[SourceTask]]:
    sections: list[SourceSection] = []
    tasks: list[SourceTask] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" not in line or line.strip() == HEADER.strip():
            continue
        cols = (line.split("\t") + ["", "", "", ""])[:4]
        first, measures, executors, completion = cols
        heading = re.fullmatch(r"<b>(.)、(.*)</b>", first.strip())
        if heading:
            sections.append(SourceSection(CN_NUMERALS.index(heading[1]) + 1, heading[2]))
            continue
        if first.strip():
            text = re.sub(r"</?p>", "", first).strip()
            m = re.fullmatch(r"(\d+)\.\s*(.*)", text)
            assert m, f"unreadable task cell: {first!r}"
            tasks.append(SourceTask(int(m[1]), m[2], sections[-1].number))
        task = tasks[-1]
        paragraphs = _cell_paragraphs(measures)
        # A page break can cut a paragraph: the first half then lacks its closing punctuation.
        if paragraphs and task.paragraphs and not task.paragraphs[-1].endswith(SENTENCE_END):
            task.paragraphs[-1] += paragraphs.pop(0)
        task.paragraphs.extend(paragraphs)
        for kind, value in re.findall(r"(局内|省份)：(\S+?)(?=</p>|\s|$)", executors):
            if kind == "局内":
                task.departments.extend(d for d in re.split(r"[、，]", value) if d)
            else:
                task.rules.append(value)
        done = re.sub(r"</?p>", "", completion).strip()
        if done:
            task.completion = done
    return sections, tasks


if __name__ == "__main__":
    secs, tks = parse()
    for s in secs:
        print(s)
    for t in tks:
        print(t.number, t.section, t.title, t.departments, t.rules, t.completion, len(t.paragraphs))
        for p in t.paragraphs:
            print("   ", p[:30], "…", p[-12:])
