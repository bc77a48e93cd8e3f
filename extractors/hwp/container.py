"""What the file's container says before any parsing: HWP 5 FileHeader flags, HWPX
package integrity, and whether the compressed body streams are whole.

The parser is lenient by design: rhwp reads a truncated HWP 5 file by skipping what it
cannot decode and returns an empty document without an error. So the streams are checked
here first, with olefile and zlib, and a file cut short is reported as broken instead of
being read as a document with nothing in it.

HWP 5 FileHeader (한글 문서 파일 구조 5.0, 'FileHeader' stream, 256 bytes): a 32-byte
signature 'HWP Document File', the version DWORD, then the properties DWORD whose
bit 0 = compressed, bit 1 = password (암호), bit 2 = distribution document (배포용).
"""

from __future__ import annotations

import lzma
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import olefile
from lxml import etree

from smartcert.extractors.ooxml import encrypted_members

SIGNATURE = b"HWP Document File"
COMPRESSED, PASSWORD, DISTRIBUTION = 1 << 0, 1 << 1, 1 << 2
_SECTION = re.compile(r"^(BodyText|ViewText)/Section\d+$")
_HWPX_SECTION = re.compile(r"^Contents/section\d+\.xml$")
_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


class Problem(StrEnum):
    ENCRYPTED = "encrypted"
    DISTRIBUTION = "distribution"
    BROKEN = "broken"


@dataclass(frozen=True)
class Container:
    problem: Problem | None = None
    reason: str = ""  # Korean, for the finding's message when `problem` is BROKEN
    version: str | None = None  # '5.0.4.0' for HWP 5

    @property
    def readable(self) -> bool:
        return self.problem in (None, Problem.DISTRIBUTION)


def _broken(reason: str, version: str | None = None) -> Container:
    return Container(Problem.BROKEN, reason, version)


def _version(raw: int) -> str:
    return ".".join(str(raw >> shift & 0xFF) for shift in (24, 16, 8, 0))


def _whole(data: bytes, compressed: bool) -> bool:
    """True when a body stream decodes completely (a raw deflate stream with its end)."""
    if not compressed:
        return True
    inflater = zlib.decompressobj(-15)
    try:
        inflater.decompress(data)
        inflater.flush()
    except zlib.error:
        return False
    return inflater.eof


def check_hwp5(path: Path) -> Container:
    try:
        ole = olefile.OleFileIO(str(path))
    except (OSError, ValueError, IndexError, struct.error) as exc:  # olefile's bad-file errors
        return _broken(f"OLE 구조를 읽을 수 없음: {exc}")
    with ole:
        try:
            header = ole.openstream("FileHeader").read()
        except (OSError, ValueError, IndexError) as exc:
            return _broken(f"FileHeader가 없음: {exc}")
        if len(header) < 40 or not header.startswith(SIGNATURE):
            return _broken("HWP 서명이 없는 FileHeader")
        raw_version, props = struct.unpack_from("<II", header, 32)
        version = _version(raw_version)
        if props & PASSWORD:
            return Container(Problem.ENCRYPTED, version=version)
        if props & DISTRIBUTION:  # its body is encrypted with a key the file carries
            return Container(Problem.DISTRIBUTION, version=version)
        streams = ["/".join(p) for p in ole.listdir()]
        sections = sorted(s for s in streams if _SECTION.match(s) and s.startswith("BodyText"))
        if "DocInfo" not in streams or not sections:
            return _broken("DocInfo 또는 본문(BodyText) 스트림이 없음", version)
        for name in ("DocInfo", *sections):
            try:
                data = ole.openstream(name).read()
            except (OSError, ValueError, IndexError) as exc:
                return _broken(f"{name} 스트림을 읽을 수 없음: {exc}", version)
            if len(data) < ole.get_size(name) or not _whole(data, bool(props & COMPRESSED)):
                return _broken(f"{name} 스트림이 잘려 있음", version)
    return Container(version=version)


def check_hwpx(path: Path) -> Container:
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            if not any(_HWPX_SECTION.match(n) for n in names):
                return _broken("본문(Contents/section*.xml)이 없음")
            if "META-INF/manifest.xml" in names and \
                    b"encryption-data" in zf.read("META-INF/manifest.xml"):
                return Container(Problem.ENCRYPTED)
            if encrypted_members(zf):
                return Container(Problem.ENCRYPTED)  # a member locked by a zip password
            bad = zf.testzip()
            if bad is not None:
                return _broken(f"압축 항목 {bad}이(가) 손상됨")
            for name in sorted(n for n in names if _HWPX_SECTION.match(n)):
                # rhwp reads a section that is not well-formed XML as an empty one
                try:
                    etree.fromstring(zf.read(name), _XML)
                except etree.XMLSyntaxError as exc:
                    return _broken(f"{name}의 XML이 손상됨: {exc}")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, zlib.error,
            lzma.LZMAError, NotImplementedError) as exc:
        # NotImplementedError: a compression method zipfile does not know (99 is AES)
        return _broken(f"ZIP 구조를 읽을 수 없음: {exc}")
    return Container()
