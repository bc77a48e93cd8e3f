"""The four submission documents as blocks: application, proposal, evidence."""

from __future__ import annotations

from typing import Any

from samples.generator.doc import Block, C, Figure, H, L, PageBreak, Para, Spacer, TableBuilder
from samples.generator.fmt import korean_date, num, spaced_date
from samples.generator.kit import kv_table, seal
from samples.generator.model import AREAS, Built, EvPage, Profile, Spec

GROUP_LETTER = {"혁신성": "A", "거버넌스 및 제도": "B", "서비스 기술 및 인프라": "C"}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


def period_text(city: Profile) -> str:
    (ys, ms), (ye, me) = city.period["start"].split("-"), city.period["end"].split("-")
    return f"{ys}. {int(ms)}. ~ {ye}. {int(me)}."


def application_blocks(city: Profile) -> list[Block]:
    d = city.submitted
    head = city.head
    out: list[Block] = [
        Para(city.name, size=22, bold=True, align="center", spaced=True, before=10, after=14),
        Para("수신  국토연구원장(스마트도시·방재연구센터장)", size=11),
        Para("(경유)", size=11),
        Para("제목  2025년 스마트도시 인증 공모 신청", size=11, bold=True, after=10),
        Para("1. 국토교통부 공고 제2025-967호(2025. 7. 30.)와 관련입니다.", size=10.5),
        Para(
            (
                f"2. 우리 {city.kind[-1]}는 「2025년 스마트도시 인증」 공모에 "
                f"아래와 같이 신청하오니 검토하여 주시기 바랍니다."
            ),
            size=10.5,
            after=8,
        ),
        Para("가. 신청 개요", size=10.5, indent=14),
        kv_table(
            [
                ("신청기관", city.name),
                ("신청 유형", city.city_type),
                ("인구", f"{num(city.population['2024-12'])}명 (2024. 12. 주민등록 인구 기준)"),
                ("선택 서비스 분야", ", ".join(sorted(city.selected_areas, key=AREAS.index))),
                ("2년간 실적 기준기간", period_text(city)),
            ]
        ),
        Para(
            "붙임  1. 스마트도시 인증 신청서 1부.  2. 정량지표 평가제안서 1부.", size=10, before=10
        ),
        Para("3. 정성지표 자체평가표 1부.  4. 근거자료 1부.  끝.", size=10, indent=28, after=30),
        Figure(
            height=60,
            draw=lambda p, w: (
                p.text(w / 2, 30, head["title"], size=20, bold=True, align="center", mode="spaced"),
                seal(p, w / 2 + 80, 8, f"{head['title']}인", 40),
            ),
        ),
        Spacer(40),
        Para(f"시행  {city.org['division']}-{4000 + city.seed % 997} ({spaced_date(d)})", size=9),
        Para(
            f"우 {city.seed % 90000 + 10000}  {city.address}  / 전화 {city.phone}  / 공개구분 공개",
            size=9,
        ),
        PageBreak(),
        Para("■ 스마트도시 및 스마트도시서비스 인증 운영지침 [별지 제1호서식]", size=8.5),
        Para("스마트도시 인증 신청서", size=18, bold=True, align="center", spaced=True, before=6),
        Para("(앞 쪽)", size=8.5, align="right"),
    ]
    tb = TableBuilder([70, 60, 120, 100, 60, 60], size=9.5, min_row_h=24)
    tb.row(H("접수번호"), C(""), H("접수일자"), C(""), H("처리기간"), C(""))
    tb.row(
        H("인증 신청 기관", rowspan=3, spaced=False),
        H("기관명"),
        C(city.name, key="app:name"),
        H("사업자(법인)등록번호", spaced=False),
        C(city.reg_no, colspan=2),
    )
    tb.row(
        H("대표자"),
        C(f"{head['title']} {head['name']}", key="app:head"),
        H("전화번호"),
        C(city.phone, colspan=2),
    )
    tb.row(H("주 소"), L(city.address, colspan=4))
    tb.row(H("인증 실적"), L(city.track_record, colspan=5))
    out += [
        tb.build(),
        Para(
            (
                "「스마트도시 조성 및 산업진흥 등에 관한 법률」 제32조 및 같은 법 시행령 "
                "제31조에 따라 위와 같이 스마트도시 인증을 신청합니다."
            ),
            size=10,
            before=14,
            after=10,
        ),
        Para(korean_date(d), size=10.5, align="right", after=10),
        Figure(
            height=44,
            draw=lambda p, w: (
                p.text(
                    w - 60,
                    20,
                    f"신청기관(대표자)  {head['title']}  {head['name']}",
                    size=10.5,
                    align="right",
                ),
                p.text(w - 4, 20, "(서명 또는 인)", size=8, align="right"),
                seal(p, w - 52, 0, f"{head['title']}인", 32),
            ),
        ),
        Para("운영기관의 장  귀하", size=11, bold=True, after=10),
    ]
    tb = TableBuilder([90, 300, 70], size=8.5)
    tb.row(
        H("신청인 제출서류", spaced=False),
        L(
            "1. 신청 공문\n2. 인증기준에 의거한 정량지표 평가제안서\n"
            "3. 인증기준에 의거한 정성지표 자체평가표\n"
            "4. 평가제안서 및 자체평가표의 사실을 증명하는 근거자료\n"
            "5. 기타 심사에 필요한 자료 (운영기관에서 필요 시 요청)"
        ),
        C("수수료\n없음"),
    )
    out += [
        tb.build(),
        Para("처리절차", size=10, bold=True, before=10),
        Figure(height=50, draw=_flow),
    ]
    return out


def _flow(p: Any, w: float) -> None:
    steps = ["신청서 작성", "접수", "서면평가", "현장실사", "인증 부여"]
    bw = (w - 4 * 16) / 5
    for i, s in enumerate(steps):
        x = i * (bw + 16)
        p.rect(x, 8, bw, 28, stroke=0.7)
        p.text(x + bw / 2, 26, s, size=9, align="center")
        if i:
            p.line(x - 14, 22, x - 2, 22, width=0.8)
    p.text(0, 48, "신청인", size=7.5)
    p.text(bw + 16, 48, "운영기관(국토연구원)", size=7.5)


def form_blocks(spec: Spec, b: Built, number: int) -> list[Block]:
    """One 자료구축양식: heading, the 지표/분석자료/자료출처 table, then the data tables."""
    tb = TableBuilder([70, 260, 130], size=9, key=f"form:{spec.code}")
    tb.row(H("지표"), L(b.form_title), C(b.form_text, key=f"formtext:{spec.code}", bold=True))
    tb.row(H("분석자료", spaced=True), L(b.analysis, colspan=2))
    tb.row(H("자료출처"), L(b.source, colspan=2))
    out: list[Block] = [
        Para(f"{CIRCLED[number]} {spec.name}", size=11, bold=True, before=8, keep_with_next=True),
        Para("○ 평가대상 및 자료", size=10, keep_with_next=True),
        tb.build(),
        Para("○ 자료구축양식", size=10, before=6, keep_with_next=True),
    ]
    if b.unit_label:
        out.append(Para(b.unit_label, size=8.5, align="right", after=1, keep_with_next=True))
    for i, t in enumerate(b.tables):
        out.append(t)
        if i + 1 < len(b.tables):
            out.append(Spacer(6))
    out += [Para(n, size=8, before=2) for n in b.notes]
    return out


def evidence_index_rows(
    specs: list[Spec], built: dict[str, Built], ranges: dict[str, str]
) -> list[list[Any]]:
    return [
        [
            C(s.code),
            L(s.name),
            L(built[s.code].evidence[0].title.removeprefix("붙임. ")),
            C(ranges[s.code]),
        ]
        for s in specs
        if built[s.code].evidence
    ]


def evidence_blocks(
    city: Profile,
    specs: list[Spec],
    built: dict[str, Built],
    ranges: dict[str, str],
    index_pages: int,
    per_index: int,
) -> tuple[list[Block], list[EvPage]]:
    out: list[Block] = [
        Spacer(160),
        Para("2025년 스마트도시 인증", size=16, align="center"),
        Para("근 거 자 료", size=30, bold=True, align="center", before=16, after=200),
        Para(f"2025. {int(city.submitted[5:7])}.", size=14, align="center"),
        Para(city.name, size=20, bold=True, align="center", before=10),
    ]
    rows = evidence_index_rows(specs, built, ranges)
    for k in range(index_pages):
        tb = TableBuilder([50, 180, 180, 50], header_rows=1, size=8.5, min_row_h=15)
        tb.row(H("지표"), H("지표명"), H("증빙 내용"), H("쪽"))
        for r in rows[k * per_index : (k + 1) * per_index]:
            tb.row(*r)
        out += [
            PageBreak(),
            Para(
                "근거자료 목차" + (" (계속)" if k else ""),
                size=14,
                bold=True,
                align="center",
                after=8,
            ),
            tb.build(),
        ]
    pages: list[EvPage] = []
    for s in specs:
        for ev in built[s.code].evidence:
            blocks = list(ev.blocks)
            if blocks and isinstance(blocks[0], Para):
                blocks[0].key = f"ev:{len(pages)}"
            out += [PageBreak(), *blocks]
            pages.append(ev)
    return out, pages
