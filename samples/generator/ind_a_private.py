"""A-2 민간·시민역량 builders."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from samples.generator.common import POP_NOTE
from samples.generator.doc import C, L, Para
from samples.generator.fmt import (
    as_json_number,
    fixed,
    month_index,
    month_of,
    month_range,
    num,
    round_half_up,
    span_label,
    yy_mm,
)
from samples.generator.kit import (
    capture,
    chunked_list_pages,
    ev_page,
    list_table,
    photos,
)
from samples.generator.model import Built, Ctx
from samples.generator.vocab import (
    EDU_PROGRAMS,
    LIVING_LABS,
)


def _pop_capture(x: Ctx, month: str) -> list[Any]:
    y, m = month.split("-")
    rows = [[x.name, num(x.pop(month)), num(int(x.pop(month) / 2.3))]]
    return [
        capture(
            "https://jumin.mois.go.kr/statMonth.do", f"주민등록 인구 및 세대현황 ({y}년 {int(m)}월)"
        ),
        list_table(["행정기관", "총 인구수", "세대수"], rows, [160, 140, 140]),
    ]


def a_2_1(x: Ctx) -> Built:
    c = x.pop_in(10000)
    a = round(float(c) * x.rng.uniform(0.8, 1.6))
    b = round(float(c) * x.rng.uniform(0.7, 1.5))
    v = round_half_up(Decimal(a + b) / c, 2)
    text = f"1만명 당 기업 수 {fixed(v)}"
    table = list_table(
        ["기준연도", "기술혁신형 중소기업 수", "경영혁신형 중소기업 수", "인구수(만명)", "지표값"],
        [
            [
                "2024년",
                C(num(a), number=a),
                C(num(b), number=b),
                C(fixed(c), number=float(c)),
                fixed(v),
            ]
        ],
        [70, 110, 110, 90, 70],
    )
    ev = ev_page(
        x.code,
        "인구 1만명 당 혁신성 인증 기업 수",
        "붙임. 인증기업 조회 결과 및 인구 통계",
        [
            capture(
                "https://www.innobiz.net/company/search",
                f"이노비즈 인증기업 검색 (소재지: {x.name})",
            ),
            Para(f"검색결과 총 {num(a)}건", size=10, bold=True),
            capture(
                "https://www.smes.go.kr/mainbiz/search",
                f"메인비즈 인증기업 검색 (소재지: {x.name})",
            ),
            Para(f"검색결과 총 {num(b)}건", size=10, bold=True),
            *_pop_capture(x, "2024-12"),
        ],
        [f"검색결과 총 {num(a)}건", f"검색결과 총 {num(b)}건", num(x.pop("2024-12"))],
    )
    return Built(
        text=text,
        value=as_json_number(v),
        unit="개/만명",
        derivation={"kind": "formula", "expr": "(A + B) / C", "decimals": 2},
        form_title="인구 1만명 당 혁신성 인증 기업 수",
        form_text=text,
        analysis="■ 중소벤처기업부 선정 기술혁신형(이노비즈), 경영혁신형(메인비즈) 중소기업 수를 조회하여 작성",
        source="기술혁신형 중소기업 인증시스템(https://www.innobiz.net/), 경영혁신형 중소기업 인증시스템(https://www.smes.go.kr/)",
        unit_label="(단위: 개/만명)",
        notes=[POP_NOTE.format("2024년 12월")],
        tables=[table],
        evidence=[ev],
        components={"A": a, "B": b, "C": as_json_number(c)},
    )


def a_2_2(x: Ctx) -> Built:
    b = x.pop_in(10000, "2023-12")
    a = round(float(b) * x.rng.uniform(4, 22))
    v = round_half_up(Decimal(a) / b, 2)
    text = f"1만명 당 종사자수 {fixed(v)}"
    table = list_table(
        ["기준연도", "연구개발업 종사자수", "인구수(만명)", "지표값"],
        [["2023년", C(num(a), number=a), C(fixed(b), number=float(b)), fixed(v)]],
        [90, 130, 110, 90],
    )
    ev = ev_page(
        x.code,
        "인구 1만명 당 연구개발업 종사자 수",
        "붙임. 전국사업체조사 조회 결과 및 인구 통계",
        [
            capture("https://mdis.kostat.go.kr/", "MDIS 전국사업체조사 (2023년, 산업중분류 73)"),
            list_table(
                ["행정구역", "산업중분류", "사업체수", "종사자수"],
                [[x.name, "73 연구개발업", num(max(3, a // 9)), num(a)]],
                [120, 140, 80, 80],
            ),
            *_pop_capture(x, "2023-12"),
        ],
        ["73 연구개발업", num(a), num(x.pop("2023-12"))],
    )
    return Built(
        text=text,
        value=as_json_number(v),
        unit="명/만명",
        derivation={"kind": "formula", "expr": "A / B", "decimals": 2},
        form_title="인구 1만명 당 연구개발업 종사자 수",
        form_text=f"1만명 당 종사자 수 {fixed(v)}",
        analysis="■ 지자체별 연구개발업(산업중분류 73)에 종사하는 종사자의 수",
        source="통계청 마이크로데이터 통합서비스(https://mdis.kostat.go.kr/) 전국사업체조사",
        unit_label="(단위: 명/만명)",
        notes=[POP_NOTE.format("2023년 12월")],
        tables=[table],
        evidence=[ev],
        components={"A": a, "B": as_json_number(b)},
    )


def a_2_3(x: Ctx) -> Built:
    n = min(12, x.scaled(5, 8))
    labs = x.pick(LIVING_LABS, max(2, n // 3))
    months = x.months(n)
    items, seen = [], {}
    for i, m in enumerate(months):
        lab, what = labs[i % len(labs)]
        seen[lab] = seen.get(lab, 0) + 1
        items.append(
            {
                "no": i + 1,
                "name": lab.format(c=x.name),
                "content": f"{what} {seen[lab]}차",
                "date": m,
            }
        )
    rows = [[str(it["no"]), L(it["name"]), L(it["content"]), yy_mm(it["date"])] for it in items]
    table = list_table(["No.", "리빙랩명", "내용", "운영 일시"], rows, [30, 160, 180, 70])
    ev = ev_page(
        x.code,
        "2년간 리빙랩 운영 건수",
        "붙임. 리빙랩 운영 결과보고",
        [
            list_table(
                ["No.", "리빙랩명", "내용", "운영 일시"], rows, [30, 160, 180, 70], size=8.5
            ),
            photos([f"{items[0]['content']}", f"{items[-1]['content']}"]),
        ],
        [it["content"] for it in items],
    )
    return Built(
        text=f"{n}건",
        value=n,
        unit="건",
        derivation={"kind": "count_items"},
        form_title=f"리빙랩 운영 건수 ({span_label(x.start, x.end)})",
        form_text=f"리빙랩 운영 건수 {n}건",
        analysis=(
            "■ “스마트도시”와 직접적으로 관련이 있는 리빙랩으로 작성\n"
            "■ 동일한 사업이어도 개최 일자가 다를 경우 별건으로 작성"
        ),
        source="지자체 자체 자료",
        unit_label="(단위: 건)",
        tables=[table],
        evidence=[ev],
        items=items,
    )


def a_2_4(x: Ctx) -> Built:
    n = min(16, x.scaled(6, 10))
    progs = x.pick(EDU_PROGRAMS, 4)
    starts = x.months(n, end=x.end)
    items = []
    for i, s in enumerate(starts):
        name, org = progs[i % len(progs)]
        end = month_of(min(month_index(s) + 1, month_index(x.end)))
        items.append(
            {
                "no": i + 1,
                "name": f"{name} {i // len(progs) + 1}기",
                "org": org.format(s=x.city.short),
                "start": s,
                "end": end,
            }
        )
    rows = [
        [str(it["no"]), L(it["name"]), it["org"], month_range(it["start"], it["end"])]
        for it in items
    ]
    table = list_table(["No.", "프로그램명", "운영기관", "운영기간"], rows, [30, 200, 130, 80])
    ev = chunked_list_pages(
        x.code,
        "2년간 스마트도시 관련 시민 교육 프로그램 운영 건수",
        "붙임. 시민 교육 프로그램 운영 현황 (결과보고 발췌)",
        ["No.", "프로그램명", "운영기관", "운영기간"],
        rows,
        [30, 200, 130, 80],
        [[it["name"]] for it in items],
    )
    return Built(
        text=f"{n}건",
        value=n,
        unit="건",
        derivation={"kind": "count_items"},
        form_title=f"스마트도시 시민 교육 프로그램 운영 건수 ({span_label(x.start, x.end)})",
        form_text=f"프로그램 운영 건수 {n}건",
        analysis="■ “스마트도시”와 관련 있는 프로그램(스마트기기 교육, 디지털 격차 해소 등)\n■ 리빙랩 프로그램은 제외",
        source="지자체 자체 자료",
        unit_label="(단위: 건)",
        tables=[table],
        evidence=ev,
        items=items,
    )
