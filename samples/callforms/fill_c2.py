"""Fillers of the C-4 … C-11 forms (선택 서비스, 정보통신망, 도시통합운영센터)."""

from __future__ import annotations

from decimal import Decimal

from samples.callforms.fill import FormFill, Source, TableFill
from samples.callforms.fill_a import filler, one, same_columns, single_label
from samples.callforms.fill_c import breakdown
from samples.generator.fmt import fixed, num, round_half_up


def figure(text: str) -> Decimal:
    return Decimal(text.replace(",", "").rstrip("건명개가구"))


def per_year(s: Source, index: int = 0) -> list[tuple[str, int]]:
    """(name, both years together) of a generator table 서비스명 | year 1 | year 2."""
    return [(r[0], int(figure(r[1]) + figure(r[2]))) for r in s.grid(index)[1:]
            if r[0] != "총계"]  # fmt: skip


@filler("C-4-1")
def c_4_1(s: Source) -> FormFill:
    total = s.total_row(0)
    assert total is not None
    systems = TableFill(rows=same_columns(s, ["No.", "시스템명"]), total=[None, f"{total[-1]}가구"])
    return FormFill([systems, TableFill(labels=[list(s.grid(1)[1])])])


@filler("C-4-2")
def c_4_2(s: Source) -> FormFill:
    services = per_year(s)
    total = sum(n for _, n in services)
    benefit = TableFill(rows=[[name, num(n)] for name, n in services], total=[None, num(total)])
    years = [list(r) for r in s.grid(1)[1:3]]  # the form prints no 총계 row here
    return FormFill([benefit, TableFill(labels=years)])


def in_10k(thousands: str) -> Decimal:
    return round_half_up(figure(thousands) / 10, 2)


@filler("C-5-1")
def c_5_1(s: Source) -> FormFill:
    services = per_year(s)
    rows = [[str(i), name, num(n), "", "", ""] for i, (name, n) in enumerate(services, 1)]
    yearly = s.grid(1)  # 연도 | 인구수(천명) | 학습자 수 | 비율, the generator's per-천명 table
    y1, y2, tot = yearly[1], yearly[2], yearly[3]
    learners = TableFill(rows=rows, labels=[[None, None, tot[2], tot[1], tot[3], None]])
    # the second table counts the population in 만명 (as the form prints it)
    a, c = in_10k(y1[1]), in_10k(y2[1])
    b, d = figure(y1[2]), figure(y2[2])
    labels: list[list[str | None]] = [
        [y1[0], fixed(a), num(b), fixed(round_half_up(b / a, 2))],
        [y2[0], fixed(c), num(d), fixed(round_half_up(d / c, 2))],
        [None, fixed(a + c), num(b + d), fixed(round_half_up((b + d) / (a + c), 2))],
    ]
    return FormFill([learners, TableFill(labels=labels)])


@filler("C-5-2")
def c_5_2(s: Source) -> FormFill:
    fill = breakdown(s, ["구분", "학교 수", "주요 스마트 교구", "스마트 스쿨 수", "지표값"])
    table = fill.tables[0]
    assert table is not None
    _, schools, _, smart, ratio = table.labels[0]
    # the form prints (B) under 주요 스마트 교구; the figure goes in 스마트 스쿨 수
    table.labels = [[None, schools, "", smart, ratio]]
    return fill


@filler("C-6-1")
def c_6_1(s: Source) -> FormFill:
    heads = ["No.", "서비스 명", "제공내용", "제공사이트 (관리기관)", "총 다운로드 건 수"]
    total = s.total_row()
    assert total is not None
    return FormFill([TableFill(rows=same_columns(s, heads), total=[None] * 4 + [total[-1]])])


@filler("C-7-1")
def c_7_1(s: Source) -> FormFill:
    rows = same_columns(s, ["No.", "구분", "서비스 제공내용", "서비스 대상"], extra=1)
    return FormFill([TableFill(rows=rows, total=[None] * 4 + [f"{len(rows)}건"])])


@filler("C-7-2")
def c_7_2(s: Source) -> FormFill:
    row = s.grid()[1]
    return FormFill([TableFill(labels=[[*row[:3], ""]])])


@filler("C-8-1")
def c_8_1(s: Source) -> FormFill:
    total = s.total_row()
    assert total is not None
    rows = same_columns(s, ["No.", "기관명", "도입 건 수", "비고"])
    return FormFill([TableFill(rows=rows, total=[None, None, total[-1], None])])


@filler("C-8-2")
def c_8_2(s: Source) -> FormFill:
    services = per_year(s)
    rows = [[str(i), name, name.split()[0], num(n), ""] for i, (name, n) in enumerate(services, 1)]
    total = f"{num(sum(n for _, n in services))}명"
    return FormFill([TableFill(rows=rows, total=[None, None, None, total, None]),
                     TableFill(labels=[list(r) for r in s.grid(1)[1:]])])


@filler("C-9-1")
def c_9_1(s: Source) -> FormFill:
    return single_label(s)


@filler("C-9-2")
def c_9_2(s: Source) -> FormFill:
    return single_label(s)


@filler("C-10-1")
def c_10_1(s: Source) -> FormFill:
    return one([list(s.grid()[1])])


@filler("C-10-2")
def c_10_2(s: Source) -> FormFill:
    return single_label(s)


@filler("C-11-1")
def c_11_1(s: Source) -> FormFill:
    total = s.total_row()
    assert total is not None
    rows = same_columns(s, ["센터명", "전담공무원", "외부기관 파견인력", "관제요원", "기타"])
    return FormFill([TableFill(rows=rows, total=[None, total[-1], None, None, None])])


@filler("C-11-2")
def c_11_2(s: Source) -> FormFill:
    rows = [[f"20{r['착수'][1:3]}", r["No."], r["담당 업무"], r["협업 사업"], r["협업 기관"]]
            for r in s.records()]  # fmt: skip
    return one(rows, (0,))


@filler("C-11-3")
def c_11_3(s: Source) -> FormFill:
    rows = [[r["서비스 분야"], f"{r['No.']} {r['세부 서비스']}"] for r in s.records()]
    return one(rows, (0,))


@filler("C-11-4")
def c_11_4(s: Source) -> FormFill:
    rows = [[r["연계·통합된 센터명"], f"{r['No.']} {r['연계·통합 부문별 센터']}"]
            for r in s.records()]  # fmt: skip
    return one(rows, (0,))


