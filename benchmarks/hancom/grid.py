"""The table shape every system's output and the truth are reduced to before scoring.

A grid lists anchor cells only (covered cells of a merge are not listed), like
`extractors.models.Table`, so truth, smartcert and the peers compare on equal terms.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class GridCell:
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    text: str = ""


@dataclass
class Grid:
    n_rows: int
    n_cols: int
    cells: list[GridCell] = field(default_factory=list)
    page: int | None = None  # 1-based page the table starts on, when known
    label: str = ""  # where it came from, for reports (e.g. "hwp#12")

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "page": self.page,
            "n_rows": self.n_rows,
            "n_cols": self.n_cols,
            "cells": [asdict(c) for c in self.cells],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Grid:
        return cls(
            n_rows=int(data["n_rows"]),
            n_cols=int(data["n_cols"]),
            cells=[GridCell(**c) for c in data["cells"]],
            page=data.get("page"),
            label=str(data.get("label", "")),
        )


def _snap(values: Sequence[float], tol: float) -> list[float]:
    """Distinct coordinates, merging those closer than `tol` (ruling jitter)."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _index(edges: list[float], v: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - v))


def grid_from_boxes(
    boxes: Sequence[tuple[tuple[float, float, float, float], str]],
    page: int | None = None,
    label: str = "",
    tol: float = 2.0,
) -> Grid:
    """Build a grid from cell boxes (x0, top, x1, bottom) and their text.

    pdfplumber and PyMuPDF mark covered slots only with None in their row lists, which
    cannot say which anchor covers them; the cell boxes can: a cell's row and column
    spans are the grid lines its box crosses.
    """
    if not boxes:
        return Grid(0, 0, [], page=page, label=label)
    xs = _snap([b[0][0] for b in boxes] + [b[0][2] for b in boxes], tol)
    ys = _snap([b[0][1] for b in boxes] + [b[0][3] for b in boxes], tol)
    seen: dict[tuple[int, int], GridCell] = {}
    for (x0, y0, x1, y1), text in boxes:
        c0, c1 = _index(xs, x0), _index(xs, x1)
        r0, r1 = _index(ys, y0), _index(ys, y1)
        if c1 <= c0 or r1 <= r0:
            continue  # degenerate box
        seen.setdefault((r0, c0), GridCell(r0, c0, r1 - r0, c1 - c0, text or ""))
    cells = [seen[k] for k in sorted(seen)]
    return Grid(len(ys) - 1, len(xs) - 1, cells, page=page, label=label)


def compact(grid: Grid) -> Grid:
    """Drop grid lines no cell edge uses (merged away on every row), renumbering cells.

    A twin table keeps a column boundary that only a trimmed caption row used; an
    extractor can keep one from ruling jitter. Neither is visible, so neither may decide
    a comparison.
    """
    if not grid.cells:
        return grid
    col_starts = sorted({c.col for c in grid.cells} | {0})
    row_starts = sorted({c.row for c in grid.cells} | {0})

    def rank(starts: list[int], x: int) -> int:
        return sum(1 for s in starts if s < x)  # a non-start end covers its column

    cells = [
        GridCell(
            rank(row_starts, c.row),
            rank(col_starts, c.col),
            rank(row_starts, c.row + c.rowspan) - rank(row_starts, c.row),
            rank(col_starts, c.col + c.colspan) - rank(col_starts, c.col),
            c.text,
        )
        for c in grid.cells
    ]
    return Grid(len(row_starts), len(col_starts), cells, page=grid.page, label=grid.label)
