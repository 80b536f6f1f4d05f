"""Hostile 台账 files, made from a real exported one: zip bombs, damaged parts, cut and flipped
bytes. What the import tests and ``benchmarks/import_bombs.py`` feed to ``iprcheck import``.
Not a test module."""

from __future__ import annotations

import io
import random
import struct
import zipfile
from collections.abc import Callable

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"
CUSTOM = "docProps/custom.xml"
MB = 1024 * 1024


def replaced(xlsx: bytes, parts: dict[str, bytes], *, stored: bool = False) -> bytes:
    """``xlsx`` with ``parts`` put in place of (or beside) its own."""
    out = io.BytesIO()
    method = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(io.BytesIO(xlsx)) as src, zipfile.ZipFile(out, "w", method) as dst:
        for info in src.infolist():
            data = parts.get(info.filename, src.read(info.filename))
            dst.writestr(info.filename, data, compress_type=method, compresslevel=9)
        for name, data in parts.items():
            if name not in src.namelist():
                dst.writestr(name, data, compress_type=method, compresslevel=9)
    return out.getvalue()


def part(xlsx: bytes, name: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        return z.read(name)


def with_strings(xlsx: bytes, strings: bytes, more: dict[str, bytes] | None = None) -> bytes:
    """``xlsx`` with a shared-strings part, wired in as Excel wires it (openpyxl writes every
    string inline, so its workbooks have none)."""
    rels = part(xlsx, "xl/_rels/workbook.xml.rels").replace(
        b"</Relationships>",
        b'<Relationship Id="rIdS" Target="sharedStrings.xml" Type="http://schemas.openxmlformats'
        b'.org/officeDocument/2006/relationships/sharedStrings"/></Relationships>',
    )
    types = part(xlsx, "[Content_Types].xml").replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
        b'officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    return replaced(
        xlsx,
        {
            "xl/_rels/workbook.xml.rels": rels,
            "[Content_Types].xml": types,
            STRINGS: strings,
            **(more or {}),
        },
    )


def _sheet(rows: bytes) -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="' + MAIN.encode() + b'">'
        b"<sheetData>" + rows + b"</sheetData></worksheet>"
    )


# ---------------------------------------------------------------------------------------------
# Bombs: small files that inflate to a great deal.


def shared_strings_bomb(xlsx: bytes, count: int = 1_800_000) -> bytes:
    """30 MB of shared strings (under the size a part may declare): 1.8 million strings."""
    body = b"<si><t>a</t></si>" * count
    xml = (
        b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="' + MAIN.encode() + b'" count="'
        + str(count).encode() + b'">' + body + b"</sst>"
    )  # fmt: skip
    return with_strings(xlsx, xml)


def huge_strings_bomb(xlsx: bytes) -> bytes:
    """A gigabyte of shared strings, in a megabyte."""
    return shared_strings_bomb(xlsx, 60_000_000)


def wide_row_bomb(xlsx: bytes) -> bytes:
    """One row of two million cells, each with a value."""
    cells = b"<c><v>1</v></c>" * 2_000_000
    return replaced(xlsx, {SHEET: _sheet(b'<row r="1">' + cells + b"</row>")})


def styled_row_bomb(xlsx: bytes) -> bytes:
    """One row of two million empty styled cells (no value anywhere)."""
    cells = b'<c s="0"/>' * 2_000_000
    return replaced(xlsx, {SHEET: _sheet(b'<row r="1">' + cells + b"</row>")})


def single_cell_bomb(xlsx: bytes) -> bytes:
    """One cell of 30 million characters."""
    text = b"a" * (30 * MB)
    row = b'<row r="1"><c r="A1" t="inlineStr"><is><t>' + text + b"</t></is></c></row>"
    return replaced(xlsx, {SHEET: _sheet(row)})


def custom_bomb(xlsx: bytes) -> bytes:
    """30 MB of custom document properties."""
    prop = (
        b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="p">'
        b"<vt:lpwstr>x</vt:lpwstr></property>"
    )
    xml = (
        b'<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats'
        b'.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org'
        b'/officeDocument/2006/docPropsVTypes">' + prop * (30 * MB // len(prop)) + b"</Properties>"
    )
    return replaced(xlsx, {CUSTOM: xml})


def styles_bomb(xlsx: bytes) -> bytes:
    """A styles part of 30 MB: half a million cell formats."""
    xml = part(xlsx, "xl/styles.xml")
    xfs = b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>' * 560_000
    head, _, rest = xml.partition(b"<cellXfs")
    _, _, tail = rest.partition(b"</cellXfs>")
    return replaced(
        xlsx, {"xl/styles.xml": head + b'<cellXfs count="3">' + xfs + b"</cellXfs>" + tail}
    )


def deep_bomb(xlsx: bytes) -> bytes:
    """Elements nested a hundred thousand deep."""
    depth = 100_000
    return replaced(xlsx, {CUSTOM: b"<a>" * depth + b"</a>" * depth})


def many_rows_bomb(xlsx: bytes) -> bytes:
    """A value a million rows down."""
    row = b'<row r="1000000"><c r="A1000000" t="inlineStr"><is><t>x</t></is></c></row>'
    return replaced(xlsx, {SHEET: _sheet(row)})


def laughs_bomb(xlsx: bytes) -> bytes:
    """The billion laughs: entities that expand to gigabytes."""
    ents = b'<!ENTITY a0 "ha">' + b"".join(
        b'<!ENTITY a%d "&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;">' % (i, *(i - 1,) * 10)
        for i in range(1, 10)
    )
    xml = b'<?xml version="1.0"?><!DOCTYPE sst [' + ents + b']><sst xmlns="' + MAIN.encode()
    xml += b'"><si><t>&a9;</t></si></sst>'
    return with_strings(xlsx, xml)


def many_parts_bomb(xlsx: bytes) -> bytes:
    """Fifty thousand empty parts."""
    return replaced(xlsx, {f"xl/media/p{i}.bin": b"" for i in range(50_000)})


def lying_size_bomb(xlsx: bytes) -> bytes:
    """A part whose central directory declares a tenth of what it inflates to."""
    strings = b'<sst xmlns="' + MAIN.encode() + b'"><si><t>a</t></si></sst>'
    data = with_strings(xlsx, strings + b" " * (20 * MB))
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(STRINGS)
    small = struct.pack("<I", 2 * MB)
    patched = bytearray(data)
    local = info.header_offset
    patched[local + 22 : local + 26] = small  # the local header's uncompressed size
    at = patched.find(b"PK\x01\x02")
    while at != -1:
        name_len = struct.unpack("<H", patched[at + 28 : at + 30])[0]
        if patched[at + 46 : at + 46 + name_len] == STRINGS.encode():
            patched[at + 24 : at + 28] = small  # the central directory's
            break
        at = patched.find(b"PK\x01\x02", at + 4)
    return bytes(patched)


def near_limit_sheet(xlsx: bytes) -> bytes:
    """Just within every bound: a header, then rows of 49 numbers up to the last row allowed
    (all read, then the first id refused)."""
    from iprcheck.sheets.table import MAX_ROWS

    heads = b"".join(
        b'<c t="inlineStr"><is><t>%s</t></is></c>' % w.encode()
        for w in ("编号", "状态", "进展情况", "佐证材料", "责任处室", "内部时限")
    )
    cells = b"<c><v>1</v></c>" * 49
    rows = b'<row r="1">' + heads + b"</row>"
    rows += b"".join(b'<row r="%d">' % r + cells + b"</row>" for r in range(2, MAX_ROWS + 1))
    return replaced(xlsx, {SHEET: _sheet(rows)})


def near_limit_styles(xlsx: bytes) -> bytes:
    """A styles part just under the elements a part may hold."""
    from iprcheck.sheets.workbook import PART

    xml = part(xlsx, "xl/styles.xml")
    xfs = b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>' * (PART.elements - 400)
    head, _, rest = xml.partition(b"<cellXfs")
    _, _, tail = rest.partition(b"</cellXfs>")
    return replaced(
        xlsx, {"xl/styles.xml": head + b'<cellXfs count="3">' + xfs + b"</cellXfs>" + tail}
    )


def near_limit_strings(xlsx: bytes) -> bytes:
    """Just under the shared strings a workbook may hold."""
    from iprcheck.sheets.workbook import MAX_STRINGS

    return shared_strings_bomb(xlsx, MAX_STRINGS - 10)


BOMBS: dict[str, Callable[[bytes], bytes]] = {
    "shared-strings": shared_strings_bomb,
    "shared-strings-1GB": huge_strings_bomb,
    "wide-row": wide_row_bomb,
    "styled-row": styled_row_bomb,
    "single-cell": single_cell_bomb,
    "custom-properties": custom_bomb,
    "styles": styles_bomb,
    "deep": deep_bomb,
    "rows": many_rows_bomb,
    "laughs": laughs_bomb,
    "parts": many_parts_bomb,
    "lying-size": lying_size_bomb,
    "near-limit-sheet": near_limit_sheet,
    "near-limit-styles": near_limit_styles,
    "near-limit-strings": near_limit_strings,
}


# ---------------------------------------------------------------------------------------------
# Damaged parts: what a cut download, a bad disk or a careless tool leaves.


def _cell(xlsx: bytes, old: bytes, new: bytes) -> bytes:
    sheet = part(xlsx, SHEET)
    assert old in sheet, old
    return replaced(xlsx, {SHEET: sheet.replace(old, new, 1)})


def bad_string_index(xlsx: bytes) -> bytes:
    """A cell naming a shared string that is not there."""
    sheet = part(xlsx, SHEET)
    at = sheet.index(b'<c r="C5"')
    end = sheet.index(b"</c>", at) + len(b"</c>")
    sheet = sheet[:at] + b'<c r="C5" t="s"><v>999999</v></c>' + sheet[end:]
    strings = b'<sst xmlns="' + MAIN.encode() + b'"><si><t>a</t></si></sst>'
    return with_strings(xlsx, strings, {SHEET: sheet})


def bad_cell_reference(xlsx: bytes) -> bytes:
    return _cell(xlsx, b'r="A5"', b'r="5A"')


def nul_reference(xlsx: bytes) -> bytes:
    """``&#0;``, which no XML may hold, in a cell."""
    sheet = part(xlsx, SHEET)
    return replaced(xlsx, {SHEET: sheet.replace(b"<v>", b"<v>&#0;", 1)})


def not_xml(xlsx: bytes) -> bytes:
    sheet = part(xlsx, SHEET)
    return replaced(xlsx, {SHEET: sheet[: len(sheet) // 2]})


def no_sheets(xlsx: bytes) -> bytes:
    wb = part(xlsx, "xl/workbook.xml")
    head, _, rest = wb.partition(b"<sheets>")
    _, _, tail = rest.partition(b"</sheets>")
    return replaced(xlsx, {"xl/workbook.xml": head + b"<sheets/>" + tail})


def bad_zlib(xlsx: bytes) -> bytes:
    """The compressed bytes of the sheet overwritten in the middle (the CRC no longer holds)."""
    info = zipfile.ZipFile(io.BytesIO(xlsx)).getinfo(SHEET)
    data = bytearray(xlsx)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    mid = start + info.compress_size // 2
    data[mid : mid + 16] = bytes(range(16))
    return bytes(data)


DAMAGED: dict[str, Callable[[bytes], bytes]] = {
    "bad-string-index": bad_string_index,
    "bad-cell-reference": bad_cell_reference,
    "nul-reference": nul_reference,
    "not-xml": not_xml,
    "no-sheets": no_sheets,
    "bad-zlib": bad_zlib,
}


def mutants(data: bytes, count: int, seed: int) -> list[bytes]:
    """``count`` copies of ``data``, each cut short or with a few bytes flipped, seeded."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        copy = bytearray(data)
        if rng.random() < 0.4:
            copy = copy[: rng.randrange(1, len(copy))]
        else:
            for _ in range(rng.randint(1, 8)):
                at = rng.randrange(len(copy))
                copy[at] ^= 1 << rng.randrange(8)
        out.append(bytes(copy))
    return out
