"""Office Open XML packages (.xlsx, .docx) from strangers, opened within bounds.

A package is a zip of XML parts. Its size on disk says little about what it inflates to (a
272 KB shared-strings part can inflate to gigabytes), so before any library parses it, the
sizes its central directory declares are checked: how many parts, each part, all parts.
Python's ``zipfile`` never inflates a member past its declared size (and checks the CRC at its
end), so a package that passes cannot grow while it is read. Every XML part is then scanned
for a document type declaration: a 台账 or a notice has no use for one, and entity expansion
(the "billion laughs") lives there.

Whatever goes wrong is one ``IprcheckError`` naming the file (never the ledger): the caller
reads the package with openpyxl or python-docx only after ``open_package`` has passed it.

A part's declared size says nothing of how many objects a library makes of it (a 30 MB styles
part of empty elements is a million objects). ``walk_xml`` streams a part through expat, in
bounded memory, counting its elements and the longest run of text or attribute, and shows each
element to a ``Watcher`` that knows what the part should hold (the 台账's reader counts rows,
columns and shared strings this way) before any library builds anything of it.
"""

from __future__ import annotations

import io
import zipfile
from typing import NamedTuple, Protocol
from xml.parsers import expat

from .errors import IprcheckError


class Limits(NamedTuple):
    """What a package may declare: parts, bytes of one part, bytes of all parts inflated."""

    parts: int = 2_000
    part: int = 32 * 1024 * 1024
    total: int = 96 * 1024 * 1024


# A 台账 of a few hundred rows inflates to well under a megabyte; a notice with a logo or a
# scanned seal to a few. These leave room for a workbook an office has decorated.
DEFAULT = Limits()

_DTD = (b"<!DOCTYPE", b"<!ENTITY")


def open_package(data: bytes, name: str, limits: Limits = DEFAULT) -> zipfile.ZipFile:
    """The zip in ``data``, once its declared sizes are within ``limits`` and no XML part
    declares a document type. ``name`` is the file's, for messages."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        members = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise IprcheckError("package_not_zip", path=name) from None
    if len(members) > limits.parts:
        raise IprcheckError("package_too_many_parts", path=name, count=len(members))
    total = 0
    for info in members:
        if info.file_size > limits.part:
            raise IprcheckError(
                "package_too_large", path=name, part=info.filename, size=info.file_size
            )
        total += info.file_size
    if total > limits.total:
        raise IprcheckError("package_too_large", path=name, part="*", size=total)
    for info in members:
        if info.filename.lower().endswith((".xml", ".rels", ".vml")):
            _no_dtd(read_part(package, info.filename, name), name, info.filename)
    return package


class XmlLimits(NamedTuple):
    """What one XML part may hold: elements, characters in one run of text or in one element's
    attributes, and how deep elements nest."""

    elements: int
    text: int
    depth: int = 64


class Watcher(Protocol):
    """Sees each element of a part as it streams past (``tag`` without its namespace) and may
    raise an ``IprcheckError`` to stop the read."""

    def start(self, tag: str, attrs: dict[str, str]) -> None: ...

    def end(self, tag: str) -> None: ...

    def text(self, length: int) -> None: ...


_CHUNK = 64 * 1024


def walk_xml(
    package: zipfile.ZipFile,
    member: str,
    name: str,
    limits: XmlLimits,
    watcher: Watcher | None = None,
) -> int:
    """Stream ``member`` through expat within ``limits``; return how many elements it holds.
    A part that is not well-formed XML, or declares a document type, is refused."""
    walk = _Walk(name, member, limits, watcher)
    try:
        with package.open(member) as stream:
            while chunk := stream.read(_CHUNK):
                walk.parser.Parse(chunk, False)
            walk.parser.Parse(b"", True)
    except IprcheckError:
        raise
    except Exception:  # expat, zlib, a bad CRC, an unknown compression: all one damaged part
        raise IprcheckError("package_damaged", path=name, part=member) from None
    return walk.elements


class _Walk:
    def __init__(self, name: str, member: str, limits: XmlLimits, watcher: Watcher | None):
        self.name, self.member, self.limits, self.watcher = name, member, limits, watcher
        self.elements = 0
        self.depth = 0
        self.run = 0
        parser = expat.ParserCreate()  # no namespaces: a prefix is cut off (x:row is a row)
        parser.buffer_text = True
        parser.StartElementHandler = self.start
        parser.EndElementHandler = self.end
        parser.CharacterDataHandler = self.text
        parser.StartDoctypeDeclHandler = self.doctype
        parser.EntityDeclHandler = self.doctype
        self.parser = parser

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        self.elements += 1
        self.depth += 1
        self.run = 0
        if self.elements > self.limits.elements or self.depth > self.limits.depth:
            raise IprcheckError("package_too_many_elements", path=self.name, part=self.member)
        if attrs and sum(map(len, attrs.values())) > self.limits.text:
            raise self.too_long()
        if self.watcher is not None:
            self.watcher.start(tag.rpartition(":")[2], attrs)

    def end(self, tag: str) -> None:
        self.depth -= 1
        self.run = 0
        if self.watcher is not None:
            self.watcher.end(tag.rpartition(":")[2])

    def text(self, data: str) -> None:
        self.run += len(data)
        if self.run > self.limits.text:
            raise self.too_long()
        if self.watcher is not None:
            self.watcher.text(len(data))

    def too_long(self) -> IprcheckError:
        return IprcheckError(
            "package_text_too_long", path=self.name, part=self.member, limit=self.limits.text
        )

    def doctype(self, *_: object) -> None:
        raise IprcheckError("package_dtd", path=self.name, part=self.member)


def read_part(package: zipfile.ZipFile, member: str, name: str) -> bytes:
    """One part's bytes (bounded by its declared size, which ``open_package`` checked)."""
    try:
        return package.read(member)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, EOFError, RuntimeError):
        raise IprcheckError("package_damaged", path=name, part=member) from None
    except Exception:  # zlib.error, NotImplementedError (an unknown compression), …
        raise IprcheckError("package_damaged", path=name, part=member) from None


def _no_dtd(part: bytes, name: str, member: str) -> None:
    head = part
    if part.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = part.decode("utf-16", errors="replace").encode("utf-8")
    if any(marker in head for marker in _DTD):
        raise IprcheckError("package_dtd", path=name, part=member)
