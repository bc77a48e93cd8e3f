"""C-1 교통 builders: information APIs and the hazard service."""

from __future__ import annotations

from samples.generator.common import bool_built, count_built
from samples.generator.doc import C, L
from samples.generator.fmt import (
    num,
)
from samples.generator.kit import (
    capture,
    ev_page,
    list_table,
)
from samples.generator.model import Built, Ctx

TRANSIT_APIS = [
    "노선정보조회서비스",
    "버스위치정보서비스",
    "정류소정보조회서비스",
    "대중교통환승경로조회",
    "버스도착정보조회서비스",
]


VOLUME_APIS = ["교통수단별 통행현황 통계", "교차로 교통량 정보", "도로 구간별 통행속도 정보"]


def _api_list(
    x: Ctx,
    pool: list[str],
    lo: int,
    hi: int,
    title: str,
    form_title: str,
    form_text: str,
    analysis: str,
) -> Built:
    names = x.pick(pool, x.rng.randint(lo, hi))
    items = [
        {
            "no": i,
            "name": n,
            "applications": x.rng.randint(3, 60),
            "calls": x.rng.randint(20000, 900000),
        }
        for i, n in enumerate(names, 1)
    ]
    rows = [
        [
            str(it["no"]),
            L(it["name"]),
            C(num(it["applications"]), number=it["applications"]),
            C(num(it["calls"]), number=it["calls"]),
        ]
        for it in items
    ]
    headers, widths = (
        ["No.", "API 적용 서비스", "활용신청건수(건)", "서비스 호출건수(건)"],
        [30, 200, 100, 110],
    )
    ev = ev_page(
        x.code,
        title,
        "붙임. 공공데이터포털 API 활용 현황 화면",
        [
            capture(
                "https://www.data.go.kr/iim/api/selectAPIAcountView.do",
                f"오픈 API 활용 현황 - {x.name}",
            ),
            list_table(headers, rows, widths, size=8.5),
        ],
        [it["name"] for it in items],
    )
    return count_built(
        x,
        items,
        "개",
        form_title,
        form_text,
        analysis,
        "시 자체 구축 데이터플랫폼 또는 공공데이터포털, 국가교통정보센터",
        [list_table(headers, rows, widths)],
        [ev],
        "(단위: 개, 건)",
    )


def c_1_2(x: Ctx) -> Built:
    return _api_list(
        x,
        TRANSIT_APIS,
        3,
        5,
        "대중교통정보 API 적용 서비스 수",
        "대중교통정보 API 적용 서비스 수",
        "적용 서비스 {n}개",
        "■ 노선정보조회, 버스위치정보, 정류소정보조회 등 대중교통정보 API 적용 현황",
    )


def c_1_3(x: Ctx) -> Built:
    return _api_list(
        x,
        VOLUME_APIS,
        1,
        3,
        "교통 통행량 API 적용 건수",
        "교통 통행량 API 적용 수",
        "적용 수 {n}개",
        "■ 교통수단별 통행현황 통계 등 교통 통행량과 관련한 API 적용 현황",
    )


def c_1_6(x: Ctx) -> Built:
    present = x.code not in x.city.absent
    item = {
        "name": "도로위험상황 안내서비스",
        "content": "실시간 사고, 공사, 통제 정보",
        "system": f"{x.city.short} 교통종합정보(www.{x.city.domain}), 모바일앱, VMS",
        "agency": f"{x.city.short}경찰서",
    }
    return bool_built(
        x,
        present,
        "안내서비스 도입",
        ["구분", "서비스 내용", "제공시스템", "유관기관"],
        [item["name"], L(item["content"]), L(item["system"]), item["agency"]],
        [110, 130, 140, 80],
        "실시간 도로위험상황 안내서비스 도입 여부",
        "■ 교통사고, 공사, 통제 등 도로위험상황 발생 시 안내 및 우회도로 정보를 시민에게 제공하는 서비스",
        item["name"],
        item,
    )
