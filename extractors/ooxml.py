"""What the XLSX and DOCX backends share: spotting encrypted packages and bad containers."""

from __future__ import annotations

import errno
import lzma
import zipfile
import zlib
from pathlib import Path
from xml.etree.ElementTree import ParseError

from lxml.etree import XMLSyntaxError

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Office stores a password-protected XLSX/DOCX as an OLE file holding these streams.
_ENCRYPTED_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))

# What a malformed package raises inside openpyxl / python-docx / the zip reader. I/O
# errors (OSError) are deliberately absent: they are operational and must propagate.
BAD_PACKAGE_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, lzma.LZMAError, EOFError, KeyError,
    ValueError, TypeError, IndexError, AttributeError, ParseError, XMLSyntaxError,
    NotImplementedError,
)


def library_data_error(exc: OSError) -> bool:
    """openpyxl and friends raise a bare OSError ("File contains no valid workbook part")
    for bad content; a real I/O failure carries an errno and must propagate. EINVAL is the
    content's too: a member whose header puts it before the file's start (bytes missing at
    the front) makes zipfile seek to a negative offset, and reading a local file raises it
    for nothing else (the same case as `intake/archive.py`'s)."""
    return exc.errno is None or exc.errno == errno.EINVAL


def is_encrypted_package(path: Path) -> bool:
    with path.open("rb") as f:
        head = f.read(1 << 20)
    return head.startswith(_OLE_MAGIC) and all(s in head for s in _ENCRYPTED_STREAMS)


def encrypted_members(zf: zipfile.ZipFile) -> bool:
    """Whether any member carries the 'encrypted' flag (a zip-level password)."""
    return any(info.flag_bits & 0x1 for info in zf.infolist())


def has_encrypted_members(path: Path) -> bool:
    """A zip whose members carry the 'encrypted' flag (zip-level password)."""
    try:
        with zipfile.ZipFile(path) as zf:
            return encrypted_members(zf)
    except (zipfile.BadZipFile, OSError):
        return False


def reason(exc: BaseException) -> str:
    """A short, stable reason for a finding message (no tracebacks, no temp paths)."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    name = type(exc).__name__
    return f"{name}: {text[:120]}" if text else name
