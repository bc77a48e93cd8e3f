"""C-7 경제, C-8 보건복지 and C-9 환경에너지 builders."""

from __future__ import annotations

from decimal import Decimal

from samples.generator.common import OWN, count_built, pct, per_capita_2y, ratio_built, simple_ratio
from samples.generator.doc import C, L, Para
from samples.generator.fmt import (
    fixed,
    num,
    round_half_up,
)
from samples.generator.kit import (
    capture,
    ev_page,
    list_table,
)
from samples.generator.model import Built, Ctx


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
