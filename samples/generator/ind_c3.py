"""C-7 경제, C-8 보건복지, C-9 환경에너지, C-10 정보통신망, C-11 센터, 자체 설정 지표."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from samples.generator.doc import C, L, Para
from samples.generator.fmt import as_json_number, fixed, num, round_half_up, span_label, yy_mm
from samples.generator.ind_a3 import count_built
from samples.generator.ind_c1 import OWN, pct, ratio_built
from samples.generator.ind_c2 import per_capita_2y, simple_ratio
from samples.generator.kit import capture, ev_page, grouped_rows, kv_table, list_table
from samples.generator.model import Built, Ctx
from samples.generator.vocab2 import CENTER_SERVICES, CENTERS, COLLAB


def c_7_1(x: Ctx) -> Built:
    pool = [
        ("우리마을가게 상권분석서비스", "지역별·업종별 상권정보", "시민"),
        ("창업입지분석 시스템", "창업입지분석", "예비창업자"),
        ("소상공인 상권정보시스템 연계", "상권·경쟁·입지·수익 분석", "소상공인"),
        ("골목상권 매출 동향 대시보드", "카드 매출 기반 골목상권 동향", "소상공인"),
    ]
    items = [
        {"no": k, "name": f"{x.city.short} {n}", "content": c, "target": t}
        for k, (n, c, t) in enumerate(x.pick(pool, x.rng.randint(2, 4)), 1)
    ]
    rows = [[str(i["no"]), L(i["name"]), L(i["content"]), i["target"]] for i in items]
    headers, widths = ["No.", "구분", "서비스 제공내용", "서비스 대상"], [30, 170, 170, 80]
    ev = ev_page(
        x.code,
        "ICT 기반 상권분석 서비스 민간 제공 건수",
        "붙임. 상권분석 서비스 제공 화면",
        [
            capture(f"https://biz.{x.city.domain}/", f"{x.city.short} 상권분석 서비스"),
            list_table(headers, rows, widths, size=8.5),
        ],
        [i["name"] for i in items],
    )
    return count_built(
        x,
        items,
        "건",
        "ICT 기반 상권분석 서비스 민간 제공 건수",
        "제공 건 수 {n}건",
        "■ 현재 민간에게 제공 중인 상권분석 서비스 위주로 작성(예정은 제외)",
        OWN,
        [list_table(headers, rows, widths)],
        [ev],
    )


def c_7_2(x: Ctx) -> Built:
    a = round(x.pop() / 1000 * x.rng.uniform(2, 6))
    return simple_ratio(
        x,
        a,
        round(a * x.rng.uniform(0.04, 0.15)),
        ("등록공장 수", "스마트공장 수"),
        "스마트공장 보급율",
        "전체 공장 대비 스마트공장 보급율 {v}%",
        "■ 지자체 내 등록공장 대비 스마트공장 보급율 작성",
        "SMART FACTORY 디지털 라이브러리, 한국표준협회",
        "붙임. 공장등록 현황 및 스마트공장 보급 현황",
    )


def c_8_1(x: Ctx) -> Built:
    names = [
        "보건소",
        "보건지소",
        "시립노인전문병원",
        "치매안심센터",
        "정신건강복지센터",
        "보건진료소(통합)",
    ]
    picked = x.pick(names, x.rng.randint(3, 6))
    items = [
        {"no": k, "name": f"{x.city.short} {n}", "count": x.rng.randint(1, 3)}
        for k, n in enumerate(picked, 1)
    ]
    total = sum(i["count"] for i in items)
    rows = [[str(i["no"]), L(i["name"]), C(num(i["count"]), number=i["count"]), ""] for i in items]
    headers, widths = ["No.", "기관명", "도입 건 수", "비고"], [30, 220, 90, 100]
    total_row = [C("총계", colspan=2, bold=True), C(f"{total}건", colspan=2, bold=True)]
    ev = ev_page(
        x.code,
        "ICT 기반 병원의료정보시스템(HIS) 도입 건수",
        "붙임. 디지털의료지원시스템 참여기관 현황",
        [list_table(headers, rows, widths, total=total_row, size=8.5)],
        [*[i["name"] for i in items], f"{total}건"],
    )
    return Built(
        text=f"{total}건",
        value=total,
        unit="건",
        derivation={"kind": "sum_items", "field": "count"},
        form_title="병원의료정보시스템(HIS) 도입 건수",
        form_text=f"HIS 도입 {total}건",
        analysis="■ ICT 기반 병원의료정보시스템(HIS) 도입 건수",
        source="지자체 자체 자료, 한국사회보장정보원",
        unit_label="(단위: 건)",
        tables=[list_table(headers, rows, widths, total=total_row)],
        evidence=[ev],
        items=items,
    )


def c_8_2(x: Ctx) -> Built:
    return per_capita_2y(
        x,
        10000,
        [
            "독거노인 알림 서비스",
            "장애인 위치확인 서비스",
            "저소득층 스마트 건강관리",
            "치매노인 배회감지 서비스",
        ],
        "인구 1만명 당 ICT 기반 사회적 약자 서비스 수혜자 수",
        "1만명 당 {v}명",
        "1만명 당 수혜자 수 {v}",
        "명/만명",
        (2, 18),
    )


def c_9_1(x: Ctx) -> Built:
    a = round(x.pop() * x.rng.uniform(40, 70))
    kinds = [
        "녹색건축 인증(우수)",
        "녹색건축 인증(일반)",
        "제로에너지건축물 인증",
        "건축물 에너지효율 1++",
    ]
    names = [
        "시청 신청사",
        "복합문화센터",
        "공공도서관",
        "국민체육센터",
        "행정복지센터",
        "청소년수련관",
        "공공임대주택 단지",
    ]
    items = [
        {
            "name": f"{x.city.short} {n}",
            "cert": x.rng.choice(kinds),
            "area_m2": x.rng.randint(3000, 60000),
        }
        for n in x.pick(names, x.rng.randint(3, 7))
    ]
    b = sum(i["area_m2"] for i in items)
    b_total = b * x.rng.randint(
        8, 14
    )  # certified private buildings come from the G-SEED list, summed
    items.append(
        {"name": "민간 인증 건축물(G-SEED 목록 합계)", "cert": "녹색건축 인증", "area_m2": b_total}
    )
    b += b_total
    v = pct(b, a)
    t = list_table(
        ["총 건축물 연면적", "녹색건축 인증 건축물 연면적", "비율", "건물 수"],
        [[C(num(a), number=a), C(num(b), number=b), fixed(v), f"{len(items) - 1}개 외 목록"]],
        [120, 150, 80, 90],
    )
    ev = ev_page(
        x.code,
        "총 건축물 대비 친환경 건축물 인증 비율",
        "붙임. 세움터 건축물 현황 및 녹색건축 인증 목록",
        [
            Para(f"건축물 총 연면적(세움터, 2024.12.) {num(a)}㎡", size=10, bold=True, after=8),
            list_table(
                ["건축물", "인증 구분", "연면적(㎡)"],
                [[L(i["name"]), i["cert"], num(i["area_m2"])] for i in items]
                + [[C("합계", colspan=2), num(b)]],
                [200, 140, 100],
            ),
        ],
        [*[i["name"] for i in items], num(a), num(b)],
    )
    return ratio_built(
        x,
        {"A": a, "B": b},
        "B / A * 100",
        v,
        f"{fixed(v)}%",
        f"친환경 건축 인증 {fixed(v)}%",
        "%",
        form_title="총 건축물 대비 친환경 건축물 인증 비율",
        analysis="■ 총 건축물 대비 친환경 건축물 인증 비율(연면적)",
        source="건축행정시스템 세움터, 녹색건축 인증 자료",
        unit_label="(단위: ㎡, %, 개)",
        tables=[t],
        evidence=[ev],
        items=items,
        links=[{"component": "B", "sum": "area_m2"}],
    )


def c_9_2(x: Ctx) -> Built:
    a = round(x.pop() * x.rng.uniform(6, 14))
    b = round(a * (1 - x.rng.uniform(0.005, 0.04)))
    v = round_half_up(Decimal(a - b) * 100 / a, 2)
    t = list_table(
        ["2023", "2024", "비율", "비고"],
        [[C(num(a), number=a), C(num(b), number=b), fixed(v), "잠정치"]],
        [120, 120, 100, 100],
    )
    ev = ev_page(
        x.code,
        "전년도 대비 온실가스 배출량 감소비율",
        "붙임. 지역 온실가스 인벤토리 산정 결과 (요약)",
        [list_table(["연도", "배출량(tCO2eq)"], [["2023", num(a)], ["2024", num(b)]], [200, 200])],
        [num(a), num(b)],
    )
    return ratio_built(
        x,
        {"A": a, "B": b},
        "(A - B) / A * 100",
        v,
        f"{fixed(v)}%",
        f"감소비율 {fixed(v)}%",
        "%",
        form_title="전년도 대비 온실가스 배출량 감소비율",
        analysis="■ 전년도 대비 온실가스 배출량 감소비율",
        source="환경부 국가온실가스통계, 지자체 인벤토리",
        unit_label="(단위: tCO2eq, %)",
        tables=[t],
        evidence=[ev],
    )


def c_10_1(x: Ctx) -> Built:
    a = Decimal(str(x.city.area_km2))
    b = round(float(a) * x.rng.uniform(0.3, 1.2), 1)
    c = round(float(a) * x.rng.uniform(0.1, 0.6), 1)
    v = round_half_up((Decimal(str(b)) + Decimal(str(c))) / a, 2)
    t = list_table(
        ["지자체 면적(A)", "자가통신망 연장(B)", "임대통신망 연장(C)", "비율((B+C)/A)"],
        [[f"{fixed(a)}Km²", f"{fixed(b, 1)}Km", f"{fixed(c, 1)}Km", f"{fixed(v)}Km/Km²"]],
        [110, 110, 110, 110],
    )
    ev = ev_page(
        x.code,
        "지자체 면적 대비 유선전용통신망 비율",
        "붙임. 자가·임대 통신망 구성도 및 회선 현황",
        [
            list_table(
                ["구분", "연장(km)"],
                [["자가통신망", fixed(b, 1)], ["임대통신망", fixed(c, 1)]],
                [240, 140],
            ),
            Para(f"※ 행정구역 면적 {fixed(a)}km² (지적통계 2024)", size=9.5, before=8),
        ],
        [fixed(b, 1), fixed(c, 1)],
    )
    return ratio_built(
        x,
        {"A": as_json_number(a), "B": b, "C": c},
        "(B + C) / A",
        v,
        f"{fixed(v)}%",
        f"통신망비 {fixed(v)}",
        "km/km²",
        form_title="지자체 면적 대비 유선 전용 통신망 비율",
        analysis="■ 지자체 면적 대비 센터 관리 통신망 연장비",
        source=OWN,
        unit_label="(단위: km, km²)",
        tables=[t],
        evidence=[ev],
    )


def c_10_2(x: Ctx) -> Built:
    a = x.pop_in(10000)
    b = round(float(a) * x.rng.uniform(8, 30))
    v = round_half_up(b / a, 2)
    t = list_table(
        ["기준연도", "지자체 인구수(만명)", "WiFi 대수", "비율"],
        [["2024", C(fixed(a), number=float(a)), C(num(b), number=b), fixed(v)]],
        [90, 130, 110, 110],
    )
    ev = ev_page(
        x.code,
        "인구수 대비 공공 WiFi 제공 비율",
        "붙임. 공공 와이파이 설치 현황 (지방행정인허가데이터 표준)",
        [
            capture(
                "https://www.data.go.kr/data/15013116/standard.do",
                f"전국무료와이파이표준데이터 - {x.name}",
            ),
            Para(f"설치 장소 수 합계: {num(b)}개소", size=10, bold=True),
        ],
        [f"{num(b)}개소"],
    )
    return ratio_built(
        x,
        {"A": as_json_number(a), "B": b},
        "B / A",
        v,
        f"{fixed(v)}%",
        f"인구 만명당 WiFi 비율 {fixed(v)}",
        "대/만명",
        form_title="인구수 대비 공공 WiFi 제공 비율",
        analysis="■ 인구수 대비 공공 WiFi 제공 비율",
        source="지자체 자체 자료, 지방행정인허가데이터포털",
        unit_label="(단위: 만명, 대)",
        notes=["* 인구수 자료는 행정안전부 주민등록 인구통계 자료 중 2024년 12월 기준 자료를 사용"],
        tables=[t],
        evidence=[ev],
    )


def c_11_1(x: Ctx) -> Built:
    s = x.city.scale
    comps = {
        "officials": max(2, round(x.rng.randint(3, 7) * s)),
        "dispatched": max(1, round(x.rng.randint(2, 6) * s)),
        "operators": max(6, round(x.rng.randint(16, 32) * s)),
        "other": round(x.rng.randint(0, 3) * s),
    }
    total = sum(comps.values())
    t = list_table(
        ["센터명", "전담공무원", "외부기관 파견인력", "관제요원", "기타"],
        [[L(x.city.center), *[C(str(v), number=v) for v in comps.values()]]],
        [150, 70, 90, 70, 60],
        total=[C("총계", bold=True), C(f"{total}명", colspan=4, bold=True)],
    )
    ev = ev_page(
        x.code,
        "도시통합운영센터 구성원",
        f"붙임. {x.city.center} 근무 인력 현황 ('25.7. 현재)",
        [
            kv_table(
                [
                    ("전담공무원", f"{comps['officials']}명"),
                    ("외부기관 파견인력", f"{comps['dispatched']}명"),
                    ("관제요원", f"{comps['operators']}명"),
                    ("기타", f"{comps['other']}명"),
                    ("총원", f"{total}명"),
                ]
            )
        ],
        [f"{total}명"],
    )
    return Built(
        text=f"{total}명",
        value=total,
        unit="명",
        derivation={
            "kind": "formula",
            "expr": "officials + dispatched + operators + other",
            "decimals": 0,
        },
        form_title="도시통합운영센터 내 구성원",
        form_text=f"센터 총원 {total}명",
        analysis="■ 전담공무원, 외부기관 파견인력, 관제요원 등 서비스 관련 인력 모두 포함",
        source=OWN,
        unit_label="(단위: 명)",
        tables=[t],
        evidence=[ev],
        components=comps,
    )


def c_11_2(x: Ctx) -> Built:
    picked = x.pick(COLLAB, min(8, x.scaled(3, 6)))
    dates = x.months(len(picked))
    items = [
        {"no": k, "task": t, "project": p, "partners": pa, "date": d}
        for k, ((t, p, pa), d) in enumerate(zip(picked, dates, strict=True), 1)
    ]
    rows = [
        [str(i["no"]), i["task"], L(i["project"]), L(i["partners"]), yy_mm(i["date"])]
        for i in items
    ]
    headers, widths = ["No.", "담당 업무", "협업 사업", "협업 기관", "착수"], [30, 80, 160, 130, 50]
    ev = ev_page(
        x.code,
        "통합운영센터 협업 사업 건수 (2년간)",
        "붙임. 협업 사업 추진 공문 목록",
        [list_table(headers, rows, widths, size=8.5)],
        [i["project"] for i in items],
    )
    return count_built(
        x,
        items,
        "건",
        f"통합운영센터 담당 업무 중 부서 또는 외부기관 간 협업 사업 건수 ({span_label(x.start, x.end)})",
        "협업 {n}건",
        "■ 부서 또는 외부기관 간 협업 사업 건수 (2년)",
        OWN,
        [list_table(headers, rows, widths)],
        [ev],
    )


def _grouped_count(
    x: Ctx,
    groups: list[tuple[str, list[str]]],
    head: tuple[str, str],
    title: str,
    form_title: str,
    form_text: str,
) -> Built:
    items, rows, no = [], [], 0
    for g, names in groups:
        sub = []
        for n in names:
            no += 1
            items.append({"group": g, "no": no, "name": n})
            sub.append([str(no), L(n)])
        rows += grouped_rows([(g, sub)])
    headers, widths = [head[0], "No.", head[1]], [140, 40, 260]
    ev = ev_page(
        x.code,
        title,
        f"붙임. {x.city.center} 운영 현황 (홈페이지 출력)",
        [list_table(headers, rows, widths, size=8.5)],
        [i["name"] for i in items],
    )
    return count_built(
        x,
        items,
        "건" if "서비스" in title else "개",
        form_title,
        form_text,
        f"■ {title}",
        OWN,
        [list_table(headers, rows, widths)],
        [ev],
    )


def c_11_3(x: Ctx) -> Built:
    groups = [
        (g, x.pick(names, x.rng.randint(2, len(names)))) for g, names in CENTER_SERVICES.items()
    ]
    return _grouped_count(
        x,
        groups,
        ("서비스 분야", "세부 서비스"),
        "통합운영센터 제공 서비스 건수",
        "통합운영센터 제공 서비스 건수",
        "제공 서비스 {n}건",
    )


def c_11_4(x: Ctx) -> Built:
    groups = [
        (g, names) for g, names in x.pick(CENTERS, 2 if x.city.scale < 1 else x.rng.randint(3, 4))
    ]
    return _grouped_count(
        x,
        groups,
        ("연계·통합된 센터명", "연계·통합 부문별 센터"),
        "연계·통합된 개별 센터 수",
        "연계·통합된 개별 센터 수",
        "연계·통합 센터 수 {n}개",
    )


def self_indicator(x: Ctx) -> Built:
    si: dict[str, Any] = x.city.self_indicators[x.code]
    t = list_table(
        ["지표명", "정의", "실적"],
        [[L(si["name"]), L(si["definition"]), si["result"]]],
        [150, 200, 90],
    )
    ev = ev_page(
        x.code,
        f"지자체 자체 설정 지표 - {si['name']}",
        "붙임. 운영 현황 자료",
        [kv_table([("지표명", si["name"]), ("정의", si["definition"]), ("실적", si["result"])])],
        [si["result"]],
    )
    return Built(
        text=si["text"],
        value=None,
        unit=None,
        derivation={"kind": "text"},
        form_title=f"지자체 자체 설정 지표 : {si['name']}",
        form_text=si["text"],
        analysis="■ 지자체 특성을 반영하여 자체 설정한 지표",
        source=OWN,
        tables=[t],
        evidence=[ev],
        items=[{"name": si["name"], "definition": si["definition"], "result": si["result"]}],
    )
