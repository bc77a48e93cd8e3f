"""smartcert's table extraction on the real Hancom PDFs, scored against their HWP twins.

The truth is the committed snapshot `benchmarks/hancom/truth/<document>.json`; the bar
is `benchmarks/hancom/baseline.json` (written by `python -m benchmarks.hancom.run
--write-baseline`) plus issue #2's hard floor: cell F1 >= 0.90 on the work plan.
"""

from __future__ import annotations

import io
import json
import zipfile
from functools import cache
from pathlib import Path

import pytest

from benchmarks.hancom.grid import Grid
from benchmarks.hancom.metrics import PRF, bag_score, structure_score
from benchmarks.hancom.peers import run_smartcert
from benchmarks.hancom.run import BASELINE, HARD_FLOOR
from benchmarks.hancom.truth import (
    DOCUMENTS,
    REAL_DIR,
    TRUTH_DIR,
    Truth,
    build_truth,
    ignore_reason,
    trim,
)
from benchmarks.hancom.twin import TwinCell, TwinTable, read_twin, read_twin_rhwp

ALL = frozenset({"left", "right", "top", "bottom"})


def _real(name: str) -> Path:
    path = REAL_DIR / name
    if not path.is_file():
        pytest.fail(f"{path} is missing: the real documents live in ../shared/real-hancom")
    return path


@cache
def _smartcert(doc: str) -> tuple[Grid, ...]:
    run = run_smartcert(_real(DOCUMENTS[doc][0]))
    if run.error:
        pytest.fail(run.error)
    return tuple(run.grids)


@cache
def _twin(doc: str) -> list[TwinTable]:
    return read_twin(_real(DOCUMENTS[doc][1]))


def _baseline() -> dict:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize("doc", list(DOCUMENTS))
def test_smartcert_tables_do_not_regress(doc: str) -> None:
    truth = Truth.load(TRUTH_DIR / f"{doc}.json")
    pred = list(_smartcert(doc))
    struct = structure_score(pred, truth.tables, truth.ignored)
    crude = bag_score(pred, truth.tables)
    bar = _baseline()["documents"][doc]
    got = {"cell_f1": struct.cells.f1, "crude_f1": crude.f1, "exact_share": struct.exact_share}
    detail = f"{doc}: {got} vs baseline {bar}; per table {struct.per_table}"
    assert struct.cells.f1 >= HARD_FLOOR.get(doc, 0.0), detail
    for key, value in got.items():
        assert value >= bar[key], detail


@pytest.mark.slow
def test_smartcert_is_more_accurate_than_every_peer() -> None:
    total = PRF()
    for doc in DOCUMENTS:
        truth = Truth.load(TRUTH_DIR / f"{doc}.json")
        total += structure_score(list(_smartcert(doc)), truth.tables, truth.ignored).cells
    peers = _baseline()["peers_overall_cell_f1"]
    assert peers, "baseline.json records no peer figures"
    assert total.f1 > max(peers.values()), f"smartcert {total.f1:.3f} vs peers {peers}"


@pytest.mark.slow
@pytest.mark.parametrize("doc", list(DOCUMENTS))
def test_truth_snapshot_matches_a_fresh_read_of_the_twin(doc: str) -> None:
    pytest.importorskip("hwpx", reason="python-hwpx (dev extra) reads the twins")
    fresh = build_truth(doc, twin_tables=_twin(doc))
    stored = json.loads((TRUTH_DIR / f"{doc}.json").read_text(encoding="utf-8"))
    assert fresh["tables"] == stored["tables"], "run: python -m benchmarks.hancom.truth"
    assert fresh["ignored"] == stored["ignored"]
    assert fresh["tables"], "a real document with no counted table"


@pytest.mark.slow
@pytest.mark.parametrize("doc", list(DOCUMENTS))
def test_two_independent_readers_see_the_same_tables(doc: str) -> None:
    try:
        other = read_twin_rhwp(_real(DOCUMENTS[doc][1]))
    except ImportError as exc:
        pytest.skip(f"rhwp-python unavailable: {exc}")

    def shape(tables: list[TwinTable]) -> list[tuple]:
        return [
            (t.depth, t.n_rows, t.n_cols, [(c.row, c.col, c.rowspan, c.colspan) for c in t.cells])
            for t in tables
        ]

    def words(tables: list[TwinTable]) -> list[list[str]]:
        return [["".join(c.text.split()) for c in t.cells] for t in tables]

    assert shape(other) == shape(_twin(doc))
    assert words(other) == words(_twin(doc))


def _table(rows: int, cols: int, cells: list[tuple]) -> TwinTable:
    return TwinTable(0, 0, rows, cols, [TwinCell(*c) for c in cells])


def test_title_row_and_spacer_columns_are_trimmed() -> None:
    # the 복학원서 pattern (a title cell drawing only the line under it) and the
    # year-timeline pattern (empty spacer columns between ruled boxes)
    table = _table(
        3,
        3,
        [
            (0, 0, 1, 3, "복학원서(학부)", frozenset({"bottom"})),
            (1, 0, 1, 1, "2023", ALL),
            (1, 1, 2, 1, "", frozenset({"left", "right"})),
            (1, 2, 1, 1, "2024", ALL),
            (2, 0, 1, 1, "2,000백만 원", ALL),
            (2, 2, 1, 1, "1,000백만 원", ALL),
        ],
    )
    cells, rows, cols, notes = trim(table)
    assert (rows, cols) == (2, 2)
    assert [(c.row, c.col, c.text) for c in cells] == [
        (0, 0, "2023"),
        (0, 1, "2024"),
        (1, 0, "2,000백만 원"),
        (1, 1, "1,000백만 원"),
    ]
    assert notes == ["row 0 dropped (edge)", "col 1 dropped (gap)"]
    assert ignore_reason("doc", table, cells, rows, cols) == ""


def test_open_sided_table_keeps_its_outer_columns() -> None:
    no_left, no_right = ALL - {"left"}, ALL - {"right"}
    table = _table(
        2,
        3,
        [
            (0, 0, 1, 1, "", no_left),
            (0, 1, 1, 1, "’17년", ALL),
            (0, 2, 1, 1, "’18년", no_right),
            (1, 0, 1, 1, "전문가 감수", no_left),
            (1, 1, 1, 1, "2,208건", ALL),
            (1, 2, 1, 1, "8,232건", no_right),
        ],
    )
    cells, rows, cols, notes = trim(table)
    assert (rows, cols, notes) == (2, 3, [])
    assert ignore_reason("doc", table, cells, rows, cols) == ""


@pytest.mark.parametrize(
    ("rows", "cols", "cells", "reason"),
    [
        (1, 2, [(0, 0, 1, 1, "1", ALL), (0, 1, 1, 1, "성과", ALL)], "box: 1x2"),
        (2, 1, [(0, 0, 1, 1, "<현황>", ALL), (1, 0, 1, 1, "", ALL)], "box: 2x1"),
        (2, 2, [(0, 0, 2, 2, "", ALL)], "box: 1x1"),
        (
            2,
            2,
            [(0, 0, 1, 1, "a", ALL), (0, 1, 1, 1, "", ALL), (1, 0, 1, 2, "", ALL)],
            "content",
        ),
        (
            2,
            3,
            [
                (0, 0, 2, 1, "세종학당 교원", ALL),
                (0, 1, 2, 1, "⇨", frozenset({"left", "right"})),
                (0, 2, 1, 1, "인증 평가", ALL),
                (1, 2, 1, 1, "인증서 발급", ALL),
            ],
            "diagram: arrow",
        ),
        (
            2,
            2,
            [
                (0, 0, 1, 1, "본 인", frozenset({"left", "top"})),
                (0, 1, 1, 1, "(Signature)", frozenset({"top"})),
                (1, 0, 1, 1, "년 월 일", frozenset({"left"})),
                (1, 1, 1, 1, "접수자", frozenset()),
            ],
            "diagram: 4/16",
        ),
    ],
)
def test_boxes_empty_grids_and_diagrams_do_not_count(
    rows: int, cols: int, cells: list[tuple], reason: str
) -> None:
    table = _table(rows, cols, cells)
    kept, n_rows, n_cols, _ = trim(table)
    assert ignore_reason("doc", table, kept, n_rows, n_cols).startswith(reason)


def _hwpx(section: str) -> bytes:
    hh, hp = (
        "http://www.hancom.co.kr/hwpml/2011/head",
        "http://www.hancom.co.kr/hwpml/2011/paragraph",
    )
    header = (
        f'<hh:head xmlns:hh="{hh}"><hh:borderFills>'
        '<hh:borderFill id="1"><hh:leftBorder type="NONE"/><hh:rightBorder type="NONE"/>'
        '<hh:topBorder type="NONE"/><hh:bottomBorder type="SOLID"/></hh:borderFill>'
        '<hh:borderFill id="2"><hh:leftBorder type="SOLID"/><hh:rightBorder type="DASH"/>'
        '<hh:topBorder type="SOLID"/><hh:bottomBorder type="DOUBLE_SLIM"/></hh:borderFill>'
        "</hh:borderFills></hh:head>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/hwp+zip")
        z.writestr("Contents/header.xml", header)
        z.writestr(
            "Contents/section0.xml", f'<hs:sec xmlns:hs="s" xmlns:hp="{hp}">{section}</hs:sec>'
        )
    return buf.getvalue()


def _tc(row: int, col: int, fill: str, body: str, rowspan: int = 1, colspan: int = 1) -> str:
    return (
        f'<hp:tc borderFillIDRef="{fill}"><hp:subList>{body}</hp:subList>'
        f'<hp:cellAddr colAddr="{col}" rowAddr="{row}"/>'
        f'<hp:cellSpan colSpan="{colspan}" rowSpan="{rowspan}"/></hp:tc>'
    )


def _p(text: str) -> str:
    return f"<hp:p><hp:run><hp:t>{text}</hp:t></hp:run></hp:p>"


def test_read_twin_walks_cells_spans_borders_and_nested_tables(tmp_path: Path) -> None:
    inner = (
        '<hp:tbl rowCnt="1" colCnt="1"><hp:tr>' + _tc(0, 0, "2", _p("안쪽")) + "</hp:tr></hp:tbl>"
    )
    outer = (
        '<hp:p><hp:run><hp:tbl rowCnt="2" colCnt="2"><hp:tr>'
        + _tc(0, 0, "1", _p("구분<hp:tab/>A<hp:lineBreak/>B") + _p("둘째 줄"), colspan=2)
        + "</hp:tr><hp:tr>"
        + _tc(1, 0, "2", _p("x"))
        + _tc(1, 1, "2", f"<hp:p><hp:run>{inner}<hp:t>바깥</hp:t></hp:run></hp:p>")
        + "</hp:tr></hp:tbl></hp:run></hp:p>"
    )
    path = tmp_path / "t.hwpx"
    path.write_bytes(_hwpx(outer))
    first, nested = read_twin(path)
    assert (first.index, first.depth, first.n_rows, first.n_cols) == (0, 0, 2, 2)
    assert first.cells[0] == TwinCell(0, 0, 1, 2, "구분\tA\nB\n둘째 줄", frozenset({"bottom"}))
    assert first.cells[2].text == "바깥"  # the nested table's text stays in the nested table
    assert first.cells[1].borders == ALL  # DASH and DOUBLE_SLIM are drawn lines too
    assert (nested.index, nested.depth, nested.cells[0].text) == (1, 1, "안쪽")
