"""A-3 정보공개 및 활용 builders."""

from __future__ import annotations

from typing import Any

from samples.generator.doc import C, L, Para
from samples.generator.fmt import num, span_label, yy_mm
from samples.generator.kit import capture, chunked_list_pages, ev_page, grouped_rows, list_table
from samples.generator.model import Built, Ctx
from samples.generator.vocab import (
    API_CATEGORIES,
    CENTER_DBS,
    FILE_CATEGORIES,
    FILE_TYPES,
    PLANS,
    PLATFORMS,
    PRIVATE_SERVICES,
    RULES,
)
from samples.generator.vocab2 import LINKS, SERVICES

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
    return _kinds_built(x, _open_data(x, API_CATEGORIES, min(16, x.scaled(7, 9)), True), True)


def a_3_3(x: Ctx) -> Built:
    return _kinds_built(x, _open_data(x, FILE_CATEGORIES, min(26, x.scaled(12, 16)), False), False)


def a_3_4(x: Ctx) -> Built:
    dbs = x.pick(CENTER_DBS, min(18, x.scaled(8, 11)))
    items = [{"no": i, "name": f"{x.city.short} {d}"} for i, d in enumerate(dbs, 1)]
    rows = [[str(it["no"]), L(it["name"])] for it in items]
    ev = chunked_list_pages(
        x.code,
        "통합운영센터 관리 DB 목록 공개 목록 수",
        "붙임. 통합운영센터 홈페이지 DB 공개 목록",
        ["No.", "DB명"],
        rows,
        [40, 400],
        [[it["name"]] for it in items],
        intro=[
            capture(f"https://smartcity.{x.city.domain}/db/list", f"{x.city.center} - 공개 DB 목록")
        ],
    )
    return count_built(
        x,
        items,
        "개",
        "지자체 통합운영센터 관리 DB 공개 목록 수",
        "공개 목록 수 {n}개",
        "■ 통합운영센터를 통해 홈페이지 등에 공개되어 있는 DB 목록으로 작성",
        "통합운영센터 홈페이지",
        [list_table(["No.", "DB명"], rows, [40, 400])],
        ev,
    )


def a_3_5(x: Ctx) -> Built:
    picked = x.pick(PRIVATE_SERVICES, min(9, x.scaled(4, 6)))
    items = [
        {"no": i, "name": n.format(s=x.city.short), "data": d.format(s=x.city.short), "source": s}
        for i, (n, d, s) in enumerate(picked, 1)
    ]
    rows = [[str(it["no"]), L(it["name"]), L(it["data"]), it["source"]] for it in items]
    widths = [30, 150, 170, 110]
    headers = ["No.", "서비스명", "활용데이터", "확인가능 출처"]
    ev = ev_page(
        x.code,
        "개방된 공공정보의 민간 활용 서비스 건수",
        "붙임. 공공데이터포털 활용사례 등록 현황",
        [
            capture(
                "https://www.data.go.kr/tcs/eds/selectCaseList.do", f"활용사례 - 제공기관: {x.name}"
            ),
            list_table(headers, rows, widths, size=8.5),
        ],
        [it["name"] for it in items],
    )
    return count_built(
        x,
        items,
        "건",
        "개방된 공공정보의 민간 활용 서비스 건수",
        "민간 서비스 수 {n}건",
        "■ 시에서 제공하는 공공정보를 민간에서 활용하여 만든 서비스\n■ 타 기관 정보로 만든 市 서비스는 제외",
        PORTAL,
        [list_table(headers, rows, widths)],
        [ev],
    )


def a_3_6(x: Ctx) -> Built:
    picked = x.pick(PLATFORMS, min(5, x.scaled(2, 3)))
    items = [
        {"no": i, "name": n.format(s=x.city.short), "systems": s}
        for i, (n, s) in enumerate(picked, 1)
    ]
    rows = [[str(it["no"]), L(it["name"]), L(it["systems"])] for it in items]
    headers, widths = ["No.", "플랫폼명", "연계시스템"], [30, 150, 280]
    ev = ev_page(
        x.code,
        "시스템 연계·통합을 위한 플랫폼 수",
        "붙임. 플랫폼 연계 현황 (운영 보고 발췌)",
        [list_table(headers, rows, widths, size=8.5)],
        [it["name"] for it in items],
    )
    return count_built(
        x,
        items,
        "개",
        "시스템 연계·통합을 위한 플랫폼 수",
        "플랫폼 수 {n}개",
        "■ 현재 시스템 연계·통합을 하고 있는 플랫폼만 작성하며, 예정이거나 불확실한 시스템은 제외",
        "시 자체 구축 데이터플랫폼",
        [list_table(headers, rows, widths)],
        [ev],
    )


def a_3_7(x: Ctx) -> Built:
    n = min(22, x.scaled(12, 14))
    picked = sorted(x.pick(SERVICES, n), key=SERVICES.index)
    recent = set(x.rng.sample(range(n), min(n, x.rng.randint(4, 6))))
    items = []
    for i, (sector, name, dept) in enumerate(picked):
        intro = (
            x.months(1, start=x.start, end=x.end)[0]
            if i in recent
            else x.months(1, start="2016-01", end="2022-12")[0]
        )
        items.append(
            {"no": i + 1, "sector": sector, "name": name, "dept": dept, "introduced": intro}
        )
    sectors = list(dict.fromkeys(it["sector"] for it in items))
    rows = grouped_rows(
        [
            (
                s,
                [
                    [str(it["no"]), L(it["name"]), it["dept"], yy_mm(it["introduced"])]
                    for it in items
                    if it["sector"] == s
                ],
            )
            for s in sectors
        ]
    )
    headers, widths = ["부문", "No.", "서비스명", "관리부서", "도입 시기"], [80, 30, 190, 100, 60]
    flat = [[str(it["no"]), L(it["name"]), it["dept"], yy_mm(it["introduced"])] for it in items]
    ev = chunked_list_pages(
        x.code,
        "지자체 스마트도시 제공 서비스 수",
        "붙임. 스마트도시 서비스 운영 현황 (범정부EA포털 등록 현황)",
        ["No.", "서비스명", "관리부서", "도입 시기"],
        flat,
        [30, 230, 120, 60],
        [[it["name"]] for it in items],
    )
    return count_built(
        x,
        items,
        "개",
        "지자체 스마트도시 제공 서비스 수",
        "서비스 수 {n}개",
        "■ 현재 지자체에서 제공하고 있는 스마트도시 관련 서비스를 작성",
        "시 자체 구축 자료 및 범정부EA포털",
        [list_table(headers, rows, widths)],
        ev,
    )


def a_3_8(x: Ctx) -> Built:
    groups = x.pick(LINKS, 2 if x.city.scale < 1 else x.rng.randint(3, 4))
    items, rows, no = [], [], 0
    for group, link, systems, info, medium in sorted(groups, key=LINKS.index):
        for j, (system, agency) in enumerate(systems):
            no += 1
            items.append(
                {"no": no, "group": group, "link": link, "system": system, "agency": agency}
            )
            head = [C(group, rowspan=len(systems)), L(link, rowspan=len(systems))] if j == 0 else []
            tail = (
                [L(info, rowspan=len(systems)), L(medium, rowspan=len(systems))] if j == 0 else []
            )
            rows.append([*head, str(no), L(system), agency, *tail])
    headers = [
        "분류",
        "연계통합명",
        "No.",
        "통합(연계)시스템명",
        "유관기관",
        "정보공유(내용)",
        "서비스제공매체",
    ]
    widths = [40, 85, 28, 95, 55, 100, 80]
    ev = ev_page(
        x.code,
        "서비스 부분별 시스템 연계·통합 건수",
        "붙임. 연계·통합 시스템 구성 현황 (운영 보고 발췌)",
        [list_table(headers, rows, widths, size=8)],
        [it["system"] for it in items],
    )
    return count_built(
        x,
        items,
        "건",
        "서비스 부분별 시스템 연계·통합 건수",
        "연계·통합 시스템 수 {n}건",
        "■ 반드시 시스템 연계·통합을 완료한 플랫폼을 작성하며, 예정인 시스템은 제외",
        "시 자체 구축 자료 및 범정부EA포털",
        [list_table(headers, rows, widths)],
        [ev],
    )
