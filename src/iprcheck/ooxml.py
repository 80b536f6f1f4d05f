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
"""

from __future__ import annotations

import io
import zipfile
from typing import NamedTuple

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
