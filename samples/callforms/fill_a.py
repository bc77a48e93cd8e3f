"""Fillers of the A. 혁신성 forms: the generator's figures in the call's columns."""

from __future__ import annotations

from collections.abc import Callable

from samples.callforms.fill import UP, FormFill, Source, TableFill, merge_runs, number_rows

Filler = Callable[[Source], FormFill]
FILLERS: dict[str, Filler] = {}


def filler(code: str) -> Callable[[Filler], Filler]:
    def register(fn: Filler) -> Filler:
        FILLERS[code] = fn
        return fn

    return register


def same_columns(s: Source, headers: list[str], index: int = 0, extra: int = 0) -> list[list[str]]:
    """Rows of a generator table whose columns the template prints under the same names,
    plus ``extra`` empty trailing cells (비고)."""
    return [[r[h] for h in headers] + [""] * extra for r in s.records(index)]


def one(rows: list[list[str]], merged: tuple[int, ...] = ()) -> FormFill:
    for col in merged:
        merge_runs(rows, col)
    return FormFill([TableFill(rows=rows)])


def single_label(s: Source, index: int = 0) -> FormFill:
    """A single-row form whose label row ('2024년 | (A) | (B) | (A/B)') carries the figures:
    the generator's one body row, cell for cell."""
    row = s.grid(index)[1]
    return FormFill([TableFill(labels=[list(row)])])


@filler("A-1-1")
def a_1_1(s: Source) -> FormFill:
    rows = []
    for r in s.records():
        bureau = r["국(정책관)"] or "-"
        rows.append(["현 조직", bureau, "-", r["담당과"], r["담당팀"], "", r["총 인원"]])
    return one(rows, (0, 1, 2, 3, 6))


@filler("A-1-2")
def a_1_2(s: Source) -> FormFill:
    heads = ["구분", "No.", "표창명", "수상일시", "수상부서 (수상자)", "수여기관"]
    return one(same_columns(s, heads), (0,))


@filler("A-1-3")
def a_1_3(s: Source) -> FormFill:
    # the two tables are alternatives: a self-indicator system is what the generator built
    rows = same_columns(s, ["명칭", "도입시기", "지표목록", "운영관리방법", "관련규정"], extra=1)
    return FormFill([TableFill(rows=rows), None])


@filler("A-2-1")
def a_2_1(s: Source) -> FormFill:
    return single_label(s)


@filler("A-2-2")
def a_2_2(s: Source) -> FormFill:
    return single_label(s)


@filler("A-2-3")
def a_2_3(s: Source) -> FormFill:
    return one(same_columns(s, ["No.", "리빙랩명", "내용", "운영 일시"]))


@filler("A-2-4")
def a_2_4(s: Source) -> FormFill:
    return one(same_columns(s, ["No.", "프로그램명", "운영기관", "운영기간"]))


@filler("A-3-1")
def a_3_1(s: Source) -> FormFill:
    heads = ["구분", "No.", "명칭", "수립(시행) 연도", "도시정보 연계·통합 관련 내용(요약)"]
    rows = same_columns(s, heads, extra=1)
    for r in rows:  # the form prints the two groups letter-spaced: '계 획', '규 정'
        r[0] = " ".join(r[0])
    return one(rows, (0,))


@filler("A-3-2")
def a_3_2(s: Source) -> FormFill:
    heads = ["카테고리", "No.", "명칭", "서비스 유형", "제공 건수", "내용(요약)"]
    return one(same_columns(s, heads), (0,))


@filler("A-3-3")
def a_3_3(s: Source) -> FormFill:
    rows = [
        [r["카테고리"], f"{r['No.']} {r['파일분류']}", r["제공데이터"], r["제공 건수"], r["관리부서"]]
        for r in s.records()
    ]
    return one(rows, (0,))


@filler("A-3-4")
def a_3_4(s: Source) -> FormFill:
    rows = same_columns(s, ["No.", "DB명"])
    return FormFill([TableFill(rows=rows, heading=f"[센터명 : {s.city.center}]")])


@filler("A-3-5")
def a_3_5(s: Source) -> FormFill:
    return one(same_columns(s, ["No.", "서비스명", "활용데이터", "확인가능 출처"]))


@filler("A-3-6")
def a_3_6(s: Source) -> FormFill:
    return one(same_columns(s, ["No.", "플랫폼명", "연계시스템"]))


@filler("A-3-7")
def a_3_7(s: Source) -> FormFill:
    rows, sectors = [], []
    for r in s.records():
        if not sectors or sectors[-1] != r["부문"]:
            sectors.append(r["부문"])
        rows.append([str(len(sectors)), r["부문"], r["No."], r["서비스명"], r["관리부서"], ""])
    number_rows(rows, 2)  # one running No.: a pasted copy of a row gets the next number
    merge_runs(rows, 0)
    merge_runs(rows, 1)
    return FormFill([TableFill(rows=rows, headers={"서비스명 (O개)": f"서비스명 ({len(rows)}개)"})])


@filler("A-3-8")
def a_3_8(s: Source) -> FormFill:
    heads = ["분류", "연계통합명", "No.", "통합(연계)시스템명", "유관기관", "정보공유(내용)",
             "서비스제공매체"]  # fmt: skip
    rows = same_columns(s, heads)
    # one 연계통합 spans its systems: 분류, 연계통합명, 정보공유, 서비스제공매체 merged over them
    prev = None
    for r in rows:
        key = (r[0], r[1])
        if key == prev:
            r[0] = r[1] = r[5] = r[6] = UP
        prev = key
    return FormFill([TableFill(rows=rows)])
