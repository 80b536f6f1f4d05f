"""The paragraphs of an official document: title, 主送, headings, body, 落款, 附件 and tables,
each text cleaned (``words.clean``) and each run's fonts set (``page.style_run``)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ...numbers import chinese_numeral
from .page import (
    BODY_FONT,
    BODY_PT,
    H1_FONT,
    H2_FONT,
    LATIN,
    PAGE_FONT,
    TABLE_PT,
    TITLE_FONT,
    TITLE_LINE_PT,
    TITLE_PT,
    style_run,
)
from .words import clean, width

# Ids in a row (3.3、6.2、7.2). A line may break after each 、, as Word breaks it; LibreOffice
# does not break between a 、 and a Latin digit (and marking the digits Chinese lets it break
# inside 11.2), so a hair space (U+200A, 1/24 em) after each 、 gives it the place to.
_ID_LIST = re.compile(r"[0-9]+(?:\.[0-9]+)?(?:、[0-9]+(?:\.[0-9]+)?)+")
HAIR = "\u200a"


def _breakable(match: re.Match[str]) -> str:
    return match.group().replace("、", "、" + HAIR)


class Writer:
    """Adds paragraphs to a document made by ``page.new_document``."""

    def __init__(self, doc: Any, lang: str) -> None:
        self.doc, self.lang = doc, lang
        zh = lang == "zh"
        self.body = (BODY_FONT, LATIN)
        self.title_font = (TITLE_FONT, LATIN) if zh else (PAGE_FONT, LATIN)
        self.h1 = (H1_FONT, LATIN)
        self.h2 = (H2_FONT, LATIN)

    # -- building blocks

    def para(self, *, indent: bool = True, align: Any = None) -> Any:
        from docx.shared import Pt

        p = self.doc.add_paragraph()
        if not indent:
            p.paragraph_format.first_line_indent = Pt(0)
        if align is not None:
            p.paragraph_format.alignment = align
        return p

    def run(
        self,
        p: Any,
        text: str,
        fonts: tuple[str, str] | None = None,
        *,
        size: float = BODY_PT,
        bold: bool = False,
    ) -> Any:
        """``text`` added to ``p`` (cleaned), in ``fonts``."""
        east, latin = fonts or self.body
        text = clean(text)
        if self.lang == "zh":
            text = _ID_LIST.sub(_breakable, text)
        return style_run(p.add_run(text), east, latin, size, self.lang, bold)

    def text(self, text: str, **kw: Any) -> Any:
        p = self.para(**kw)
        self.run(p, text)
        return p

    def blank(self) -> None:
        self.para()

    def end(self) -> str:
        """A sentence's full stop."""
        return "。" if self.lang == "zh" else "."

    # -- the head of the document

    def mark(self, text: str) -> None:
        """A word top left, in 黑体, where GB/T 9704 puts a document's 密级 and 紧急程度: here,
        that the document is for the office's own use."""
        self.run(self.para(indent=False), text, self.h1, bold=self.lang != "zh")

    def title(self, lines: list[str]) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
        from docx.shared import Pt

        p = self.para(indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
        pf = p.paragraph_format
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(TITLE_LINE_PT)
        pf.keep_with_next = True
        self.title_text(p, lines)

    def title_text(self, p: Any, lines: list[str]) -> None:
        from docx.enum.text import WD_BREAK

        for n, line in enumerate(lines):
            run = self.run(p, line, self.title_font, size=TITLE_PT, bold=self.lang != "zh")
            if n < len(lines) - 1:
                run.add_break(WD_BREAK.LINE)

    def centred(self, text: str) -> None:
        """A line under the title, centred, in 楷体."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        p = self.para(indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
        self.run(p, text, self.h2)

    def addressee(self, text: str) -> None:
        """主送机关 (GB/T 9704 7.3.2): one line under the title, flush left, ending in a
        full-width colon."""
        self.blank()
        self.text(text, indent=False)

    # -- headings

    def heading(self) -> Any:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        p = self.para(align=WD_ALIGN_PARAGRAPH.LEFT)
        p.paragraph_format.keep_with_next = True
        return p

    def heading1(self, number: int, text: str) -> None:
        p = self.heading()
        head = f"{chinese_numeral(number)}、{text}" if self.lang == "zh" else f"{number}. {text}"
        self.run(p, head, self.h1, bold=self.lang != "zh")

    def heading2(self, number: int, text: str) -> None:
        p = self.heading()
        head = f"（{chinese_numeral(number)}）{text}" if self.lang == "zh" else f"({number}) {text}"
        self.run(p, head, self.h2).font.italic = self.lang != "zh" or None

    def lead(self, p: Any, ident: str, text: str) -> None:
        """``1.2　各地区要认真落实…``: an id in bold, then what it names."""
        self.run(p, ident, bold=True)
        self.run(p, ("　" if self.lang == "zh" else "  ") + text)

    # -- the end of the document

    def keep_from(self, start: int) -> None:
        """Paragraphs from ``start`` on keep with the next: the end of the body with the 落款."""
        for p in self.doc.paragraphs[start:]:
            p.paragraph_format.keep_with_next = True

    def annex_line(self, text: str) -> None:
        """附件：… under the body, a second line under the title's first character (7.3.4)."""
        from docx.shared import Pt

        self.blank()
        p = self.text(text)
        if self.lang == "zh":
            p.paragraph_format.left_indent = Pt(5 * BODY_PT)
            p.paragraph_format.first_line_indent = Pt(-3 * BODY_PT)

    def signature(self, unit: str | None, when: str) -> None:
        """The 落款 (7.3.5.2): the date two characters from the right; the unit's first character
        two before the date's, or further left when the date is the longer (in characters of
        16 pt)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        w_unit, w_date = width(unit or ""), width(when)
        if self.lang == "zh":
            unit_right = max(2.0, 4 + w_date - w_unit)
            date_right = unit_right + w_unit - 2 - w_date
        else:
            unit_right = date_right = 0.0
        for text, right in ((unit, unit_right), (when, date_right)):
            if not text:
                continue
            p = self.para(indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
            p.paragraph_format.right_indent = Pt(right * BODY_PT)
            p.paragraph_format.keep_with_next = text is unit
            self.run(p, text)

    def annex_page(self, word: str, lines: list[str], under: str) -> None:
        """附件 on a page of its own: the word top left in 黑体, the title centred on the third
        line, then ``under`` centred (the date the figures are as of)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
        from docx.shared import Pt

        p = self.para(indent=False)
        p.add_run().add_break(WD_BREAK.PAGE)
        self.run(p, word, self.h1, bold=self.lang != "zh")
        self.blank()
        p = self.para(indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
        pf = p.paragraph_format
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(TITLE_LINE_PT)
        self.title_text(p, lines)
        self.centred(under)
        self.blank()

    def caption(self, text: str, *, right: bool = False) -> None:
        """A line above a table: its title in 黑体 (left), or its unit (right, 小四)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        if right:
            p = self.para(indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
            self.run(p, text, size=TABLE_PT)
            return
        p = self.para(indent=False, align=WD_ALIGN_PARAGRAPH.LEFT)
        p.paragraph_format.keep_with_next = True
        self.run(p, text, self.h1, bold=self.lang != "zh")

    # -- tables

    def table(
        self,
        heads: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths_mm: Sequence[float],
        *,
        left: Sequence[int] = (1,),
        size: float = TABLE_PT,
        total: bool = False,
    ) -> Any:
        """A ruled table, its header row repeated on every page, cells centred but for the
        columns in ``left``; ``total``: the last row is a total, its label in 黑体."""
        from docx.enum.table import WD_TABLE_ALIGNMENT

        table = self.doc.add_table(rows=1 + len(rows), cols=len(heads))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        _repeat_header(table.rows[0])
        for r, row in enumerate([heads, *rows]):
            last = total and r == len(rows)
            for c, value in enumerate(row):
                heading = r == 0 or (last and c in left)
                self._cell(table.cell(r, c), value, widths_mm[c], size=size, heading=heading,
                           left=bool(r) and c in left)  # fmt: skip
        self._widths(table, widths_mm)
        return table

    def _cell(
        self, cell: Any, value: str, width_mm: float, *, size: float, heading: bool, left: bool
    ) -> None:
        from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Mm, Pt

        cell.width = Mm(width_mm)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        p = cell.paragraphs[0]
        pf = p.paragraph_format
        pf.first_line_indent = Pt(0)
        pf.line_spacing = Pt(size + 8)
        pf.alignment = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER
        fonts = self.h1 if heading else self.body
        self.run(p, value, fonts, size=size, bold=heading and self.lang != "zh")

    @staticmethod
    def _widths(table: Any, widths_mm: Sequence[float]) -> None:
        from docx.shared import Mm

        for c, width_mm in enumerate(widths_mm):
            table.columns[c].width = Mm(width_mm)


def _repeat_header(row: Any) -> None:
    """The row repeats at the top of every page the table runs onto (``w:tblHeader``; python-docx
    has no property for it, so the element is added to the row's properties)."""
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(tr_pr.makeelement(qn("w:tblHeader"), {}))
