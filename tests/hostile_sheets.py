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
# Bombs: small files that inflate to a great deal. Each takes how far to go; ``BOMBS`` go tens
# of megabytes far (the benchmark and the slow test), ``OVER`` just past each bound iprcheck
# sets (quick to make and to refuse), ``NEAR`` just within them (what the worst file read costs).


def strings(xlsx: bytes, count: int) -> bytes:
    """``count`` one-letter shared strings."""
    body = b"<si><t>a</t></si>" * count
    xml = (
        b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="' + MAIN.encode() + b'" count="'
        + str(count).encode() + b'">' + body + b"</sst>"
    )  # fmt: skip
    return with_strings(xlsx, xml)


def wide_row(xlsx: bytes, cells: int) -> bytes:
    """One row of ``cells`` cells, each with a value."""
    row = b'<row r="1">' + b"<c><v>1</v></c>" * cells + b"</row>"
    return replaced(xlsx, {SHEET: _sheet(row)})


def styled_row(xlsx: bytes, cells: int) -> bytes:
    """One row of ``cells`` empty styled cells (no value anywhere)."""
    return replaced(xlsx, {SHEET: _sheet(b'<row r="1">' + b'<c s="0"/>' * cells + b"</row>")})


def styled_rows(xlsx: bytes, cells: int) -> bytes:
    """``cells`` empty styled cells, a hundred a row."""
    row = b"<row>" + b'<c s="0"/>' * 100 + b"</row>"
    return replaced(xlsx, {SHEET: _sheet(row * (cells // 100 + 1))})


def single_cell(xlsx: bytes, chars: int) -> bytes:
    """One cell of ``chars`` characters."""
    row = b'<row r="1"><c r="A1" t="inlineStr"><is><t>' + b"a" * chars + b"</t></is></c></row>"
    return replaced(xlsx, {SHEET: _sheet(row)})


def properties(xlsx: bytes, count: int) -> bytes:
    """``count`` custom document properties."""
    prop = (
        b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="p">'
        b"<vt:lpwstr>x</vt:lpwstr></property>"
    )
    xml = (
        b'<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats'
        b'.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org'
        b'/officeDocument/2006/docPropsVTypes">' + prop * count + b"</Properties>"
    )
    return replaced(xlsx, {CUSTOM: xml})


def styles(xlsx: bytes, count: int) -> bytes:
    """A styles part of ``count`` cell formats."""
    xml = part(xlsx, "xl/styles.xml")
    xfs = b'<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>' * count
    head, _, rest = xml.partition(b"<cellXfs")
    _, _, tail = rest.partition(b"</cellXfs>")
    cell_xfs = b'<cellXfs count="%d">' % count + xfs + b"</cellXfs>"
    return replaced(xlsx, {"xl/styles.xml": head + cell_xfs + tail})


def deep(xlsx: bytes, depth: int) -> bytes:
    """Elements nested ``depth`` deep."""
    return replaced(xlsx, {CUSTOM: b"<a>" * depth + b"</a>" * depth})


def far_row(xlsx: bytes, row: int) -> bytes:
    """A value in row ``row``."""
    cell = b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (row, row)
    return replaced(xlsx, {SHEET: _sheet(cell)})


def many_sheets(xlsx: bytes, elements: int) -> bytes:
    """Four more worksheet parts of ``elements`` empty rows each."""
    more = {f"xl/worksheets/sheet{n}.xml": _sheet(b"<row/>" * elements) for n in range(3, 7)}
    return replaced(xlsx, more)


def laughs(xlsx: bytes) -> bytes:
    """The billion laughs: entities that expand to gigabytes."""
    ents = b'<!ENTITY a0 "ha">' + b"".join(
        b'<!ENTITY a%d "&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;&a%d;">' % (i, *(i - 1,) * 10)
        for i in range(1, 10)
    )
    xml = b'<?xml version="1.0"?><!DOCTYPE sst [' + ents + b']><sst xmlns="' + MAIN.encode()
    xml += b'"><si><t>&a9;</t></si></sst>'
    return with_strings(xlsx, xml)


def many_parts(xlsx: bytes, count: int) -> bytes:
    """``count`` empty parts more."""
    return replaced(xlsx, {f"xl/media/p{i}.bin": b"" for i in range(count)})


def lying_size(xlsx: bytes, size: int) -> bytes:
    """A part whose sizes (local header and central directory) say a tenth of what it
    inflates to."""
    sst = b'<sst xmlns="' + MAIN.encode() + b'"><si><t>a</t></si></sst>'
    data = with_strings(xlsx, sst + b" " * size)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(STRINGS)
    small = struct.pack("<I", size // 10)
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


Make = Callable[[bytes], bytes]

BOMBS: dict[str, Make] = {
    "shared-strings": lambda x: strings(x, 1_800_000),
    "shared-strings-1GB": lambda x: strings(x, 60_000_000),
    "wide-row": lambda x: wide_row(x, 2_000_000),
    "styled-row": lambda x: styled_row(x, 2_000_000),
    "styled-rows": lambda x: styled_rows(x, 2_000_000),
    "single-cell": lambda x: single_cell(x, 30 * MB),
    "custom-properties": lambda x: properties(x, 300_000),
    "styles": lambda x: styles(x, 560_000),
    "deep": lambda x: deep(x, 100_000),
    "rows": lambda x: far_row(x, 1_000_000),
    "elements": lambda x: many_sheets(x, 300_000),
    "laughs": laughs,
    "parts": lambda x: many_parts(x, 50_000),
    "lying-size": lambda x: lying_size(x, 20 * MB),
}


def _over() -> dict[str, Make]:
    """Just past each bound, read from where iprcheck sets it."""
    from iprcheck.sheets import workbook as w
    from iprcheck.sheets.table import MAX_ROWS

    return {
        "strings": lambda x: strings(x, w.MAX_STRINGS + 1),
        "columns": lambda x: wide_row(x, w.MAX_COLS + 1),
        "row-cells": lambda x: styled_row(x, w.ROW_CELLS + 1),
        "sheet-cells": lambda x: styled_rows(x, w.SHEET_CELLS + 1),
        "cell-chars": lambda x: single_cell(x, w.CELL_CHARS + 1),
        "part-elements": lambda x: properties(x, w.PART.elements // 2 + 1),
        "styles": lambda x: styles(x, w.PART.elements + 1),
        "depth": lambda x: deep(x, w.PART.depth + 1),
        "rows": lambda x: far_row(x, MAX_ROWS + 1),
        "all-elements": lambda x: many_sheets(x, w.ALL_ELEMENTS // 4 + 1),
        "laughs": laughs,
        "parts": lambda x: many_parts(x, w.LIMITS.parts + 1),
        "lying-size": lambda x: lying_size(x, 2 * MB),
    }


def _near() -> dict[str, Make]:
    """Just within each bound."""
    from iprcheck.sheets import workbook as w

    return {
        "near-limit-sheet": near_limit_sheet,
        "near-limit-styles": lambda x: styles(x, w.PART.elements - 400),
        "near-limit-strings": lambda x: strings(x, w.MAX_STRINGS - 10),
    }


OVER = _over()
NEAR = _near()


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
