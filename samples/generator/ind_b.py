"""B 거버넌스 및 제도 builders."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from samples.generator.doc import C, L, Para
from samples.generator.fmt import (
    as_json_number,
    dotted,
    fixed,
    month_index,
    round_half_up,
    spaced_date,
    span_label,
    yy_m_d,
    yy_mm_dd,
)
from samples.generator.ind_a3 import count_built
from samples.generator.kit import (
    capture,
    chunked_list_pages,
    ev_page,
    grouped_rows,
    kv_table,
    list_table,
    report_header,
)
from samples.generator.model import Built, Ctx
from samples.generator.vocab2 import COUNCILS, EVENTS_ABROAD, EVENTS_DOMESTIC

POP2_NOTE = "* 인구수 자료는 행정안전부 주민등록 인구통계(https://jumin.mois.go.kr/) 자료 중 2023년 12월, 2024년 12월 기준 총 인구수 자료를 사용"


def halves(x: Ctx) -> list[tuple[str, str, str]]:
    """The two 12-month halves of the declared span: (label, start, end)."""
    a = month_index(x.start)

    def m(i: int) -> str:
        return f"{i // 12:04d}-{i % 12 + 1:02d}"

    if x.start.endswith("-01"):
        return [(x.start[:4], m(a), m(a + 11)), (m(a + 12)[:4], m(a + 12), m(a + 23))]
    return [
        (f"{span_label(m(a), m(a + 11))}", m(a), m(a + 11)),
        (f"{span_label(m(a + 12), m(a + 23))}", m(a + 12), m(a + 23)),
    ]


def b_1_1(x: Ctx) -> Built:
    n = min(10, x.scaled(4, 6))
    bodies = COUNCILS[:1] if x.city.scale < 1 else COUNCILS
    dates = x.days(n)
    items, per = [], {}
    for i, d in enumerate(dates):
        body, kinds = bodies[i % len(bodies)]
        body = body.format(c=x.name)
        per[body] = per.get(body, 0) + 1
        items.append(
            {
                "body": body,
                "name": f"{d[:4]}년 {body} {x.rng.choice(kinds)} ({per[body]}차)",
                "date": d,
            }
        )
    items.sort(
        key=lambda it: ([b[0].format(c=x.name) for b in bodies].index(it["body"]), it["date"])
    )
    for i, it in enumerate(items, 1):
        it["no"] = i
    rows = grouped_rows(
        [
            (
                b,
                [
                    [str(it["no"]), L(it["name"]), yy_m_d(it["date"])]
                    for it in items
                    if it["body"] == b
                ],
            )
            for b in per
        ]
    )
    headers, widths = ["협의체명", "No.", "회의명", "개최일"], [120, 30, 230, 70]
    ev = ev_page(
        x.code,
        "스마트도시 협의체 구성 및 운영 건수",
        "붙임. 협의체 회의 개최 결과 보고",
        [
            *report_header(
                f"{items[0]['body']} 회의 개최 결과 보고", x.city.org["division"], items[-1]["date"]
            ),
            list_table(headers, rows, widths, size=8.5),
        ],
        [it["name"] for it in items],
    )
    return count_built(
        x,
        items,
        "건",
        f"스마트도시 협의체 구성 및 운영 건수 ({span_label(x.start, x.end)})",
        "협의체 운영 {n}건",
        "■ 협의회 명칭이나 역할이 “스마트도시” 관련이어야 함\n■ 단순히 스마트시티가 언급된 회의는 제외",
        "지자체 협의체 자료, 국가법령정보센터",
        [list_table(headers, rows, widths)],
        [ev],
    )


def b_2_1(x: Ctx) -> Built:
    p = x.city.plan
    ok = "O" if p["approved"] else "X"
    text = f"계획 수립 O (승인 {ok})"
    item = {
        "name": p["name"],
        "plan_start": p["start"],
        "plan_end": p["end"],
        "adopted": p["adopted"],
        "approved": p["approved"],
    }
    table = list_table(
        ["계획명", "연도", "국토부 승인", "수립일"],
        [[L(p["name"]), f"{p['start']}~{p['end']}", ok, dotted(p["adopted"])]],
        [200, 90, 70, 80],
    )
    blocks: list[Any] = [
        Para(p["name"], size=20, bold=True, align="center", before=60, font="myeongjo"),
        Para(f"{p['adopted'][:4]}. {int(p['adopted'][5:])}.", size=13, align="center", before=20),
        Para(x.name, size=15, bold=True, align="center", before=30, after=40),
    ]
    shows = [p["name"]]
    if p["approved"]:
        blocks.append(
            kv_table(
                [
                    ("문서번호", "스마트도시과-3127"),
                    ("제목", f"{p['name']} 승인 알림"),
                    ("시행일자", f"{p['adopted'][:4]}. {int(p['adopted'][5:])}."),
                    ("발신", "국토교통부장관"),
                ]
            )
        )
        shows.append(f"{p['name']} 승인 알림")
    ev = ev_page(
        x.code,
        "5년 이내 중장기 스마트도시계획 수립 여부",
        "붙임. 스마트도시계획 표지 및 승인 공문",
        blocks,
        shows,
    )
    return Built(
        text=text,
        value=True,
        unit=None,
        derivation={"kind": "bool"},
        form_title="5년 이내 중장기 스마트도시계획 수립 여부",
        form_text=text,
        analysis="■ 스마트도시계획과 그 외 관련 계획으로 구분하여 작성하고, 스마트도시계획의 경우 국토부 승인 여부 작성",
        source="지자체 자체 자료, 스마트시티 종합포털(https://smartcity.go.kr/)",
        tables=[table],
        evidence=[ev],
        components={"approved": p["approved"]},
        items=[item],
    )


def b_2_2(x: Ctx) -> Built:
    o = x.city.ordinance
    div = x.city.org["division"]
    table = list_table(
        ["조례명", "제정일", "담당부서", "비고"],
        [[L(o["name"]), dotted(o["enacted"][:7]), div, f"{x.name}조례 {o['no']}"]],
        [220, 70, 90, 80],
    )
    enacted = spaced_date(o["enacted"])
    body = [
        Para(o["name"], size=14, bold=True, align="center", before=10),
        Para(
            f"[시행 {enacted}] [{x.name}조례 {o['no']}, {enacted}, 제정]",
            size=9,
            align="center",
            after=12,
        ),
        Para(f"{div} ({x.city.phone})", size=9, align="right", after=10),
    ]
    for art, txt in [
        (
            "제1조(목적)",
            f"이 조례는 「스마트도시 조성 및 산업진흥 등에 관한 법률」에 따라 {x.name}의 스마트도시 조성 및 운영에 필요한 사항을 규정함을 목적으로 한다.",
        ),
        (
            "제2조(정의)",
            "이 조례에서 사용하는 용어의 뜻은 「스마트도시 조성 및 산업진흥 등에 관한 법률」에서 정하는 바에 따른다.",
        ),
        (
            "제3조(시장의 책무)",
            "시장은 스마트도시 조성과 스마트도시서비스의 활성화를 위하여 필요한 시책을 마련하여야 한다.",
        ),
        (
            "제5조(스마트도시계획)",
            "시장은 5년 단위로 스마트도시계획을 수립하고 필요한 경우 이를 변경할 수 있다.",
        ),
    ]:
        body.append(Para(f"{art} {txt}", size=10, after=6))
    ev = ev_page(
        x.code,
        "스마트도시 조례 여부",
        "붙임. 자치법규 원문 (국가법령정보센터 출력)",
        [capture("https://www.law.go.kr/자치법규", "국가법령정보센터 - 자치법규"), *body],
        [o["name"], f"[시행 {enacted}]"],
    )
    return Built(
        text="관련 조례 O",
        value=True,
        unit=None,
        derivation={"kind": "bool"},
        form_title="스마트도시 조례 여부",
        form_text="스마트도시 조례 O",
        analysis="■ 반드시 스마트도시에 관한 조례나 스마트도시란 명칭이 들어간 조례만 작성",
        source="지자체 조례, 국가법령정보센터(https://www.law.go.kr/)",
        tables=[table],
        evidence=[ev],
        items=[{"name": o["name"], "enacted": o["enacted"], "number": o["no"], "dept": div}],
    )


def b_2_3(x: Ctx) -> Built:
    has_plan = x.city.scale >= 1
    guide = {
        "kind": "지침",
        "name": f"{x.name} 정보통신보안업무 지침",
        "date": x.months(1, "2019-01", "2023-06")[0],
    }
    items = [guide]
    if has_plan:
        items.append(
            {"kind": "계획", "name": "2025년 정보보안 업무 세부추진계획", "date": "2025-02"}
        )
    text = f"지침 O, 계획 {'O' if has_plan else 'X'}"
    rows = [[it["kind"], L(it["name"]), dotted(it["date"]), "정보통신팀", ""] for it in items]
    headers, widths = ["구분", "정책명", "제정일", "담당부서", "비고"], [40, 220, 70, 80, 50]
    ev = ev_page(
        x.code,
        "정보보안 정책 수립 여부",
        "붙임. 정보보안 지침 및 계획 표지 (본문은 보안상 비공개)",
        [
            list_table(headers, rows, widths, size=9),
            Para("※ 정보보안 성격상 본문은 비공개이며, 현장실사 시 열람 가능", size=9, before=8),
        ],
        [it["name"] for it in items],
    )
    return Built(
        text=text,
        value=True,
        unit=None,
        derivation={"kind": "bool"},
        form_title="정보보안 정책 수립 여부",
        form_text=f"정보보안 지침 O 정보보안 계획 {'O' if has_plan else 'X'}",
        analysis="■ 정보보안 관련 지침과 계획으로 구분하여 작성",
        source="지자체 자체 자료",
        tables=[list_table(headers, rows, widths)],
        evidence=[ev],
        components={"guideline": True, "plan": has_plan},
        items=items,
    )


def b_3_1(x: Ctx) -> Built:
    items: list[dict[str, Any]] = []
    for scope, pool, n in (
        ("국내", EVENTS_DOMESTIC, min(12, x.scaled(5, 8))),
        ("국외", EVENTS_ABROAD, min(4, x.scaled(1, 3))),
    ):
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
        analysis="■ “스마트도시” 혹은 “스마트시티”가 포함된 이름으로 개최 혹은 참여한 행사\n■ 협의체 운영 건수(B-1-1)와 중복 제출 불가",
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
        analysis="■ 신규 도입된 공공 스마트도시 서비스(A-3-7 중 기간 내 도입)의 시민 의견 반영 건수\n■ 의견 반영 결과를 함께 제시",
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
