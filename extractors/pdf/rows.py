"""Recover rows that are printed without ruling lines.

HWP lets an author hide the borders between body rows: the PDF then shows one tall row
whose cells each hold a column of lines. When several cells of a row carry text on the
same set of baselines, each baseline is a row of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from smartcert.core.normalize import match_key
from smartcert.extractors.models import Cell
from smartcert.extractors.pdf.chars import Char
from smartcert.extractors.pdf.lines import line_text
from smartcert.extractors.pdf.tables import PageTable


@dataclass(frozen=True)
class RowSplitSettings:
    min_lines: int = 3  # fewer shared baselines is ordinary wrapped text
    min_cells: int = 3  # cells that must carry lines on the shared baselines
    min_share: float = 0.6  # … and this share of the row's non-empty cells
    # wrapped prose fills its cell; listed values (counts, short labels) do not
    max_fill: float = 0.5
    min_list_cells: int = 2

    def __post_init__(self) -> None:
        if self.min_lines < 2 or self.min_cells < 2 or not 0 < self.min_share <= 1:
            raise ValueError("bad row split settings")


def _baselines(lines: list[list[Char]]) -> list[float]:
    return [sum(c.baseline for c in ln) / len(ln) for ln in lines]


def _cluster(values: list[float], tol: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _is_list(lines: list[list[Char]], width: float, s: RowSplitSettings) -> bool:
    """A column of short entries, one per line — not a paragraph wrapped in a cell."""
    if len(lines) < s.min_lines or width <= 0:
        return False
    fills = sorted((ln[-1].x1 - ln[0].x0) / width for ln in lines)
    return fills[len(fills) // 2] <= s.max_fill


def _nearest(clusters: list[float], v: float) -> int:
    return min(range(len(clusters)), key=lambda i: abs(clusters[i] - v))


def _split_row(table: PageTable, row: int, idx: list[int], s: RowSplitSettings) -> int:
    """Split one grid row (its cells `idx`, none spanning rows, the row not inside another
    cell's span) in place; returns how many rows it became (1 = unchanged)."""
    lines = {i: table.lines[i] for i in idx}
    filled = [i for i in idx if lines[i]]
    multi = [i for i in filled if len(lines[i]) >= 2]
    if len(multi) < max(s.min_cells, s.min_share * len(filled)):
        return 1
    widths = {i: (table.cells[i].bbox[2] - table.cells[i].bbox[0]) if table.cells[i].bbox else 0.0
              for i in multi}
    if sum(_is_list(lines[i], widths[i], s) for i in multi) < s.min_list_cells:
        return 1
    sizes = [c.size for i in multi for ln in lines[i] for c in ln]
    tol = 0.45 * (sorted(sizes)[len(sizes) // 2] if sizes else 10.0)
    clusters = _cluster([b for i in filled for b in _baselines(lines[i])], tol)
    if len(clusters) < s.min_lines:
        return 1
    # every multi-line cell must sit on the shared baselines, one line per baseline
    for i in multi:
        hits = [_nearest(clusters, b) for b in _baselines(lines[i])]
        if len(set(hits)) != len(hits):
            return 1
    k = len(clusters)
    bounds = [table.cells[idx[0]].bbox[1]] if table.cells[idx[0]].bbox else [0.0]
    bounds += [(a + b) / 2 + tol * 0.3 for a, b in pairwise(clusters)]
    bounds.append(table.cells[idx[0]].bbox[3] if table.cells[idx[0]].bbox else 0.0)
    new_cells: list[Cell] = []
    new_glyphs: list[list[Char]] = []
    new_lines: list[list[list[Char]]] = []
    for i in idx:
        cell = table.cells[i]
        per: list[list[Char]] = [[] for _ in range(k)]
        per_lines: list[list[list[Char]]] = [[] for _ in range(k)]
        texts = [""] * k
        for ln, b in zip(lines[i], _baselines(lines[i]), strict=True):
            j = _nearest(clusters, b)
            per[j].extend(ln)
            per_lines[j].append(ln)
            texts[j] = (texts[j] + "\n" + line_text(ln)).strip("\n")
        x0, _, x1, _ = cell.bbox or (0.0, 0.0, 0.0, 0.0)
        for j in range(k):
            new_cells.append(cell.model_copy(update={
                "row": row + j, "text": texts[j], "key": match_key(texts[j]),
                "bbox": (x0, bounds[j], x1, bounds[j + 1]),
            }))
            new_glyphs.append(per[j])
            new_lines.append(per_lines[j])
    keep = [n for n in range(len(table.cells)) if n not in set(idx)]
    cells = [table.cells[n] for n in keep]
    glyphs = [table.glyphs[n] for n in keep]
    grouped = [table.lines[n] for n in keep]
    cells = [c.model_copy(update={"row": c.row + k - 1}) if c.row > row else c for c in cells]
    triples = sorted(zip(cells + new_cells, glyphs + new_glyphs, grouped + new_lines,
                         strict=True), key=lambda t: (t[0].row, t[0].col))
    table.cells = [c for c, _, _ in triples]
    table.glyphs = [g for _, g, _ in triples]
    table.lines = [ls for _, _, ls in triples]
    table.n_rows += k - 1
    return k


def split_unruled_rows(table: PageTable, s: RowSplitSettings | None = None) -> PageTable:
    s = s or RowSplitSettings()
    # which rows can split, found in one pass over the cells (not one per row); found again
    # only after a split, which renumbers the rows below it
    by_row: dict[int, list[int]] | None = None
    blocked: set[int] = set()
    row = 0
    while row < table.n_rows:
        if by_row is None:
            by_row, blocked = {}, set()
            for i, c in enumerate(table.cells):
                by_row.setdefault(c.row, []).append(i)
                if c.rowspan != 1:
                    blocked.add(c.row)  # a cell spanning rows: its row is not split
                    blocked.update(range(c.row + 1, c.row + c.rowspan))  # nor rows it covers
        if row in blocked:
            row += 1
            continue
        k = _split_row(table, row, by_row.get(row, []), s)
        if k > 1:
            by_row = None
        row += k
    return table
