"""`extractors/pdf/grid.py` is pdfplumber's table algorithm made fast: same cells, same tables.

Compared with pdfplumber's own functions on the ruling lines of every page of the sample
and real Hancom PDFs, and on random rulings (overlapping, dotted, nearly aligned) drawn
by hypothesis.
"""

from __future__ import annotations

from pathlib import Path

import fitz
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber.table import (
    cells_to_tables,
    edges_to_intersections,
    intersections_to_cells,
)
from pdfplumber.table import merge_edges as plumber_merge
from pdfplumber.utils import filter_edges

from smartcert.extractors.pdf import grid
from smartcert.extractors.pdf.edges import _h, _v, drawings_to_edges

ROOT = Path(__file__).resolve().parents[1]
PDFS = sorted((ROOT / "samples" / "bundles").rglob("*.pdf")) + sorted(
    (ROOT.parent / "shared" / "real-hancom").glob("*.pdf"))


def plumber(edges: list[dict], snap: float = 3.0, join: float = 3.0, tol: float = 3.0):
    merged = plumber_merge(edges, snap, snap, join, join)
    kept = filter_edges(merged, min_length=3.0)
    cells = intersections_to_cells(edges_to_intersections(kept, tol, tol))
    return merged, cells, [list(t) for t in cells_to_tables(cells)]


def ours(edges: list[dict], snap: float = 3.0, join: float = 3.0, tol: float = 3.0):
    merged = grid.merge_edges(edges, snap, join)
    kept = grid.long_enough(merged, 3.0)
    cells = grid.cells(grid.intersections(kept, tol, tol))
    return merged, cells, grid.tables(cells)


def test_the_samples_exist() -> None:
    assert len(PDFS) >= 20


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.name)
def test_same_grid_as_pdfplumber_on_every_page(pdf: Path) -> None:
    with fitz.open(pdf) as doc:
        for page in doc:
            edges = drawings_to_edges(page.get_cdrawings())
            theirs, mine = plumber(edges), ours(edges)
            assert mine[0] == theirs[0], f"merged edges differ on page {page.number + 1}"
            assert mine[1] == theirs[1], f"cells differ on page {page.number + 1}"
            assert mine[2] == theirs[2], f"tables differ on page {page.number + 1}"


def test_the_comparison_covers_real_tables() -> None:
    # the pages above must hold many ruled tables, or the comparison proves little
    found = 0
    for pdf in PDFS:
        with fitz.open(pdf) as doc:
            found += sum(len(ours(drawings_to_edges(p.get_cdrawings()))[2]) for p in doc)
    assert found >= 100


coord = st.integers(min_value=0, max_value=60).map(lambda v: v * 2.5)
jitter = st.sampled_from([0.0, 0.4, 1.1, 2.9, 3.0, 3.1])


@st.composite
def rulings(draw: st.DrawFn) -> list[dict]:
    edges = []
    for _ in range(draw(st.integers(min_value=0, max_value=40))):
        a, b, c = draw(coord), draw(coord), draw(coord)
        j = draw(jitter)
        if draw(st.booleans()):
            edges.append(_h(a, b, c + j, draw(st.sampled_from(["line", "rect_edge"]))))
        else:
            edges.append(_v(c + j, a, b, "line"))
    return edges


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(rulings(), st.sampled_from([0.0, 1.0, 3.0]), st.sampled_from([0.0, 3.0]))
def test_same_grid_as_pdfplumber_on_random_rulings(edges, snap, join) -> None:
    assert ours(edges, snap, join) == plumber(edges, snap, join)


# unmerged rulings: several rules through one point, rules ending just short of or past
# a crossing, and each intersection tolerance on its own
@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(rulings(), st.sampled_from([0.0, 1.0, 3.0]), st.sampled_from([0.0, 1.0, 3.0]))
def test_same_cells_as_pdfplumber_on_unmerged_rulings(edges, x_tol, y_tol) -> None:
    points = edges_to_intersections(edges, x_tol, y_tol)
    theirs = intersections_to_cells(points)
    mine = grid.intersections(edges, x_tol, y_tol)
    assert list(mine) == list(points)
    assert grid.cells(mine) == theirs
    assert grid.tables(theirs) == [list(t) for t in cells_to_tables(theirs)]


small = st.integers(min_value=0, max_value=6).map(float)


@st.composite
def boxes(draw: st.DrawFn) -> list[tuple[float, float, float, float]]:
    out = []
    for _ in range(draw(st.integers(min_value=0, max_value=30))):
        x0, y0 = draw(small), draw(small)
        out.append((x0, y0, x0 + draw(st.integers(1, 3)), y0 + draw(st.integers(1, 3))))
    # distinct, as `cells` gives them (one per top-left corner): pdfplumber's
    # `remaining_cells.remove(cell)` drops the first equal copy, not the one it visits
    return list(dict.fromkeys(out))


# cells in any order: a table's cells then join over several sweeps, and each table must
# list them in pdfplumber's order
@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(boxes())
def test_same_tables_as_pdfplumber_on_cells_in_any_order(found) -> None:
    assert grid.tables(found) == [list(t) for t in cells_to_tables(found)]
