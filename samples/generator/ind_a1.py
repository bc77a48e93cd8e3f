"""A-1 공공역량 and A-2 민간·시민역량 builders."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from samples.generator.doc import C, Figure, L, Para
from samples.generator.fmt import (
    as_json_number,
    fixed,
    korean_date,
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
    certificate,
    chunked_list_pages,
    ev_page,
    grouped_rows,
    list_table,
    photos,
)
from samples.generator.model import Built, Ctx
from samples.generator.vocab import AWARDS_ORG, AWARDS_PERSON, EDU_PROGRAMS, LIVING_LABS, SURNAMES

POP_NOTE = "* 인구수 자료는 행정안전부 주민등록 인구통계(https://jumin.mois.go.kr/) 자료 중 {} 기준 총 인구수 자료를 사용"
KPIS = [
    "스마트 버스정류장 이용 만족도",
    "불법 주정차 단속 처리 시간",
    "CCTV 관제 사건 검출 건수",
    "공공데이터 개방 건수",
    "스마트 가로등 에너지 절감률",
    "시민 참여 앱 가입자 수",
    "스마트 주차장 회전율",
    "미세먼지 알림 서비스 이용자 수",
    "민원 모바일 처리 비율",
    "스마트 횡단보도 보행자 사고 건수",
    "응급안전 서비스 대응 시간",
    "리빙랩 시민 참여자 수",
]


def org_chart(city: str, bureau: str, division: str, teams: list[dict[str, Any]]) -> Figure:
    def draw(p: Any, w: float) -> None:
        def box(cx: float, y: float, label: str, bw: float = 110) -> None:
            p.rect(cx - bw / 2, y, bw, 24, stroke=0.8, fill=0.95)
            p.text(cx, y + 15.5, label, size=9, align="center")

        mid = w / 2
        chain = (
            [
                f"{city}장" if not city.endswith("군") else f"{city}수",
                "부" + ("시장" if not city.endswith("군") else "군수"),
            ]
            + ([bureau] if bureau else [])
            + [division]
        )
        for i, label in enumerate(chain):
            box(mid, i * 40, label)
            if i:
                p.line(mid, i * 40 - 16, mid, i * 40)
        y = len(chain) * 40 + 10
        tw = min(110.0, (w - 10) / len(teams) - 8)
        xs = [w * (k + 0.5) / len(teams) for k in range(len(teams))]
        p.line(mid, y - 26, mid, y - 10)
        p.line(xs[0], y - 10, xs[-1], y - 10)
        for cx, t in zip(xs, teams, strict=True):
            p.line(cx, y - 10, cx, y)
            box(cx, y, t["name"], tw)
            p.text(cx, y + 38, f"{t['headcount']}명", size=9, align="center")

    return Figure(height=250, draw=draw)


def a_1_1(x: Ctx) -> Built:
    org = x.city.org
    teams, bureau, div = org["teams"], org["bureau"], org["division"]
    total = sum(t["headcount"] for t in teams)
    text = f"{bureau + '/' if bureau else ''}{div} {len(teams)}개팀 (총원 {total}명)"
    rows = []
    for i, t in enumerate(teams):
        first = (
            [
                C("현 조직", rowspan=len(teams)),
                C(bureau or "-", rowspan=len(teams)),
                C(div, rowspan=len(teams)),
            ]
            if i == 0
            else []
        )
        tail = [C(f"{total}", rowspan=len(teams))] if i == 0 else []
        rows.append([*first, t["name"], f"{t['headcount']}", *tail])
    table = list_table(
        ["구분", "국(정책관)", "담당과", "담당팀", "인원", "총 인원"],
        rows,
        [50, 80, 90, 120, 50, 60],
    )
    ev = ev_page(
        x.code,
        "스마트도시 전담부서 지정 여부",
        "붙임. 조직도 및 부서 정원 현황 (2025. 7. 현재)",
        [
            org_chart(x.name, bureau, div, teams),
            Para(f"{div} 정원: 총원 {total}명", size=10, bold=True),
        ],
        [div, *[t["name"] for t in teams], f"총원 {total}명"],
    )
    return Built(
        text=text,
        value=True,
        unit=None,
        derivation={"kind": "bool"},
        form_title="스마트도시 전담부서 지정 여부",
        form_text=text,
        analysis="■ 현재 기준, 지자체 조직도를 활용하여 스마트도시 전담부서와 총원을 작성\n■ 향후 조직 구성 계획은 제외",
        source="지자체 홈페이지(조직도)",
        unit_label="(단위: 명)",
        tables=[table],
        evidence=[ev],
        components={"headcount": total},
        links=[{"component": "headcount", "sum": "headcount"}],
        items=[{"team": t["name"], "headcount": t["headcount"]} for t in teams],
    )


def a_1_2(x: Ctx) -> Built:
    n = min(8, x.scaled(4, 6))
    n_org = max(1, n * 2 // 3)
    org = x.pick(AWARDS_ORG, n_org)
    person = x.pick(AWARDS_PERSON, n - n_org)
    dates = x.days(n)
    x.rng.shuffle(dates)
    items: list[dict[str, Any]] = []
    for i, (name, issuer) in enumerate(org + person):
        d = dates[i]
        who = (
            x.city.org["division"]
            if i < n_org
            else f"{x.city.org['division']}({x.rng.choice(SURNAMES)}○○)"
        )
        items.append(
            {
                "category": "기관" if i < n_org else "개인",
                "name": f"{d[:4]} {name}",
                "date": d[:7],
                "award_date": d,
                "recipient": who,
                "issuer": issuer,
            }
        )
    items.sort(key=lambda it: (it["category"] != "기관", it["date"]))
    for no, it in enumerate(items, 1):
        it["no"] = no
    groups = [
        (
            cat,
            [
                [str(it["no"]), L(it["name"]), yy_mm(it["date"]), it["recipient"], it["issuer"]]
                for it in items
                if it["category"] == cat
            ],
        )
        for cat in ("기관", "개인")
    ]
    table = list_table(
        ["구분", "No.", "표창명", "수상일시", "수상부서 (수상자)", "수여기관"],
        grouped_rows([g for g in groups if g[1]]),
        [40, 30, 170, 55, 100, 80],
    )
    evidence = []
    for k in range(0, n, 2):
        figs, shows = [], []
        for it in items[k : k + 2]:
            rec = (
                [f"기관명 : {x.name}"]
                if it["category"] == "기관"
                else [
                    f"소속 : {x.name} {x.city.org['division']}",
                    f"성명 : {it['recipient'][-4:-1]}",
                ]
            )
            figs.append(
                certificate(
                    f"{it['date'][:4]}-{100 + it['no'] * 37}",
                    rec,
                    it["name"],
                    it["award_date"],
                    it["issuer"],
                )
            )
            shows += [it["name"], korean_date(it["award_date"])]
        evidence.append(
            ev_page(
                x.code,
                "2년간 스마트도시 관련 표창 건수",
                f"붙임. 표창장 사본 ({k + 1}~{min(k + 2, n)})",
                figs,
                shows,
            )
        )
    span = span_label(x.start, x.end)
    return Built(
        text=f"{n}건",
        value=n,
        unit="건",
        derivation={"kind": "count_items"},
        form_title=f"스마트도시 관련 표창 건수 ({span})",
        form_text=f"표창 총 {n}건",
        analysis="■ 국내외 우수 스마트도시 선정, 스마트도시 행사(어워드 등)에서 받은 표창\n■ 최종 선정되어 받은 표창만 작성(후보 선정, 모범공무원 상 제외)",
        source="지자체 내부기안문(표창 수상 보고)",
        unit_label="(단위: 건)",
        tables=[table],
        evidence=evidence,
        items=items,
    )


def a_1_3(x: Ctx) -> Built:
    kpis = x.pick(KPIS, x.rng.randint(6, 10))
    since = x.rng.choice(["2020-03", "2021-05", "2022-02"])
    name = f"{x.city.short} 스마트도시 성과관리시스템"
    text = f"{name} (성과지표 {len(kpis)}개)"
    rule = f"{x.city.ordinance['name']} 제12조(성과관리)"
    table = list_table(
        ["명칭", "도입시기", "지표목록", "운영관리방법", "관련규정"],
        [
            [
                name,
                yy_mm(since),
                L(f"총 {len(kpis)}개\n" + "\n".join(f"- {k}" for k in kpis)),
                L("매년 2회 평가 및 시스템을 통한 수시 관리"),
                L(rule),
            ]
        ],
        [90, 50, 170, 90, 90],
    )
    rows = [[str(i), L(k), f"{x.rng.randint(80, 120)}%", "정상"] for i, k in enumerate(kpis, 1)]
    ev = ev_page(
        x.code,
        "스마트도시 서비스 성과 관리 (KPI 등) 여부",
        "붙임. 성과관리시스템 지표 관리 화면",
        [
            capture(f"https://kpi.{x.city.domain}/dashboard", f"{name} - 성과지표 현황"),
            list_table(["No.", "성과지표", "목표 대비 달성률", "상태"], rows, [30, 250, 90, 60]),
            Para(f"등록 성과지표 총 {len(kpis)}개", size=10, bold=True),
        ],
        [name, *kpis, f"등록 성과지표 총 {len(kpis)}개"],
    )
    return Built(
        text=text,
        value=True,
        unit=None,
        derivation={"kind": "bool"},
        form_title="스마트도시 서비스 성과 관리(KPI 등) 여부",
        form_text=text,
        analysis="■ 자체지표를 통한 성과관리시스템 운영, 스마트시티 계획 대비 정량적 성과지표 보유 및 관리 여부 작성",
        source="증빙이 가능한 지자체 내부문서",
        unit_label=None,
        tables=[table],
        evidence=[ev],
        components={"kpi_count": len(kpis)},
        links=[{"component": "kpi_count", "count": True}],
        items=[{"name": k, "system": name, "introduced": since} for k in kpis],
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
        analysis="■ “스마트도시”와 직접적으로 관련이 있는 리빙랩으로 작성\n■ 동일한 사업이어도 개최 일자가 다를 경우 별건으로 작성",
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
