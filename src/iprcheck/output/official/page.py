"""The page of an official document, after GB/T 9704-2012, and the fonts it is set in.

Layout: A4; margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (版心 156 × 225 mm); 28
characters a line; title 二号小标宋 centred; body 三号仿宋, exactly 28 pt between lines, first
line indented two characters; headings 一、 in 黑体 and （一） in 楷体; page numbers "— 1 —" in
四号宋体, odd pages right and even pages left, one character in from the edge.

Fonts, as Word and WPS on Chinese Windows find them:

* title ``方正小标宋简体``: GB/T 9704 asks for 小标宋体, and this is the one government offices
  install (there is no 小标宋 in Windows itself); where it is missing Word substitutes a 宋体.
* body ``仿宋`` and headings ``楷体``, not ``仿宋_GB2312`` / ``楷体_GB2312``: the standard names the
  typefaces (仿宋体, 楷体), and the GBK fonts 仿宋 and 楷体 ship with every Chinese Windows since
  Vista and with WPS, while the _GB2312 ones come only with XP or a font pack. They also cover
  characters outside GB2312, which the _GB2312 fonts draw from another font or not at all: the
  source's own 意見 (task 1), and names such as 喆 or 堃 in a note or an owner.
* ``黑体`` for 一、 headings, ``宋体`` for page numbers; Latin letters and digits in Times New
  Roman. The East Asian font is set on every run (``w:eastAsia``; python-docx's ``font.name``
  sets only the Latin ones), with ``w:hint="eastAsia"`` in Chinese so that quotes such as “”
  take the Chinese font, and on the Normal style; the East Asian language is zh-CN. The font
  table names each font's English name and GB2312 charset, so that Word finds a font under
  either name and substitutes a Chinese one for a font it lacks.
"""

from __future__ import annotations

import io
from datetime import date, datetime, time
from typing import Any

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋"
H1_FONT = "黑体"
H2_FONT = "楷体"
PAGE_FONT = "宋体"
LATIN = "Times New Roman"

TITLE_PT = 22  # 二号
BODY_PT = 16  # 三号
PAGE_PT = 14  # 四号
TABLE_PT = 12  # 小四, in the annex's tables
LINE_PT = 28  # exactly, between body lines
TITLE_LINE_PT = 35
CONDENSE_TWIPS = 5  # 0.25 pt less between Chinese characters: 28 a line (see ``_condense``)

# The layout's numbers, in millimetres.
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
TEXT_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]  # 156: the width of the 版心
FOOTER_MM = 22  # page numbers 7 mm below the text block, as the standard puts them


def new_document(lang: str) -> Any:
    """An empty document with the page, the Normal style, the page numbers and the fonts."""
    from docx import Document
    from docx.shared import Mm

    doc = Document()
    _styles(doc, lang)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin = Mm(MARGINS_MM["top"])
    section.bottom_margin = Mm(MARGINS_MM["bottom"])
    section.left_margin = Mm(MARGINS_MM["left"])
    section.right_margin = Mm(MARGINS_MM["right"])
    section.footer_distance = Mm(FOOTER_MM)
    _page_numbers(doc, lang)
    _font_table(doc)
    return doc


def saved(doc: Any, *, title: str, author: str, lang: str, day: date) -> bytes:
    """The document's bytes, its properties saying only what the document itself says: no
    tool, no file name, created on the day it reports on."""
    props = doc.core_properties
    props.title = title
    props.author = props.last_modified_by = author
    props.comments = props.keywords = props.subject = props.category = ""
    props.language = "zh-CN" if lang == "zh" else "en-GB"
    props.created = props.modified = datetime.combine(day, time())
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def fonts(element: Any, east: str, latin: str, lang: str) -> None:
    """Set every script's font and the language on an ``rPr`` (of a run or a style)."""
    from docx.oxml.ns import qn

    names = element.find(qn("w:rFonts"))
    if names is None:
        names = element.makeelement(qn("w:rFonts"), {})
        element.insert(0, names)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        names.set(qn(attr), latin)
    names.set(qn("w:eastAsia"), east)
    if lang == "zh":
        names.set(qn("w:hint"), "eastAsia")
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        names.attrib.pop(qn(attr), None)
    language = element.find(qn("w:lang"))
    if language is None:
        language = element.makeelement(qn("w:lang"), {})
        element.append(language)
    # Latin text stays in a Western language, as Word on Chinese Windows writes it: LibreOffice
    # breaks lines inside "30日" or "92天" when the digits are marked zh-CN.
    language.set(qn("w:val"), "en-US" if lang == "zh" else "en-GB")
    language.set(qn("w:eastAsia"), "zh-CN")


def style_run(run: Any, east: str, latin: str, size: float, lang: str, bold: bool = False) -> Any:
    from docx.shared import Pt

    run.font.size = Pt(size)
    run.font.bold = bold or None
    fonts(run.element.get_or_add_rPr(), east, latin, lang)
    return run


def _styles(doc: Any, lang: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt

    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    rpr = normal.element.get_or_add_rPr()
    fonts(rpr, BODY_FONT, LATIN, lang)
    if lang == "zh":
        _condense(rpr)
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(LINE_PT)
    pf.space_before = pf.space_after = Pt(0)
    pf.first_line_indent = Pt(2 * BODY_PT)
    # 两端对齐 in Chinese; English is set ragged, as a Chinese note in it would be stretched.
    pf.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY if lang == "zh" else WD_ALIGN_PARAGRAPH.LEFT
    pf.widow_control = True


def _condense(rpr: Any) -> None:
    """28 characters a line, as GB/T 9704 counts them: 156 mm hold 27.6 characters of 16 pt, so
    each is drawn 0.25 pt narrower. (Offices' templates do this with a character grid, which
    LibreOffice lays out with two cells a character, half as many a line.)"""
    from docx.oxml.ns import qn

    spacing = rpr.makeelement(qn("w:spacing"), {qn("w:val"): str(-CONDENSE_TWIPS)})
    later = {qn(f"w:{n}") for n in ("w", "kern", "position", "sz", "szCs", "u", "lang")}
    for n, child in enumerate(rpr):
        if child.tag in later:
            rpr.insert(n, spacing)
            return
    rpr.append(spacing)


# The Chinese fonts with their English names and the hints Word substitutes by when one is
# missing: charset 86 (GB2312) and family, so that a missing 方正小标宋简体 becomes a Chinese
# Song face, not a Latin one.
FONT_TABLE = (
    (TITLE_FONT, "FZXiaoBiaoSong-B05S", "auto"),
    (BODY_FONT, "FangSong", "modern"),
    (H2_FONT, "KaiTi", "modern"),
    (H1_FONT, "SimHei", "modern"),
    (PAGE_FONT, "SimSun", "auto"),
)


def _font_table(doc: Any) -> None:
    """The fonts above added to the package's font table. python-docx has no object for that
    part, so a new part is made from its XML, extended, and put in the old one's place."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.oxml import serialize_part_xml
    from docx.opc.part import Part
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement, parse_xml

    old = doc.part.part_related_by(RT.FONT_TABLE)
    table = parse_xml(old.blob)
    known = {f.get(qn("w:name")) for f in table.iter(qn("w:font"))}
    for name, alt, family in FONT_TABLE:
        if name in known:
            continue
        font = OxmlElement("w:font", {qn("w:name"): name})
        for tag, value in (("altName", alt), ("charset", "86"), ("family", family)):
            font.append(OxmlElement(f"w:{tag}", {qn("w:val"): value}))
        font.append(OxmlElement("w:pitch", {qn("w:val"): "variable"}))
        table.append(font)
    new = Part.load(old.partname, old.content_type, serialize_part_xml(table), old.package)
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype == RT.FONT_TABLE:
            doc.part.rels.pop(rid)
    doc.part.relate_to(new, RT.FONT_TABLE)


def _page_numbers(doc: Any, lang: str) -> None:
    """— 1 — in 四号宋体: odd pages right, even pages left, one character in (GB/T 9704 7.5)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]
        pf = p.paragraph_format
        pf.alignment = align
        pf.first_line_indent = Pt(0)
        pf.line_spacing = 1.0
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            pf.right_indent = Pt(PAGE_PT)
        else:
            pf.left_indent = Pt(PAGE_PT)
        _field(p, "PAGE", lambda r: style_run(r, PAGE_FONT, PAGE_FONT, PAGE_PT, lang))


def _field(paragraph: Any, instr: str, style: Any) -> None:
    """``— {PAGE} —``, the field as Word writes it: begin, instruction, separate, a result shown
    until the field is updated, end; each part a run styled by ``style``."""
    from docx.oxml.ns import qn

    def part(tag: str, **attrs: str) -> Any:
        run = style(paragraph.add_run())
        el = run.element.makeelement(
            qn(tag), {qn(k.replace("_", ":", 1)): v for k, v in attrs.items()}
        )
        run.element.append(el)
        return el

    style(paragraph.add_run("— "))
    part("w:fldChar", w_fldCharType="begin")
    part("w:instrText", xml_space="preserve").text = f" {instr} "
    part("w:fldChar", w_fldCharType="separate")
    style(paragraph.add_run("1"))
    part("w:fldChar", w_fldCharType="end")
    style(paragraph.add_run(" —"))
