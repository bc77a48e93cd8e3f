"""A-3 정보공개 builders: plans, open APIs and file data."""

from __future__ import annotations

from typing import Any

from samples.generator.common import PORTAL, count_built
from samples.generator.doc import C, L, Para
from samples.generator.fmt import (
    num,
    span_label,
    yy_mm,
)
from samples.generator.kit import (
    capture,
    chunked_list_pages,
    ev_page,
    grouped_rows,
    list_table,
)
from samples.generator.model import Built, Ctx, fit_total
from samples.generator.vocab import (
    API_CATEGORIES,
    FILE_CATEGORIES,
    FILE_TYPES,
    PLANS,
    RULES,
)


def a_3_1(x: Ctx) -> Built:
    plans = x.pick(PLANS, x.rng.randint(2, 3))
    rules = x.pick(RULES, x.rng.randint(1, 2))
    items: list[dict[str, Any]] = []
    for cat, pool in (("계획", plans), ("규정", rules)):
        for name, summary in pool:
            d = x.months(1, start="2017-01", end="2025-06")[0]
            items.append(
                {"category": cat, "name": name.format(c=x.name), "date": d, "summary": summary}
            )
    for i, it in enumerate(items, 1):
        it["no"] = i
    groups = [
        (
            cat,
            [
                [str(it["no"]), L(it["name"]), yy_mm(it["date"]), L(f"- {it['summary']}")]
                for it in items
                if it["category"] == cat
            ],
        )
        for cat in ("계획", "규정")
    ]
    headers = ["구분", "No.", "명칭", "수립(시행) 연도", "도시정보 연계·통합 관련 내용(요약)"]
    widths = [40, 30, 170, 65, 175]
    rows = grouped_rows(groups)
    ev = ev_page(
        x.code,
        "도시정보 연계·통합을 위한 계획 및 규정 수",
        "붙임. 계획 및 규정 목록 (자치법규정보시스템·내부 계획 발췌)",
        [list_table(headers, rows, widths, size=8.5)],
        [it["name"] for it in items],
    )
    return count_built(
        x,
        items,
        "개",
        "도시정보 연계·통합 내용을 포함한 계획 및 규정 수",
        "계획+조례 수 {n}개",
        "■ 도시정보 연계·통합을 위한 표준 등 계획 마련 또는 시행 여부\n■ 지자체 스마트도시 계획은 제외",
        "지자체 자체 자료",
        [list_table(headers, rows, widths)],
        [ev],
    )


def _open_data(x: Ctx, pools: dict[str, list[Any]], n: int, api: bool) -> list[dict[str, Any]]:
    cats = list(pools)
    out = []
    for cat in cats:
        for entry in pools[cat]:
            out.append((cat, entry))
    chosen = sorted(x.pick(out, n), key=lambda e: cats.index(e[0]))
    items = []
    for i, (cat, entry) in enumerate(chosen, 1):
        cnt = x.rng.randint(12, 180) if api else x.rng.randint(8, 320)
        if api:
            name, summary = entry
            items.append(
                {
                    "no": i,
                    "category": cat,
                    "name": f"{x.city.short} {name}",
                    "type": x.rng.choice(["REST", "REST", "LINK"]),
                    "count": cnt,
                    "summary": summary,
                }
            )
        else:
            items.append(
                {
                    "no": i,
                    "category": cat,
                    "name": f"{x.city.short} {entry}",
                    "type": x.rng.choice(FILE_TYPES),
                    "count": cnt,
                    "dept": x.rng.choice(
                        ["데이터정책팀", "정보통신과", "교통정책과", "안전총괄과", "복지정책과"]
                    ),
                }
            )
    return items


def _kinds_built(x: Ctx, items: list[dict[str, Any]], api: bool) -> Built:
    kinds, total = len(items), sum(it["count"] for it in items)
    text = f"{kinds}종, {num(total)}건"
    cats = list(dict.fromkeys(it["category"] for it in items))
    if api:
        headers, widths = (
            ["카테고리", "No.", "명칭", "서비스 유형", "제공 건수", "내용(요약)"],
            [55, 28, 130, 50, 50, 160],
        )
        rows = grouped_rows(
            [
                (
                    c,
                    [
                        [
                            str(it["no"]),
                            L(it["name"]),
                            it["type"],
                            C(num(it["count"]), number=it["count"]),
                            L(it["summary"]),
                        ]
                        for it in items
                        if it["category"] == c
                    ],
                )
                for c in cats
            ]
        )
    else:
        headers, widths = (
            ["카테고리", "No.", "제공데이터", "파일분류", "제공 건수", "관리부서"],
            [55, 28, 170, 50, 55, 90],
        )
        rows = grouped_rows(
            [
                (
                    c,
                    [
                        [
                            str(it["no"]),
                            L(it["name"]),
                            it["type"],
                            C(num(it["count"]), number=it["count"]),
                            it["dept"],
                        ]
                        for it in items
                        if it["category"] == c
                    ],
                )
                for c in cats
            ]
        )
    total_row = [
        C("합계", colspan=4, bold=True),
        C(num(total), number=total, bold=True),
        C(f"{kinds}종"),
    ]
    table = list_table(headers, rows, widths, total=total_row)
    flat = [[str(it["no"]), L(it["name"]), it["type"], num(it["count"])] for it in items]
    ev = chunked_list_pages(
        x.code,
        "지자체 데이터 오픈 API 제공 건수" if api else "API를 제외한 지자체 데이터 제공 건수",
        "붙임. 공공데이터포털 제공 현황 (기관별 조회 화면 출력)",
        ["No.", "데이터명", "유형", "제공 건수"],
        flat,
        [30, 250, 60, 80],
        [[it["name"]] for it in items],
        intro=[
            capture(
                "https://www.data.go.kr/tcs/dss/selectDataSetList.do",
                f"공공데이터포털 - 제공기관: {x.name} ({'오픈 API' if api else '파일데이터'})",
            )
        ],
    )
    ev[-1].blocks.append(Para(f"합계 {kinds}종, {num(total)}건", size=10, bold=True))
    ev[-1].shows.append(f"합계 {kinds}종, {num(total)}건")
    span = span_label(x.start, x.end)
    return Built(
        text=text,
        value=total,
        unit="건",
        derivation={"kind": "sum_items", "field": "count"},
        form_title=f"지자체 데이터 오픈 API 제공 건수({span})"
        if api
        else f"API를 제외한 지자체 데이터 제공 건수({span})",
        form_text=f"API 제공 {kinds}종 {num(total)}건"
        if api
        else f"데이터 제공 {kinds}종 {num(total)}건",
        analysis="▪ 반드시 Open API 형식만 작성하고, 파일데이터 등 다른 형식은 제외"
        if api
        else "▪ API 제공 지표 외에 지자체에서 제공하는 다운로드 가능한 데이터(시트, 차트, 맵, LINK 등)",
        source=PORTAL,
        unit_label="(단위: 종, 건)",
        tables=[table],
        evidence=ev,
        components={"kinds": kinds},
        links=[{"component": "kinds", "count": True}],
        items=items,
    )


def a_3_2(x: Ctx) -> Built:
    pin = x.pin()  # [kinds, total]
    if pin is None:
        return _kinds_built(x, _open_data(x, API_CATEGORIES, min(16, x.scaled(7, 9)), True), True)
    items = _open_data(x, API_CATEGORIES, pin[0], True)
    fit_total(items, "count", pin[1])
    return _kinds_built(x, items, True)


def a_3_3(x: Ctx) -> Built:
    return _kinds_built(x, _open_data(x, FILE_CATEGORIES, min(26, x.scaled(12, 16)), False), False)
