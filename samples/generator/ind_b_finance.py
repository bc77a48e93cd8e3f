"""B-4 재원조성 builders (budgets in 백만원)."""

from __future__ import annotations

from decimal import Decimal

from samples.generator.doc import C, L, Para
from samples.generator.fmt import (
    as_json_number,
    fixed,
    num,
    round_half_up,
    span_label,
    yy_mm,
)
from samples.generator.kit import (
    ev_page,
    list_table,
)
from samples.generator.model import Built, Ctx, fit_total
from samples.generator.vocab2 import (
    INVEST,
)

SMART_PROJECTS = [
    "스마트도시 통합플랫폼 운영",
    "지능형 CCTV 관제 고도화",
    "스마트 버스정류장 구축",
    "공공 와이파이 확충",
    "스마트 주차 정보 시스템",
    "도시데이터 허브 운영",
    "스마트 가로등 구축",
    "통합운영센터 운영 인건비",
]


def split_amount(x: Ctx, total: int, n: int) -> list[int]:
    cuts = sorted(x.rng.sample(range(1, total), n - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


def b_4_1(x: Ctx) -> Built:
    a = int(x.city.budget["2024"])
    b = round(a * x.rng.uniform(0.006, 0.018))
    names = x.pick(SMART_PROJECTS, x.rng.randint(4, 6))
    items = [
        {"name": nm, "amount": amt}
        for nm, amt in zip(names, split_amount(x, b, len(names)), strict=True)
    ]
    v = round_half_up(Decimal(b) * 100 / a, 2)
    table = list_table(
        ["연도", "총 예산", "스마트도시 부서 예산", "비율"],
        [["2024", C(num(a), number=a), C(num(b), number=b), fixed(v)]],
        [80, 130, 130, 100],
    )
    rows = [
        [str(i), L(it["name"]), C(num(it["amount"]), align="right")]
        for i, it in enumerate(items, 1)
    ]
    ev = ev_page(
        x.code,
        "총예산 대비 스마트도시 예산 비율(%)",
        "붙임. 2024년도 예산서 발췌 (세입·세출 총괄 및 부서별 사업)",
        [
            Para(
                f"2024년도 {x.name} 일반회계·특별회계 예산 총계 {num(a)}백만원",
                size=10.5,
                bold=True,
                after=10,
            ),
            list_table(
                ["No.", f"{x.city.org['division']} 세부사업", "예산액(백만원)"],
                rows,
                [40, 300, 120],
                total=[C("합계", colspan=2, bold=True), C(num(b), bold=True, align="right")],
            ),
        ],
        [num(a), *[it["name"] for it in items], num(b)],
    )
    return Built(
        text=f"{fixed(v)}%",
        value=as_json_number(v),
        unit="%",
        derivation={"kind": "formula", "expr": "B / A * 100", "decimals": 2},
        form_title="전년도 총예산 대비 스마트도시 예산 비율",
        form_text=f"예산 비율 {fixed(v)}%",
        analysis=(
            "■ 2024년 지자체 시행 예산 및 스마트도시 부서 시행 예산을 기준으로 작성\n"
            "■ 스마트도시와 직접 관련된 예산이나 독립된 예산만 작성"
        ),
        source="지자체 자체 자료(예산서)",
        unit_label="(단위: 백만원, %)",
        tables=[table],
        evidence=[ev],
        components={"A": a, "B": b},
        links=[{"component": "B", "sum": "amount"}],
        items=items,
    )


def b_4_2(x: Ctx) -> Built:
    a, c = int(x.city.budget["2025"]), int(x.city.budget["2026"])
    b = round(a * x.rng.uniform(0.007, 0.02))
    d = round(c * x.rng.uniform(0.007, 0.02))
    v = round_half_up(Decimal(b + d) * 100 / (a + c), 2)
    rows = [
        [
            "2025",
            C(num(a), number=a),
            C(num(b), number=b),
            fixed(round_half_up(Decimal(b) * 100 / a, 2)),
        ],
        [
            "2026",
            C(num(c), number=c),
            C(num(d), number=d),
            fixed(round_half_up(Decimal(d) * 100 / c, 2)),
        ],
        ["총계", num(a + c), num(b + d), C(fixed(v), bold=True)],
    ]
    table = list_table(["연도", "총 예산", "스마트시티 예산", "비율"], rows, [80, 130, 130, 100])
    ev = ev_page(
        x.code,
        "총예산 대비 스마트도시 중장기 예산 비율 (2년간)",
        f"붙임. {x.name} 2025~2029 중기지방재정계획 발췌",
        [
            list_table(
                ["구분", "2025년", "2026년"],
                [["총 예산(백만원)", num(a), num(c)], ["스마트도시 분야(백만원)", num(b), num(d)]],
                [160, 140, 140],
            )
        ],
        [num(a), num(c), num(b), num(d)],
    )
    return Built(
        text=f"{fixed(v)}%",
        value=as_json_number(v),
        unit="%",
        derivation={"kind": "formula", "expr": "(B + D) / (A + C) * 100", "decimals": 2},
        form_title="총예산 대비 스마트도시 중장기 예산 비율 ('25~'26년)",
        form_text=f"향후 예산 비율 평균 {fixed(v)}%",
        analysis="■ 향후 2년간('25, '26) 지자체 계획 예산 및 스마트도시 부서 계획 예산을 기준으로 작성",
        source="중기지방재정계획",
        unit_label="(단위: 백만원, %)",
        tables=[table],
        evidence=[ev],
        components={"A": a, "B": b, "C": c, "D": d},
    )


def b_4_3(x: Ctx) -> Built:
    picked = x.pick(INVEST, min(5, x.scaled(2, 3)))
    dates = x.months(len(picked))
    items = [
        {
            "no": i,
            "name": n.format(s=x.city.short),
            "company": co,
            "amount": round(x.rng.randint(150, 1800) * x.city.scale),
            "date": d,
        }
        for i, ((n, co), d) in enumerate(zip(picked, dates, strict=True), 1)
    ]
    if x.pin() is not None:
        fit_total(items, "amount", x.pin())
    total = sum(it["amount"] for it in items)
    rows = [
        [
            str(it["no"]),
            L(it["name"]),
            it["company"],
            yy_mm(it["date"]),
            C(num(it["amount"]), number=it["amount"]),
        ]
        for it in items
    ]
    headers, widths = ["No.", "사업명", "민간기업", "협약일", "민투예산"], [30, 190, 100, 60, 80]
    total_row = [C("총계", colspan=4, bold=True), C(num(total), number=total, bold=True)]
    ev = ev_page(
        x.code,
        "2년간 스마트도시 관련 민간 투자유치 규모",
        "붙임. 민간투자 협약 현황 (협약서 발췌)",
        [list_table(headers, rows, widths, total=total_row, size=8.5)],
        [*[it["name"] for it in items], num(total)],
    )
    return Built(
        text=f"{num(total)}백만원",
        value=total,
        unit="백만원",
        derivation={"kind": "sum_items", "field": "amount"},
        form_title=f"스마트도시 관련 민간 투자유치 규모 ({span_label(x.start, x.end)})",
        form_text=f"민간 투자 {num(total)}백만원",
        analysis=(
            "▪ 스마트도시 사업에 대한 민간투자 금액(민간매칭 현금/현물 포함)\n"
            "▪ 도로, 터널 등 도시기반시설 민간투자는 제외"
        ),
        source="지자체 자체 자료",
        unit_label="(단위: 백만원)",
        tables=[list_table(headers, rows, widths, total=total_row)],
        evidence=[ev],
        items=items,
    )
