"""C-1 교통 and C-2 안전 builders (mandatory areas)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from samples.generator.doc import C, L, Para
from samples.generator.fmt import as_json_number, fixed, num, round_half_up, span_label
from samples.generator.ind_a3 import count_built
from samples.generator.ind_b import halves
from samples.generator.kit import capture, ev_page, list_table
from samples.generator.model import Built, Ctx
from samples.generator.vocab2 import DISASTER_SYSTEMS

OWN = "지자체 자체 자료"


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


def c_2_1(x: Ctx) -> Built:
    a = x.pop_in(1000)
    b = round(float(a) * x.rng.uniform(3.5, 9.0))
    v = round_half_up(b / a, 2)
    t = list_table(
        ["기준연도", "인구수(천명)", "방범 CCTV 수", "지표값"],
        [["2024", C(fixed(a), number=float(a)), C(num(b), number=b), fixed(v)]],
        [90, 110, 110, 100],
    )
    ev = ev_page(
        x.code,
        "인구 1천명 당 방범 CCTV 수",
        "붙임. 방범 CCTV 설치 현황 (통합관제 자산 대장 요약)",
        [
            list_table(["구분", "수량(대)"], [["방범용 CCTV 총계", num(b)]], [240, 140]),
            Para(f"※ 인구 {num(x.pop())}명 (주민등록 인구통계 2024년 12월)", size=9.5, before=8),
        ],
        [num(b), num(x.pop())],
    )
    return ratio_built(
        x,
        {"A": as_json_number(a), "B": b},
        "B / A",
        v,
        f"1천명 당 CCTV 수 {fixed(v)}",
        f"1천명 당 CCTV 수 {fixed(v)}",
        "대/천명",
        form_title="인구 1천명 당 방범 CCTV 수",
        analysis="■ 인구 1천명 당 방범 CCTV 수",
        source="통계청, 지자체 자체 자료",
        unit_label="(단위: 천명, 대)",
        notes=[
            "* 인구수 자료는 행정안전부 주민등록 인구통계 자료 중 2024년 12월 기준 총 인구수 자료를 사용"
        ],
        tables=[t],
        evidence=[ev],
    )


def c_2_2(x: Ctx) -> Built:
    cats = ["관제인력 탐지", "사고대응 요청", "지능형 선별관제 탐지"][: x.rng.randint(2, 3)]
    items = []
    for cat in cats:
        parts = [round(x.rng.randint(40, 900) * x.city.scale) for _ in range(3)]
        items.append(
            {
                "category": cat,
                "violent": parts[0],
                "minor": parts[1],
                "other": parts[2],
                "total": sum(parts),
            }
        )
    total = sum(it["total"] for it in items)
    rows = [
        [
            it["category"],
            C(num(it["total"]), number=it["total"]),
            C(num(it["violent"]), number=it["violent"]),
            C(num(it["minor"]), number=it["minor"]),
            C(num(it["other"]), number=it["other"]),
            "'24년 기준",
        ]
        for it in items
    ]
    t = list_table(
        ["구분", "총계", "강력범죄", "경범죄", "기타", "비고"],
        rows,
        [110, 70, 70, 70, 70, 70],
        total=[C("총계", bold=True), C(f"{num(total)}건", colspan=5, bold=True)],
    )
    ev = ev_page(
        x.code,
        "통합운영센터를 활용한 범죄 관제 실적",
        f"붙임. {x.city.center} 2024년 관제 실적 보고",
        [
            list_table(
                ["구분", "관제 실적(건)"],
                [[it["category"], num(it["total"])] for it in items] + [["합계", num(total)]],
                [240, 140],
            )
        ],
        [*[s for it in items for s in (it["category"], num(it["total"]))], num(total)],
    )
    return Built(
        text=f"{num(total)}건",
        value=total,
        unit="건",
        derivation={"kind": "sum_items", "field": "total"},
        form_title="통합운영센터를 활용한 범죄 관제 실적",
        form_text=f"센터 관제 {num(total)}건",
        analysis="■ 통합운영센터를 활용한 범죄 관제 실적 ('24년 기준)",
        source="지자체 자체 자료(통합운영센터 성과자료)",
        unit_label="(단위: 건)",
        tables=[t],
        evidence=[ev],
        items=items,
        item_checks=["total == violent + minor + other"],
    )


def c_2_3(x: Ctx) -> Built:
    a = x.done["C-2-1"].components["B"]
    kinds = [
        ("객체인식 CCTV", "객체인식"),
        ("이상음원인식 CCTV", "이상음원인식"),
        ("지능형 방범 CCTV", "객체인식, 이상음원인식, 배회 감지"),
    ]
    items = [
        {"type": k, "function": f, "count": round(a * x.rng.uniform(0.03, 0.16))} for k, f in kinds
    ]
    b = sum(it["count"] for it in items)
    v = pct(b, a)
    t1 = list_table(
        ["구분", "주요 기능", "구축수"],
        [[it["type"], L(it["function"]), C(num(it["count"]), number=it["count"])] for it in items],
        [140, 200, 100],
        total=[C("지능형 방범 CCTV 총계", colspan=2, bold=True), C(num(b), number=b, bold=True)],
    )
    t2 = list_table(
        ["전체 방범 CCTV 수", "지능형 방범 CCTV 수", "지표값"],
        [[C(num(a), number=a), C(num(b), number=b), fixed(v)]],
        [150, 150, 140],
    )
    ev = ev_page(
        x.code,
        "지능형 방범 CCTV 구축 비율",
        "붙임. 지능형 CCTV 구축 현황 (통합관제 자산 대장 요약)",
        [
            list_table(
                ["구분", "구축수(대)"],
                [[it["type"], num(it["count"])] for it in items]
                + [["지능형 합계", num(b)], ["전체 방범 CCTV", num(a)]],
                [240, 140],
            )
        ],
        [*[it["type"] for it in items], num(b), num(a)],
    )
    return ratio_built(
        x,
        {"A": a, "B": b},
        "B / A * 100",
        v,
        f"{fixed(v)}%",
        f"지능형 CCTV {fixed(v)}%",
        "%",
        form_title="지능형 방범 CCTV 구축 비율",
        analysis="■ 현재 도입하여 운영 중인 지능형 방범 CCTV의 전체 CCTV 대비 구축 비율",
        source=OWN,
        unit_label="(단위: 대, %)",
        tables=[t1, t2],
        evidence=[ev],
        items=items,
        links=[{"component": "B", "sum": "count"}],
    )


def c_2_4(x: Ctx) -> Built:
    picked = x.pick(DISASTER_SYSTEMS, x.rng.randint(3, 5) if x.city.scale >= 1 else 3)
    items = [
        {"no": i, "name": n, "dept": d, "functions": f, "content": c}
        for i, (n, d, f, c) in enumerate(picked, 1)
    ]
    rows = [
        [str(it["no"]), L(it["name"]), it["dept"], L(it["functions"]), L(it["content"])]
        for it in items
    ]
    headers, widths = (
        ["No.", "시스템(서비스)명", "관리부서", "주요기능", "서비스내용"],
        [30, 120, 80, 110, 130],
    )
    ev = ev_page(
        x.code,
        "통합운영센터 재난관리서비스(시스템) 운영 건수",
        "붙임. 재난관리 시스템 운영 현황",
        [list_table(headers, rows, widths, size=8.5)],
        [it["name"] for it in items],
    )
    return count_built(
        x,
        items,
        "개",
        "통합운영센터 재난관리서비스(시스템) 운영 건수",
        "서비스(시스템) 수 {n}개",
        "■ 통합운영센터에서 화재, 호우, 산불, 산사태 등 재난관리 서비스 운영 수",
        OWN,
        [list_table(headers, rows, widths)],
        [ev],
    )


def c_2_5(x: Ctx) -> Built:
    item = {
        "name": "대국민 통합 상황전파 시스템",
        "dept": "안전총괄과",
        "content": "자동음성통보, 재해문자, 전광판, CBS 연계",
    }
    return bool_built(
        x,
        True,
        "시스템 도입",
        ["구분", "관리부서", "내용", "비고"],
        [L(item["name"]), item["dept"], L(item["content"]), ""],
        [140, 90, 170, 60],
        "대시민 재해 경보시스템 존재 유무",
        "■ 대시민 재해 경보시스템 존재 유무",
        item["name"],
        item,
    )
