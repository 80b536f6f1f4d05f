"""A notice as read from its file: paragraphs and tables in order, whatever the format.

Every reader (``readers.py``) turns its format into this one shape, and the two families of list
are recognised in it (``table_family.py``, ``plan_family.py``). Text in it is already free of
invisible characters (``text.visible``) but otherwise as the file has it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Cell = list[str]  # a cell's paragraphs
Row = list[Cell]


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)


Block = str | Table  # a paragraph, or a table


@dataclass
class Document:
    name: str  # the file's name, for messages
    kind: str  # docx, xlsx, csv, txt, html
    blocks: list[Block] = field(default_factory=list)
    # Paragraphs numbered by Word itself (w:numPr): their numbers are not in the text.
    auto_numbered: int = 0

    def paragraphs(self) -> list[str]:
        """Every paragraph in order, those in table cells included (a plan pasted into a sheet
        has one item to a cell)."""
        out: list[str] = []
        for block in self.blocks:
            if isinstance(block, Table):
                for row in block.rows:
                    for cell in row:
                        out.extend(cell)
            else:
                out.append(block)
        return out

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]
