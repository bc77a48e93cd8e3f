"""Every system under comparison, reduced to `Grid`s of one PDF plus its wall time.

* smartcert — `extractors.api.extract_file` (the whole extraction: text, tables, OCR).
* pdfplumber — default `page.find_tables()`; spans from the cell boxes.
* pymupdf — default `page.find_tables()`; spans from the cell boxes.
* opendataloader — OpenDataLoader PDF (Hancom's parser, a Java JAR) JSON output; one
  JVM per document, so its time includes JVM start-up (measured apart, see
  `jvm_startup_seconds`).

A system that cannot run (not installed, no Java, the smartcert PDF backend not
written yet) comes back with `error` set; the others still run.
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from subprocess import CalledProcessError
from typing import Any

from benchmarks.hancom.grid import Grid, GridCell, grid_from_boxes


@dataclass
class SystemRun:
    system: str
    pdf: str
    pages: int = 0
    seconds: float = 0.0
    grids: list[Grid] = field(default_factory=list)
    error: str | None = None

    @property
    def pages_per_second(self) -> float:
        return self.pages / self.seconds if self.seconds > 0 else 0.0


def _timed(
    system: str,
    pdf: Path,
    body: Callable[[SystemRun], None],
    unavailable: tuple[type[Exception], ...] = (ImportError,),
) -> SystemRun:
    run = SystemRun(system, pdf.name)
    start = time.perf_counter()
    try:
        body(run)
    except unavailable as exc:
        run.error = f"{system} not available: {type(exc).__name__}: {exc}"
    run.seconds = time.perf_counter() - start
    return run


def run_smartcert(pdf: Path) -> SystemRun:
    def body(run: SystemRun) -> None:
        try:
            from smartcert.extractors.api import extract_file
        except ImportError as exc:
            raise ImportError(
                f"smartcert.extractors.api.extract_file cannot be imported ({exc}); "
                "the smartcert PDF backend is not there yet"
            ) from exc
        doc = extract_file(pdf)
        run.pages = len(doc.pages)
        for t in doc.tables:
            cells = [GridCell(c.row, c.col, c.rowspan, c.colspan, c.text) for c in t.cells]
            run.grids.append(
                Grid(t.n_rows, t.n_cols, cells, page=t.pages[0] if t.pages else None, label=t.id)
            )

    return _timed("smartcert", pdf, body)


def _bbox_tables(tables: Any, page_no: int, prefix: str) -> Iterator[Grid]:
    """pdfplumber/PyMuPDF tables: row lists of cell boxes (None when covered) + texts."""
    for i, table in enumerate(tables):
        boxes = []
        for row, values in zip(table.rows, table.extract(), strict=False):
            for bbox, text in zip(row.cells, values, strict=False):
                if bbox is not None:
                    boxes.append((tuple(bbox), text or ""))
        yield grid_from_boxes(boxes, page=page_no, label=f"{prefix}p{page_no}#{i}")


def run_pdfplumber(pdf: Path) -> SystemRun:
    def body(run: SystemRun) -> None:
        import pdfplumber

        with pdfplumber.open(pdf) as doc:
            run.pages = len(doc.pages)
            for n, page in enumerate(doc.pages, start=1):
                run.grids.extend(_bbox_tables(page.find_tables(), n, "plumber"))
                page.close()  # pdfplumber caches layout objects per page

    return _timed("pdfplumber", pdf, body)


def run_pymupdf(pdf: Path) -> SystemRun:
    def body(run: SystemRun) -> None:
        import fitz

        # find_tables prints an advert for pymupdf_layout; keep the report clean
        with fitz.open(pdf) as doc, contextlib.redirect_stdout(io.StringIO()):
            run.pages = doc.page_count
            for n, page in enumerate(doc, start=1):
                run.grids.extend(_bbox_tables(page.find_tables().tables, n, "pymupdf"))

    return _timed("pymupdf", pdf, body)


def _odl_text(node: Any) -> list[str]:
    """Text of an OpenDataLoader node; nested tables are left to themselves."""
    if isinstance(node, list):
        return [t for child in node for t in _odl_text(child)]
    if not isinstance(node, dict) or node.get("type") == "table":
        return []
    out = [node["content"]] if isinstance(node.get("content"), str) else []
    for key, value in node.items():
        if isinstance(value, list) and key != "rows":
            out.extend(_odl_text(value))
    return out


def _odl_tables(node: Any) -> Iterator[dict[str, Any]]:
    """Every table node, pre-order (an outer table before the ones in its cells)."""
    if isinstance(node, list):
        for child in node:
            yield from _odl_tables(child)
    elif isinstance(node, dict):
        if node.get("type") == "table":
            yield node
        for value in node.values():
            if isinstance(value, list | dict):
                yield from _odl_tables(value)


def odl_grids(data: dict[str, Any]) -> list[Grid]:
    grids = []
    for i, table in enumerate(_odl_tables(data.get("kids", []))):
        cells = []
        for row in table.get("rows", []):
            for c in row.get("cells", []):
                cells.append(
                    GridCell(
                        int(c["row number"]) - 1,
                        int(c["column number"]) - 1,
                        int(c.get("row span", 1)),
                        int(c.get("column span", 1)),
                        "\n".join(_odl_text(c.get("kids", []))),
                    )
                )
        grids.append(
            Grid(
                int(table.get("number of rows", 0)),
                int(table.get("number of columns", 0)),
                sorted(cells, key=lambda c: (c.row, c.col)),
                page=table.get("page number"),
                label=f"odl#{table.get('id', i)}",
            )
        )
    return grids


def _odl_convert(pdf: Path, out_dir: Path) -> dict[str, Any]:
    import opendataloader_pdf

    opendataloader_pdf.convert(
        input_path=str(pdf),
        output_dir=str(out_dir),
        format="json",
        quiet=True,
        image_output="off",
    )
    return json.loads((out_dir / f"{pdf.stem}.json").read_text(encoding="utf-8"))


def run_opendataloader(pdf: Path) -> SystemRun:
    def body(run: SystemRun) -> None:
        with tempfile.TemporaryDirectory(prefix="odl-") as tmp:
            data = _odl_convert(pdf, Path(tmp))
        run.pages = int(data.get("number of pages", 0))
        run.grids = odl_grids(data)

    # no Java, or the JAR failing, makes the peer unavailable, not the benchmark broken
    run = _timed("opendataloader", pdf, body, (ImportError, OSError, CalledProcessError))
    if run.error is None and run.pages == 0:
        run.error = "opendataloader produced no pages"
    return run


def jvm_startup_seconds() -> float:
    """OpenDataLoader's fixed cost: a full run on a blank one-page PDF."""
    import fitz

    with tempfile.TemporaryDirectory(prefix="odl-blank-") as tmp:
        blank = Path(tmp) / "blank.pdf"
        with fitz.open() as doc:
            doc.new_page()
            doc.save(blank)
        start = time.perf_counter()
        _odl_convert(blank, Path(tmp))
        return time.perf_counter() - start


SYSTEMS: dict[str, Callable[[Path], SystemRun]] = {
    "smartcert": run_smartcert,
    "pdfplumber": run_pdfplumber,
    "pymupdf": run_pymupdf,
    "opendataloader": run_opendataloader,
}
