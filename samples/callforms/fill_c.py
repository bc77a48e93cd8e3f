"""Fillers of the C-1 교통, C-2 안전 and C-3 행정 forms."""

from __future__ import annotations

from samples.callforms.fill import UP, FormFill, Source, TableFill
from samples.callforms.fill_a import filler, one, same_columns, single_label

LEFT = "\x00left"  # a body cell merged with the cell to its left (colspan grows)
PER_ROW = 3  # API services laid out across the cells of a row, as the form prints them


def api_cell(r: dict[str, str], sep: str) -> str:
    return (f"{r['API 적용 서비스']}{sep}- 활용신청건수 ({r['활용신청건수(건)']}건)"
            f"{sep}- 서비스 호출건수({r['서비스 호출건수(건)']}건)")


@filler("C-1-1")
def c_1_1(s: Source) -> FormFill:
    return single_label(s)


@filler("C-1-2")
def c_1_2(s: Source) -> FormFill:
    recs = s.records()
    rows = [["적용서비스 수", f"{len(recs)}개", LEFT, LEFT]]
    for k in range(0, len(recs), PER_ROW):
        cells = [api_cell(r, "\n") for r in recs[k : k + PER_ROW]]
        label = "대중교통정보 API 적용서비스" if k == 0 else UP
        rows.append([label, *cells, *[""] * (PER_ROW - len(cells))])
    rows.append(["제공시스템", "교통안전공단 타고(TAGO)시스템", LEFT, LEFT])
    return FormFill([TableFill(rows=rows)])


@filler("C-1-3")
def c_1_3(s: Source) -> FormFill:
    recs = s.records()
    rows = [
        ["적용 수", f"{len(recs)}개"],
        ["교통 통행량 API 적용서비스", "\n".join(api_cell(r, " ") for r in recs)],
        ["적용기관", "국가교통정보센터"],
    ]
    return FormFill([TableFill(rows=rows)])


def breakdown(s: Source, heads: list[str], index: int = 0) -> FormFill:
    """Rows per category with their own figures, the 총계 row carrying the letters."""
    total = s.total_row(index)
    assert total is not None
    return FormFill([TableFill(rows=same_columns(s, heads, index), labels=[list(total)])])


@filler("C-1-4")
def c_1_4(s: Source) -> FormFill:
    return breakdown(s, ["도로유형", "도로 길이(km)", "CCTV 수", "1km당 CCTV 수", "비고"])


@filler("C-1-5")
def c_1_5(s: Source) -> FormFill:
    return breakdown(s, ["구분", "교통사고 수", "감지 및 대응 처리 수", "비율"])


@filler("C-1-6")
def c_1_6(s: Source) -> FormFill:
    return one(same_columns(s, ["구분", "서비스 내용", "제공시스템", "유관기관"]))


@filler("C-1-7")
def c_1_7(s: Source) -> FormFill:
    return single_label(s)


@filler("C-2-1")
def c_2_1(s: Source) -> FormFill:
    return single_label(s)


@filler("C-2-2")
def c_2_2(s: Source) -> FormFill:
    rows = same_columns(s, ["구분", "총계", "강력범죄", "경범죄", "기타", "비고"])
    total = s.total_row()
    assert total is not None
    # 'OOO' is the form's placeholder for the municipality's own further crime type
    return FormFill([TableFill(rows=rows, total=[None, total[1], None, None, None, None],
                               headers={"OOO": "기타"})])


@filler("C-2-3")
def c_2_3(s: Source) -> FormFill:
    total = s.total_row(0)
    assert total is not None
    kinds = TableFill(rows=same_columns(s, ["구분", "주요 기능", "구축수"]),
                      total=[None, None, total[-1]])
    return FormFill([kinds, TableFill(labels=[list(s.grid(1)[1])])])


@filler("C-2-4")
def c_2_4(s: Source) -> FormFill:
    # one system spans its 주요기능 rows: No., name and 관리부서 merged over them
    rows = []
    for r in s.records():
        functions = [f.strip() for f in r["주요기능"].split(",")]
        for k, fn in enumerate(functions):
            head = [r["No."], r["시스템(서비스)명"], r["관리부서"]] if k == 0 else [UP, UP, UP]
            rows.append([*head, fn, r["서비스내용"] if k == 0 else f"{fn} 정보 연계"])
    return FormFill([TableFill(rows=rows)])


@filler("C-2-5")
def c_2_5(s: Source) -> FormFill:
    return one(same_columns(s, ["구분", "관리부서", "내용", "비고"]))


@filler("C-3-1")
def c_3_1(s: Source) -> FormFill:
    total = s.total_row()
    assert total is not None
    rows = same_columns(s, ["No.", "명칭", "내용", "사이트", "참여 수"])
    return FormFill([TableFill(rows=rows, total=[None] * 4 + [total[-1]])])


@filler("C-3-2")
def c_3_2(s: Source) -> FormFill:
    return one(same_columns(s, ["No.", "정책명", "활용데이터", "수립일자"]))
