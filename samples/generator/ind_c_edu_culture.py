"""C-5 교육 and C-6 문화관광 builders."""

from __future__ import annotations

from samples.generator.common import OWN, pct, per_capita_2y, ratio_built
from samples.generator.doc import C, L
from samples.generator.fmt import (
    fixed,
    num,
)
from samples.generator.kit import (
    capture,
    ev_page,
    list_table,
)
from samples.generator.model import Built, Ctx


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
