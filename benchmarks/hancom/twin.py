"""Read every table of an HWP/HWPX twin, with the borders each cell draws.

Both formats go through HWPX XML: an `.hwpx` is read as it is, an `.hwp` (binary
HWP 5) is first converted by python-hwpx (`HwpxDocument.open(...).to_bytes()`), whose
HWP 5 reader maps BodyText records one to one onto OWPML elements. One XML walker then
serves both, and borders come from `header.xml`'s borderFill definitions, which the
table-selection rules in `truth.py` need (a one-sided line is not a ruled table).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

SIDES = ("left", "right", "top", "bottom")
# inline control elements inside <hp:t> that stand for a character
_INLINE = {"tab": "\t", "lineBreak": "\n", "nbSpace": " ", "fwSpace": " ", "hyphen": "-"}


@dataclass(frozen=True)
class TwinCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    borders: frozenset[str]  # the sides drawn with a visible line


@dataclass
class TwinTable:
    index: int  # document order, pre-order (an outer table precedes its nested ones)
    depth: int  # 0 for a body table, 1 for a table in a cell of another, ...
    n_rows: int
    n_cols: int
    cells: list[TwinCell] = field(default_factory=list)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def twin_bytes(path: Path) -> bytes:
    """The HWPX package bytes of an `.hwpx`, or of an `.hwp` converted by python-hwpx."""
    data = path.read_bytes()
    if data[:2] == b"PK":
        return data
    from hwpx import HwpxDocument  # imported lazily: only truth regeneration needs it

    doc = HwpxDocument.open(str(path))
    try:
        return doc.to_bytes()
    finally:
        doc.close()


def _border_fills(header: ET.Element) -> dict[str, frozenset[str]]:
    fills: dict[str, frozenset[str]] = {}
    for el in header.iter():
        if _local(el.tag) != "borderFill":
            continue
        drawn = set()
        for child in el:
            name = _local(child.tag)
            if name.endswith("Border") and child.get("type", "NONE") != "NONE":
                drawn.add(name.removesuffix("Border"))
        fills[el.get("id", "")] = frozenset(drawn & set(SIDES))
    return fills


def _run_text(run: ET.Element) -> str:
    parts: list[str] = []
    for t in run:
        if _local(t.tag) != "t":
            continue
        parts.append(t.text or "")
        for inner in t:  # <hp:tab/>, <hp:lineBreak/>, ... carry the text after them as tail
            parts.append(_INLINE.get(_local(inner.tag), ""))
            parts.append(inner.tail or "")
    return "".join(parts)


def _cell_text(sub_list: ET.Element) -> str:
    """Paragraphs of a cell, one per line; text of nested tables is left to those tables."""
    lines = []
    for p in sub_list:
        if _local(p.tag) == "p":
            lines.append("".join(_run_text(r) for r in p if _local(r.tag) == "run"))
    return "\n".join(lines)


class _Walker:
    def __init__(self, fills: dict[str, frozenset[str]]) -> None:
        self.fills = fills
        self.tables: list[TwinTable] = []

    def walk(self, el: ET.Element, depth: int) -> None:
        for child in el:
            if _local(child.tag) == "tbl":
                self.table(child, depth)
            else:
                self.walk(child, depth)

    def table(self, tbl: ET.Element, depth: int) -> None:
        table = TwinTable(
            index=len(self.tables),
            depth=depth,
            n_rows=int(tbl.get("rowCnt", "0")),
            n_cols=int(tbl.get("colCnt", "0")),
        )
        self.tables.append(table)
        for tr in (e for e in tbl if _local(e.tag) == "tr"):
            for tc in (e for e in tr if _local(e.tag) == "tc"):
                parts = {_local(e.tag): e for e in tc}
                addr, span = parts["cellAddr"], parts["cellSpan"]
                sub = parts.get("subList")
                table.cells.append(
                    TwinCell(
                        row=int(addr.get("rowAddr", "0")),
                        col=int(addr.get("colAddr", "0")),
                        rowspan=int(span.get("rowSpan", "1")),
                        colspan=int(span.get("colSpan", "1")),
                        text="" if sub is None else _cell_text(sub),
                        borders=self.fills.get(tc.get("borderFillIDRef", ""), frozenset()),
                    )
                )
                if sub is not None:
                    self.walk(sub, depth + 1)
        table.cells.sort(key=lambda c: (c.row, c.col))


def _section_order(name: str) -> int:
    m = re.search(r"section(\d+)\.xml$", name)
    return int(m.group(1)) if m else 0


def read_twin(path: Path) -> list[TwinTable]:
    """All tables of the twin in document order, nested ones included."""
    with zipfile.ZipFile(io.BytesIO(twin_bytes(path))) as z:
        header = ET.fromstring(z.read("Contents/header.xml"))
        walker = _Walker(_border_fills(header))
        sections = [n for n in z.namelist() if re.match(r"Contents/section\d+\.xml$", n)]
        for name in sorted(sections, key=_section_order):
            walker.walk(ET.fromstring(z.read(name)), 0)
    return walker.tables


def _load_rhwp() -> Any:
    """Import rhwp-python; its wheel needs the system FreeType loaded globally first."""
    import ctypes
    import ctypes.util

    lib = ctypes.util.find_library("freetype")
    if lib is None:
        raise ImportError("rhwp-python needs the system FreeType (Debian: libfreetype6)")
    ctypes.CDLL(lib, mode=ctypes.RTLD_GLOBAL)
    import rhwp

    return rhwp


def read_twin_rhwp(path: Path) -> list[TwinTable]:
    """The same tables read by rhwp-python (a separate Rust parser), borders left empty.

    Only for cross-checking `read_twin`: rhwp's document IR has no border information.
    """
    rhwp = _load_rhwp()
    tables: list[TwinTable] = []

    def text(blocks: list[Any]) -> str:
        return "\n".join(b.text for b in blocks if b.kind != "table" and hasattr(b, "text"))

    def walk(blocks: list[Any], depth: int) -> None:
        for b in blocks:
            if b.kind == "table":
                table = TwinTable(len(tables), depth, b.rows, b.cols)
                tables.append(table)
                for c in b.cells:
                    table.cells.append(
                        TwinCell(c.row, c.col, c.row_span, c.col_span, text(c.blocks), frozenset())
                    )
                    walk(c.blocks, depth + 1)
                table.cells.sort(key=lambda c: (c.row, c.col))
            elif hasattr(b, "blocks"):
                walk(b.blocks, depth + 1)

    walk(rhwp.parse(str(path)).to_ir().body, 0)
    return tables
