"""The 정량지표 평가제안서 of a variant profile: PDF, Word document or a one-sheet workbook.

Same forms and figures as the base proposal (`proposal.py`), laid out differently: the
summary from `summary_variant`, forms optionally starting each section on a new page,
the whole proposal as DOCX, or everything stacked on one worksheet.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from samples.generator.doc import Block, PageBreak, Para
from samples.generator.documents import period_text
from samples.generator.docx_render import write_docx
from samples.generator.model import AREAS, Built, Profile, Spec
from samples.generator.pdf_draw import write_pdf
from samples.generator.pdf_layout import Layout
from samples.generator.proposal import contents_blocks, cover_blocks, sections
from samples.generator.summary_variant import summary_tables
from samples.generator.variants import Printed
from samples.generator.xlsx_render import write_workbook
from samples.generator.zipcp949 import normalize_zip

TITLE = "정량지표 평가제안서"


def summary_head(city: Profile) -> list[Block]:
    v = city.variant
    return [
        Para(v.get("summary_title", "Ⅰ. 정량지표 요약표"), size=14, bold=True, key="toc:summary"),
        Para(f"※ 2년간 실적 기준기간: {period_text(city)}", size=10, after=6),
    ]


def form_blocks_all(
    city: Profile, specs: list[Spec], built: dict[str, Built], breaks: bool
) -> list[Block]:
    """All forms; a page break before each section (``breaks``) or before each group."""
    out: list[Block] = [Para("Ⅱ. 지표별 자료구축양식", size=14, bold=True, after=8)]
    prev = "A"
    for i, sec in enumerate(sections(specs, built)):
        if (breaks and i) or sec.sheet[0] != prev:
            out.append(PageBreak())
            prev = sec.sheet[0]
        out += sec.blocks
    return out


def pdf_blocks(
    city: Profile,
    specs: list[Spec],
    built: dict[str, Built],
    printed: Printed,
    page_of: Callable[[str], int],
) -> list[Block]:
    v = city.variant
    return [
        *cover_blocks(city),
        PageBreak(),
        *contents_blocks(city, page_of),
        PageBreak(),
        *summary_head(city),
        *summary_tables(v["summary"], specs, built, printed),
        PageBreak(),
        *form_blocks_all(city, specs, built, bool(v.get("form_breaks"))),
    ]


def write_pdf_proposal(
    city: Profile,
    specs: list[Spec],
    built: dict[str, Built],
    printed: Printed,
    path: Path,
    hancom: bool,
    producer: str,
    family: str,
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    header = f"2025년 스마트도시 인증 정량지표 평가제안서 | {city.name}"

    def lay(page_of: Callable[[str], int]) -> Any:
        blocks = pdf_blocks(city, specs, built, printed, page_of)
        return Layout(hancom=hancom, header=header, numbered_from=2, family=family).run(blocks)

    first = lay(lambda k: 0)
    laid = lay(lambda k: first.anchors[k])
    assert laid.anchors == first.anchors, "contents page changed the pagination"
    write_pdf(laid, path, title=TITLE, author=city.name, producer=producer)
    locs = {
        s.code: {
            "file": path.name,
            "page": laid.anchors[f"sum:{s.code}"],
            "form_page": laid.anchors[f"formtext:{s.code}"],
        }
        for s in specs
    }
    doc = {
        "file": path.name,
        "kind": "quantitative_proposal",
        "media": "pdf",
        "pages": len(laid.pages),
        "summary_pages": sorted({laid.anchors[f"sum:{s.code}"] for s in specs}),
    }
    return doc, locs


def write_docx_proposal(
    city: Profile, specs: list[Spec], built: dict[str, Built], printed: Printed, path: Path
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    v = city.variant
    areas = ", ".join(sorted(city.selected_areas, key=AREAS.index))
    blocks: list[Block] = [
        *[b for b in cover_blocks(city) if isinstance(b, Para)],
        Para(f"※ 선택 서비스 분야(3개): {areas}", size=10.5, before=30),
        PageBreak(),
        *summary_head(city),
        *summary_tables(v["summary"], specs, built, printed),
        PageBreak(),
        *form_blocks_all(city, specs, built, bool(v.get("form_breaks"))),
    ]
    placed = write_docx(
        blocks,
        path,
        title=TITLE,
        author=city.name,
        face=v.get("docx_font", "맑은 고딕"),
        spaced=bool(v.get("spaced_typed")),
    )
    locs = {}
    for s in specs:
        (table, row), (ftable, frow) = (
            placed.anchors[f"sum:{s.code}"],
            placed.anchors[f"formtext:{s.code}"],
        )
        # a Word body is one page to the extractor; the table ordinal pins the place
        locs[s.code] = {
            "file": path.name,
            "page": 1,
            "table": table,
            "row": row,
            "form_page": 1,
            "form_table": ftable,
            "form_row": frow,
        }
    doc = {
        "file": path.name,
        "kind": "quantitative_proposal",
        "media": "docx",
        "pages": 1,
        "tables": placed.tables,
        "summary_tables": sorted(
            {placed.anchors[k][0] for k in ("summary", "summary2") if k in placed.anchors}
        ),
    }
    return doc, locs


def write_sheet_proposal(
    city: Profile, specs: list[Spec], built: dict[str, Built], printed: Printed, path: Path
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """Summary and every form stacked on one worksheet."""
    v = city.variant
    sheet = v.get("sheet", TITLE)
    blocks: list[Block] = [
        Para(f"2025년 스마트도시 인증 {TITLE} ({city.name})", size=14, bold=True),
        *summary_head(city),
        *summary_tables(v["summary"], specs, built, printed, paged=False),
        *form_blocks_all(city, specs, built, False),
    ]
    placed = write_workbook(
        [(sheet, blocks)],
        path,
        city.name,
        offset=int(v.get("col_offset", 0)),
        spaced=bool(v.get("spaced_typed")),
    )
    normalize_zip(path)
    locs = {}
    for s in specs:
        (sh, ref), (fsh, fref) = (
            placed.anchors[f"sumtext:{s.code}"],
            placed.anchors[f"formtext:{s.code}"],
        )
        locs[s.code] = {
            "file": path.name,
            "sheet": sh,
            "cell": ref,
            "form_sheet": fsh,
            "form_cell": fref,
        }
    doc = {
        "file": path.name,
        "kind": "quantitative_proposal",
        "media": "xlsx",
        "sheets": [sheet[:31]],
    }
    return doc, locs


def write_variant_proposal(
    city: Profile,
    specs: list[Spec],
    built: dict[str, Built],
    printed: Printed,
    out: Path,
    hancom: bool,
    producer: str,
    family: str,
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    path = out / city.files["quantitative_proposal"]
    kind = city.variant["proposal"]
    if kind == "pdf":
        return write_pdf_proposal(city, specs, built, printed, path, hancom, producer, family)
    if kind == "docx":
        return write_docx_proposal(city, specs, built, printed, path)
    if kind == "xlsx_one_sheet":
        return write_sheet_proposal(city, specs, built, printed, path)
    raise ValueError(f"unknown proposal layout {kind!r}")
