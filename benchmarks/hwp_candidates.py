"""Measure HWP/HWPX reading libraries on the real Hancom twins (docs/hwp-evaluation.md).

    PYTHONPATH=. .venv/bin/python benchmarks/hwp_candidates.py

Needs the candidates installed in the venv (`.venv/bin/pip install pyhwp unhwp
hwp-hwpx-parser`; rhwp-python, olefile are dependencies, python-hwpx a dev one). Each
candidate's tables, nested ones included, are reduced to grids (anchor cells with spans)
and compared cell by cell (whitespace removed, spans must agree) with python-hwpx's
reading of the same file, the reader of the benchmark's truth (benchmarks/hancom/twin.py),
and with the benchmark's curated truth tables (checked by eye against the Hancom PDFs).
Broken inputs are read in a subprocess each, so a crash is seen as a crash.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.hancom.grid import Grid, GridCell
from benchmarks.hancom.metrics import structure_score
from benchmarks.hancom.truth import DOCUMENTS, REAL_DIR, TRUTH_DIR, Truth
from benchmarks.hancom.twin import read_twin


def _rhwp(path: Path) -> list[Grid]:
    from smartcert.extractors.hwp.engine import open_document

    out: list[Grid] = []

    def walk(blocks: list[Any]) -> None:
        for b in blocks:
            if b.kind == "table":
                cells = []
                for c in b.cells:
                    text = "\n".join(x.text for x in c.blocks if x.kind in ("paragraph",
                                                                           "list_item"))
                    cells.append(GridCell(c.row, c.col, c.row_span, c.col_span, text))
                out.append(Grid(b.rows, b.cols, cells))
                for c in b.cells:
                    walk(c.blocks)

    walk(open_document(path).ir.body)
    return out


def _hwpx(path: Path) -> list[Grid]:
    return [Grid(t.n_rows, t.n_cols, [GridCell(c.row, c.col, c.rowspan, c.colspan, c.text)
                                      for c in t.cells]) for t in read_twin(path)]


def _pyhwp(path: Path) -> list[Grid]:
    from lxml import etree

    if path.suffix.lower() != ".hwp":
        raise ValueError("pyhwp reads HWP 5 only")
    xml = subprocess.run([str(Path(sys.executable).parent / "hwp5proc"), "xml", str(path)],
                         capture_output=True, check=True).stdout
    root = etree.fromstring(xml)
    out = []
    for body in root.iter("TableBody"):
        cells = []
        for cell in body.iter("TableCell"):
            if next(cell.iterancestors("TableBody")) is not body:
                continue
            paras = [p for p in cell if p.tag == "Paragraph"]
            text = "\n".join("".join(t.text or "" for t in p.iter("Text")
                                     if next(t.iterancestors("TableCell")) is cell)
                             for p in paras)
            cells.append(GridCell(int(cell.get("row")), int(cell.get("col")),
                                  int(cell.get("rowspan")), int(cell.get("colspan")), text))
        out.append(Grid(int(body.get("rows")), int(body.get("cols")), cells))
    return out


def _unhwp(path: Path) -> list[Grid]:
    import unhwp

    out: list[Grid] = []

    def text(blocks: list[Any]) -> str:
        lines = []
        for p in blocks:
            lines.append("".join(r["Text"]["text"] for r in p.get("content", []) if "Text" in r))
        return "\n".join(lines)

    def table(t: dict[str, Any]) -> None:
        taken: set[tuple[int, int]] = set()
        cells = []
        for r, row in enumerate(t["rows"]):
            c = 0
            for cell in row["cells"]:
                while (r, c) in taken:
                    c += 1
                rs, cs = cell.get("rowspan", 1), cell.get("colspan", 1)
                taken |= {(r + i, c + j) for i in range(rs) for j in range(cs)}
                cells.append(GridCell(r, c, rs, cs, text(cell["content"])))
                c += cs
        out.append(Grid(len(t["rows"]), max((g.col + g.colspan for g in cells), default=0),
                        cells))
        for row in t["rows"]:
            for cell in row["cells"]:
                find(cell["content"])

    def find(o: Any) -> None:
        if isinstance(o, dict):
            for k, v in o.items():
                if k == "Table":
                    table(v)
                else:
                    find(v)
        elif isinstance(o, list):
            for v in o:
                find(v)

    with unhwp.parse(str(path)) as result:
        find(json.loads(result.json))
    return out


def _hhp(path: Path) -> list[Grid]:
    from hwp_hwpx_parser import Reader

    with Reader(str(path)) as r:  # rows of texts: merges are not reported
        return [Grid(len(t.rows), max(map(len, t.rows), default=0),
                     [GridCell(i, j, 1, 1, x) for i, row in enumerate(t.rows)
                      for j, x in enumerate(row)]) for t in r.tables]


CANDIDATES: dict[str, tuple[str, Callable[[Path], list[Grid]]]] = {
    "rhwp-python": ("rhwp", _rhwp),
    "python-hwpx": ("hwpx", _hwpx),
    "pyhwp": ("hwp5", _pyhwp),
    "unhwp": ("unhwp", _unhwp),
    "hwp-hwpx-parser": ("hwp_hwpx_parser", _hhp),
}


def _fixtures(tmp: Path) -> dict[str, Path]:
    import olefile

    hwp, hwpx = REAL_DIR / "복학원서.hwp", REAL_DIR / "issue_241.hwpx"
    data = hwp.read_bytes()
    out = {"truncated.hwp": tmp / "truncated.hwp"}
    out["truncated.hwp"].write_bytes(data[: len(data) // 2])
    for name, bit in (("password.hwp", 1), ("distribution.hwp", 2)):
        out[name] = tmp / name
        shutil.copy(hwp, out[name])
        with olefile.OleFileIO(str(out[name]), write_mode=True) as ole:
            head = bytearray(ole.openstream("FileHeader").read())
            struct.pack_into("<I", head, 36, struct.unpack_from("<I", head, 36)[0] | 1 << bit)
            ole.write_stream("FileHeader", bytes(head))
    out["garbage-body.hwp"] = tmp / "garbage-body.hwp"  # body replaced, headers intact
    shutil.copy(hwp, out["garbage-body.hwp"])
    with olefile.OleFileIO(str(out["garbage-body.hwp"]), write_mode=True) as ole:
        size = ole.get_size("BodyText/Section0")
        ole.write_stream("BodyText/Section0", os.urandom(size))
    out["bad-section.hwpx"] = tmp / "bad-section.hwpx"
    buf = io.BytesIO()
    with zipfile.ZipFile(hwpx) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "Contents/section0.xml":
                body = body[: len(body) // 2]  # cut mid-element: not well-formed XML
            dst.writestr(info, body)
    out["bad-section.hwpx"].write_bytes(buf.getvalue())
    return out


_PROBE = """
import sys
sys.path[:0] = {paths!r}
from pathlib import Path
from benchmarks.hwp_candidates import CANDIDATES
try:
    grids = CANDIDATES[{name!r}][1](Path({path!r}))
    print("returned", len(grids), "tables,", sum(len(g.cells) for g in grids), "cells")
except Exception as exc:
    print("raised", type(exc).__name__ + ":", str(exc).splitlines()[0][:90] if str(exc) else "")
"""


def robustness(name: str, path: Path) -> str:
    code = _PROBE.format(paths=[str(Path.cwd())], name=name, path=str(path))
    try:
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             timeout=120, cwd=Path.cwd())
    except subprocess.TimeoutExpired:
        return "timeout (120 s)"
    if run.returncode < 0:
        return f"crashed (signal {-run.returncode})"
    lines = [ln for ln in run.stdout.splitlines() if ln.startswith(("returned", "raised"))]
    if not lines:
        tail = (run.stderr.strip().splitlines() or [""])[-1][:90]
        return f"exit {run.returncode}: {tail}"
    return lines[-1]


def measure() -> dict[str, Any]:
    results: dict[str, Any] = {}
    refs = {doc: _hwpx(REAL_DIR / twin) for doc, (_pdf, twin) in DOCUMENTS.items()}
    for cand, (_module, read) in CANDIDATES.items():
        entry: dict[str, Any] = {}
        for doc, (_pdf, twin) in DOCUMENTS.items():
            path = REAL_DIR / twin
            best, grids, error = float("inf"), [], None
            for _ in range(3):
                t0 = time.perf_counter()
                try:
                    grids = read(path)
                except Exception as exc:
                    error = f"{type(exc).__name__}: {str(exc)[:80]}"
                    break
                best = min(best, time.perf_counter() - t0)
            if error:
                entry[doc] = {"error": error}
                continue
            agree = structure_score(grids, refs[doc])
            truth = Truth.load(TRUTH_DIR / f"{doc}.json")
            curated = structure_score(grids, truth.tables, truth.ignored)
            entry[doc] = {
                "tables": len(grids), "cells": sum(len(g.cells) for g in grids),
                "ref_tables": len(refs[doc]), "agree_cells": agree.cells.tp,
                "ref_cells": agree.cells.n_truth, "same_tables": agree.exact,
                "truth_recall": round(curated.cells.recall, 3),
                "seconds": round(best, 3),
            }
        results[cand] = entry
    with tempfile.TemporaryDirectory() as tmp:
        fixtures = _fixtures(Path(tmp))
        results["robustness"] = {cand: {name: robustness(cand, p) for name, p in fixtures.items()}
                                 for cand in CANDIDATES}
    return results


if __name__ == "__main__":
    print(json.dumps(measure(), ensure_ascii=False, indent=1))
