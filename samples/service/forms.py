"""The call's forms filled in: 신청 공문 + [별지 제3호서식] 신청서, [별지 제5호서식]
공동참여기관 확인서, [붙임1] 개인정보 수집·이용 동의서, and the 자체평가표 (1-3) with its
평가결과 판정 block — labels and layout as the seed prints them (660-812, 3224-3620)."""

from __future__ import annotations

from typing import Any

from samples.generator.doc import C, Cell, Figure, H, L, PageBreak, Para, Spacer, TableBuilder
from samples.service.blocks import dots, kdate, kv, pts
from samples.service.catalogue import (
    AREAS,
    FORM_FIELD,
    FORM_FIELDS,
    GROUPS,
    LEVELS,
    NOTICE,
    NOTICE_DATE,
    items_of_area,
    level_area,
    sub_text,
)
from samples.service.draw import closing, signature
from samples.service.model import Bundle

OPERATOR_HEAD = "한국건설기술연구원장"


def check(on: bool, label: str) -> str:
    return f"[√] {label}" if on else f"[ ] {label}"


def org_kind_text(a: dict[str, Any]) -> str:
    """The 기관유형 as the proposal cover's check boxes read when filled (824)."""
    k = a["org_kind"]
    return f"{k}({a['org_sub']})" if a.get("org_sub") else k


def ceo(a: dict[str, Any]) -> str:
    return f"{a['head_title']} {a['head']}"


# -- 신청서 ---------------------------------------------------------------------------------
def application_blocks(b: Bundle) -> list[Any]:
    p = b.profile
    a, s = p["applicant"], p["service"]
    joint = p.get("joint") or []
    we = {"company": "당사", "local_government": "우리 시", "public_institution": "우리 공사"}[
        a["kind"]
    ]
    overview = [
        ("신청기관", a["name"]),
        ("기관유형", org_kind_text(a)),
        ("서비스명", s["name"]),
        ("인증분야", p["field"]),
        ("서비스 수준", f"{LEVELS[b.level]}({b.level})"),
        ("서비스 개요", s["summary"]),
        ("적용 지역", s["region"]),
        ("도입 시기", f"{dots(s['introduced'])} ({s['stage']})"),
    ]
    if joint:
        overview.append(
            ("공동 신청", ", ".join(j["name"] for j in joint) + " (공동참여기관 확인서 첨부)")
        )
    attach = [
        "스마트도시서비스 인증 신청서 1부",
        "평가제안서 1부",
        "자체평가표 1부",
        "근거자료 1부",
    ]
    if joint:
        attach.append("공동참여기관 확인서 1부")
    attach.append("개인정보 수집·이용 동의서 1부")
    out: list[Any] = [
        Para(a["name"], size=22, bold=True, align="center", spaced=True, before=6, after=14),
        Para(f"수신  {OPERATOR_HEAD}(스마트도시클러스터장)", size=11),
        Para("(경유)", size=11),
        Para("제목  「2023년 스마트도시 서비스 인증」 신청", size=11, bold=True, after=10),
        Para(f"1. {NOTICE}({dots(NOTICE_DATE)})와 관련입니다.", size=10.5),
        Para(
            f"2. {we}는 「2023년 스마트도시 서비스 인증」에 아래와 같이 신청하오니 검토하여 주시기 "
            "바랍니다.",
            size=10.5,
            after=8,
        ),
        Para("가. 신청 개요", size=10.5, indent=14),
        kv([(k, v) for k, v in overview], widths=(90, 370)),
        Para(
            "붙임  " + "  ".join(f"{k + 1}. {t}." for k, t in enumerate(attach)) + "  끝.",
            size=9.5,
            before=8,
            after=16,
        ),
        closing(
            ceo(a) if a["kind"] != "local_government" else a["head_title"],
            f"{a['short']}{'대표이사인' if a['kind'] == 'company' else '인'}",
        ),
        Spacer(14),
        Para(
            f"시행  {a['division']}-{1000 + sum(map(ord, a['name'])) % 8000} ({dots(p['submitted'])})",
            size=9,
        ),
        Para(f"우 {a['zip']}  {a['address']}  / 전화 {a['phone']}  / 공개구분 공개", size=9),
        PageBreak(),
    ]
    out += form3_blocks(b)
    return out


def form3_blocks(b: Bundle) -> list[Any]:
    p = b.profile
    a, s = p["applicant"], p["service"]
    fld = FORM_FIELD[p["field"]]
    tb = TableBuilder([62, 62, 150, 92, 96], size=9.2, min_row_h=22)
    tb.row(H("접수번호"), C(""), H("접수일자", spaced=False), C(""), Cell("처리기간", header=True))
    tb.row(
        H("신청\n기관", rowspan=3, spaced=False),
        H("기관명"),
        C(a["name"], key="app:name"),
        H("사업자(법인)\n등록번호", spaced=False),
        C(a["reg_no"], key="app:reg_no"),
    )
    tb.row(H("대표자"), C(ceo(a), key="app:head"), H("전화번호"), C(a["phone"]))
    tb.row(H("주 소"), L(a["address"], colspan=3))
    tb.row(
        H("서비스\n명칭", rowspan=2, spaced=False),
        H("한 글"),
        L(s["name"], colspan=3, key="app:service"),
    )
    tb.row(H("영 문"), L(s["name_en"], colspan=3))
    lines = []
    for k in range(0, 12, 4):
        lines.append("   ".join(check(f == fld, f) for f in FORM_FIELDS[k : k + 4]))
    tb.row(H("신청\n분야", spaced=False), L("\n".join(lines), colspan=4, key="app:field"))
    lv = "   ".join(check(k == b.level, v) for k, v in LEVELS.items())
    tb.row(H("신청\n서비스\n수준", spaced=False), L(lv, colspan=4, key="app:level"))
    tb.row(H("인증\n실적", spaced=False), L(s["track_record"], colspan=4))
    return [
        Para("■ 스마트도시 및 스마트도시서비스 인증 운영지침 [별지 제3호서식]", size=8.5),
        Para("스마트도시서비스 인증 신청서", size=18, bold=True, align="center", before=6),
        Para("(앞 쪽)", size=8.5, align="right"),
        tb.build(),
        Para(
            "「스마트도시 조성 및 산업진흥 등에 관한 법률」 제32조 및 같은 법 시행령 제31조에 따라 "
            "위와 같이 스마트도시서비스 인증을 신청합니다.",
            size=10,
            before=14,
            after=10,
        ),
        Para(kdate(p["submitted"]), size=10.5, align="right", after=6),
        signature([("신청인(대표자)", f"{a['name']} {ceo(a)}")], [f"{a['head_title']}인"]),
        Para("운영기관의 장  귀하", size=11, bold=True, before=6, after=6),
        Para("첨부서류  뒤쪽 참조", size=9),
        Para("210㎜×297㎜[백상지 80g/㎡(재활용품)]", size=8, align="right"),
        PageBreak(),
        Para("(뒤 쪽)", size=8.5, align="right"),
        _back_table(),
        Para("처리절차", size=10, bold=True, before=10),
        Para("이 신청서는 아래와 같이 처리됩니다.", size=9),
        Figure(height=64, draw=_flow),
    ]


def _back_table() -> Any:
    tb = TableBuilder([90, 300, 70], size=9)
    tb.row(
        H("신청인\n제출서류", spaced=False),
        L(
            "1. 신청 공문 1부\n2. 인증기준에 의거한 평가제안서 1부\n"
            "3. 평가제안서의 사실을 증명하는 근거자료 1부\n4. 기타 심사에 필요한 자료 1부\n"
            "5. 공동 참여기관 확인서(선택사항) 1부\n6. 위 1~5호를 수록한 데이터 저장매체 1매"
        ),
        C("수수료\n없음"),
    )
    return tb.build()


def _flow(p: Any, w: float) -> None:
    steps = [
        ("신청서 작성", "(신청인)"),
        ("접수 및 평가", "(운영기관의 장)"),
        ("인증여부 결정", "(국토교통부장관)*"),
        ("인증서 교부", "(국토교통부장관)*"),
    ]
    bw = (w - 3 * 20) / 4
    for i, (s, who) in enumerate(steps):
        x = i * (bw + 20)
        p.rect(x, 6, bw, 28, stroke=0.7)
        p.text(x + bw / 2, 24, s, size=9, align="center")
        p.text(x + bw / 2, 48, who, size=7.5, align="center")
        if i:
            p.text(x - 10, 24, "→", size=10, align="center")


# -- 공동참여기관 확인서 -----------------------------------------------------------------------
def joint_blocks(b: Bundle) -> list[Any]:
    p = b.profile
    a, s = p["applicant"], p["service"]
    joint = p["joint"]
    tb = TableBuilder([62, 62, 150, 92, 96], size=9.2, min_row_h=21)
    tb.row(H("접수번호"), C(""), H("접수일자", spaced=False), C(""), Cell("처리기간", header=True))
    tb.row(H("서비스\n명칭", rowspan=2, spaced=False), H("한 글"), L(s["name"], colspan=3))
    tb.row(H("영 문"), L(s["name_en"], colspan=3))

    def party(label: str, o: dict[str, Any] | None, key: str | None) -> None:
        o = o or {}
        tb.row(
            H(label, rowspan=3, spaced=False),
            H("기관명"),
            C(o.get("name", ""), key=key),
            H("사업자(법인)\n등록번호", spaced=False),
            C(o.get("reg_no", "")),
        )
        tb.row(H("대표자"), C(ceo(o) if o else ""), H("전화번호"), C(o.get("phone", "")))
        tb.row(H("주 소"), L(o.get("address", ""), colspan=3))

    party("대표\n신청인", a, "joint:lead")
    for k in range(3):
        party(
            "공동\n신청인",
            joint[k] if k < len(joint) else None,
            f"joint:{k}" if k < len(joint) else None,
        )
    signs = [("대표 신청인", f"{a['name']} {ceo(a)}")] + [
        ("공동 신청인", f"{j['name']} {ceo(j)}") for j in joint
    ]
    seals = [f"{a['head_title']}인"] + ["대표이사인" for _ in joint]
    return [
        Para("■ 스마트도시 및 스마트도시서비스 인증 운영지침 [별지 제5호서식]", size=8.5),
        Para(
            "공동참여기관 확인서",
            size=18,
            bold=True,
            align="center",
            spaced=True,
            before=6,
            after=8,
        ),
        tb.build(),
        Para(
            "「스마트도시 조성 및 산업진흥 등에 관한 법률」 제32조 및 같은 법 시행령 제31조에 따라 "
            "위와 같이 스마트도시 인증을 신청합니다.",
            size=10,
            before=10,
            after=6,
        ),
        Para(kdate(p["submitted"]), size=10.5, align="right", after=2),
        signature(signs, seals),
        *[
            Para(
                "공동 신청인                         (서명 또는 인)",
                size=10.5,
                align="right",
                after=8,
            )
            for _ in range(3 - len(joint))
        ],
        Para("운영기관의 장  귀하", size=11, bold=True, before=4),
        Para("210㎜×297㎜[백상지 80g/㎡(재활용품)]", size=8, align="right"),
    ]


# -- 개인정보 동의서 ---------------------------------------------------------------------------
def consent_blocks(b: Bundle) -> list[Any]:
    p = b.profile
    a = p["applicant"]
    tb = TableBuilder([130, 330], size=9.5, min_row_h=30)
    tb.row(
        H("수 집 항 목\n(필수항목)", spaced=False),
        L(
            "- 기본인적사항\n  (성명, 생년월일, 현주소, 사업장 최초 등록일, 전화번호, E-mail)\n"
            "- 사업자등록증 사본"
        ),
    )
    tb.row(
        H("수집·이용목적", spaced=False),
        L(
            "- 인증 여부 판단, 인증 업무 관련 행정 처리 및 본인 연락\n- 기타 인증에 합리적으로 필요한 업무 등"
        ),
    )
    tb.row(
        H("보유 및 이용기간", spaced=False),
        L(
            "- 연구원은 개인정보 수집 및 이용 목적이 달성된 후에는 해당 정보를 지체 없이 파기합니다.\n"
            "  다만, 귀 기관의 서비스인증이 확정되는 경우에는 인증 유지와 홍보 등 행정 목적을 위하여 "
            "수집한 정보를 보유할 수 있습니다."
        ),
    )
    tb.row(
        H("개인정보 제공동의 거부권리 및 거부에 따른 불이익 내용 또는 제한사항", spaced=False),
        L(
            "신청인은 본 개인정보 수집에 대한 동의를 거부하실 수 있으며, 이 경우 시범사업 대상자 "
            "선정 시 불이익(제외)을 받을 수 있습니다."
        ),
    )
    return [
        Para("[붙임1]", size=9),
        Para(
            "신청자 개인정보 수집 및 이용 동의서",
            size=17,
            bold=True,
            align="center",
            before=8,
            after=12,
        ),
        Para("□ 개인정보의 수집 및 이용에 대한 동의", size=11, bold=True, after=6),
        tb.build(),
        Para(
            "본인은 「개인정보보호법 제15조 제1항, 제3항」에 따라 개인정보에 관한 설명을 모두 "
            "이해하였으며, 이에 동의합니다.",
            size=10.5,
            before=16,
            after=14,
        ),
        Para(kdate(p["submitted"]), size=10.5, align="right", after=8),
        signature([("성명 :", f"{a['head']} ({a['name']} {a['head_title']})")], [f"{a['head']}"]),
        Para(f"{OPERATOR_HEAD}  귀하", size=11, bold=True, before=10),
    ]


# -- 자체평가표 -----------------------------------------------------------------------------
SA_WIDTHS = [56, 30, 62, 36, 206, 32, 40]


def _sa_header(tb: TableBuilder) -> None:
    tb.row(H("구  분", colspan=5), H("배점", rowspan=2), H("평가\n점수", rowspan=2, spaced=False))
    tb.row(H("평가항목"), H("세부 평가항목", colspan=4))


def _sa_rows(tb: TableBuilder, b: Bundle, area: str, filled: bool) -> float:
    items = items_of_area(area)
    n_area = sum(len(it.subs) for it in items)
    total = 0.0
    for i, it in enumerate(items):
        for k, sub in enumerate(it.subs):
            cells: list[Cell] = []
            if i == 0 and k == 0:
                cells.append(C(f"{area}\n{AREAS[area]}", rowspan=n_area))
            if k == 0:
                cells += [C(it.number, rowspan=len(it.subs)), C(it.name, rowspan=len(it.subs))]
            score = b.claims.get(sub.code) if filled else None
            cells += [
                C(sub.code),
                L(sub_text(sub, b.profile["field"])),
                C(pts(sub.points)),
                C("" if score is None else pts(score), key=f"sa:{sub.code}" if filled else None),
            ]
            tb.row(*cells)
            total += sub.points
    return total


def self_assessment_blocks(b: Bundle) -> list[Any]:
    p = b.profile
    chosen = level_area(b.level)
    out: list[Any] = [
        Para("스마트 서비스 인증 자체평가표", size=17, bold=True, align="center", after=12),
        Para(f"□ 서비스명 : {p['service']['name']}", size=10.5, key="sa:service"),
        Para(f"□ 신청기관 : {p['applicant']['name']}", size=10.5, after=8),
    ]
    for g, title in (
        ("1", "1. 스마트 도시 부합성 (30점)"),
        ("2", "2. 구성 및 기능 (평가항목 중 택1, 50점)"),
        ("3", "3. 운영 (20점)"),
    ):
        out.append(Para(title, size=11, bold=True, before=8, keep_with_next=True))
        areas = [a for a in AREAS if a[0] == g]
        # 부합성 and 운영: one table with one 계; 구성 및 기능: one table per level, only the
        # chosen level filled in ("평가항목 중 택1")
        groups = [[a] for a in areas] if g == "2" else [areas]
        for part in groups:
            tb = TableBuilder(
                SA_WIDTHS, header_rows=2, size=8.3, min_row_h=17, split_cols=frozenset({0})
            )
            _sa_header(tb)
            filled = g != "2" or part[0] == chosen
            points = sum(_sa_rows(tb, b, area, filled) for area in part)
            label = f"({part[0]} {AREAS[part[0]]}) 계" if g == "2" else f"({g}. {GROUPS[g][0]}) 계"
            tb.row(
                C(label, colspan=5, bold=True),
                C(pts(points), bold=True),
                C(
                    pts(b.printed_subtotals[g]) if filled else "",
                    bold=True,
                    key=f"sa:total:{g}" if filled else None,
                ),
            )
            out += [tb.build(), Spacer(6)]
    out += [PageBreak(), Para("□ 평가항목 및 배점", size=11, bold=True, after=6), _verdict(b)]
    a, w = p["applicant"], p["writer"]
    out += [
        Para(kdate(p["submitted"]), size=10.5, align="right", before=16, after=8),
        signature(
            [
                (
                    "평가자  소속 : " + a["name"] + "   직급 : " + w["position"] + "   성명 :",
                    w["name"],
                )
            ],
            [w["name"]],
            size=9.5,
        ),
    ]
    return out


def _verdict(b: Bundle) -> Any:
    chosen = level_area(b.level)
    tb = TableBuilder([110, 170, 90, 90], size=9.5, min_row_h=22)
    tb.row(
        H("평가결과 판정", rowspan=2, colspan=2, spaced=False),
        H("자체평가점수", colspan=2, spaced=False),
    )
    tb.row(H("점수"), H("과락"))
    tb.row(
        C("1. 스마트 도시 부합성", colspan=2),
        C(pts(b.printed_subtotals["1"]), key="verdict:1"),
        C(str(GROUPS["1"][2])),
    )
    for k, (lv, name) in enumerate(LEVELS.items()):
        area = level_area(lv)
        cells = [C("2. 구성 및 기능", rowspan=3)] if k == 0 else []
        on = area == chosen
        tb.row(
            *cells,
            C(f"{area} {name}"),
            C(pts(b.printed_subtotals["2"]) if on else "", key="verdict:2" if on else None),
            C(str(GROUPS["2"][2])),
        )
    tb.row(
        C("3. 운영", colspan=2),
        C(pts(b.printed_subtotals["3"]), key="verdict:3"),
        C(str(GROUPS["3"][2])),
    )
    for k, (lv, label) in enumerate(
        (("L1", "단위서비스"), ("L2", "네트워크 연계서비스"), ("L3", "데이터허브 기반 서비스"))
    ):
        on = lv == b.level
        cells = [C("합계", rowspan=3, bold=True)] if k == 0 else []
        tb.row(
            *cells,
            C(label),
            C(pts(b.printed_total) if on else "", bold=True, key="verdict:total" if on else None),
            C(""),
        )
    return tb.build()
