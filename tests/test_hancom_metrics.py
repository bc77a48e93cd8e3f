"""The table-scoring functions of the real-document benchmark, on hand-made grids."""

from __future__ import annotations

import unicodedata

import pytest

from benchmarks.hancom.grid import Grid, GridCell, compact, grid_from_boxes
from benchmarks.hancom.metrics import (
    PRF,
    align,
    bag_score,
    best_offset,
    norm,
    structure_score,
)


def grid(rows: list[list[str]], page: int | None = None, label: str = "") -> Grid:
    """A grid of single-span cells; '<' merges a slot into the cell on its left."""
    cells: list[GridCell] = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text == "<":
                last = cells.pop()
                cells.append(GridCell(last.row, last.col, 1, last.colspan + 1, last.text))
            else:
                cells.append(GridCell(r, c, 1, 1, text))
    return Grid(len(rows), max(len(r) for r in rows), cells, page=page, label=label)


BUDGET = [
    ["구분", "2021년", "2022년", "증감"],
    ["계", "1,125", "1,128", "3"],
    ["토지대여료", "94", "97", "3"],
    ["건물대여료", "190", "190", "0"],
]


def test_norm_removes_every_kind_of_space_and_composes_hangul() -> None:
    decomposed = unicodedata.normalize("NFD", "한 글")
    assert decomposed != "한 글"
    assert norm(decomposed) == "한글"
    assert norm(" 대\u00a0 학\n\tName\u3000of\u200bCollege ") == "대학NameofCollege"
    assert norm(None) == ""


def test_prf_handles_empty_sides_and_adds_up() -> None:
    assert (PRF(0, 0, 5).precision, PRF(0, 0, 5).f1) == (0.0, 0.0)
    total = PRF(3, 4, 6) + PRF(1, 1, 2)
    assert (total.tp, total.n_pred, total.n_truth) == (4, 5, 8)
    assert total.precision == pytest.approx(0.8)
    assert total.recall == pytest.approx(0.5)
    assert total.f1 == pytest.approx(2 * 0.8 * 0.5 / 1.3)


def test_bag_counts_a_multiset_of_non_empty_texts() -> None:
    pred = [grid([["a", "a"], ["b", ""]])]
    truth = [grid([["a", "b"], ["c", " "]])]
    score = bag_score(pred, truth)
    assert (score.tp, score.n_pred, score.n_truth) == (2, 3, 3)


def test_bag_ignores_whitespace_but_not_punctuation() -> None:
    score = bag_score([grid([["2,208 건", "8232건"]])], [grid([["2,208건", "8,232건"]])])
    assert (score.tp, score.n_pred, score.n_truth) == (1, 2, 2)


def test_identical_table_is_exact_and_perfect() -> None:
    score = structure_score([grid(BUDGET)], [grid(BUDGET)])
    assert score.cells.f1 == 1.0
    assert (score.exact, score.n_tables, score.exact_share) == (1, 1, 1.0)


def test_a_wrong_span_costs_the_cell_and_exactness() -> None:
    truth = grid([["구분", "내용", "<"], ["a", "b", "c"]])
    pred = grid([["구분", "내용", ""], ["a", "b", "c"]])  # the merge not seen
    score = structure_score([pred], [truth])
    assert (score.cells.tp, score.cells.n_pred, score.cells.n_truth) == (4, 5, 5)
    assert score.exact == 0


def test_a_missing_header_row_is_aligned_by_offset() -> None:
    pred = grid(BUDGET[1:])
    assert best_offset(pred, grid(BUDGET)) == (1, 0)
    score = structure_score([pred], [grid(BUDGET)])
    assert (score.cells.tp, score.cells.n_pred, score.cells.n_truth) == (12, 12, 16)
    assert score.exact == 0


def test_a_table_split_over_two_pages_is_matched_piece_by_piece() -> None:
    pieces = [grid(BUDGET[:2], page=1), grid(BUDGET[2:], page=2)]
    score = structure_score(pieces, [grid(BUDGET, page=1)])
    assert score.cells.f1 == 1.0
    assert score.exact == 0  # two pieces are not the table
    assert score.per_table[0]["pieces"] == 2


def test_a_truth_cell_is_claimed_once() -> None:
    twice = [grid(BUDGET), grid(BUDGET)]
    score = structure_score(twice, [grid(BUDGET)])
    assert (score.cells.tp, score.cells.n_pred) == (16, 32)
    assert score.exact == 0


def test_tables_aligned_to_ignored_ones_are_not_scored() -> None:
    heading_box = grid([["1", "성과"]])
    stray = grid([["no", "match"]])
    score = structure_score([heading_box, grid(BUDGET), stray], [grid(BUDGET)], [heading_box])
    # the heading bar is neither a hit nor a false positive; the stray table is
    assert (score.cells.tp, score.cells.n_pred, score.cells.n_truth) == (16, 18, 16)


def test_look_alike_tables_on_a_page_are_matched_one_to_one() -> None:
    a = grid([["직급", "정원"], ["연구관", "2"]], page=24)
    b = grid([["직급", "정원"], ["연구사", "4"]], page=24)
    header_only = grid([["직급", "정원"]], page=24)
    assert align([header_only, header_only], [a, b]) == [0, 1]
    assert align([b, a], [a, b]) == [1, 0]
    assert align([grid([["x"]])], [a, b]) == [None]


def test_empty_cells_decide_exactness_but_not_the_cell_scores() -> None:
    truth = grid([["", "’17년"], ["전문가 감수", "2,208건"]])
    pred = Grid(2, 2, [c for c in truth.cells if c.text])  # the empty corner left out
    score = structure_score([pred], [truth])
    assert score.cells.f1 == 1.0
    assert score.exact == 0


def test_compact_merges_grid_lines_no_cell_uses() -> None:
    # a 2x4 grid whose columns 1|2 boundary only existed for a row that was trimmed
    wide = Grid(
        2,
        4,
        [
            GridCell(0, 0, 1, 1, "구분"),
            GridCell(0, 1, 1, 2, "2022년"),
            GridCell(0, 3, 1, 1, "%"),
            GridCell(1, 0, 1, 1, "계"),
            GridCell(1, 1, 1, 2, "1,128"),
            GridCell(1, 3, 1, 1, "0.27"),
        ],
    )
    small = compact(wide)
    assert (small.n_rows, small.n_cols) == (2, 3)
    assert GridCell(1, 1, 1, 1, "1,128") in small.cells
    assert GridCell(1, 2, 1, 1, "0.27") in small.cells
    assert compact(small) == small


def test_spans_are_read_from_cell_boxes() -> None:
    boxes = [
        ((0, 0, 100, 10), "구분"),  # spans both columns
        ((0, 10, 50, 20), "a"),
        ((50.8, 10, 100, 30), "b"),  # spans two rows; 0.8 pt of ruling jitter
        ((0, 20, 50, 30), "c"),
    ]
    g = grid_from_boxes(boxes, page=3)
    assert (g.n_rows, g.n_cols, g.page) == (3, 2, 3)
    assert g.cells == [
        GridCell(0, 0, 1, 2, "구분"),
        GridCell(1, 0, 1, 1, "a"),
        GridCell(1, 1, 2, 1, "b"),
        GridCell(2, 0, 1, 1, "c"),
    ]
    assert grid_from_boxes([]).cells == []


def test_grid_json_round_trip() -> None:
    g = grid(BUDGET, page=37, label="twin#53")
    assert Grid.from_json(g.to_json()) == g
