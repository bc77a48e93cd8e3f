"""Big workbooks read as a stream: openpyxl's read-only parser, stopped where the grid is cut.

openpyxl's normal mode keeps every cell of the file as an object (~500 bytes each: a
1,048,576-row sheet peaks at several GB before any cut applies). Read-only mode parses the
sheet XML row by row and keeps nothing; what it does not give — merged ranges, hidden
rows and columns — is found by a raw byte scan of the same XML (`scan_layout`), which
costs a fraction of the parse and no memory.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from unittest.mock import patch

from openpyxl.cell.read_only import ReadOnlyCell
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import WorkSheetParser

# Worksheets (and shared strings) holding more XML than this are streamed. 16 MiB is
# ~400,000 cells: openpyxl's normal mode then peaks near 250 MB.
STREAM_BYTES = 16 << 20

_ROW = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_COL = re.compile(rb"<(?:\w+:)?col\b([^>]*)>")
_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Za-z]+\d+(?::[A-Za-z]+\d+)?)\"")
_ATTR = re.compile(rb"\b(r|min|max|hidden)=\"([^\"]*)\"")


@contextmanager
def no_dimension_scan() -> Iterator[None]:
    """While a read-only workbook is opened: openpyxl looks for each sheet's <dimension>
    element then, and parses the whole sheet when it is missing (minutes for a million
    rows). We never use those dimensions (`stream_cells` reads the rows as they come)."""
    with patch.object(ReadOnlyWorksheet, "_get_size", lambda self: None):
        yield


def needs_streaming(path: Path) -> bool:
    """Whether the workbook's sheets (as their headers declare them) are too big to load."""
    try:
        with zipfile.ZipFile(path) as zf:
            size = sum(i.file_size for i in zf.infolist()
                       if i.filename.startswith("xl/worksheets/")
                       or i.filename == "xl/sharedStrings.xml")
    except (zipfile.BadZipFile, OSError, ValueError):
        return False  # the normal loader reports what is wrong with it
    return size > STREAM_BYTES


@dataclass
class Layout:
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden_rows: list[int] = field(default_factory=list)
    hidden_cols: set[int] = field(default_factory=set)


def _attrs(raw: bytes) -> dict[bytes, bytes]:
    return dict(_ATTR.findall(raw))


def _hidden(attrs: dict[bytes, bytes]) -> bool:
    return attrs.get(b"hidden", b"") in (b"1", b"true")


def scan_layout(stream: IO[bytes], max_row: int) -> Layout:
    """Merged ranges, hidden rows (up to `max_row`) and hidden columns of a sheet's XML.
    In XML text a '<' is always escaped, so a tag pattern cannot match inside a value."""
    out = Layout()
    row_no, tail = 0, b""
    while chunk := stream.read(1 << 20):
        data = tail + chunk
        cut = data.rfind(b"<")  # an element may straddle the chunk boundary
        data, tail = (data[:cut], data[cut:]) if cut > 0 else (data, b"")
        for m in _ROW.finditer(data):
            a = _attrs(m.group(1))
            row_no = int(a[b"r"]) if a.get(b"r", b"").isdigit() else row_no + 1
            if row_no <= max_row and _hidden(a):
                out.hidden_rows.append(row_no)
        for m in _COL.finditer(data):
            a = _attrs(m.group(1))
            if _hidden(a) and a.get(b"min", b"").isdigit():
                first = int(a[b"min"])
                last = int(a[b"max"]) if a.get(b"max", b"").isdigit() else first
                out.hidden_cols.update(range(first, min(last, 16_384) + 1))
        for m in _MERGE.finditer(data):
            c0, r0, c1, r1 = range_boundaries(m.group(1).decode("ascii"))
            out.merges.append((r0, c0, r1, c1))
    return out


@dataclass
class Streamed:
    texts: dict[tuple[int, int], str] = field(default_factory=dict)
    errors: list[tuple[str, str]] = field(default_factory=list)
    extent: tuple[int, int] = (0, 0)  # last row and column seen
    stopped_at: int | None = None  # the first row not read (None: read to the end)


def stream_cells(ws: Any, cap: int, text_of: Callable[[Any], str]) -> Streamed:
    """The displayed text of every cell of a read-only worksheet, until the rows already
    read fill a grid of `cap` cells: later rows could never be part of the table (the
    grid only widens as rows come, so its cut only moves up)."""
    out = Streamed()
    wb = ws.parent
    r0: int | None = None
    c0 = c1 = 0
    max_r = max_c = 0
    with ws._get_source() as src:
        parser = WorkSheetParser(src, ws._shared_strings, data_only=True, epoch=wb.epoch,
                                 date_formats=wb._date_formats,
                                 timedelta_formats=wb._timedelta_formats)
        for idx, row in parser.parse():
            if r0 is not None and (idx - r0 + 1) * (c1 - c0 + 1) > cap:
                out.stopped_at = idx
                break
            for d in row:
                r, c, value = d["row"], d["column"], d["value"]
                max_r, max_c = max(max_r, r), max(max_c, c)
                if value is None:
                    continue
                cell = ReadOnlyCell(ws, r, c, value, d["data_type"], d["style_id"])
                text = text_of(cell)
                if text:
                    out.texts[(r, c)] = text
                    if r0 is None:
                        r0, c0, c1 = r, c, c
                    c0, c1 = min(c0, c), max(c1, c)
                if cell.data_type == "e":
                    out.errors.append((cell.coordinate, str(value)))
    out.extent = (max_r, max_c)
    return out
