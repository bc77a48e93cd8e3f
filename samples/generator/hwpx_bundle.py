"""python -m samples.generator.hwpx_bundle [--out DIR] [--source DIR]

`garam-hwpx`: the `garam-docx` submission with its 정량지표 평가제안서 delivered as HWPX
only. The proposal is the same blocks the generator types into Word for 가람광역시
(`proposal_variant.write_docx_proposal`), written by `hwpx_render`; the application,
self-assessment and evidence are the `garam-docx` files, copied as they are.
"""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from samples.generator.bundle import build_content, evidence_ranges
from samples.generator.doc import Block, PageBreak, Para
from samples.generator.hwpx_render import HwpxPlaced, write_hwpx
from samples.generator.model import AREAS, Profile
from samples.generator.proposal import cover_blocks
from samples.generator.proposal_variant import TITLE, form_blocks_all, summary_head
from samples.generator.summary_variant import summary_tables
from samples.generator.variants import apply_variants

ROOT = Path(__file__).resolve().parent.parent
CITY = ROOT / "cities" / "garam.json"
SOURCE = "garam-docx"
BUNDLE = "garam-hwpx"


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


def build_hwpx_bundle(out_root: Path, source_root: Path) -> tuple[Path, HwpxPlaced]:
    city = Profile.load(CITY)
    files = city.files
    source, out = source_root / SOURCE, out_root / BUNDLE
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for kind in ("application", "qualitative_self_assessment", "evidence"):
        shutil.copyfile(source / files[kind], out / files[kind])
    path = out / Path(files["quantitative_proposal"]).with_suffix(".hwpx").name
    placed = write_hwpx(
        proposal_blocks(city),
        path,
        title=TITLE,
        author=city.name,
        face=city.variant.get("docx_font", "맑은 고딕"),
        spaced=bool(city.variant.get("spaced_typed")),
    )
    return path, placed


def main() -> None:
    ap = argparse.ArgumentParser(description="Write the garam-hwpx sample bundle.")
    ap.add_argument("--out", type=Path, default=ROOT / "bundles", help="output folder")
    ap.add_argument(
        "--source", type=Path, default=ROOT / "bundles", help=f"folder holding {SOURCE}/"
    )
    args = ap.parse_args()
    path, placed = build_hwpx_bundle(args.out, args.source)
    print(f"{BUNDLE}: {path.name} ({placed.tables} tables)")


if __name__ == "__main__":
    main()
