"""Helpers shared by the indicator builders (Built shapes, ratios, period halves)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from samples.generator.doc import C, L
from samples.generator.fmt import (
    as_json_number,
    fixed,
    month_index,
    num,
    round_half_up,
    span_label,
)
from samples.generator.kit import (
    capture,
    ev_page,
    list_table,
)
from samples.generator.model import Built, Ctx

POP_NOTE = (
    "* 인구수 자료는 행정안전부 주민등록 "
    "인구통계(https://jumin.mois.go.kr/) 자료 중 {} 기준 총 인구수 자료를 사용"
)


POP2_NOTE = (
    "* 인구수 자료는 행정안전부 주민등록 인구통계(https://jumin.mois.go.kr/) 자료 "
    "중 2023년 12월, 2024년 12월 기준 총 인구수 자료를 사용"
)


OWN = "지자체 자체 자료"


PORTAL = "시 자체 구축 데이터플랫폼 또는 공공데이터포털(https://www.data.go.kr/)"


def count_built(
    x: Ctx,
    items: list[dict[str, Any]],
    counter: str,
    form_title: str,
    form_text: str,
    analysis: str,
    source: str,
    tables: list[Any],
    evidence: list[Any],
    unit_label: str | None = None,
) -> Built:
    n = len(items)
    return Built(
        text=f"{n}{counter}",
        value=n,
        unit=counter,
        derivation={"kind": "count_items"},
        form_title=form_title,
        form_text=form_text.format(n=n),
        analysis=analysis,
        source=source,
        unit_label=unit_label,
        tables=tables,
        evidence=evidence,
        items=items,
    )


def ratio_built(
    x: Ctx,
    comps: dict[str, Any],
    expr: str,
    v: Decimal,
    text: str,
    form_text: str,
    unit: str,
    **kw: Any,
) -> Built:
    return Built(
        text=text,
        value=as_json_number(v),
        unit=unit,
        derivation={"kind": "formula", "expr": expr, "decimals": 2},
        form_text=form_text,
        components=comps,
        **kw,
    )


def pct(b: int | Decimal, a: int | Decimal) -> Decimal:
    return round_half_up(Decimal(b) * 100 / Decimal(a), 2)


def bool_built(
    x: Ctx,
    present: bool,
    text_o: str,
    headers: list[str],
    row: list[Any],
    widths: list[float],
    title: str,
    analysis: str,
    shows: str,
    item: dict[str, Any],
) -> Built:
    text = f"{text_o} {'O' if present else 'X'}"
    table = list_table(
        headers, [row] if present else [["해당 없음"] + [""] * (len(headers) - 1)], widths
    )
    ev = (
        [
            ev_page(
                x.code,
                title,
                "붙임. 서비스 운영 화면 및 운영 현황",
                [
                    capture(f"https://www.{x.city.domain}/", f"{x.name} - {item['name']}"),
                    list_table(headers, [row], widths, size=8.5),
                ],
                [shows],
            )
        ]
        if present
        else []
    )
    return Built(
        text=text,
        value=present,
        unit=None,
        derivation={"kind": "bool"},
        form_title=title,
        form_text=text,
        analysis=analysis,
        source=OWN,
        tables=[table],
        evidence=ev,
        items=[item] if present else [],
    )


def halves(x: Ctx) -> list[tuple[str, str, str]]:
    """The two 12-month halves of the declared span: (label, start, end)."""
    a = month_index(x.start)

    def m(i: int) -> str:
        return f"{i // 12:04d}-{i % 12 + 1:02d}"

    if x.start.endswith("-01"):
        return [(x.start[:4], m(a), m(a + 11)), (m(a + 12)[:4], m(a + 12), m(a + 23))]
    return [
        (f"{span_label(m(a), m(a + 11))}", m(a), m(a + 11)),
        (f"{span_label(m(a + 12), m(a + 23))}", m(a + 12), m(a + 23)),
    ]


def simple_ratio(
    x: Ctx,
    a: int,
    b: int,
    labels: tuple[str, str],
    title: str,
    form_text: str,
    analysis: str,
    source: str,
    ev_sub: str,
    unit_label: str = "(단위: 개, %)",
) -> Built:
    v = pct(b, a)
    t = list_table(
        [labels[0], labels[1], "비율"],
        [[C(num(a), number=a), C(num(b), number=b), fixed(v)]],
        [150, 150, 140],
    )
    ev = ev_page(
        x.code,
        title,
        ev_sub,
        [list_table(["구분", "수"], [[labels[0], num(a)], [labels[1], num(b)]], [240, 140])],
        [num(a), num(b)],
    )
    return ratio_built(
        x,
        {"A": a, "B": b},
        "B / A * 100",
        v,
        f"{fixed(v)}%",
        form_text.format(v=fixed(v)),
        "%",
        form_title=title,
        analysis=analysis,
        source=source,
        unit_label=unit_label,
        tables=[t],
        evidence=[ev],
    )


def per_capita_2y(
    x: Ctx,
    unit: int,
    pool: list[str],
    title: str,
    text: str,
    form_text: str,
    unit_name: str,
    scale: tuple[float, float],
) -> Built:
    """(B + D) / (A + C): beneficiaries of two years over population of 2023-12 and 2024-12."""
    hv = halves(x)
    names = x.pick(pool, x.rng.randint(2, min(4, len(pool))))
    items = []
    for n in names:
        y1 = round(x.pop() / 10000 * x.rng.uniform(*scale))
        items.append({"name": n, "y1": y1, "y2": round(y1 * x.rng.uniform(0.9, 1.3))})
    b, d = sum(i["y1"] for i in items), sum(i["y2"] for i in items)
    a, c = x.pop_in(unit, "2023-12"), x.pop_in(unit, "2024-12")
    v = round_half_up(Decimal(b + d) / (a + c), 2)
    pop_label = "인구수(만명)" if unit == 10000 else "인구수(천명)"
    t1 = list_table(
        ["서비스명", hv[0][0], hv[1][0]],
        [
            [L(i["name"]), C(num(i["y1"]), number=i["y1"]), C(num(i["y2"]), number=i["y2"])]
            for i in items
        ],
        [220, 110, 110],
        total=[C("총계", bold=True), C(num(b), bold=True), C(num(d), bold=True)],
    )
    t2 = list_table(
        ["연도", pop_label, "혜택자 수", "비율"],
        [
            [
                hv[0][0],
                C(fixed(a), number=float(a)),
                C(num(b), number=b),
                fixed(round_half_up(b / a, 2)),
            ],
            [
                hv[1][0],
                C(fixed(c), number=float(c)),
                C(num(d), number=d),
                fixed(round_half_up(d / c, 2)),
            ],
            ["총계", fixed(a + c), num(b + d), C(fixed(v), bold=True)],
        ],
        [90, 110, 120, 110],
    )
    ev = ev_page(
        x.code,
        title,
        "붙임. 서비스별 이용(혜택)자 집계 현황",
        [
            list_table(
                ["서비스명", hv[0][0], hv[1][0]],
                [[L(i["name"]), num(i["y1"]), num(i["y2"])] for i in items],
                [220, 110, 110],
            )
        ],
        [*[i["name"] for i in items], *[num(i["y1"]) for i in items]],
    )
    return Built(
        text=text.format(v=fixed(v)),
        value=as_json_number(v),
        unit=unit_name,
        derivation={"kind": "formula", "expr": "(B + D) / (A + C)", "decimals": 2},
        form_title=f"{title} ({span_label(x.start, x.end)})",
        form_text=form_text.format(v=fixed(v)),
        analysis=f"■ {title} 작성",
        source=OWN,
        unit_label="(단위: 명)",
        notes=[
            "* 인구수 자료는 행정안전부 주민등록 인구통계 자료 중 2023년 12월, 2024년 12월 기준 총 인구수 자료를 사용"
        ],
        tables=[t1, t2],
        evidence=[ev],
        components={"A": as_json_number(a), "B": b, "C": as_json_number(c), "D": d},
        links=[{"component": "B", "sum": "y1"}, {"component": "D", "sum": "y2"}],
        items=items,
    )
