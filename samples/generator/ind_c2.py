"""C-3 … C-9 optional areas, C-10 정보통신망, C-11 도시통합운영센터, 자체 설정 지표."""

from __future__ import annotations

from decimal import Decimal

from samples.generator.doc import C, L
from samples.generator.fmt import (
    as_json_number,
    fixed,
    num,
    round_half_up,
    span_label,
    yy_m_d,
)
from samples.generator.ind_a3 import count_built
from samples.generator.ind_b import halves
from samples.generator.ind_c1 import OWN, pct, ratio_built
from samples.generator.kit import capture, ev_page, list_table
from samples.generator.model import Built, Ctx
from samples.generator.vocab2 import POLICIES


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


def c_3_1(x: Ctx) -> Built:
    systems = [
        ("{s} 시민참여 플랫폼", "시민 정책 제안·토론", "www.{d}/participation"),
        ("{s}e모바일 투표", "시민 모바일 투표앱", "m.vote.{d}"),
        ("{s} 소통 앱", "생활 불편 신고·의견", "talk.{d}"),
    ]
    items = [
        {
            "name": n.format(s=x.city.short),
            "content": c,
            "site": s.format(d=x.city.domain),
            "participants": round(x.pop() / 1000 * x.rng.uniform(0.05, 0.3)),
        }
        for n, c, s in x.pick(systems, 2 if x.city.scale < 2 else 3)
    ]
    total = sum(i["participants"] for i in items)
    rows = [
        [
            str(k),
            L(i["name"]),
            L(i["content"]),
            i["site"],
            C(num(i["participants"]), number=i["participants"]),
        ]
        for k, i in enumerate(items, 1)
    ]
    headers, widths = ["No.", "명칭", "내용", "사이트", "참여 수"], [30, 120, 120, 120, 60]
    ev = ev_page(
        x.code,
        "시민 참여 시스템 유무 및 참여자 수",
        "붙임. 시민 참여 시스템 회원(참여자) 현황 화면",
        [
            capture(
                f"https://www.{x.city.domain}/participation/admin",
                "시민참여 시스템 관리자 - 회원 통계",
            ),
            list_table(
                headers, rows, widths, size=8.5, total=[C("총계", colspan=4), C(num(total))]
            ),
        ],
        [*[i["name"] for i in items], num(total)],
    )
    return Built(
        text=f"{num(total)}천명",
        value=total,
        unit="천명",
        derivation={"kind": "sum_items", "field": "participants"},
        form_title="시민 참여 시스템 유무 및 참여자 수 (현재 기준)",
        form_text=f"참여자 수 {num(total)}천명",
        analysis="■ 지자체에서 운영 중인 시민 참여 시스템과 시민 참여자 수 작성",
        source=OWN,
        unit_label="(단위: 천명)",
        tables=[
            list_table(
                headers, rows, widths, total=[C("총계", colspan=4), C(num(total), number=total)]
            )
        ],
        evidence=[ev],
        items=items,
    )


def c_3_2(x: Ctx) -> Built:
    picked = x.pick(POLICIES, min(7, x.scaled(3, 6)))
    items = [
        {"no": i, "name": n, "data": d, "date": dt}
        for i, ((n, d), dt) in enumerate(zip(picked, x.days(len(picked)), strict=True), 1)
    ]
    rows = [[str(i["no"]), L(i["name"]), L(i["data"]), yy_m_d(i["date"])] for i in items]
    headers, widths = ["No.", "정책명", "활용데이터", "수립일자"], [30, 170, 180, 70]
    ev = ev_page(
        x.code,
        "2년간 도시 데이터를 활용한 정책 수립 건수",
        "붙임. 데이터 기반 정책 수립 결재 문서 목록",
        [list_table(headers, rows, widths, size=8.5)],
        [i["name"] for i in items],
    )
    return count_built(
        x,
        items,
        "건",
        f"도시 데이터를 활용한 정책 수립 건수 ({span_label(x.start, x.end)})",
        "정책 수립 수 {n}건",
        "■ 실제 정책 수립 및 활용 건으로 단순 분석 보고서 발간은 제외",
        OWN,
        [list_table(headers, rows, widths)],
        [ev],
    )


def c_4_1(x: Ctx) -> Built:
    a = int(x.city.households_2024)
    items = [
        {"name": n, "households": round(a * x.rng.uniform(0.02, 0.12))}
        for n in ["원격검침 상수도미터기", "스마트 전력 원격검침(AMI)", "도시가스 원격검침"][
            : x.rng.randint(2, 3)
        ]
    ]
    b = sum(i["households"] for i in items)
    v = pct(b, a)
    t1 = list_table(
        ["No.", "시스템명", "도입 가구 수"],
        [
            [str(k), L(i["name"]), C(num(i["households"]), number=i["households"])]
            for k, i in enumerate(items, 1)
        ],
        [40, 260, 140],
        total=[C("총계", colspan=2, bold=True), C(num(b), number=b, bold=True)],
    )
    t2 = list_table(
        ["기준연도", "전체 가구 수", "원격검침시스템 도입 가구 수", "비율"],
        [["2024", C(num(a), number=a), C(num(b), number=b), fixed(v)]],
        [80, 110, 150, 100],
    )
    ev = ev_page(
        x.code,
        "전체 가구 수 대비 원격검침시스템 도입가구 수",
        "붙임. 원격검침 운영 가구 현황 (운영기관 제출 자료)",
        [
            list_table(
                ["시스템명", "운영 가구 수"],
                [[i["name"], num(i["households"])] for i in items]
                + [["합계", num(b)], ["전체 가구 수(2024)", num(a)]],
                [260, 160],
            )
        ],
        [*[i["name"] for i in items], num(b), num(a)],
    )
    return ratio_built(
        x,
        {"A": a, "B": b},
        "B / A * 100",
        v,
        f"{fixed(v)}%",
        f"원격검침 가구 비율 {fixed(v)}%",
        "%",
        form_title="전체 가구 수 대비 원격검침시스템 도입가구 수",
        analysis="■ 원격검침시스템을 도입하여 운영 중인 가구 수 작성(예정은 제외)",
        source=OWN,
        unit_label="(단위: 가구, %)",
        tables=[t1, t2],
        evidence=[ev],
        items=items,
        links=[{"component": "B", "sum": "households"}],
    )


def c_4_2(x: Ctx) -> Built:
    return per_capita_2y(
        x,
        10000,
        [
            "독거노인 응급안전안심 서비스",
            "중증장애인 응급안전 서비스",
            "IoT 스마트 안심 돌봄",
            "AI 안부확인 서비스",
        ],
        "인구 1만명 당 취약계층의 생활 안전 및 복지 서비스 제공 및 혜택자 수",
        "1만명 당 {v}명",
        "1만명 당 혜택자 수 {v}",
        "명/만명",
        (3, 25),
    )


def c_5_1(x: Ctx) -> Built:
    return per_capita_2y(
        x,
        1000,
        [f"{x.city.short} 사이버평생학습관", "시민 온라인 강좌", "청소년 e-러닝 센터"],
        "인구 1천명 당 온라인 교육 참여 수",
        "1천명 당 {v}",
        "1천명 당 가입자 수 {v}",
        "명/천명",
        (60, 400),
    )


def c_5_2(x: Ctx) -> Built:
    items = []
    for level, lo, hi in (("초등학교", 20, 60), ("중학교", 10, 30), ("고등학교", 8, 25)):
        n = max(3, round(x.rng.randint(lo, hi) * x.city.scale))
        items.append({"level": level, "schools": n, "smart": round(n * x.rng.uniform(0.3, 0.8))})
    a, b = sum(i["schools"] for i in items), sum(i["smart"] for i in items)
    v = pct(b, a)
    rows = [
        [
            i["level"],
            C(num(i["schools"]), number=i["schools"]),
            L("스마트 패드, 전자칠판"),
            C(num(i["smart"]), number=i["smart"]),
            fixed(pct(i["smart"], i["schools"])),
        ]
        for i in items
    ]
    t = list_table(
        ["구분", "학교 수", "주요 스마트 교구", "스마트 스쿨 수", "지표값"],
        rows,
        [80, 70, 140, 80, 70],
        total=[
            C("총계", bold=True),
            C(num(a), number=a),
            "",
            C(num(b), number=b),
            C(fixed(v), bold=True),
        ],
    )
    ev = ev_page(
        x.code,
        "스마트 교구 활용 학교 비율",
        "붙임. 교육지원청 스마트 교구 보급 현황",
        [
            list_table(
                ["구분", "학교 수", "스마트 스쿨 수"],
                [[i["level"], num(i["schools"]), num(i["smart"])] for i in items]
                + [["합계", num(a), num(b)]],
                [160, 140, 140],
            )
        ],
        [*[i["level"] for i in items], num(a), num(b)],
    )
    return ratio_built(
        x,
        {"A": a, "B": b},
        "B / A * 100",
        v,
        f"{fixed(v)}%",
        f"스마트 학교 {fixed(v)}%",
        "%",
        form_title="스마트 교구 활용 학교 비율",
        analysis="■ 스마트 패드, 전자칠판 등 스마트 교구를 활용하는 학교 비율",
        source="교육지원청 자료",
        unit_label="(단위: 개)",
        tables=[t],
        evidence=[ev],
        items=items,
        links=[{"component": "A", "sum": "schools"}, {"component": "B", "sum": "smart"}],
    )


def c_6_1(x: Ctx) -> Built:
    pool = [
        ("VR 지역 체험", "VR 지역축제 체험", "어플리케이션"),
        ("스마트 관광앱", "AR 스마트 관광가이드", "모바일앱"),
        ("AI 관광 챗봇", "다국어 관광 안내", "웹·메신저"),
        ("디지털 스탬프 투어", "관광지 위치기반 스탬프", "모바일앱"),
    ]
    items = [
        {
            "name": f"{x.city.short} {n}",
            "content": c,
            "site": f"{s} ({x.name})",
            "downloads": round(x.rng.randint(800, 9000) * x.city.scale),
        }
        for n, c, s in x.pick(pool, x.rng.randint(2, 4))
    ]
    total = sum(i["downloads"] for i in items)
    rows = [
        [
            str(k),
            L(i["name"]),
            L(i["content"]),
            L(i["site"]),
            C(num(i["downloads"]), number=i["downloads"]),
        ]
        for k, i in enumerate(items, 1)
    ]
    headers, widths = (
        ["No.", "서비스 명", "제공내용", "제공사이트 (관리기관)", "총 다운로드 건 수"],
        [30, 110, 120, 110, 80],
    )
    total_row = [C("총계", colspan=4, bold=True), C(f"{num(total)}건", bold=True)]
    ev = ev_page(
        x.code,
        "최신 IT 기술을 활용한 문화관광 서비스 제공 건수",
        "붙임. 앱 마켓 다운로드 통계 화면",
        [
            capture("https://play.google.com/console", "앱 통계 - 누적 설치 수"),
            list_table(
                ["서비스 명", "누적 다운로드"],
                [[i["name"], num(i["downloads"])] for i in items],
                [260, 160],
            ),
        ],
        [*[i["name"] for i in items], *[num(i["downloads"]) for i in items]],
    )
    return Built(
        text=f"{num(total)}건",
        value=total,
        unit="건",
        derivation={"kind": "sum_items", "field": "downloads"},
        form_title="최신 IT 기술을 활용한 문화관광 서비스 제공 건수",
        form_text=f"다운로드 수 {num(total)}건",
        analysis="■ 관광지 또는 축제 등에서 IT(AR/VR, 어플리케이션 등)를 활용한 서비스",
        source=OWN,
        unit_label="(단위: 건)",
        tables=[list_table(headers, rows, widths, total=total_row)],
        evidence=[ev],
        items=items,
    )
