"""Member names: decoding (Korean Windows, macOS, Info-ZIP) and path safety."""

from __future__ import annotations

import re
import struct
import unicodedata
import zipfile
import zlib

UTF8_FLAG = 0x800
_UNICODE_PATH_EXTRA = 0x7075  # Info-ZIP "up" field: a UTF-8 copy of a legacy-encoded name
_DRIVE = re.compile(r"^[A-Za-z]:")
_JUNK_DIRS = frozenset({"__macosx", ".spotlight-v100", ".trashes", ".fseventsd"})
_JUNK_FILES = frozenset({".ds_store", "thumbs.db", "desktop.ini", "ehthumbs.db"})
MAX_COMPONENT_BYTES = 255  # NAME_MAX on Linux and most file systems
MAX_NAME_BYTES = 3000  # well below PATH_MAX once the workdir prefix is added


def nfc(name: str) -> str:
    # macOS stores Hangul decomposed (NFD); downstream matching expects composed syllables
    return unicodedata.normalize("NFC", name)


def decode_raw_name(raw: bytes) -> tuple[str, bool]:
    """Decode a name of unknown encoding: UTF-8 (macOS, Linux), then CP949 (Korean Windows).

    Returns (name, ok); when neither fits, a name with U+FFFD replacements and ok=False.
    CP949 Hangul lead bytes are UTF-8 continuation bytes, so strict UTF-8 never
    mistakes a CP949 name for UTF-8.
    """
    for encoding in ("utf-8", "cp949"):
        try:
            return nfc(raw.decode(encoding)), True
        except UnicodeDecodeError:
            continue
    return nfc(raw.decode("cp949", errors="replace")), False


def _unicode_path_extra(info: zipfile.ZipInfo, raw: bytes) -> str | None:
    extra, i = info.extra, 0
    while i + 4 <= len(extra):
        tag, size = struct.unpack_from("<HH", extra, i)
        body = extra[i + 4 : i + 4 + size]
        i += 4 + size
        # version 1, then the CRC of the legacy name: a stale copy (renamed later) is ignored
        if tag == _UNICODE_PATH_EXTRA and len(body) > 5 and body[0] == 1:
            (crc,) = struct.unpack_from("<I", body, 1)
            if crc == zlib.crc32(raw):
                try:
                    return body[5:].decode("utf-8")
                except UnicodeDecodeError:
                    return None
    return None


def decode_member_name(info: zipfile.ZipInfo) -> tuple[str, bool]:
    """The member's real name; (name, ok) as in `decode_raw_name`."""
    # orig_filename keeps anything after a NUL, which zipfile silently cuts off
    name = info.orig_filename
    if info.flag_bits & UTF8_FLAG:
        return nfc(name), True
    raw = name.encode("cp437")  # zipfile decoded the flag-less bytes as cp437
    unicode = _unicode_path_extra(info, raw)
    if unicode is not None:
        return nfc(unicode), True
    return decode_raw_name(raw)


def safe_relative_path(name: str) -> tuple[str | None, str | None]:
    """(POSIX path inside the target folder, None) or (None, Korean reason it is unsafe)."""
    # Windows tools write backslash separators; CP949 never uses 0x5C as a trail byte
    s = name.replace("\\", "/")
    if any(ord(c) < 32 or ord(c) == 127 for c in s):
        return None, "제어 문자 포함"
    if s.startswith("/"):
        return None, "절대 경로"
    if _DRIVE.match(s):
        return None, "드라이브 문자 경로"
    parts = [p for p in s.split("/") if p not in ("", ".")]
    if ".." in parts:
        return None, "상위 폴더(..) 경로"
    if not parts:
        return None, "빈 이름"
    return "/".join(parts), None


def name_too_long(rel: str) -> bool:
    return len(rel.encode()) > MAX_NAME_BYTES or any(
        len(p.encode()) > MAX_COMPONENT_BYTES for p in rel.split("/")
    )


def is_os_junk(rel: str) -> bool:
    """Files the OS adds behind the user's back (Finder, Explorer), never submitted content."""
    parts = rel.split("/")
    if any(p.lower() in _JUNK_DIRS for p in parts):
        return True
    base = parts[-1].lower()
    return base in _JUNK_FILES or base.startswith("._")
