"""Per-file notes on kept files: empty, unknown, or named as something they are not."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from smartcert.core.files.media import MediaType
from smartcert.core.files.rules import empty_file
from smartcert.core.findings import Finding
from smartcert.intake import rules as R
from smartcert.intake.rules import intake_finding

_M = MediaType
EXTENSION_TYPES: dict[str, frozenset[MediaType]] = {
    ".pdf": frozenset({_M.PDF}),
    ".xlsx": frozenset({_M.XLSX}),
    ".xlsm": frozenset({_M.XLSX}),
    ".docx": frozenset({_M.DOCX}),
    ".png": frozenset({_M.PNG}),
    ".jpg": frozenset({_M.JPEG}),
    ".jpeg": frozenset({_M.JPEG}),
    ".tif": frozenset({_M.TIFF}),
    ".tiff": frozenset({_M.TIFF}),
    ".zip": frozenset({_M.ZIP}),
    ".hwp": frozenset({_M.HWP}),
    ".hwpx": frozenset({_M.HWPX}),
    ".xls": frozenset({_M.OLE}),
    ".doc": frozenset({_M.OLE}),
    ".ppt": frozenset({_M.OLE}),
}

MEDIA_LABELS: dict[MediaType, str] = {
    _M.PDF: "PDF",
    _M.XLSX: "엑셀 XLSX",
    _M.DOCX: "워드 DOCX",
    _M.PNG: "PNG 그림",
    _M.JPEG: "JPEG 그림",
    _M.TIFF: "TIFF 그림",
    _M.ZIP: "ZIP 압축",
    _M.HWP: "한글 HWP",
    _M.HWPX: "한글 HWPX",
    _M.OLE: "구형 오피스(OLE)",
    _M.EMPTY: "빈 파일",
    _M.UNKNOWN: "알 수 없음",
}


def file_notes(name: str, path: Path, media: MediaType) -> list[Finding]:
    """Findings about one kept file, located at its name in the submission."""
    ext = PurePosixPath(name).suffix.lower()
    if media is MediaType.EMPTY:
        return [empty_file(name)]
    if media is MediaType.UNKNOWN:
        with path.open("rb") as f:
            head = f.read(4)
        if head == b"PK\x03\x04":  # a zip container whose directory cannot be read
            return [intake_finding(R.CORRUPT_ARCHIVE, name, what="ZIP 형식 파일",
                                   detail="압축 목록을 읽을 수 없음")]
        return [intake_finding(R.UNKNOWN_FORMAT, name, claimed=ext or None)]
    expected = EXTENSION_TYPES.get(ext)
    if expected is not None and media not in expected:
        return [intake_finding(
            R.EXTENSION_MISMATCH, name, ext=ext, actual=MEDIA_LABELS[media],
            claimed=ext, expected=media.value,
        )]
    return []
