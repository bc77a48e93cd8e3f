"""A zip as Korean Windows makes it: member names in CP949, no UTF-8 flag (bit 11)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

FIXED_TIME = (2025, 9, 23, 17, 40, 0)


class CP949Info(zipfile.ZipInfo):
    def _encodeFilenameFlags(self) -> tuple[bytes, int]:
        return self.filename.encode("cp949"), self.flag_bits & ~0x800


def write_cp949_zip(dst: Path, members: list[tuple[str, Path]]) -> None:
    with zipfile.ZipFile(dst, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, src in members:
            info = CP949Info(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # MS-DOS, as Windows Explorer writes
            zf.writestr(info, src.read_bytes())


def normalize_zip(path: Path, stamp: str = "2025-09-18T10:30:00Z") -> None:
    """Rewrite an OOXML package with fixed timestamps so regeneration is byte-identical
    (openpyxl stamps docProps/core.xml with the time of saving)."""
    with zipfile.ZipFile(path) as zf:
        entries = [(i.filename, zf.read(i)) for i in zf.infolist()]
    entries = [
        (
            n,
            re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(), d)
            if n == "docProps/core.xml"
            else d,
        )
        for n, d in entries
    ]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
