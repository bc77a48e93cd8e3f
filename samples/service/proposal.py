"""평가제안서 (1-2, 816-853): cover form with the declaration, 목차, Ⅰ. 서비스 개요 (one page
with the 개요도), then Ⅱ. 평가 항목별 내용 — one section per 세부평가항목 of the chosen
level, in the call's order, each ending with its self-score reasons and the 근거자료 pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from samples.generator.doc import C, H, L, PageBreak, Para, Spacer, TableBuilder
from samples.service.blocks import dots, grid, kdate, kv, note, pts
from samples.service.catalogue import (
    AREAS,
    FORM_FIELD,
    FORM_FIELDS,
    GROUPS,
    LEVELS,
    ORG_KINDS,
    sub_text,
)
from samples.service.draw import overview, signature
from samples.service.forms import ceo
from samples.service.model import Bundle, Content

EvRefs = dict[str, list[tuple[str, str]]]  # S-code -> [(evidence title, '5' / '5~6')]


def box(on: bool, label: str) -> str:
    return f"■ {label}" if on else f"□ {label}"


def org_kind_line(a: dict[str, Any]) -> str:
    k, sub = a["org_kind"], a.get("org_sub")
    parts = []
    for kind in ORG_KINDS:
        if kind == "중소기업":
            venture = sub == "벤처·이노비즈"
            inner = f"{box(venture, '벤처·이노비즈')} {box(k == kind and not venture, '기타')}"
            parts.append(f"{box(k == kind, kind)}({inner})")
        elif kind == "기타" and k == "기타" and sub:
            parts.append(f"{box(True, '기타')}({sub})")
        else:
            parts.append(box(k == kind, kind))
    return " ".join(parts)


def cover_blocks(b: Bundle) -> list[Any]:
    p = b.profile
    a, w, s = p["applicant"], p["writer"], p["service"]
    fld = FORM_FIELD[p["field"]]
    fields = "\n".join(
        " ".join(box(f == fld, f) for f in FORM_FIELDS[k : k + 4]) for k in range(0, 12, 4)
    )
    tb = TableBuilder([70, 56, 150, 60, 124], size=9.2, min_row_h=22)
    tb.row(H("기관명"), C(a["name"], colspan=2, key="prop:name"), H("대표자"), C(ceo(a)))
    tb.row(H("기관유형"), L(org_kind_line(a), colspan=4, key="prop:org_kind"))
    tb.row(H("인증분야"), L(fields, colspan=4, key="prop:field"))
    tb.row(
        H("작성\n책임자", rowspan=2, spaced=False),
        H("성 명"),
        C(w["name"], key="prop:writer"),
        H("직 위"),
        C(w["position"]),
    )
    tb.row(H("전 화"), C(f"{w['phone']}\n(휴대전화) ({w['mobile']})"), H("전자우편"), C(w["email"]))
    tb.row(H("서비스명"), L(s["name"], colspan=4, key="prop:service"))
    tb.row(
        H("서비스\n개요", spaced=False),
        L(
            f"{s['summary']}\n(서비스 수준: {LEVELS[b.level]}({b.level}) / 개요도: Ⅰ. 서비스 개요 참조)",
            colspan=4,
        ),
    )
    return [
        Para(
            "스마트도시서비스 인증 평가제안서",
            size=19,
            bold=True,
            align="center",
            before=4,
            after=12,
        ),
        tb.build(),
        Para(
            "본 기관은 제출한 제반서류의 내용이 사실과 다름이 없음을 확인하며, 스마트도시 서비스 "
            "인증을 신청합니다.",
            size=10.5,
            before=16,
            after=8,
            key="prop:declaration",
        ),
        Para(kdate(p["submitted"]), size=10.5, align="right", after=4),
        signature(
            [("작성자 :", w["name"]), ("대표자 :", f"{a['name']} {ceo(a)}")],
            [w["name"], f"{a['head_title']}인"],
        ),
        PageBreak(),
    ]


def overview_blocks(b: Bundle) -> list[Any]:
    s = b.profile["service"]
    feats = [[C(a), L(d)] for a, d in s["features"]]
    return [
        Para("Ⅰ. 서비스 개요", size=15, bold=True, after=8, key="prop:overview"),
        overview(s["overview"]),
        kv(
            [
                ("서비스명", s["name"]),
                ("영문명", s["name_en"]),
                ("서비스 수준", f"{LEVELS[b.level]}({b.level})", "prop:level"),
                ("인증분야", b.profile["field"]),
                ("적용 지역", s["region"], "prop:region"),
                ("도입 시기", f"{dots(s['introduced'])} ({s['stage']})", "prop:introduced"),
                ("추진 목적", s["purpose"]),
            ],
            widths=(80, 380),
        ),
        Spacer(6),
        grid(["주요 기능", "내용"], feats, [150, 310], size=8.6),
        PageBreak(),
    ]


def contents_blocks(b: Bundle, page: Callable[[str], int]) -> list[Any]:
    rows = [[L("Ⅰ. 서비스 개요", colspan=2), C(str(page("prop:overview")))]]
    rows.append([L("Ⅱ. 평가 항목별 내용", colspan=2), C(str(page(f"prop:{b.items[0].s}")))])
    for it in b.items:
        rows.append([C(it.s), L(f"{it.number} {it.name}"), C(str(page(f"prop:{it.s}")))])
    tb = TableBuilder([70, 330, 60], header_rows=1, size=9.2, min_row_h=18)
    tb.row(H("구분"), H("내용"), H("쪽"))
    for r in rows:
        tb.row(*r)
    return [Para("목  차", size=16, bold=True, align="center", after=10), tb.build(), PageBreak()]


def section_blocks(b: Bundle, item: Any, content: Content, refs: EvRefs) -> list[Any]:
    g = GROUPS[item.group][0]
    score = sum(b.claims[s.code] for s in item.subs)
    tb = TableBuilder([74, 170, 44, 40, 66, 66], size=9.2, min_row_h=20)
    tb.row(
        H("평가분야"),
        L(f"{item.group}. {g}"),
        H("평가지표"),
        L(f"{item.area} {AREAS[item.area]}", colspan=3),
    )
    tb.row(
        H("세부평가항목", spaced=False),
        L(f"{item.number} {item.name}"),
        H("배점"),
        C(pts(item.points)),
        H("자체평가", spaced=False),
        C(pts(score), key=f"prop:score:{item.s}"),
    )
    reasons = []
    for s in item.subs:
        reasons.append(
            [
                L(f"{s.code} {sub_text(s, b.profile['field'])}"),
                C(pts(s.points)),
                C(pts(b.claims[s.code]), key=f"prop:score:{s.code}"),
                L(content.reasons.get(s.code, "")),
            ]
        )
    ev_rows = [[L(t), C(f"근거자료 {pg}쪽")] for t, pg in refs.get(item.s, [])]
    out: list[Any] = [
        Para(
            f"{item.s}  {item.number} {item.name}",
            size=13,
            bold=True,
            after=4,
            key=f"prop:{item.s}",
            keep_with_next=True,
        ),
        tb.build(),
        Spacer(4),
        *content.body,
        Para("□ 자체평가 산출 근거", size=11, bold=True, before=8, after=3, keep_with_next=True),
        grid(
            ["세부 평가항목", "배점", "자체평가", "산출 근거"],
            reasons,
            [170, 34, 44, 212],
            size=8.4,
        ),
        Para("□ 제출 근거자료", size=11, bold=True, before=8, after=3, keep_with_next=True),
        grid(["근거자료", "쪽"], ev_rows, [340, 120], size=8.6),
        note("※ 제출서류(지침): " + " / ".join(item.submit)),
        PageBreak(),
    ]
    return out


def proposal_blocks(
    b: Bundle,
    contents: dict[str, Content],
    refs: EvRefs,
    page: Callable[[str], int],
) -> list[Any]:
    out: list[Any] = [*cover_blocks(b), *contents_blocks(b, page), *overview_blocks(b)]
    out.append(Para("Ⅱ. 평가 항목별 내용", size=15, bold=True, after=8))
    group = None
    for it in b.items:
        if it.group != group:
            group = it.group
            out.append(
                Para(
                    f"{it.group}. {GROUPS[it.group][0]} ({GROUPS[it.group][1]}점)",
                    size=12,
                    bold=True,
                    after=6,
                    keep_with_next=True,
                )
            )
        out += section_blocks(b, it, contents[it.s], refs)
    if isinstance(out[-1], PageBreak):
        out.pop()
    return out
