"""Formula cells whose cached result is missing, read straight from the sheet XML.

openpyxl cannot tell "no cached value" (`<f>` without `<v>`, or openpyxl's own empty
`<v></v>`: a workbook written by a program and never recalculated) from "cached empty
string" (`t="str"` with `<v></v>`, what Excel stores for `=IFERROR(B3/C3,"")`): both
load as None. Streaming the XML keeps that difference and costs far less memory than
loading the workbook a second time.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.etree import ElementTree as ET

from openpyxl.formula.translate import Translator
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, get_column_letter

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_C, _F, _V, _ROW, _IS = f"{_NS}c", f"{_NS}f", f"{_NS}v", f"{_NS}row", f"{_NS}is"


@dataclass(frozen=True, slots=True)
class MissingValue:
    ref: str  # 'D7'
    formula: str  # '=SUM(D3:D6)' ('' when it cannot be recovered)


def _sheet_parts(zf: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → worksheet part path, from the workbook and its relationships."""
    rels_xml = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {}
    for rel in rels_xml.iter(f"{_PKG}Relationship"):
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join("xl", target))
        targets[rel.get("Id")] = path
    wb_xml = ET.fromstring(zf.read("xl/workbook.xml"))
    return {s.get("name", ""): targets.get(s.get(f"{_REL}id"), "")
            for s in wb_xml.iter(f"{_NS}sheet")}


def _has_value(c: ET.Element) -> bool:
    """A cached result is present. Only a string result can be empty: openpyxl writes an
    empty `<v></v>` for every formula it stores, which is no value at all."""
    if c.find(_IS) is not None:
        return True
    v = c.find(_V)
    if v is None:
        return False
    return bool(v.text) or c.get("t") == "str"


def scan_sheet_xml(stream: IO[bytes], max_row: int | None = None) -> list[MissingValue]:
    """Formula cells without a cached value, up to row `max_row` when given (the rows a
    capped sheet keeps). A cell's reference is parsed only when needed (a formula, or a
    following cell without one): most cells of a big sheet cost one element event."""
    out: list[MissingValue] = []
    shared: dict[str, tuple[str, str]] = {}  # si → (master ref, formula)
    row_no, col_no = 0, 0
    last: str | None = None  # the last explicit reference, not parsed yet
    for event, el in ET.iterparse(stream, events=("start", "end")):
        if el.tag == _ROW:
            if event == "start":  # 'r' is optional: a row without it follows the previous
                r = el.get("r")
                row_no, col_no, last = (int(r) if r else row_no + 1), 0, None
                if max_row is not None and row_no > max_row:
                    break
            else:
                el.clear()
            continue
        if event != "end" or el.tag != _C:
            continue
        ref = el.get("r")
        f = el.find(_F)
        if ref:
            last = ref
            if f is None:
                el.clear()
                continue
        else:  # 'r' is optional: the cell follows the previous one
            if last is not None:
                letters, row_no = coordinate_from_string(last)
                col_no, last = column_index_from_string(letters), None
            col_no += 1
            ref = f"{get_column_letter(col_no)}{row_no}"
        if f is not None:
            text = f.text or ""
            si = f.get("si")
            if f.get("t") == "shared" and si is not None:
                if text:
                    shared[si] = (ref, text)
                elif si in shared:  # a follower: shift the master's formula to this cell
                    master, master_text = shared[si]
                    text = Translator(f"={master_text}", origin=master).translate_formula(ref)[1:]
            if not _has_value(el):
                out.append(MissingValue(ref, f"={text}" if text else ""))
        el.clear()
    return out


_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _has_formulas(zf: zipfile.ZipFile, part: str) -> bool:
    """Whether the part holds a formula element at all: a raw byte search, ~50× faster than
    the XML scan, which most big data sheets (values only) then skip."""
    tail = b""
    with zf.open(part) as stream:
        while chunk := stream.read(1 << 20):
            if _FORMULA_TAG.search(tail + chunk):
                return True
            tail = chunk[-16:]
    return False


def formulas_without_value(path: Path, max_rows: dict[str, int] | None = None
                           ) -> dict[str, list[MissingValue]]:
    """Sheet name → formula cells with no cached value, in sheet order; with `max_rows`,
    only the sheets it names and up to their row."""
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        out: dict[str, list[MissingValue]] = {}
        for sheet, part in _sheet_parts(zf).items():
            if part not in names or (max_rows is not None and sheet not in max_rows):
                continue
            if not _has_formulas(zf, part):
                continue
            with zf.open(part) as stream:
                missing = scan_sheet_xml(stream, None if max_rows is None else max_rows[sheet])
            if missing:
                out[sheet] = missing
    return out
