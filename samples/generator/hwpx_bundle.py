"""python -m samples.generator.hwpx_bundle [--out DIR] [--source DIR] [--twin]

`garam-hwpx`: the `garam-docx` submission with its 정량지표 평가제안서 delivered as HWPX
only. The proposal is the same blocks the generator types into Word for 가람광역시
(`proposal_variant.write_docx_proposal`), written by `hwpx_render`; the application,
self-assessment and evidence are the `garam-docx` files, copied as they are.

`--twin` writes `garam-twin` instead: the same files plus the proposal's PDF export, the
same blocks laid out and drawn the way 한글 exports them (`pdf_layout` in Hancom mode, one
run per word, producer 'Hancom PDF'), under the HWPX's file stem — what a municipality
sends when it e-mails the .hwpx and the PDF it saved from it. `build_twin_bundle` takes an
edit of the blocks for either file, so a test can plant a PDF that is not quite the export.
"""

from __future__ import annotations

import argparse
import copy
import shutil
from collections.abc import Callable
from pathlib import Path

from samples.generator.bundle import build_content, evidence_ranges
from samples.generator.doc import Block, PageBreak, Para
from samples.generator.hwpx_render import HwpxPlaced, write_hwpx
from samples.generator.model import AREAS, Profile
from samples.generator.pdf_draw import write_pdf
from samples.generator.pdf_layout import Layout
from samples.generator.proposal import cover_blocks
from samples.generator.proposal_variant import TITLE, form_blocks_all, summary_head
from samples.generator.summary_variant import summary_tables
from samples.generator.variants import apply_variants

ROOT = Path(__file__).resolve().parent.parent
CITY = ROOT / "cities" / "garam.json"
SOURCE = "garam-docx"
BUNDLE = "garam-hwpx"
TWIN = "garam-twin"
EXPORT_PRODUCER = "Hancom PDF 1.3.0.538"  # 한글 2018's PDF export, as in the real pairs
BlockEdit = Callable[[list[Block]], None]  # changes blocks in place (a planted figure)


def proposal_blocks(city: Profile) -> list[Block]:
    """The blocks of the city's Word proposal (same order as `write_docx_proposal`)."""
    specs, built = build_content(city)
    ranges, _ = evidence_ranges(specs, built)
    printed = apply_variants(city, specs, built, ranges)
    v = city.variant
    areas = ", ".join(sorted(city.selected_areas, key=AREAS.index))
    return [
        *[b for b in cover_blocks(city) if isinstance(b, Para)],
        Para(f"※ 선택 서비스 분야(3개): {areas}", size=10.5, before=30),
        PageBreak(),
        *summary_head(city),
        *summary_tables(v["summary"], specs, built, printed),
        PageBreak(),
        *form_blocks_all(city, specs, built, bool(v.get("form_breaks"))),
    ]


def build_hwpx_bundle(
    out_root: Path, source_root: Path, *, bundle: str = BUNDLE, edit: BlockEdit | None = None
) -> tuple[Path, HwpxPlaced]:
    city = Profile.load(CITY)
    files = city.files
    source, out = source_root / SOURCE, out_root / bundle
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for kind in ("application", "qualitative_self_assessment", "evidence"):
        shutil.copyfile(source / files[kind], out / files[kind])
    path = out / Path(files["quantitative_proposal"]).with_suffix(".hwpx").name
    blocks = proposal_blocks(city)
    if edit is not None:
        edit(blocks)
    placed = write_hwpx(
        blocks,
        path,
        title=TITLE,
        author=city.name,
        face=city.variant.get("docx_font", "맑은 고딕"),
        spaced=bool(city.variant.get("spaced_typed")),
    )
    return path, placed


def export_pdf(blocks: list[Block], path: Path, city: Profile) -> int:
    """The blocks as 한글 would export them to PDF; returns the page count."""
    header = f"2025년 스마트도시 인증 {TITLE} | {city.name}"
    family = city.raw.get("fonts", {}).get("proposal", city.raw.get("font", "gothic"))
    laid = Layout(hancom=True, header=header, numbered_from=2, family=family).run(blocks)
    write_pdf(laid, path, title=TITLE, author=city.name, producer=EXPORT_PRODUCER)
    return len(laid.pages)


def build_twin_bundle(
    out_root: Path,
    source_root: Path,
    *,
    bundle: str = TWIN,
    edit_hwpx: BlockEdit | None = None,
    edit_pdf: BlockEdit | None = None,
) -> tuple[Path, Path, int]:
    """`garam-hwpx`'s files and the proposal's PDF export: (hwpx, pdf, PDF pages)."""
    hwpx, _ = build_hwpx_bundle(out_root, source_root, bundle=bundle, edit=edit_hwpx)
    city = Profile.load(CITY)
    blocks = copy.deepcopy(proposal_blocks(city))
    if edit_pdf is not None:
        edit_pdf(blocks)
    pdf = hwpx.with_suffix(".pdf")
    return hwpx, pdf, export_pdf(blocks, pdf, city)


def main() -> None:
    ap = argparse.ArgumentParser(description="Write the garam-hwpx sample bundle.")
    ap.add_argument("--out", type=Path, default=ROOT / "bundles", help="output folder")
    ap.add_argument(
        "--source", type=Path, default=ROOT / "bundles", help=f"folder holding {SOURCE}/"
    )
    ap.add_argument(
        "--twin", action="store_true", help=f"write {TWIN}: the HWPX with its PDF export"
    )
    args = ap.parse_args()
    if args.twin:
        hwpx, pdf, pages = build_twin_bundle(args.out, args.source)
        print(f"{TWIN}: {hwpx.name} + {pdf.name} ({pages} pages)")
        return
    path, placed = build_hwpx_bundle(args.out, args.source)
    print(f"{BUNDLE}: {path.name} ({placed.tables} tables)")


if __name__ == "__main__":
    main()
