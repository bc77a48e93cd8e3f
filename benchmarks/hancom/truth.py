"""Ground-truth tables from the HWP/HWPX twins of the real PDFs, and their snapshots.

Which twin tables count (decided by looking at every table on the rendered PDF pages;
the rules are applied in this order and recorded per table in the snapshot):

1. Trim: an outer row whose cells draw no vertical line (a title or '(단위: 백만원)'
   written above the ruling), an outer column drawing no horizontal line, and an empty
   single-span spacer row/column drawing no line across it (the gaps between the
   year boxes of the 2023/2024/… timelines) are not part of the visible table.
2. Box: what is left must have at least 2 rows and 2 columns. A 1×1 box, a one-row
   heading bar ('1 | 성과') or a one-column stack is a box around text, not a table;
   an outer box whose only content is a nested table is such a stack, the nested
   table counts on its own.
3. Content: at least 2 non-empty cells.
4. Diagram: a flow chart drawn with table cells (a cell holding only an arrow glyph),
   or a mostly unruled layout grid (fewer than half of the cell sides drawn), is not
   a table. `OVERRIDES` lists the diagrams these rules miss, each with its reason.

Tables failing 2–4 are kept in the snapshot as *ignored*: a system that reports one
of them is neither rewarded nor penalised (see `metrics.structure_score`).
Cell text keeps the twin's paragraphs joined by newlines; scoring removes whitespace.

Regenerate the snapshots: `python -m benchmarks.hancom.truth` (needs python-hwpx).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.hancom.grid import Grid, GridCell, compact
from benchmarks.hancom.twin import TwinCell, TwinTable, read_twin

# ../shared/real-hancom beside the repository; SMARTCERT_REAL_HANCOM points elsewhere
REAL_DIR = Path(
    os.environ.get("SMARTCERT_REAL_HANCOM")
    or Path(__file__).resolve().parents[3] / "shared" / "real-hancom"
)
TRUTH_DIR = Path(__file__).resolve().parent / "truth"

# (pdf, twin) per document; the snapshot is named after the PDF's stem
DOCUMENTS: dict[str, tuple[str, str]] = {
    "2022년 국립국어원 업무계획": (
        "2022년 국립국어원 업무계획.pdf",
        "2022년 국립국어원 업무계획.hwp",
    ),
    "복학원서": ("복학원서.pdf", "복학원서.hwp"),
    "issue_241": ("issue_241.pdf", "issue_241.hwpx"),
}

# Diagrams the rules do not catch, keyed by (document, twin table index); checked by eye.
OVERRIDES: dict[tuple[str, int], str] = {
    ("2022년 국립국어원 업무계획", 15): "diagram: 비전·전략 chart of boxes (page 8)",
}

_ARROWS = re.compile(r"^[\u2190-\u21ff\u27a1-\u27bf\u2b00-\u2b0d\u25b6\u25bc]+$")


def _drawn(cell: TwinCell, *sides: str) -> bool:
    return any(s in cell.borders for s in sides)


def _covering(cells: list[TwinCell], axis: str, i: int) -> list[TwinCell]:
    if axis == "row":
        return [c for c in cells if c.row <= i < c.row + c.rowspan]
    return [c for c in cells if c.col <= i < c.col + c.colspan]


def _is_gap(cells: list[TwinCell], axis: str, i: int) -> bool:
    """An empty single-span spacer row/column with no line drawn across it."""
    across = ("left", "right") if axis == "row" else ("top", "bottom")
    cov = _covering(cells, axis, i)
    span = (lambda c: c.rowspan) if axis == "row" else (lambda c: c.colspan)
    return bool(cov) and all(
        span(c) == 1 and not c.text.strip() and not _drawn(c, *across) for c in cov
    )


def _is_caption(cells: list[TwinCell], axis: str, i: int) -> bool:
    """An outer row (column) none of whose cells draws a vertical (horizontal) line."""
    across = ("left", "right") if axis == "row" else ("top", "bottom")
    cov = _covering(cells, axis, i)
    span = (lambda c: c.rowspan) if axis == "row" else (lambda c: c.colspan)
    return bool(cov) and all(span(c) == 1 and not _drawn(c, *across) for c in cov)


def _drop(cells: list[TwinCell], axis: str, i: int) -> list[TwinCell]:
    out = []
    for c in cells:
        pos = c.row if axis == "row" else c.col
        if pos == i:
            continue  # only single-span cells lie in a dropped line (checked by callers)
        if pos > i:
            c = TwinCell(
                c.row - (axis == "row"),
                c.col - (axis == "col"),
                c.rowspan,
                c.colspan,
                c.text,
                c.borders,
            )
        out.append(c)
    return out


def trim(table: TwinTable) -> tuple[list[TwinCell], int, int, list[str]]:
    """Rule 1: the visible part of a twin table, and what was removed."""
    cells = list(table.cells)
    # original indices of the lines still present, so notes name the twin's rows/columns
    kept = {"row": list(range(table.n_rows)), "col": list(range(table.n_cols))}
    notes: list[str] = []
    changed = True
    while changed:
        changed = False
        for axis in ("row", "col"):
            n = len(kept[axis])
            for i in range(n if n > 1 else 0):  # never trim a table away entirely
                edge = i in (0, n - 1)
                if (edge and _is_caption(cells, axis, i)) or _is_gap(cells, axis, i):
                    notes.append(f"{axis} {kept[axis][i]} dropped ({'edge' if edge else 'gap'})")
                    cells, changed = _drop(cells, axis, i), True
                    del kept[axis][i]
                    break
            if changed:
                break
    return cells, len(kept["row"]), len(kept["col"]), notes


def ignore_reason(doc: str, table: TwinTable, cells: list[TwinCell], rows: int, cols: int) -> str:
    """Rules 2–4; an empty string when the table counts."""
    if (doc, table.index) in OVERRIDES:
        return OVERRIDES[(doc, table.index)]
    # distinct anchor rows/columns: a 2x2 grid under one merged cell is still one box
    rows, cols = min(rows, len({c.row for c in cells})), min(cols, len({c.col for c in cells}))
    if rows < 2 or cols < 2:
        return f"box: {rows}x{cols} after trimming"
    if sum(1 for c in cells if c.text.strip()) < 2:
        return "content: fewer than 2 non-empty cells"
    if any(_ARROWS.match(re.sub(r"\s", "", c.text)) for c in cells):
        return "diagram: arrow cells (flow chart)"
    drawn = sum(len(c.borders) for c in table.cells)
    if drawn < 2 * len(table.cells):
        return f"diagram: {drawn}/{4 * len(table.cells)} cell sides drawn"
    return ""


def _key(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def page_hint(cells: list[TwinCell], pages: list[str]) -> int | None:
    """The PDF page (1-based) holding most of the table's distinct cell texts."""
    votes: Counter[int] = Counter()
    for key in {_key(c.text)[:20] for c in cells if len(_key(c.text)) >= 2}:
        for n, text in enumerate(pages, start=1):
            if key in text:
                votes[n] += 1
    return min(votes, key=lambda n: (-votes[n], n)) if votes else None


@dataclass
class Truth:
    document: str
    tables: list[Grid]  # counted tables, document order
    ignored: list[Grid]  # tables not counted; label carries the reason

    @classmethod
    def load(cls, path: Path) -> Truth:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            document=data["document"],
            tables=[Grid.from_json(t) for t in data["tables"]],
            ignored=[Grid.from_json(t) for t in data["ignored"]],
        )


def _grid(cells: list[TwinCell], rows: int, cols: int, page: int | None, label: str) -> Grid:
    grid = Grid(
        rows,
        cols,
        [GridCell(c.row, c.col, c.rowspan, c.colspan, c.text) for c in cells],
        page=page,
        label=label,
    )
    small = compact(grid)  # lines only a trimmed caption row used are gone with it
    if (small.n_rows, small.n_cols) != (rows, cols):
        small.label += (
            f" (unused grid lines merged: {rows}x{cols} -> {small.n_rows}x{small.n_cols})"
        )
    return small


def build_truth(
    doc: str, real_dir: Path = REAL_DIR, twin_tables: list[TwinTable] | None = None
) -> dict[str, Any]:
    """The snapshot of one document: counted and ignored tables, in document order.

    `twin_tables` saves re-reading the twin when the caller already has its tables.
    """
    import fitz  # PyMuPDF, only for the page hints

    pdf_name, twin_name = DOCUMENTS[doc]
    with fitz.open(real_dir / pdf_name) as pdf:
        pages = [_key(p.get_text()) for p in pdf]
    if twin_tables is None:
        twin_tables = read_twin(real_dir / twin_name)
    tables, ignored = [], []
    for table in twin_tables:
        cells, rows, cols, notes = trim(table)
        reason = ignore_reason(doc, table, cells, rows, cols)
        page = page_hint(cells, pages)
        label = f"twin#{table.index}" + (f" ({'; '.join(notes)})" if notes else "")
        if reason:
            full = [GridCell(c.row, c.col, c.rowspan, c.colspan, c.text) for c in table.cells]
            grid = Grid(table.n_rows, table.n_cols, full, page=page, label=f"{label}: {reason}")
            ignored.append(grid.to_json())
        else:
            tables.append(_grid(cells, rows, cols, page, label).to_json())
    return {
        "document": doc,
        "pdf": pdf_name,
        "twin": twin_name,
        "reader": _reader(),
        "tables": tables,
        "ignored": ignored,
    }


def _reader() -> str:
    from importlib.metadata import version

    return f"python-hwpx {version('python-hwpx')}"


def write_snapshots(out_dir: Path = TRUTH_DIR) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for doc in DOCUMENTS:
        path = out_dir / f"{doc}.json"
        text = json.dumps(build_truth(doc), ensure_ascii=False, indent=1)
        path.write_text(text + "\n", encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    argparse.ArgumentParser(description="Regenerate benchmarks/hancom/truth/*.json").parse_args()
    for path in write_snapshots():
        truth = Truth.load(path)
        print(f"{path.name}: {len(truth.tables)} tables, {len(truth.ignored)} ignored")


if __name__ == "__main__":
    main()
