"""Fillers of the B. 거버넌스 및 제도 forms."""

from __future__ import annotations

from samples.callforms.fill import FormFill, Source, TableFill
from samples.callforms.fill_a import filler, one, same_columns, single_label


@filler("B-1-1")
def b_1_1(s: Source) -> FormFill:
    return one(same_columns(s, ["협의체명", "No.", "회의명", "개최일"]), (0,))


@filler("B-2-1")
def b_2_1(s: Source) -> FormFill:
    return one(same_columns(s, ["계획명", "연도", "국토부 승인"]))


@filler("B-2-2")
def b_2_2(s: Source) -> FormFill:
    return one(same_columns(s, ["조례명", "제정일", "담당부서", "비고"]))


@filler("B-2-3")
def b_2_3(s: Source) -> FormFill:
    return one(same_columns(s, ["구분", "정책명", "제정일", "담당부서", "비고"]))


@filler("B-3-1")
def b_3_1(s: Source) -> FormFill:
    return one(same_columns(s, ["구분", "No.", "명칭", "주최기관", "참여일"]), (0,))


def yearly_labels(s: Source, index: int) -> list[list[str | None]]:
    """The generator's yearly rows and 총계 row of a (A)…(D) table, cell for cell."""
    return [list(r) for r in s.grid(index)[1:]]


@filler("B-3-2")
def b_3_2(s: Source) -> FormFill:
    heads = ["No.", "서비스 명", "서비스 도입 시기", "시민 의견", "의견 반영 결과", "의견 반영 시기"]
    total = s.total_row(0)
    assert total is not None
    cases = TableFill(rows=same_columns(s, heads), total=[None] * 5 + [total[-1]])
    return FormFill([cases, TableFill(labels=yearly_labels(s, 1))])


@filler("B-4-1")
def b_4_1(s: Source) -> FormFill:
    return single_label(s)


@filler("B-4-2")
def b_4_2(s: Source) -> FormFill:
    return FormFill([TableFill(labels=yearly_labels(s, 0))])


@filler("B-4-3")
def b_4_3(s: Source) -> FormFill:
    total = s.total_row()
    assert total is not None
    rows = same_columns(s, ["No.", "사업명", "민간기업", "민투예산"])
    return FormFill([TableFill(rows=rows, total=[None, None, None, total[-1]])])
