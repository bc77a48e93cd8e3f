"""C-3 행정 and C-4 주거 builders."""

from __future__ import annotations

from samples.generator.common import OWN, count_built, pct, per_capita_2y, ratio_built
from samples.generator.doc import C, L
from samples.generator.fmt import (
    fixed,
    num,
    span_label,
    yy_m_d,
)
from samples.generator.kit import (
    capture,
    ev_page,
    list_table,
)
from samples.generator.model import Built, Ctx
from samples.generator.vocab2 import (
    POLICIES,
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
