"""정량지표 평가제안서: cover, contents, 요약표, then one 자료구축양식 per indicator."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from samples.generator.doc import (
    Block,
    C,
    Figure,
    H,
    L,
    PageBreak,
    Para,
    Spacer,
    Table,
    TableBuilder,
)
from samples.generator.documents import form_blocks, period_text
from samples.generator.model import AREAS, Built, Profile, Spec

GROUPS = [("A", "혁신성"), ("B", "거버넌스 및 제도"), ("C", "서비스 기술 및 인프라")]
SUB_LABEL = {
    "공공 역량": "공공역량",
    "민간·시민 역량": "민간시민역량",
    "정보 공개 및 활용": "정보공개 및 활용",
    "추진체계": "추진체계",
    "제도기반": "제도기반",
    "참여 네트워크": "참여네트워크",
    "재원 조성": "재원조성",
}
C_SECTIONS = [
    ("C-1. 필수 서비스 부문", ["교통", "안전"]),
    ("C-2. 선택 서비스 부문", AREAS),
    ("C-3. 정보통신망 부문", ["정보통신망"]),
    ("C-4. 도시통합운영센터 부문", ["도시통합운영센터"]),
]
C_SUBS = {
    "정보통신망": [("유선통신망", ["C-10-1"]), ("무선통신망", ["C-10-2"])],
    "도시통합운영센터": [
        ("도시통합운영센터 조직", ["C-11-1", "C-11-2"]),
        ("도시통합운영센터 규모", ["C-11-3", "C-11-4"]),
    ],
}


def row_label(s: Spec) -> str:
    """The 중분류 cell of the summary: the sub-group, or the service area for C-1 … C-9."""
    return s.area_name or s.subgroup


def summary_table(specs: list[Spec], built: dict[str, Built], ranges: dict[str, str]) -> Table:
    # both 분류 columns may split at a page break, as Hancom does with merged cells
    tb = TableBuilder(
        [56, 54, 38, 158, 110, 68],
        header_rows=1,
        split_cols=frozenset({0, 1}),
        size=8.5,
        key="summary",
    )
    tb.row(H("분류", colspan=2), H("지표명", colspan=2), H("작성 지표 요약"), H("증빙 페이지"))
    for letter, group in GROUPS:
        g = [s for s in specs if s.group == group]
        for i, s in enumerate(g):
            cells = [C(f"{letter}. {group}", rowspan=len(g))] if i == 0 else []
            if i == 0 or row_label(g[i - 1]) != row_label(s):
                n = sum(1 for t in g if row_label(t) == row_label(s))
                cells.append(C(SUB_LABEL.get(row_label(s), row_label(s)), rowspan=n))
            cells += [
                C(s.code),
                L(s.name),
                C(built[s.code].text, key=f"sumtext:{s.code}"),
                C(ranges[s.code]),
            ]
            tb.row(*cells, key=f"sum:{s.code}")
    return tb.build()


@dataclass
class Section:
    """A run of forms; in the workbook each section is one sheet."""

    sheet: str
    blocks: list[Block]


def sections(specs: list[Spec], built: dict[str, Built]) -> list[Section]:
    out: list[Section] = []
    by_code = {s.code: s for s in specs}
    for letter, group in GROUPS:
        g = [s for s in specs if s.group == group]
        head: list[Block] = [
            Para(
                f"{letter}. {group} 부문",
                size=13,
                bold=True,
                key=f"toc:{letter}",
                after=6,
                keep_with_next=True,
            )
        ]
        if letter != "C":
            subs = list(dict.fromkeys(s.subgroup for s in g))
            for k, sub in enumerate(subs, 1):
                codes = [s for s in g if s.subgroup == sub]
                blocks = [
                    *head,
                    Para(f"{k}) {SUB_LABEL[sub]}", size=11.5, bold=True, keep_with_next=True),
                ]
                for n, s in enumerate(codes):
                    blocks += form_blocks(s, built[s.code], n)
                out.append(Section(f"{codes[0].code[:3]} {SUB_LABEL[sub]}", blocks))
                head = []
            continue
        for title, areas in C_SECTIONS:
            present = [a for a in areas if any(row_label(s) == a for s in g)]
            head.append(Para(title, size=12, bold=True, after=4, keep_with_next=True))
            for k, area in enumerate(present, 1):
                parts = C_SUBS.get(area) or [(area, [s.code for s in g if row_label(s) == area])]
                codes = [by_code[c] for _, cs in parts for c in cs]
                blocks: list[Block] = list(head)
                for j, (label, cs) in enumerate(parts):
                    num = k if len(parts) == 1 else j + 1
                    blocks.append(
                        Para(f"{num}) {label}", size=11.5, bold=True, keep_with_next=True)
                    )
                    for n, code in enumerate(cs):
                        blocks += form_blocks(by_code[code], built[code], n)
                sheet = f"{codes[0].code.rsplit('-', 1)[0]} {area}"
                out.append(Section(sheet, blocks))
                head = []
    return out


def cover_blocks(city: Profile) -> list[Block]:
    return [
        Spacer(110),
        Para("2025년 스마트도시 인증", size=18, align="center"),
        Para("정량지표 평가제안서", size=30, bold=True, align="center", shadow=True, before=16),
        Spacer(230),
        Para(f"2025. {int(city.submitted[5:7])}.", size=14, align="center"),
        Para(city.name, size=22, bold=True, align="center", spaced=True, before=12),
    ]


def contents_blocks(city: Profile, page_of: Callable[[str], int]) -> list[Block]:
    entries = [
        ("Ⅰ. 정량지표 요약표", "toc:summary", 0),
        ("Ⅱ. 지표별 자료구축양식", "toc:A", 0),
        ("A. 혁신성 부문", "toc:A", 1),
        ("B. 거버넌스 및 제도 부문", "toc:B", 1),
        ("C. 서비스 기술 및 인프라 부문", "toc:C", 1),
    ]

    def draw(p: Any, w: float) -> None:
        for i, (label, key, depth) in enumerate(entries):
            y = 20 + i * 30
            p.text(20 + depth * 22, y, label, size=12.5, bold=depth == 0)
            p.text(w - 20, y, str(page_of(key)), size=12.5, align="right")
            p.line(200 + depth * 10, y + 1, w - 40, y + 1, width=0.4, color=(0.6, 0.6, 0.6))

    areas = ", ".join(sorted(city.selected_areas, key=AREAS.index))
    return [
        Para("목 차", size=20, bold=True, align="center", spaced=True, before=20, after=30),
        Figure(height=170, draw=draw),
        Para(f"※ 2년간 실적 기준기간: {period_text(city)}", size=10.5, before=30),
        Para(f"※ 선택 서비스 분야(3개): {areas}", size=10.5),
        Para(
            f"※ 신청 유형: {city.city_type} (인구 {city.population['2024-12']:,}명, 2024. 12. 기준)",
            size=10.5,
        ),
    ]


def summary_blocks(
    specs: list[Spec], built: dict[str, Built], ranges: dict[str, str]
) -> list[Block]:
    return [
        Para("Ⅰ. 정량지표 요약표", size=14, bold=True, key="toc:summary"),
        Para("● 정량지표 요약표", size=11, bold=True, after=6),
        summary_table(specs, built, ranges),
    ]


def proposal_pdf_blocks(
    city: Profile,
    specs: list[Spec],
    built: dict[str, Built],
    ranges: dict[str, str],
    page_of: Callable[[str], int],
) -> list[Block]:
    out: list[Block] = [
        *cover_blocks(city),
        PageBreak(),
        *contents_blocks(city, page_of),
        PageBreak(),
        *summary_blocks(specs, built, ranges),
        PageBreak(),
        Para("Ⅱ. 지표별 자료구축양식", size=14, bold=True, after=8),
    ]
    prev = "A"
    for sec in sections(specs, built):
        if sec.sheet[0] != prev:
            out.append(PageBreak())
            prev = sec.sheet[0]
        out += sec.blocks
    return out
