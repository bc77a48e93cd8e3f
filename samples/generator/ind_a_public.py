"""A-1 공공역량 builders."""

from __future__ import annotations

from typing import Any

from samples.generator.doc import C, Figure, L, Para
from samples.generator.fmt import (
    korean_date,
    span_label,
    yy_mm,
)
from samples.generator.kit import (
    capture,
    certificate,
    ev_page,
    grouped_rows,
    list_table,
)
from samples.generator.model import Built, Ctx
from samples.generator.vocab import (
    AWARDS_ORG,
    AWARDS_PERSON,
    SURNAMES,
)

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
        analysis=(
            "■ 현재 기준, 지자체 조직도를 활용하여 스마트도시 전담부서와 총원을 작성\n"
            "■ 향후 조직 구성 계획은 제외"
        ),
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
        analysis=(
            "■ 국내외 우수 스마트도시 선정, 스마트도시 행사(어워드 등)에서 받은 표창\n"
            "■ 최종 선정되어 받은 표창만 작성(후보 선정, 모범공무원 상 제외)"
        ),
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
