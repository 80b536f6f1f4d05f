"""iprcheck report --output 报告.docx: a 落实情况报告 in the layout of GB/T 9704-2012, read back
with python-docx as a reviewer would check it: page, margins, fonts on every run, headings per
section, the problems named, page numbers; sent upward with nothing of the office's internals
(--internal keeps them), signed by the office setting, 本期进展 in sentences."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import ok as ok_en
from conftest import runner
from report_ledger import AS_OF, SCRIPT_NOTE, build

from iprcheck.cli import app
from iprcheck.output import View
from iprcheck.output.official.writer import HAIR

docx = pytest.importorskip("docx")
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Mm, Pt  # noqa: E402


def ok(*args: str, lang: str = "zh") -> str:
    """The Word report is read in Chinese."""
    return ok_en(*args, lang=lang)


HEADING1 = re.compile(r"^[一二三四五六七八九十]+、")
HEADING2 = re.compile(r"^（[一二三四五六七八九十]+）")


def written(tmp_path: Path, lang: str = "zh", *more: str) -> Any:
    name = "报告.docx" if lang == "zh" else "report.docx"
    ok("report", "--as-of", AS_OF, "--output", name, "--force", *more, lang=lang)
    return docx.Document(str(tmp_path / name))


def body(doc: Any) -> str:
    return "\n".join(read(p) for p in doc.paragraphs)


@pytest.fixture
def pilot(tmp_path: Path) -> Path:
    return build(tmp_path)


@pytest.fixture
def zh(pilot: Path, tmp_path: Path) -> Any:
    return written(tmp_path, "zh")


@pytest.fixture
def en(pilot: Path, tmp_path: Path) -> Any:
    return written(tmp_path, "en")


def east_asia(run: Any) -> str | None:
    fonts = run._r.find(qn("w:rPr") + "/" + qn("w:rFonts"))
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def read(paragraph: Any) -> str:
    """A paragraph's text as a reader sees it: without the hair space after each 、 of a row of
    ids (``official.writer.HAIR``), which only lets a line break there."""
    return str(paragraph.text).replace(HAIR, "")


def texts(doc: Any) -> list[str]:
    """Every paragraph's text, body then table cells, then footers."""
    out = [read(p) for p in doc.paragraphs]
    for table in doc.tables:
        out += [cell.text for row in table.rows for cell in row.cells]
    for s in doc.sections:
        for footer in (s.footer, s.even_page_footer):
            out += [p.text for p in footer.paragraphs]
    return out


def headings(doc: Any, pattern: re.Pattern[str]) -> list[Any]:
    return [p for p in doc.paragraphs if pattern.match(p.text)]


def between(doc: Any, start: str, end: str) -> list[str]:
    paras = [read(p) for p in doc.paragraphs]
    first = next(i for i, x in enumerate(paras) if x.endswith(start))
    last = next(i for i, x in enumerate(paras) if x.endswith(end))
    return paras[first + 1 : last]


# ---------------------------------------------------------------------------------------------
# Layout.


def test_page_is_a4_with_the_standards_margins(zh: Any) -> None:
    s = zh.sections[0]
    for value, mm in (
        (s.page_width, 210),
        (s.page_height, 297),
        (s.top_margin, 37),
        (s.bottom_margin, 35),
        (s.left_margin, 28),
        (s.right_margin, 26),
    ):
        assert abs(value - Mm(mm)) <= Mm(0.5), (value.mm, mm)


def test_title_is_22pt_xiaobiaosong_centred_and_broken_between_words(zh: Any) -> None:
    title = zh.paragraphs[0]
    assert title.text == "广东省2020年推动知识产权高质量发展\n任务清单落实情况报告"
    assert title.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    runs = [r for r in title.runs if r.text.strip()]
    assert runs and all(east_asia(r) == "方正小标宋简体" and r.font.size == Pt(22) for r in runs)
    assert zh.paragraphs[1].text == "（报送单位：广东省　截至2020年9月30日）"


def test_body_is_16pt_fangsong_exactly_28pt_indented_two_characters(zh: Any) -> None:
    normal = zh.styles["Normal"]
    pf = normal.paragraph_format
    assert normal.font.size == Pt(16)
    assert pf.line_spacing == Pt(28)
    assert pf.line_spacing_rule == docx.enum.text.WD_LINE_SPACING.EXACTLY
    assert pf.first_line_indent == Pt(32)
    fonts = normal.element.find(qn("w:rPr") + "/" + qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "仿宋"
    overview = next(p for p in zh.paragraphs if p.text.startswith("广东省承担必做举措"))
    assert "必做举措20项，已完成4项，完成率20%" in overview.text
    assert "进行中3项，受阻2项" in overview.text
    assert {east_asia(r) for r in overview.runs} == {"仿宋"}


def test_every_run_names_its_east_asian_font_and_language(zh: Any) -> None:
    runs = [r for p in zh.paragraphs for r in p.runs if r.text]
    runs += [r for t in zh.tables for row in t.rows for c in row.cells for p in c.paragraphs
             for r in p.runs]  # fmt: skip
    assert runs
    for run in runs:
        assert east_asia(run), run.text
        lang = run._r.find(qn("w:rPr") + "/" + qn("w:lang"))
        assert lang is not None and lang.get(qn("w:eastAsia")) == "zh-CN", run.text


def test_headings_heiti_and_kaiti(zh: Any) -> None:
    first, second = headings(zh, HEADING1), headings(zh, HEADING2)
    assert first and second
    for p, font in [(p, "黑体") for p in first] + [(p, "楷体") for p in second]:
        assert {east_asia(r) for r in p.runs if r.text} == {font}, p.text
        assert all(r.font.size == Pt(16) for r in p.runs if r.text)
    assert second[0].text == "（一）高标准落实《关于强化知识产权保护的意見》"


def test_one_first_level_heading_per_section_then_problems_and_next_steps(
    zh: Any, pilot: Path
) -> None:
    from iprcheck.ledger import read
    from iprcheck.numbers import chinese_numeral as numeral
    from iprcheck.tasklist import load

    catalog = load()
    sections = {e.obligation.section.number: e.obligation.section.title
                for e in read(pilot).entries(catalog)}  # fmt: skip
    expected = [f"{numeral(n)}、{title}" for n, title in enumerate(sections.values(), 1)]
    n = len(expected)
    expected += [f"{numeral(n + 1)}、存在问题", f"{numeral(n + 2)}、下一步打算"]
    assert [p.text for p in headings(zh, HEADING1)] == expected
    # each obligation once in its section, with its status, its note and its evidence by title
    text = body(zh)
    assert "1.2　各地区要认真落实《关于强化知识产权保护的意見》（必做，已完成）。" in text
    assert "进展情况：纳入考核。佐证材料：通知。\n" in text


def test_problems_name_the_blocked_and_why(zh: Any) -> None:
    part = "\n".join(between(zh, "存在问题", "下一步打算"))
    assert "2项举措推进受阻" in part
    assert "4.2　各地区要加强知识产权行政执法队伍的专业培训" in part
    assert f"原因：{SCRIPT_NOTE}" in part  # data, shown as text
    assert re.search(r"4\.3　[^\n]*原因：未说明。", part)
    # 6.2 is late only against the office's own deadline: that is no business of the receiver
    assert "6.2" not in part and "内部时限" not in part
    assert "目前未发现" not in part


def test_next_steps_are_grouped_by_what_is_open(zh: Any) -> None:
    report = _report()
    status = {i.id: i.status.value for i in report.items}
    open_ = report.attention.open_mandatory
    part = between(zh, "下一步打算", "特此报告。")
    assert part[0].startswith(f"对尚未完成的{len(open_)}项必做举措")
    for nth, state, word in (("一是", "blocked", "推进受阻"), ("二是", "in-progress", "正在推进"),
                             ("三是", "todo", "尚未启动")):  # fmt: skip
        ids = [i for i in open_ if status[i] == state]
        line = next(x for x in part if x.startswith(nth))
        assert f"对{word}的{len(ids)}项举措（{'、'.join(ids)}）" in line, line
    assert len(part) == 4  # the intro and three groups: not a copy of every measure
    # a line may break after each 、 of a row of ids, never inside an id (LibreOffice too)
    raw = next(p.text for p in zh.paragraphs if p.text.startswith("一是"))
    assert f"4.2、{HAIR}4.3" in raw
    assert not any("保护处" in x for x in part)


def _report() -> Any:
    from datetime import date

    from iprcheck.ledger import read
    from iprcheck.reports.report import build as build_report
    from iprcheck.tasklist import load

    return build_report(load(), read(Path("iprcheck-ledger.jsonl")), date.fromisoformat(AS_OF))


def test_summary_table_per_section_with_borders_and_a_header(zh: Any) -> None:
    (table,) = zh.tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["序号", "部分", "必做", "已完成", "进行中", "受阻", "完成率"]
    assert rows[1] == ["1", "全面强化知识产权保护", "7", "3", "1", "2", "43%"]
    assert rows[-1] == ["", "合计", "20", "4", "3", "2", "20%"]
    assert table.style.name == "Table Grid"
    assert table.rows[0]._tr.find(qn("w:trPr") + "/" + qn("w:tblHeader")) is not None


def test_ends_with_the_unit_and_the_date_right_aligned(zh: Any) -> None:
    right = docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    signed = [p.text for p in zh.paragraphs if p.alignment == right and p.text]
    assert signed[:2] == ["广东省", "2020年9月30日"]
    # the signature never stands alone on a page: what precedes it keeps with it
    texts_ = [p.text for p in zh.paragraphs]
    first, unit = texts_.index("特此报告。") - 1, texts_.index("广东省")
    assert all(p.paragraph_format.keep_with_next for p in zh.paragraphs[first : unit + 1])
    assert texts_[first + 3].startswith("附件：2020年推动知识产权高质量发展任务清单落实情况统计表")


def test_footers_hold_a_page_field_between_dashes(zh: Any) -> None:
    s = zh.sections[0]
    assert zh.settings.odd_and_even_pages_header_footer
    for footer in (s.footer, s.even_page_footer):
        (p,) = footer.paragraphs
        instr = "".join(x.text for x in p._p.iter(qn("w:instrText")))
        assert instr.strip() == "PAGE"
        assert p.text.startswith("— ") and p.text.endswith(" —")
        assert {east_asia(r) for r in p.runs} == {"宋体"}
        assert all(r.font.size == Pt(14) for r in p.runs)


def test_internal_matters_stay_out(pilot: Path, tmp_path: Path) -> None:
    ok("assign", "8", "--owner", "公共服务处", "--due", "2020-11-30")
    written(tmp_path, "zh", "--since", "2020-06-01")
    with zipfile.ZipFile(tmp_path / "报告.docx") as z:
        xml = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    internal = ("iprcheck", "python-docx", pilot.name, "台账检查", "没有佐证材料", "警告",
                "责任处室", "内部时限", "保护处", "公共服务处", "→", ".pdf")  # fmt: skip
    for word in internal:
        assert word not in xml, word
    assert not re.search(r"\b20[0-9]{2}-[0-9]{2}-[0-9]{2}\b", xml)  # no ISO date anywhere


def test_internal_keeps_the_divisions_deadlines_and_findings(pilot: Path, tmp_path: Path) -> None:
    doc = written(tmp_path, "zh", "--internal", "--since", "2020-06-01")
    text = body(doc)
    assert doc.paragraphs[0].text == "内部使用"
    assert "国家知识产权局：" not in text  # the office's own copy goes to no one
    assert "责任处室：保护处" in text
    assert "内部时限2020年9月15日，已逾期15天" in text
    assert "2020年6月2日，举措1.2、2.2、3.2、3.3、4.2、4.3、5.2由保护处负责。" in text
    assert "台账自查发现" in text and "已完成，但没有佐证材料（2.2" in text
    assert "其中，保护处负责4.2、4.3。" in text
    assert pilot.name in text  # where the figures come from


def test_owner_makes_a_document_for_the_office(pilot: Path, tmp_path: Path) -> None:
    doc = written(tmp_path, "zh", "--owner", "保护处")
    assert doc.paragraphs[0].text == "内部使用" and "责任处室：保护处" in body(doc)


def test_font_table_names_the_chinese_fonts_for_substitution(pilot: Path, tmp_path: Path) -> None:
    written(tmp_path, "zh")
    with zipfile.ZipFile(tmp_path / "报告.docx") as z:
        table = z.read("word/fontTable.xml").decode("utf-8")
    for name, alt in (("方正小标宋简体", "FZXiaoBiaoSong-B05S"), ("仿宋", "FangSong")):
        found = re.search(f'<w:font w:name="{name}"><w:altName w:val="{alt}"/>'
                          '<w:charset w:val="86"/>', table)  # fmt: skip
        assert found, name


# ---------------------------------------------------------------------------------------------
# Hostile text, another office, English, the coming item objects.


def test_control_characters_in_ledger_text_are_written_out(tmp_path: Path) -> None:
    """As every other format shows them: a note never stops the writer, never hides a
    character (张三\u200b passing for 张三) and never reverses a line (U+202E)."""
    ok("init", "--province", "浙江省", "--province-type", "pilot-leading")
    ok("mark", "6", "done", "--evidence", "浙知发〔2020〕12号\x07.pdf", "--by", "李明")
    ok(
        "mark",
        "4.3",
        "blocked",
        "--note",
        "待国家局\x00批复\x1b[31m\x0b\ufffe\u202e反向",
        "--by",
        "李明",
    )
    ok("assign", "8-10", "--owner", "运用\u200b促进处", "--due", "2020-10-31")
    ok("report", "--output", "报告.docx", "--internal")
    doc = docx.Document(str(tmp_path / "报告.docx"))
    text = "\n".join(texts(doc))
    assert doc.paragraphs[1].text.startswith("浙江省2020年")
    assert "原因：待国家局\\x00批复\\x1b[31m\\x0b\\ufffe\\u202e反向。" in text
    assert "佐证材料：浙知发〔2020〕12号\\x07。" in text
    assert "责任处室：运用\\u200b促进处" in text
    assert not re.search(
        "[\x00-\x08\x0b\x0c\x0e-\x1f\u200b-\u200f\u202a-\u202e\u2066-\u2069]", text
    )


def test_no_character_xml_refuses_reaches_the_document(pilot: Path) -> None:
    """What a hand-edited ledger could hold beyond what the command line lets in."""
    import io

    from iprcheck.output.report.to_docx import to_docx

    hostile = "".join(map(chr, range(32))) + "\ud800\udfff\ufffe\uffff\x85 end"
    report = _with_tracking(_report(), "4.3", note=hostile, owner=hostile, evidence=(hostile,))
    doc = docx.Document(io.BytesIO(to_docx(report, View("zh", internal=True))))
    text = "\n".join(texts(doc))
    escaped = "\\x00\\x01\\x02"
    assert f"原因：{escaped}" in text and "\\ud800\\udfff\\ufffe\\uffff\\x85 end" in text
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x85\ud800-\udfff\ufffe\uffff]", text)


def test_english_has_the_same_structure(zh: Any, en: Any) -> None:
    def shape(doc: Any) -> list[str]:
        out = []
        for p in doc.paragraphs:
            if re.match(r"^(\d+\.|[一二三四五六七八九十]+、) ", p.text) or HEADING1.match(p.text):
                out.append("h1")
            elif re.match(r"^\(\d+\) ", p.text) or HEADING2.match(p.text):
                out.append("h2")
        return out

    assert shape(en) == shape(zh)
    # paragraph for paragraph, but for 特此报告, which an English report does without
    assert len(zh.paragraphs) - len(en.paragraphs) == 1
    assert [len(t.rows) for t in en.tables] == [len(t.rows) for t in zh.tables]
    s = en.sections[0]
    assert abs(s.page_width - Mm(210)) <= Mm(0.5) and abs(s.page_height - Mm(297)) <= Mm(0.5)
    title = en.paragraphs[0]
    assert title.text.startswith("Progress report on the 2020 Task List")
    fonts = title.runs[0]._r.find(qn("w:rPr") + "/" + qn("w:rFonts"))
    assert fonts.get(qn("w:ascii")) == "Times New Roman" and fonts.get(qn("w:eastAsia"))
    text = "\n".join(texts(en))
    assert "1. Comprehensively strengthen IP protection" in text
    assert "Of 20 mandatory obligations, 4 are done (20%)" in text
    assert "Problems" in text and "Next steps" in text
    assert "Guangdong" in en.paragraphs[1].text and "30 September 2020" in en.paragraphs[1].text


def _with_tracking(report: Any, oid: str, **changes: Any) -> Any:
    """``report`` with obligation ``oid``'s tracking changed, as a hand-edited ledger could."""
    import msgspec

    items = [
        msgspec.structs.replace(i, tracking=msgspec.structs.replace(i.tracking, **changes))
        if i.id == oid
        else i
        for i in report.items
    ]
    return msgspec.structs.replace(report, items=items)


def _text_of(data: bytes) -> list[str]:
    import io

    return texts(docx.Document(io.BytesIO(data)))


def test_title_breaks_only_between_its_words() -> None:
    from iprcheck.output.official.words import TITLE_CHARS, broken
    from iprcheck.output.official.words import width as _width

    name = ["2020年推动知识产权高质量发展", "任务清单", "落实情况报告"]
    assert broken(["国家知识产权局", *name]) == [
        "国家知识产权局",
        "2020年推动知识产权高质量发展",
        "任务清单落实情况报告",
    ]
    assert broken(["", *name]) == ["2020年推动知识产权高质量发展", "任务清单落实情况报告"]
    assert broken(["短标题", "报告"]) == ["短标题报告"]
    for lines in (broken(["内蒙古自治区", *name]), broken(["新疆生产建设兵团", *name])):
        assert all(_width(x) <= TITLE_CHARS for x in lines), lines


def test_python_docx_is_loaded_only_for_a_docx(pilot: Path) -> None:
    code = (
        "import sys\n"
        "from iprcheck.cli import main\n"
        "sys.argv = ['iprcheck', 'report', '--format', 'json', '--as-of', '2020-09-30']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('DOCX', 'docx' in sys.modules, file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "DOCX False" in out.stderr


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_a_binary_format_is_refused_on_a_terminal_naming_it(
    pilot: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from iprcheck.errors import IprcheckError
    from iprcheck.output import Format, Subject, deliver

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    with pytest.raises(IprcheckError) as err:
        deliver(Subject.REPORT, Format(fmt), None, "zh")
    assert err.value.render("zh") == f"{fmt} 是二进制文件，请用 --output 指定文件名"
    assert err.value.render("en") == f"{fmt} is a binary format; name a file with --output"


def test_no_document_title_is_cut_open() -> None:
    """The Word report names a measure by its first clause; a cut never leaves 《 unclosed
    (9.2 names two notices: both are named whole)."""
    from iprcheck.output.official.words import gist
    from iprcheck.tasklist import load

    catalog = load()
    for task in catalog.tasks.values():
        for m in task.measures:
            g = gist(m.text)
            assert g.count("《") == g.count("》"), (m.id, g)
    nine = next(m for m in catalog.tasks[9].measures if m.id == "9.2")
    assert gist(nine.text).endswith("试点示范高校建设工作的通知》…")


# ---------------------------------------------------------------------------------------------
# Sent upward: signed by the office, addressed to the national office, in an office's words.


def test_with_the_office_set_the_report_is_the_offices(pilot: Path, tmp_path: Path) -> None:
    ok("config", "set", "office", "广东省知识产权局")
    result = runner.invoke(app, ["--lang", "zh", "report", "--as-of", AS_OF, "-o", "报告.docx"])
    assert result.exit_code == 0 and "config set office" not in result.stderr, result.output
    doc = docx.Document(str(tmp_path / "报告.docx"))
    paras = [p.text for p in doc.paragraphs]
    assert paras[0] == "广东省知识产权局关于\n2020年推动知识产权高质量发展\n任务清单落实情况的报告"
    assert paras[1] == "（报送单位：广东省知识产权局　截至2020年9月30日）"
    # 主送机关: a line under the title, flush left, ending in a full-width colon
    addressee = doc.paragraphs[3]
    assert (paras[2], addressee.text) == ("", "国家知识产权局：")
    assert addressee.paragraph_format.first_line_indent == Pt(0)
    assert paras[4].startswith("按照《2020年推动知识产权高质量发展任务清单》部署，广东省知识产权局")
    right = docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT
    assert [p.text for p in doc.paragraphs if p.alignment == right and p.text][:2] == [
        "广东省知识产权局",
        "2020年9月30日",
    ]
    assert doc.core_properties.author == "广东省知识产权局"


def test_without_the_office_a_hint_says_how_to_set_it(pilot: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["--lang", "zh", "report", "--as-of", AS_OF, "-o", "报告.docx"])
    assert result.exit_code == 0, result.output
    hints = [x for x in result.stderr.splitlines() if "config set office" in x]
    assert len(hints) == 1 and hints[0].startswith("提示：")
    # the province signs, as before
    doc = docx.Document(str(tmp_path / "报告.docx"))
    assert doc.paragraphs[0].text.startswith("广东省2020年")
    plain = runner.invoke(app, ["--lang", "zh", "report", "--as-of", AS_OF, "-f", "json"])
    assert "config set office" not in plain.stderr  # only documents that are signed


def test_init_office_names_the_sender(tmp_path: Path) -> None:
    out = runner.invoke(app, ["--lang", "zh", "init", "--province", "浙江省", "-p", "pilot",
                              "--office", "浙江省知识产权局"])  # fmt: skip
    assert out.exit_code == 0, out.output
    got = runner.invoke(app, ["config", "get", "office"])
    assert got.stdout.strip() == "浙江省知识产权局"
    ok("report", "--output", "报告.docx")
    doc = docx.Document(str(tmp_path / "报告.docx"))
    assert doc.paragraphs[0].text.startswith("浙江省知识产权局关于")


def test_init_refuses_a_blank_office_before_making_a_ledger(tmp_path: Path) -> None:
    result = runner.invoke(app, ["--lang", "zh", "init", "--province", "浙江省", "--office", " "])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not (tmp_path / "iprcheck-ledger.jsonl").exists()


def test_since_is_written_as_sentences(pilot: Path, tmp_path: Path) -> None:
    doc = written(tmp_path, "zh", "--since", "2020-09-01")
    text = body(doc)
    # 9.2 and 9.3 started on 9 September in one command; 12.2 done on 16 September
    assert "2020年9月1日以来，新完成举措1项，开始推进2项。具体如下：" in text
    assert "2020年9月9日，举措9.2、9.3开始推进。" in text
    assert re.search(
        r"2020年9月16日，举措12\.2（各地区要[^）]*）已完成（=1\+1；佐证材料：品牌）。", text
    )
    assert "更改" not in text and "→" not in text
    none = body(written(tmp_path, "zh", "--since", "2020-09-30"))
    assert "2020年9月30日以来，各项举措的落实状态没有变化。" in none


def test_since_in_english(pilot: Path, tmp_path: Path) -> None:
    text = body(written(tmp_path, "en", "--since", "2020-09-01"))
    assert "Since 1 September 2020, 1 obligation was done, 2 started. In detail:" in text
    assert "On 9 September 2020, 9.2, 9.3 were started." in text


def test_evidence_is_named_by_its_title() -> None:
    from iprcheck.output.official.words import evidence_title

    assert evidence_title("浙知发〔2020〕12号.pdf") == "浙知发〔2020〕12号"
    assert evidence_title("材料\\2020\\关于印发方案的通知.DOCX") == "关于印发方案的通知"
    assert evidence_title("scans/检查通报.ofd") == "检查通报"
    assert evidence_title("粤知函〔2020〕31号") == "粤知函〔2020〕31号"  # a document number
    assert evidence_title("https://example.org/a.pdf") == "https://example.org/a.pdf"


def test_a_long_note_is_cut_with_where_to_read_it(pilot: Path, tmp_path: Path) -> None:
    """A 300,000-character note shows as a page of it, how long it is and where it is whole."""
    import io

    from iprcheck.output.report.to_docx import to_docx

    note = ("长" * 9 + "，") * 30_000
    report = _with_tracking(_report(), "4.3", note=note)
    for internal, where in ((False, "见本单位台账"), (True, "见台账记录：iprcheck history 4.3")):
        doc = docx.Document(io.BytesIO(to_docx(report, View("zh", internal=internal))))
        lines = [p.text for p in doc.paragraphs if p.text.startswith("4.3")]
        assert lines and all(len(x) < 1000 for x in lines)
        assert all(f"……（节选，全文共300000字，{where}）" in x for x in lines), lines[0][-80:]
