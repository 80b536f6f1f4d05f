"""A notice is a stranger's file: bombs, the wrong kind of file, a script in a page, a huge
flattened copy, text that would break the draft's YAML. Each is refused with one line and
nothing added, or read as data."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from notice_builders import one_line, plan_items, plan_lines, write_text

from iprcheck.notices import read_notice

DOCUMENT_XML = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body>{body}</w:body></w:document>"
)


def docx_with(path: Path, document_xml: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", document_xml)
    return path


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path: Path, cli: Any) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        with package.open("word/document.xml", "w") as part:
            chunk = b" " * (1 << 20)
            for _ in range(40):  # 40 MB of spaces, a few dozen KB on disk
                part.write(chunk)
    assert bomb.stat().st_size < 1 << 20
    line = cli.refused("lists", "add", str(bomb))
    assert "zip bomb" in line
    assert "2020" in cli.ok("lists") and "items" in cli.ok("lists")
    assert not (tmp_path / ".config" / "iprcheck" / "lists").exists()


def test_an_xml_entity_bomb_is_refused(tmp_path: Path, cli_zh: Any) -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"
    )
    docx_with(tmp_path / "laughs.docx", laughs.encode())
    line = cli_zh.refused("lists", "add", "laughs.docx")
    assert "文档类型声明" in line and "word/document.xml" in line


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "old Word/Excel/WPS format"),
        ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "is a PDF"),
        ("latin.txt", bytes(range(0x80, 0x100)) * 4, "text encoding that cannot be read"),
        ("book.xlsx", b"PK\x03\x04" + b"\0" * 40, "not a valid Office file"),
    ],
)
def test_a_file_of_another_kind_is_refused_saying_what_to_do(
    name: str, data: bytes, says: str, tmp_path: Path, cli: Any
) -> None:
    (tmp_path / name).write_bytes(data)
    assert says in cli.refused("lists", "add", name)


def test_a_folder_or_a_missing_file_is_one_line(tmp_path: Path, cli: Any) -> None:
    (tmp_path / "folder").mkdir()
    assert "folder" in cli.refused("lists", "add", "folder")
    assert "file not found: nothing.docx" in cli.refused("lists", "add", "nothing.docx")


def test_a_page_s_script_and_style_are_not_read(tmp_path: Path) -> None:
    body = "".join(f"<p>{line}</p>" for line in plan_lines())
    page = (
        "<html><head><title>1. 不是事项</title><script>var a = '一、不是部分 1. 也不是';</script>"
        f"<style>p::before{{content:'1.'}}</style></head><body>{body}"
        "<script>document.write('<p>47. 不是事项（保护司负责）</p>')</script></body></html>"
    )
    draft = read_notice(write_text(tmp_path / "page.html", page))
    texts = [m.text for m in draft.measures]
    assert len(texts) == 46 and not any("不是" in t for t in texts)


def test_text_that_looks_like_yaml_stays_text_in_the_draft(tmp_path: Path) -> None:
    odd = '加强保护: &a *a !!python/object:os.system "引号" # 不是注释\n- 列表: {a: [b]}'
    lines = ["2021年知识产权工作要点", "一、保护", f"1. {odd}。（保护司负责）"]
    draft = read_notice(write_text(tmp_path / "odd.txt", "\n".join(lines)))
    header = ["from a file named\nschema_version: 3\u2028x"]
    text = draft.yaml(header).decode("utf-8")
    data = yaml.safe_load(text)
    assert data["schema_version"] == 2
    assert data["sections"][0]["tasks"][0]["measures"][0]["text"] == f"{odd}。"
    assert text.splitlines()[0].startswith("# from a file named\\u000a")


@pytest.mark.slow
def test_a_ten_megabyte_flattened_copy_is_read_in_linear_time(tmp_path: Path) -> None:
    """Each item's text repeated until the copy is 10 MB on one line: read in one pass (a
    parser that backtracked quadratically would take hours; the bound here only stops a
    hang)."""
    items = [item.__class__(**{**item.__dict__, "text": item.text * 650}) for item in plan_items()]
    text = one_line(plan_lines(front=True, items=items))
    assert len(text.encode("utf-8")) > 10_000_000
    path = write_text(tmp_path / "big.txt", text)
    code = (
        "import sys; from pathlib import Path; from iprcheck.notices import read_notice;"
        "d = read_notice(Path(sys.argv[1])); print(len(d.measures), d.review.no_party)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert done.stdout.strip() == "46 []"
