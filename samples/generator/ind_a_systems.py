"""A-3 builders: DB lists, private services, platforms, services, links."""

from __future__ import annotations

from samples.generator.common import PORTAL, count_built
from samples.generator.doc import C, L
from samples.generator.fmt import (
    yy_mm,
)
from samples.generator.kit import (
    capture,
    chunked_list_pages,
    ev_page,
    grouped_rows,
    list_table,
)
from samples.generator.model import Built, Ctx
from samples.generator.vocab import (
    CENTER_DBS,
    PLATFORMS,
    PRIVATE_SERVICES,
)
from samples.generator.vocab2 import (
    LINKS,
    SERVICES,
)


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
