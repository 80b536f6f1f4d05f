"""The report as a Word document that goes upward: a 落实情况报告 laid out after GB/T 9704-2012.

What a reader receives: the title, the reporting unit and date, an overview with the mandatory
figures, the progress of every obligation under its section (一、) and task (（一）), the problems
(blocked and overdue obligations), the next steps (open mandatory obligations with owners and
dates), 特此报告, the signature (落款) and, as 附件, a table per section. What stays out: the
ledger's file name, the tool, and the ledger check's findings, which are the office's own
business.

Layout (GB/T 9704-2012): A4; margins 37 mm top, 35 mm bottom, 28 mm left, 26 mm right (版心
156 × 225 mm); 28 characters a line; title 二号小标宋 centred; body 三号仿宋,
exactly 28 pt between lines, first line indented two characters; headings 一、 in 黑体 and
（一） in 楷体; page numbers "— 1 —" in 四号宋体, odd pages right and even pages left, one
character in from the edge; the 落款 right-aligned with the date two characters from the right.

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

Every text from the ledger or the list passes ``_clean``: characters XML cannot hold (C0
controls other than tab and newline, lone surrogates, U+FFFE/U+FFFF) and C1 controls are
dropped, so a hostile note never stops the writer.

The wording is in ``i18n/office.py`` (keys ``docx_*``). python-docx is imported here only, inside
the functions, so no other format pays for it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time
from itertools import combinations
from typing import TYPE_CHECKING, Any

from ...i18n import t
from ...numbers import chinese_numeral, percent
from ...vocab import NATIONAL_OFFICE, Status
from .. import View
from .. import labels as L

if TYPE_CHECKING:
    from ...obligations import Item
    from ...reports.report import Counts, Group, Report

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋"
H1_FONT = "黑体"
H2_FONT = "楷体"
PAGE_FONT = "宋体"
LATIN = "Times New Roman"

TITLE_PT = 22  # 二号
BODY_PT = 16  # 三号
PAGE_PT = 14  # 四号
TABLE_PT = 12  # 小四, in the annex's table
LINE_PT = 28  # exactly, between body lines
TITLE_LINE_PT = 35
CONDENSE_TWIPS = 5  # 0.25 pt less between Chinese characters: 28 a line (see ``_condense``)

# The layout's numbers, in millimetres.
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
FOOTER_MM = 22  # page numbers 7 mm below the text block, as the standard puts them
TITLE_CHARS = 19.5  # what one title line holds at 22 pt in 156 mm, with room to spare


def w(key: str, lang: str, /, **params: object) -> str:
    return t(f"docx_{key}", lang, **params)


# Not in XML 1.0 (C0 controls but tab, newline and carriage return; surrogates; U+FFFE/F), or
# invisible junk in a document (C1 controls, DEL).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _clean(text: object) -> str:
    s = "" if text is None else str(text)
    return _ILLEGAL.sub("", s.replace("\r\n", "\n").replace("\r", "\n"))


def _width(text: str) -> float:
    """Width in em: a Latin letter or digit takes half of a Chinese character."""
    return sum(0.5 if ord(c) < 0x2E80 else 1.0 for c in text)


MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def day_text(d: date | str | None, lang: str) -> str:
    """2020年9月30日 / 30 September 2020."""
    if d is None:
        return ""
    if isinstance(d, str):
        try:
            d = date.fromisoformat(d)
        except ValueError:
            return _clean(d)
    if lang == "zh":
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"  # not strftime: it follows the locale


def gist(text: str, limit: int = 48) -> str:
    """The measure's first sentence, without the 国家知识产权局： prefix; a longer one is cut at
    its last clause (，；) within ``limit``, so that the report reads whole words."""
    head = text.removeprefix(NATIONAL_OFFICE + "：")
    first = head.split("。", 1)[0].strip()
    if len(first) <= limit:
        return first
    cut = max(first.rfind(mark, 0, limit) for mark in "，；")
    if cut >= 16:
        return first[: _past_title(first, cut)]
    end = _past_title(first, limit - 1)
    return first[:end] + ("…" if end < len(first) else "")


def _past_title(text: str, end: int) -> int:
    """Where a cut at ``end`` may fall: after the 》 of a document title it would break open
    (《关于…的通知》 is named whole in a report, never as 《关于…)."""
    if text.rfind("《", 0, end) > text.rfind("》", 0, end):
        close = text.find("》", end)
        if close != -1:
            return close + 1
    return end


def _sentence(text: str, lang: str) -> str:
    """Text ending as a sentence does."""
    text = text.strip()
    if not text:
        return ""
    if lang == "zh":
        return text if text[-1] in "。！？；…”）" else text + "。"
    return text if text[-1] in ".!?;…)" else text + "."


def _join(parts: Iterable[str], lang: str) -> str:
    return ("，" if lang == "zh" else ", ").join(p for p in parts if p)


def who(report: Report, lang: str) -> str | None:
    """The reporting unit; None for a ledger that names none."""
    f = report.facts
    if f.national or f.province:
        name = L.who(f, lang)
        return name.replace(" ", "") if lang == "zh" else name
    return None


def title_lines(report: Report, lang: str) -> list[str]:
    """The report's title: unit, list, 落实情况报告, broken as ``broken`` does."""
    f = report.facts
    unit = _clean(who(report, lang) or "")
    if lang != "zh":  # the unit is named in the line under the title
        return [w("title", lang, list=_clean(f.list_title_en))]
    return broken([unit, *_list_words(f.list_title), w("title_tail", lang)])


def _list_words(title: str) -> list[str]:
    """The list's title in two pieces when it ends in a 任务清单 (or 清单)."""
    title = _clean(title)
    for word in ("任务清单", "清单"):
        at = title.rfind(word)
        if at > 0:
            return [title[:at], title[at:]]
    return [title]


def broken(pieces: Sequence[str], limit: float = TITLE_CHARS) -> list[str]:
    """A title in lines broken only between ``pieces`` (GB/T 9704 7.2: 词意完整，排列对称):
    the fewest lines that fit, and of those the most even; one line when nothing fits."""
    pieces = [x for x in pieces if x]
    full = "".join(pieces)
    if _width(full) <= limit or len(pieces) < 2:
        return [full]
    for n in range(1, len(pieces)):
        best: list[str] | None = None
        for cuts in combinations(range(1, len(pieces)), n):
            bounds = (0, *cuts, len(pieces))
            lines = ["".join(pieces[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
            if max(_width(x) for x in lines) > limit:
                continue
            if best is None or _spread(lines) < _spread(best):
                best = lines
        if best:
            return best
    return [full]


def _spread(lines: Sequence[str]) -> float:
    widths = [_width(x) for x in lines]
    return max(widths) - min(widths)


# ---------------------------------------------------------------------------------------------
# The document.


def to_docx(report: Report, view: View) -> bytes:
    lang = view.lang
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

    w_ = Writer(doc, lang)
    w_.title(title_lines(report, lang))
    w_.subtitle(report)
    w_.blank()
    w_.overview(report)
    w_.since(report)
    number = 0
    for g in report.sections:
        items = [i for i in report.items if i.obligation.section.number == g.number]
        if not items:
            continue
        number += 1
        w_.heading1(number, L.group_title(g, lang))
        w_.tasks(report, g, items)
    w_.heading1(number + 1, w("problems", lang))
    w_.problems(report)
    w_.heading1(number + 2, w("next", lang))
    w_.next_steps(report)
    w_.ending(report)
    w_.annex(report)

    props = doc.core_properties
    props.title = _clean("".join(title_lines(report, lang)))
    props.author = props.last_modified_by = _clean(who(report, lang) or "")
    props.comments = props.keywords = props.subject = props.category = ""
    props.language = "zh-CN" if lang == "zh" else "en-GB"
    props.created = props.modified = datetime.combine(report.facts.as_of, time())
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _fonts(element: Any, east: str, latin: str, lang: str) -> None:
    """Set every script's font and the language on an ``rPr`` (of a run or a style)."""
    from docx.oxml.ns import qn

    fonts = element.find(qn("w:rFonts"))
    if fonts is None:
        fonts = element.makeelement(qn("w:rFonts"), {})
        element.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east)
    if lang == "zh":
        fonts.set(qn("w:hint"), "eastAsia")
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    language = element.find(qn("w:lang"))
    if language is None:
        language = element.makeelement(qn("w:lang"), {})
        element.append(language)
    # Latin text stays in a Western language, as Word on Chinese Windows writes it: LibreOffice
    # breaks lines inside "30日" or "92天" when the digits are marked zh-CN.
    language.set(qn("w:val"), "en-US" if lang == "zh" else "en-GB")
    language.set(qn("w:eastAsia"), "zh-CN")


def _styles(doc: Any, lang: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt

    normal = doc.styles["Normal"]
    normal.font.size = Pt(BODY_PT)
    rpr = normal.element.get_or_add_rPr()
    _fonts(rpr, BODY_FONT, LATIN, lang)
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
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.oxml import serialize_part_xml
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement, parse_xml

    part = doc.part.part_related_by(RT.FONT_TABLE)
    fonts = parse_xml(part.blob)
    known = {f.get(qn("w:name")) for f in fonts.iter(qn("w:font"))}
    for name, alt, family in FONT_TABLE:
        if name in known:
            continue
        font = OxmlElement("w:font", {qn("w:name"): name})
        for tag, value in (("altName", alt), ("charset", "86"), ("family", family)):
            font.append(OxmlElement(f"w:{tag}", {qn("w:val"): value}))
        font.append(OxmlElement("w:pitch", {qn("w:val"): "variable"}))
        fonts.append(font)
    part._blob = serialize_part_xml(fonts)


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
        _field(p, "PAGE", lambda r: _style_run(r, PAGE_FONT, PAGE_FONT, PAGE_PT, lang))


def _style_run(run: Any, east: str, latin: str, size: float, lang: str, bold: bool = False) -> Any:
    from docx.shared import Pt

    run.font.size = Pt(size)
    run.font.bold = bold or None
    _fonts(run._r.get_or_add_rPr(), east, latin, lang)
    return run


def _field(paragraph: Any, instr: str, style: Any) -> None:
    """``— {PAGE} —``, the field as Word writes it: begin, instruction, separate, a result shown
    until the field is updated, end; each part a run styled by ``style``."""
    from docx.oxml.ns import qn

    def part(tag: str, **attrs: str) -> Any:
        run = style(paragraph.add_run())
        el = run._r.makeelement(qn(tag), {qn(k.replace("_", ":", 1)): v for k, v in attrs.items()})
        run._r.append(el)
        return el

    style(paragraph.add_run("— "))
    part("w:fldChar", w_fldCharType="begin")
    part("w:instrText", xml_space="preserve").text = f" {instr} "
    part("w:fldChar", w_fldCharType="separate")
    style(paragraph.add_run("1"))
    part("w:fldChar", w_fldCharType="end")
    style(paragraph.add_run(" —"))


class Writer:
    """Adds the report's paragraphs to a document, each text cleaned and each run's fonts set."""

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
        east, latin = fonts or self.body
        run = p.add_run(_clean(text))
        return _style_run(run, east, latin, size, self.lang, bold)

    def text(self, text: str, **kw: Any) -> Any:
        p = self.para(**kw)
        self.run(p, text)
        return p

    def blank(self) -> None:
        self.para()

    # -- the parts

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

    def subtitle(self, report: Report) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        unit = who(report, self.lang)
        when = day_text(report.facts.as_of, self.lang)
        text = (
            w("subtitle", self.lang, who=unit, date=when)
            if unit
            else w("subtitle_anon", self.lang, date=when)
        )
        p = self.para(indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
        self.run(p, text, self.h2)

    def overview(self, report: Report) -> None:
        f, lang = report.facts, self.lang
        unit = who(report, lang) or w("we_anon", lang)
        name = L.list_title(f, lang)
        self.text(w("intro", lang, list=name, who=unit, date=day_text(f.as_of, lang)))
        m, o = report.totals.mandatory, report.totals.optional
        sentences = []
        if m.total:
            sentences.append(
                _join(
                    [
                        # 广东省承担必做举措…: the unit leads the sentence in Chinese only
                        (unit if lang == "zh" else "")
                        + w(
                            "overview_mandatory",
                            lang,
                            total=m.total,
                            done=m.done,
                            percent=percent(m.done, m.total),
                        ),
                        *self._counts(m, ("in-progress", "blocked", "todo", "waived")),
                    ],
                    lang,
                )
            )
        if o.total:
            sentences.append(
                _join(
                    [
                        w("overview_optional", lang, total=o.total, done=o.done),
                        *self._counts(o, ("in-progress", "blocked", "waived")),
                    ],
                    lang,
                )
            )
        end = "；" if lang == "zh" else ". "
        text = end.join(sentences)
        text = (text + ("。" if lang == "zh" else ". ")) if text else ""
        left = f.days_left
        deadline = day_text(f.deadline, lang) if f.deadline else ""
        if left is None:
            pass  # a list without a deadline: no countdown
        elif left > 0:
            text += w("days_left", lang, date=deadline, days=left)
        elif left == 0:
            text += w("days_today", lang, date=deadline)
        else:
            text += w("days_over", lang, date=deadline, days=-left)
        self.text(text)

    def since(self, report: Report) -> None:
        """本期进展 (``report --since``): each change after that day, one paragraph each."""
        from ..history import change

        if report.since is None:
            return
        lang = self.lang
        when = day_text(report.since, lang)
        if not report.changes:
            self.text(w("since_none", lang, date=when))
            return
        self.text(w("since_intro", lang, date=when, n=len(report.changes)))
        for ev in report.changes:
            if ev.kind == "status":
                before = ev.before.given().get("status")
                what = w(
                    "since_status",
                    lang,
                    before=before.label(lang) if before is not None else "",
                    after=ev.after.given()["status"].label(lang),
                )
            else:
                what = change(ev, lang)
            note = _clean(ev.note or "").strip()
            at = day_text(ev.when.astimezone().date(), lang)
            oid = ev.obligation or "—"
            body = f"{oid}　{at}，{what}" if lang == "zh" else f"{oid}  {at}: {what}"
            if note:
                body += f"（{note}）" if lang == "zh" else f" ({note})"
            self.text(_clean(body) + ("。" if lang == "zh" else "."))

    def _counts(self, counts: Counts, keys: Sequence[str]) -> list[str]:
        return [w(f"count_{k}", self.lang, n=counts[Status(k)]) for k in keys if counts[Status(k)]]

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

    def tasks(self, report: Report, section: Group, items: list[Item]) -> None:
        titles = {g.number: g for g in report.tasks}
        order: dict[int, list[Item]] = {}
        for item in items:
            order.setdefault(item.task.number, []).append(item)
        for n, (task, mine) in enumerate(order.items(), 1):
            group = titles.get(task)
            if group is not None:
                name = L.group_title(group, self.lang)
            else:
                name = L.task_title(mine[0].task, self.lang)
            self.heading2(n, name)
            for item in mine:
                self.obligation(item)

    def lead(self, p: Any, item: Item) -> None:
        """``1.2　各地区要认真落实…``: the id in bold, then the gist of the measure."""
        self.run(p, item.id, bold=True)
        self.run(p, ("　" if self.lang == "zh" else "  ") + gist(_clean(item.text)))

    def obligation(self, item: Item) -> None:
        lang = self.lang
        p = self.para()
        req = item.requirement
        state = item.status.label(lang)
        self.lead(p, item)
        tag = w("req_status", lang, req=w(f"req_{req.value}", lang), status=state) if req else ""
        if not tag:
            tag = f"（{state}）" if lang == "zh" else f" ({state})"
        self.run(p, tag + ("。" if lang == "zh" else "."))
        rest = []
        note = _clean(item.note or "").strip()
        if note:
            key = "waived_note" if item.status is Status.WAIVED else "progress"
            rest.append(_sentence(w(key, lang, note=note), lang))
        evidence = [_clean(e).strip() for e in item.evidence]
        if any(evidence):
            sep = "、" if lang == "zh" else "; "
            refs = sep.join(e for e in evidence if e)
            rest.append(_sentence(w("evidence", lang, refs=refs), lang))
        who_when = self._owner_due(item, list_due=False)
        if who_when:
            rest.append(_sentence(who_when, lang))
        if rest:
            sep = "" if lang == "zh" else " "
            self.run(p, sep + sep.join(rest))

    def _owner_due(self, item: Item, *, list_due: bool) -> str:
        lang = self.lang
        parts = []
        owner = _clean(item.owner or "").strip()
        if owner:
            parts.append(w("owner", lang, owner=owner))
        internal = item.internal_due
        if internal:
            parts.append(w("internal_due", lang, date=day_text(internal, lang)))
        elif list_due:
            due = item.task.due
            if due:
                parts.append(w("due", lang, date=day_text(due, lang)))
        return ("；" if lang == "zh" else "; ").join(parts)

    def problems(self, report: Report) -> None:
        lang, a = self.lang, report.attention
        if a.blocked:
            self.text(w("blocked_intro", lang, n=len(a.blocked)))
            for oid in a.blocked:
                item = report.item(oid)
                note = _clean(item.note or "").strip()
                reason = _sentence(w("reason", lang, note=note or w("no_reason", lang)), lang)
                p = self.para()
                self.lead(p, item)
                self.run(p, ("。" if lang == "zh" else ". ") + reason)
        if a.overdue:
            self.text(w("overdue_intro", lang, n=len(a.overdue)))
            for o in a.overdue:
                item = report.item(o.id)
                key = "overdue_internal" if o.internal else "overdue_list"
                late = w(key, lang, date=day_text(o.due, lang), days=o.days)
                p = self.para()
                self.lead(p, item)
                self.run(p, f"（{late}）。" if lang == "zh" else f" ({late}).")
        if not a.blocked and not a.overdue:
            self.text(w("no_problems", lang))

    def next_steps(self, report: Report) -> None:
        lang, open_ = self.lang, report.attention.open_mandatory
        if not open_:
            self.text(w("next_none", lang))
            return
        deadline = report.facts.deadline
        left = report.facts.days_left
        key = "next_intro" if left is not None and left >= 0 else "next_intro_late"
        self.text(w(key, lang, n=len(open_), date=day_text(deadline, lang) if deadline else ""))
        for oid in open_:
            item = report.item(oid)
            state = item.status.label(lang)
            other = item.task.due not in (None, deadline)
            details = ("；" if lang == "zh" else "; ").join(
                x for x in (state, self._owner_due(item, list_due=other)) if x
            )
            p = self.para()
            self.lead(p, item)
            self.run(p, f"（{details}）。" if lang == "zh" else f" ({details}).")

    def ending(self, report: Report) -> None:
        """特此报告, the annex line and the 落款 (GB/T 9704 7.3.4, 7.3.5.2)."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        lang = self.lang
        start = len(self.doc.paragraphs) - 1  # the last of the body goes with the 落款
        closing = w("closing", lang)
        if closing:
            self.text(closing)
        self.blank()
        p = self.text(w("annex_line", lang, title=self.annex_title(report)))
        if lang == "zh":  # a second line starts under the title's first character (7.3.4)
            p.paragraph_format.left_indent = Pt(5 * BODY_PT)
            p.paragraph_format.first_line_indent = Pt(-3 * BODY_PT)
        self.blank()
        for p in self.doc.paragraphs[start:]:
            p.paragraph_format.keep_with_next = True
        unit = who(report, lang)
        when = day_text(report.facts.as_of, lang)
        # The date two characters from the right; the unit's first character two before the
        # date's, or further left when the date is the longer (in characters of 16 pt).
        w_unit, w_date = _width(unit or ""), _width(when)
        if lang == "zh":
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

    def annex_title(self, report: Report) -> str:
        return w("annex_title", self.lang, list=L.list_title(report.facts, self.lang))

    def annex(self, report: Report) -> None:
        """附件 on a page of its own: 附件 top left in 黑体, its title centred on the third line,
        then the table per section."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
        from docx.shared import Pt

        lang = self.lang
        p = self.para(indent=False)
        p.add_run().add_break(WD_BREAK.PAGE)
        self.run(p, w("annex", lang), self.h1, bold=lang != "zh")
        self.blank()
        p = self.para(indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
        pf = p.paragraph_format
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(TITLE_LINE_PT)
        if lang == "zh":
            lines = broken([*_list_words(report.facts.list_title), w("annex_tail", lang)])
        else:
            lines = [self.annex_title(report)]
        self.title_text(p, lines)
        when = day_text(report.facts.as_of, lang)
        p = self.para(indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
        self.run(p, w("subtitle_anon", lang, date=when), self.h2)
        p = self.para(indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
        self.run(p, w("unit", lang), size=TABLE_PT)
        self.table(report)

    def table(self, report: Report) -> None:
        from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml.ns import qn
        from docx.shared import Mm, Pt

        lang = self.lang
        keys = ["col_seq", "col_section", "col_mandatory", "col_done"]
        keys += ["col_in-progress", "col_blocked", "col_percent"]
        # 156 mm; English headings are longer, and wrap between words
        widths = (14, 54, *[17.6] * 5) if lang == "zh" else (12, 46, 26, 15, 21, 19, 17)
        rows: list[list[str]] = []
        total = {"total": 0, "done": 0, "in-progress": 0, "blocked": 0}
        for n, g in enumerate(report.sections, 1):
            m = g.totals.mandatory
            for k, figure in _figures_of(m).items():
                total[k] += figure
            rows.append([str(n), L.group_title(g, lang), *self._figures(_figures_of(m))])
        rows.append(["", w("total", lang), *self._figures(total)])

        table = self.doc.add_table(rows=1 + len(rows), cols=len(keys))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        header = table.rows[0]
        tr_pr = header._tr.get_or_add_trPr()
        tr_pr.append(tr_pr.makeelement(qn("w:tblHeader"), {}))  # repeats on each page
        for r, row in enumerate([[w(k, lang) for k in keys], *rows]):
            last = r == len(rows)
            for c, value in enumerate(row):
                cell = table.cell(r, c)
                cell.width = Mm(widths[c])
                cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                p = cell.paragraphs[0]
                pf = p.paragraph_format
                pf.first_line_indent = Pt(0)
                pf.line_spacing = Pt(TABLE_PT + 8)
                pf.alignment = (
                    WD_ALIGN_PARAGRAPH.LEFT if c == 1 and r else WD_ALIGN_PARAGRAPH.CENTER
                )
                heading = r == 0 or (last and c == 1)
                fonts = self.h1 if heading else self.body
                self.run(p, value, fonts, size=TABLE_PT, bold=heading and lang != "zh")
        for c, width in enumerate(widths):
            table.columns[c].width = Mm(width)

    def _figures(self, m: Mapping[str, int]) -> list[str]:
        pct = f"{percent(m['done'], m['total'])}%" if m["total"] else "—"
        return [str(m["total"]), str(m["done"]), str(m["in-progress"]), str(m["blocked"]), pct]


def _figures_of(m: Counts) -> dict[str, int]:
    return {"total": m.total, "done": m.done, "in-progress": m.in_progress, "blocked": m.blocked}
