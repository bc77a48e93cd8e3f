"""B-1 추진체계 and B-2 제도기반 builders."""

from __future__ import annotations

from typing import Any

from samples.generator.common import count_built
from samples.generator.doc import L, Para
from samples.generator.fmt import (
    dotted,
    spaced_date,
    span_label,
    yy_m_d,
)
from samples.generator.kit import (
    capture,
    ev_page,
    grouped_rows,
    kv_table,
    list_table,
    report_header,
)
from samples.generator.model import Built, Ctx
from samples.generator.vocab2 import (
    COUNCILS,
)


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
        analysis=(
            "■ 스마트도시계획과 그 외 관련 계획으로 구분하여 작성하고, "
            "스마트도시계획의 경우 국토부 승인 여부 작성"
        ),
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
            (
                f"이 조례는 「스마트도시 조성 및 산업진흥 등에 관한 법률」에 따라 {x.name}의 "
                f"스마트도시 조성 및 운영에 필요한 사항을 규정함을 목적으로 한다."
            ),
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
