"""C-1 교통 builders: ratios of stops, roads, accidents and parking."""

from __future__ import annotations

from decimal import Decimal

from samples.generator.common import OWN, halves, pct, ratio_built
from samples.generator.doc import C
from samples.generator.fmt import (
    as_json_number,
    fixed,
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


def c_1_1(x: Ctx) -> Built:
    a = round(x.pop() / 10000 * x.rng.uniform(22, 30))
    b = round(a * x.rng.uniform(0.5, 0.92))
    v = pct(b, a)
    t = list_table(
        ["전체 버스 정류소", "BIS 정류소", "비율(%)", "비고"],
        [[C(num(a), number=a), C(num(b), number=b), fixed(v), "'25.06 기준"]],
        [120, 120, 100, 100],
    )
    ev = ev_page(
        x.code,
        "전체 버스 정류소 대비 BIS 도입 정류소 비율(%)",
        "붙임. BIS 운영 현황 (버스정보시스템 관리자 화면)",
        [
            capture(
                f"https://bis.{x.city.domain}/admin/station",
                f"{x.city.short} 버스정보시스템 - 정류소 현황",
            ),
            list_table(
                ["구분", "정류소 수"],
                [["전체 정류소", num(a)], ["BIS 안내기 설치 정류소", num(b)]],
                [220, 160],
            ),
        ],
        [num(a), num(b)],
    )
    return ratio_built(
        x,
        {"A": a, "B": b},
        "B / A * 100",
        v,
        f"{fixed(v)}%",
        f"BIS 비율 {fixed(v)}%",
        "%",
        form_title="전체 버스 정류소 대비 BIS 도입 정류소 비율",
        analysis="■ BIS(Bus Information System)가 설치된 정류소 비율 작성",
        source="지자체 자체 자료 또는 공공데이터포털(BIS 버스정류소 정보)",
        unit_label="(단위: 개소, %)",
        tables=[t],
        evidence=[ev],
    )


ROADS = ["도시고속도로", "주간선도로", "보조간선도로", "집산도로", "국지도로"]


def c_1_4(x: Ctx) -> Built:
    kinds = ROADS[1:] if x.city.kind != "광역시" else ROADS
    items = []
    for k in kinds[: x.rng.randint(3, len(kinds))]:
        length = round(x.rng.uniform(20, 160) * x.city.scale, 1)
        items.append(
            {"road_type": k, "length_km": length, "cctv": round(length * x.rng.uniform(0.15, 0.9))}
        )
    a = sum(Decimal(str(it["length_km"])) for it in items)
    b = sum(it["cctv"] for it in items)
    v = round_half_up(b / a, 2)
    rows = [
        [
            it["road_type"],
            C(fixed(it["length_km"], 1), number=it["length_km"]),
            C(num(it["cctv"]), number=it["cctv"]),
            fixed(round_half_up(it["cctv"] / Decimal(str(it["length_km"])), 2)),
            "",
        ]
        for it in items
    ]
    t = list_table(
        ["도로유형", "도로 길이(km)", "CCTV 수", "1km당 CCTV 수", "비고"],
        rows,
        [100, 90, 80, 90, 80],
        total=[
            C("총계", bold=True),
            C(fixed(a, 1), number=float(a)),
            C(num(b), number=b),
            C(fixed(v), bold=True),
            "'25.06 기준",
        ],
    )
    ev = ev_page(
        x.code,
        "도로 길이 1km당 대비 교통 CCTV 수",
        "붙임. 도로 현황 및 교통 CCTV 설치 대장 요약",
        [
            list_table(
                ["도로유형", "도로 길이(km)", "교통 CCTV(대)"],
                [[it["road_type"], fixed(it["length_km"], 1), num(it["cctv"])] for it in items]
                + [["합계", fixed(a, 1), num(b)]],
                [160, 140, 140],
            )
        ],
        [*[it["road_type"] for it in items], fixed(a, 1), num(b)],
    )
    return ratio_built(
        x,
        {"A": as_json_number(a), "B": b},
        "B / A",
        v,
        f"1km 당 CCTV 수 {fixed(v)}",
        f"1km 당 CCTV 수 {fixed(v)}",
        "대/km",
        form_title="도로 길이 1km당 대비 교통 CCTV 수",
        analysis="■ 도시고속도로, 주간선도로, 보조간선도로 등 도로 유형별 교통 CCTV 수",
        source="지자체 자체 자료, 지방행정인허가데이터포털(CCTV 정보)",
        unit_label="(단위: km, 대)",
        tables=[t],
        evidence=[ev],
        items=items,
        links=[{"component": "A", "sum": "length_km"}, {"component": "B", "sum": "cctv"}],
    )


def c_1_5(x: Ctx) -> Built:
    items = []
    for label, _s, _e in halves(x):
        acc = round(x.pop() / 10000 * x.rng.uniform(30, 60))
        items.append(
            {"period": label, "accidents": acc, "handled": round(acc * x.rng.uniform(0.2, 0.7))}
        )
    a, b = sum(i["accidents"] for i in items), sum(i["handled"] for i in items)
    v = round_half_up(Decimal(b) / a, 2)
    rows = [
        [
            it["period"],
            C(num(it["accidents"]), number=it["accidents"]),
            C(num(it["handled"]), number=it["handled"]),
            fixed(round_half_up(Decimal(it["handled"]) / it["accidents"], 2)),
        ]
        for it in items
    ]
    t = list_table(
        ["구분", "교통사고 수", "감지 및 대응 처리 수", "비율"],
        rows,
        [100, 110, 130, 100],
        total=[
            C("총계", bold=True),
            C(num(a), number=a),
            C(num(b), number=b),
            C(fixed(v), bold=True),
        ],
    )
    ev = ev_page(
        x.code,
        "전체 교통사고 대비 센터 예방 및 처리 건수 (2년간)",
        "붙임. 교통사고 통계(도로교통공단 TAAS) 및 센터 처리 실적",
        [
            capture("https://taas.koroad.or.kr/", f"TAAS 교통사고분석시스템 - {x.name}"),
            list_table(
                ["구분", "교통사고 수", "센터 감지·대응 처리"],
                [[it["period"], num(it["accidents"]), num(it["handled"])] for it in items],
                [140, 140, 160],
            ),
        ],
        [*[num(it["accidents"]) for it in items], *[num(it["handled"]) for it in items]],
    )
    return ratio_built(
        x,
        {"A": a, "B": b},
        "B / A",
        v,
        fixed(v),
        f"대응 처리 건 수 {fixed(v)}",
        "비율",
        form_title=f"전체 교통사고 대비 센터 대응 및 처리 건수 ({span_label(x.start, x.end)})",
        analysis="■ 교통사고, 차량 고장 등 돌발상황 발생 시 감지 및 대응 처리 수",
        source=OWN,
        unit_label="(단위: 건)",
        tables=[t],
        evidence=[ev],
        items=items,
        links=[{"component": "A", "sum": "accidents"}, {"component": "B", "sum": "handled"}],
    )


def c_1_7(x: Ctx) -> Built:
    pub = round(x.pop() / 1000 * x.rng.uniform(20, 45))
    prv = round(pub * x.rng.uniform(0.1, 0.4))
    a = pub + prv
    b = round(a * x.rng.uniform(0.12, 0.55))
    v = pct(b, a)
    t = list_table(
        ["계", "공영", "민간", "스마트 주차면수", "비율", "비고"],
        [
            [
                C(num(a), number=a),
                C(num(pub), number=pub),
                C(num(prv), number=prv),
                C(num(b), number=b),
                fixed(v),
                "'24.12 기준",
            ]
        ],
        [80, 80, 80, 90, 70, 70],
    )
    ev = ev_page(
        x.code,
        "전체 공공 주차장 주차면수 대비 스마트 공공주차장 주차면수",
        "붙임. 주차장 현황 및 스마트주차 관제 화면",
        [
            capture(
                f"https://parking.{x.city.domain}/admin",
                f"{x.city.short} 스마트주차 통합관제 - 주차면 현황",
            ),
            list_table(
                ["구분", "주차면수"],
                [
                    ["공영 주차면", num(pub)],
                    ["민간(공공 관리) 주차면", num(prv)],
                    ["스마트 주차면", num(b)],
                ],
                [220, 160],
            ),
        ],
        [num(pub), num(prv), num(b)],
    )
    return ratio_built(
        x,
        {"A": a, "A_public": pub, "A_private": prv, "B": b},
        "B / A * 100",
        v,
        f"{fixed(v)}%",
        f"주차면 비율 {fixed(v)}%",
        "%",
        form_title="전체 공공주차장 주차면수 대비 스마트 공공주차장 주차면수",
        analysis="■ 스마트주차장: 차량인식(OCR), 센싱(IoT), 모니터링 시스템 등 첨단 기술로 운영하는 주차장",
        source=OWN,
        unit_label="(단위: 면, %)",
        tables=[t],
        evidence=[ev],
        links=[{"component": "A", "expr": "A_public + A_private"}],
    )
