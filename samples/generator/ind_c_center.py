"""C-10 정보통신망, C-11 도시통합운영센터 and 자체 설정 지표 builders."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from samples.generator.common import OWN, count_built, ratio_built
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
    capture,
    ev_page,
    grouped_rows,
    kv_table,
    list_table,
)
from samples.generator.model import Built, Ctx
from samples.generator.vocab2 import (
    CENTER_SERVICES,
    CENTERS,
    COLLAB,
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
