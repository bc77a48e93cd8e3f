"""Decide what a file is from its bytes. File names are never trusted."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from smartcert.core.files.media import MediaType

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HEAD = 2048


def sniff_bytes(head: bytes) -> MediaType | None:
    """Media type from the first bytes alone; None when the container must be opened."""
    if not head:
        return MediaType.EMPTY
    # a zip whose first member is a stored PDF carries '%PDF-' in its first KiB too
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return None  # OOXML, HWPX or a plain zip: look inside
    # PDF writers may put junk before the header; readers accept it within the first KiB
    if b"%PDF-" in head[:1024]:
        return MediaType.PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return MediaType.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return MediaType.JPEG
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return MediaType.TIFF
    if head.startswith(_OLE_MAGIC):
        return None  # HWP 5 or legacy Office: look inside
    return MediaType.UNKNOWN


def _sniff_zip(path: Path) -> MediaType:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "mimetype" in names and _mimetype(zf).startswith(b"application/hwp+zip"):
                return MediaType.HWPX
            if "xl/workbook.xml" in names:
                return MediaType.XLSX
            if "word/document.xml" in names:
                return MediaType.DOCX
            if any(n.startswith("Contents/section") for n in names):
                return MediaType.HWPX
    except (zipfile.BadZipFile, OSError, EOFError):
        return MediaType.UNKNOWN
    return MediaType.ZIP


def _mimetype(zf: zipfile.ZipFile) -> bytes:
    """The OWPML `mimetype` member's first bytes; b"" when it cannot be read (encrypted, an
    unknown method, corrupt data): the names still tell the type, and the reader that
    opens the file reports the damage as a finding."""
    try:
        return zf.read("mimetype")[:64].strip()
    except (RuntimeError, NotImplementedError, ValueError, zlib.error, zipfile.BadZipFile,
            OSError, EOFError):
        return b""


def _sniff_ole(path: Path) -> MediaType:
    # HWP 5 stores a "FileHeader" stream starting with this signature; we avoid a full
    # OLE parser by looking for the UTF-16 directory entry name and the signature.
    data = path.read_bytes()[: 1 << 20]
    if "FileHeader".encode("utf-16-le") in data and b"HWP Document File" in data:
        return MediaType.HWP
    return MediaType.OLE


def sniff(path: Path) -> MediaType:
    with path.open("rb") as f:
        head = f.read(_HEAD)
    kind = sniff_bytes(head)
    if kind is not None:
        return kind
    if head.startswith(_OLE_MAGIC):
        return _sniff_ole(path)
    return _sniff_zip(path)
