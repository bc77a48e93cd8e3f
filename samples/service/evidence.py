"""근거자료: cover, the 조견표 (index: item | what the S-page asks | evidence | page), then
the evidence pages of each 세부평가항목 in the proposal's order. Printed page numbers are
physical page numbers, as the 조견표 and the proposal cite them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from samples.generator.doc import C, H, L, PageBreak, Para, Spacer, TableBuilder
from samples.service.blocks import dots
from samples.service.model import Bundle, Content
from samples.service.render import Anchor


def page_key(s: str, k: int) -> str:
    return f"ev:{s}:{k}"


def evidence_blocks(
    b: Bundle, contents: dict[str, Content], pages: Callable[[str, int], str]
) -> list[Any]:
    p = b.profile
    out: list[Any] = [
        Spacer(150),
        Para("2023년 스마트도시 서비스 인증", size=16, align="center"),
        Para("근 거 자 료", size=30, bold=True, align="center", before=16, after=24),
        Para(p["service"]["name"], size=15, align="center", after=150),
        Para(dots(p["submitted"]), size=13, align="center"),
        Para(p["applicant"]["name"], size=20, bold=True, align="center", before=10),
        PageBreak(),
        Para("근거자료 조견표", size=15, bold=True, align="center", after=8, key="ev:index"),
    ]
    tb = TableBuilder([48, 150, 200, 62], header_rows=1, size=8.3, min_row_h=16)
    tb.row(
        H("세부평가\n항목", spaced=False), H("제출서류(지침)", spaced=False), H("근거자료"), H("쪽")
    )
    for it in b.items:
        evs = contents[it.s].evidence
        for k, ev in enumerate(evs):
            cells = []
            if k == 0:
                cells = [
                    C(f"{it.s}\n{it.number}", rowspan=len(evs)),
                    L("\n".join(f"· {x}" for x in it.submit), rowspan=len(evs)),
                ]
            tb.row(*cells, L(ev.title), C(pages(it.s, k), key=f"ev:index:{it.s}:{k}"))
    out.append(tb.build())
    for it in b.items:
        for k, ev in enumerate(contents[it.s].evidence):
            out += [PageBreak(), Anchor([page_key(it.s, k)]), *ev.blocks]
    return out
