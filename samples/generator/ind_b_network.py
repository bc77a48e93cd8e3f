"""B-3 참여네트워크 builders."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from samples.generator.common import POP2_NOTE, halves
from samples.generator.doc import C, L
from samples.generator.fmt import (
    as_json_number,
    dotted,
    fixed,
    round_half_up,
    span_label,
    yy_mm_dd,
)
from samples.generator.kit import (
    chunked_list_pages,
    grouped_rows,
    list_table,
)
from samples.generator.model import Built, Ctx
from samples.generator.vocab2 import (
    EVENTS_ABROAD,
    EVENTS_DOMESTIC,
    EVENTS_DOMESTIC_MORE,
)


def b_3_1(x: Ctx) -> Built:
    items: list[dict[str, Any]] = []
    pin = x.pin()  # [국내, 국외]
    plan = (
        (("국내", EVENTS_DOMESTIC + EVENTS_DOMESTIC_MORE, pin[0]), ("국외", EVENTS_ABROAD, pin[1]))
        if pin
        else (
            ("국내", EVENTS_DOMESTIC, min(12, x.scaled(5, 8))),
            ("국외", EVENTS_ABROAD, min(4, x.scaled(1, 3))),
        )
    )
    for scope, pool, n in plan:
        for name, host, fixed_dates in x.pick(pool, n):
            inside = [d for d in fixed_dates if x.start <= d[:7] <= x.end]
            d = x.rng.choice(inside) if inside else x.days(1)[0]
            items.append(
                {
                    "scope": scope,
                    "name": f"{d[:4]} {name.format(c=x.name)}",
                    "host": host.format(c=x.name),
                    "date": d,
                }
            )
    for scope in ("국내", "국외"):
        sub = sorted((it for it in items if it["scope"] == scope), key=lambda it: it["date"])
        for i, it in enumerate(sub, 1):
            it["no"] = i
    items.sort(key=lambda it: (it["scope"] != "국내", it["no"]))
    dom = sum(it["scope"] == "국내" for it in items)
    abroad = len(items) - dom
    rows = grouped_rows(
        [
            (
                s,
                [
                    [str(it["no"]), L(it["name"]), L(it["host"]), yy_mm_dd(it["date"])]
                    for it in items
                    if it["scope"] == s
                ],
            )
            for s in ("국내", "국외")
            if any(it["scope"] == s for it in items)
        ]
    )
    headers, widths = ["구분", "No.", "명칭", "주최기관", "참여일"], [40, 30, 200, 110, 60]
    text = f"국내 {dom}건, 국외 {abroad}건"
    ev = chunked_list_pages(
        x.code,
        "2년간 스마트도시 관련 행사 개최 및 참여 건수",
        "붙임. 행사 참가 결과 보고 (출장 복명서 발췌)",
        headers,
        rows,
        widths,
        [[it["name"]] for it in items],
    )
    return Built(
        text=text,
        value=dom + abroad,
        unit="건",
        derivation={"kind": "formula", "expr": "domestic + overseas", "decimals": 0},
        form_title=f"2년간 스마트도시 관련 행사 개최 및 참여 건수 ({span_label(x.start, x.end)})",
        form_text=f"국내 {dom}건 국외 {abroad}건",
        analysis=(
            "■ “스마트도시” 혹은 “스마트시티”가 포함된 이름으로 개최 혹은 참여한 행사\n"
            "■ 협의체 운영 건수(B-1-1)와 중복 제출 불가"
        ),
        source="지자체 자체 자료",
        tables=[list_table(headers, rows, widths)],
        evidence=ev,
        components={"domestic": dom, "overseas": abroad},
        links=[
            {"component": "domestic", "count_where": {"scope": "국내"}},
            {"component": "overseas", "count_where": {"scope": "국외"}},
        ],
        items=items,
    )


OPINIONS = [
    ("정류장 정보 오류 신고", "정류장 정보를 서비스 내 업데이트"),
    ("고장 신고 및 수리 요청", "고장 장비 수리 및 교체"),
    ("안내 정보 다양화 의견", "안내 항목 추가 및 갱신 주기 단축"),
    ("야간 이용 불편 민원", "야간 운영시간 연장 및 조명 개선"),
    ("어르신 이용 어려움 의견", "글자 확대 모드 및 음성 안내 추가"),
    ("알림 과다 발송 민원", "알림 설정 기능 개선"),
]


def b_3_2(x: Ctx) -> Built:
    services = [s for s in x.done["A-3-7"].items if x.start <= s["introduced"] <= x.end]
    hv = halves(x)
    items = []
    for s in services:
        for _ in range(x.rng.randint(1, 3)):
            when = x.days(1, start=s["introduced"], end=x.end)[0]
            op, res = x.rng.choice(OPINIONS)
            items.append(
                {
                    "service": s["name"],
                    "introduced": f"{s['introduced']}-01",
                    "opinion": op,
                    "result": res,
                    "date": when,
                    "period": 1 if when[:7] <= hv[0][2] else 2,
                }
            )
    items.sort(key=lambda it: it["date"])
    for i, it in enumerate(items, 1):
        it["no"] = i
    b = sum(it["period"] == 1 for it in items)
    d = len(items) - b
    a, c = x.pop_in(10000, "2023-12"), x.pop_in(10000, "2024-12")
    v = round_half_up(Decimal(b + d) / (a + c), 2)
    list_rows = [
        [
            str(it["no"]),
            L(it["service"]),
            dotted(it["introduced"]),
            L(it["opinion"]),
            L(it["result"]),
            dotted(it["date"]),
        ]
        for it in items
    ]
    headers = [
        "No.",
        "서비스 명",
        "서비스 도입 시기",
        "시민 의견",
        "의견 반영 결과",
        "의견 반영 시기",
    ]
    widths = [28, 100, 70, 100, 120, 70]
    t1 = list_table(
        headers,
        list_rows,
        widths,
        total=[C("총계", colspan=5, bold=True), C(f"{b + d}건", bold=True)],
    )
    t2 = list_table(
        ["연도", "인구수(만명)", "시민 의견 반영 건수", "비율"],
        [
            [
                hv[0][0],
                C(fixed(a), number=float(a)),
                C(str(b), number=b),
                fixed(round_half_up(Decimal(b) / a, 2)),
            ],
            [
                hv[1][0],
                C(fixed(c), number=float(c)),
                C(str(d), number=d),
                fixed(round_half_up(Decimal(d) / c, 2)),
            ],
            ["총계", fixed(a + c), str(b + d), C(fixed(v), bold=True)],
        ],
        [90, 110, 130, 110],
    )
    ev = chunked_list_pages(
        x.code,
        "인구 1만명 당 신규 도입 스마트도시 서비스의 시민 의견 반영 건수",
        "붙임. 시민 의견 처리 결과 (민원 처리 대장 발췌)",
        ["No.", "서비스 명", "시민 의견", "반영 시기"],
        [[str(it["no"]), L(it["service"]), L(it["opinion"]), dotted(it["date"])] for it in items],
        [30, 170, 170, 80],
        [[it["opinion"] + " " + dotted(it["date"])] for it in items],
    )
    for page, chunk in zip(ev, [items[k : k + 22] for k in range(0, len(items), 22)], strict=True):
        page.shows = [s for it in chunk for s in (it["opinion"], dotted(it["date"]))]
    return Built(
        text=f"{fixed(v)}%",
        value=as_json_number(v),
        unit="건/만명",
        derivation={"kind": "formula", "expr": "(B + D) / (A + C)", "decimals": 2},
        form_title=f"인구 1만명 당 신규 도입 스마트도시 서비스의 시민 의견 반영 건수 ({span_label(x.start, x.end)})",
        form_text=f"1만명 당 반영 건수 {fixed(v)}",
        analysis=(
            "■ 신규 도입된 공공 스마트도시 서비스(A-3-7 중 기간 내 도입)의 시민 의견 반영 건수\n"
            "■ 의견 반영 결과를 함께 제시"
        ),
        source="지자체 자체 자료",
        unit_label="(단위: 건수, 만명)",
        notes=[POP2_NOTE],
        tables=[t1, t2],
        evidence=ev,
        components={"A": as_json_number(a), "B": b, "C": as_json_number(c), "D": d},
        links=[
            {"component": "B", "count_where": {"period": 1}},
            {"component": "D", "count_where": {"period": 2}},
        ],
        items=items,
    )
