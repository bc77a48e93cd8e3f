"""Builds one bundle: content, the four documents, the truth file (and the zip)."""

from __future__ import annotations

import json
import math
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from samples.generator.builders import builder
from samples.generator.doc import Block, Para
from samples.generator.documents import application_blocks, evidence_blocks, period_text
from samples.generator.model import Built, Ctx, Profile, Spec, selected_specs
from samples.generator.pdf_draw import write_pdf
from samples.generator.pdf_layout import Laid, Layout
from samples.generator.proposal import proposal_pdf_blocks, sections, summary_blocks
from samples.generator.proposal_variant import write_variant_proposal
from samples.generator.qualitative import qualitative_blocks
from samples.generator.scan import scan_pdf
from samples.generator.truth import assemble
from samples.generator.variants import apply_variants, decorate_truth
from samples.generator.xlsx_render import write_workbook
from samples.generator.zipcp949 import normalize_zip, write_cp949_zip

PER_INDEX_PAGE = 28
# Optional edits between building and rendering (samples/planted plants defects this way):
# the content (rows, forms, evidence) and then the printed 증빙 페이지 ranges.
ContentEdit = Callable[[list[Spec], dict[str, Built]], None]
RangesEdit = Callable[[dict[str, str]], None]


def build_content(city: Profile) -> tuple[list[Spec], dict[str, Built]]:
    # `extra_areas`: optional areas whose rows the proposal carries although the application
    # does not select them (a planted defect of the call-style bed; the call: 3 areas only)
    specs = selected_specs([*city.selected_areas, *city.raw.get("extra_areas", [])])
    built: dict[str, Built] = {}
    for s in specs:
        ctx = Ctx(city, s)
        ctx.done = built
        built[s.code] = builder(s.code)(ctx)
    return specs, built


def evidence_ranges(specs: list[Spec], built: dict[str, Built]) -> tuple[dict[str, str], int]:
    """Page ranges as printed in the 증빙 페이지 column (cover + index pages come first)."""
    index_pages = math.ceil(sum(1 for s in specs if built[s.code].evidence) / PER_INDEX_PAGE)
    p, ranges = index_pages + 2, {}
    for s in specs:
        k = len(built[s.code].evidence)
        ranges[s.code] = "-" if k == 0 else str(p) if k == 1 else f"{p}-{p + k - 1}"
        p += k
    return ranges, index_pages


def lay(
    blocks: list[Block],
    hancom: bool,
    header: str | None = None,
    numbered_from: int = 1,
    family: str = "gothic",
) -> Laid:
    return Layout(hancom=hancom, header=header, numbered_from=numbered_from, family=family).run(
        blocks
    )


def build(
    profile: Path | Profile,
    out_root: Path,
    truth_root: Path,
    edit_content: ContentEdit | None = None,
    edit_ranges: RangesEdit | None = None,
) -> dict[str, Any]:
    city = profile if isinstance(profile, Profile) else Profile.load(profile)
    specs, built = build_content(city)
    if edit_content is not None:
        edit_content(specs, built)
    ranges, index_pages = evidence_ranges(specs, built)
    if edit_ranges is not None:
        edit_ranges(ranges)
    # variant profiles print the same figures differently (samples/generator/variants.py)
    printed = apply_variants(city, specs, built, ranges) if "variant" in city.raw else None
    out = out_root / city.bundle
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    hancom, files, author = city.raw.get("hancom", city.style != "xlsx"), city.files, city.name
    family = city.raw.get("font", "gothic")
    fonts = city.raw.get("fonts", {})  # per-document faces (variant profiles)
    producer = "Hancom PDF 1.3.0.538" if hancom else "Microsoft: Print To PDF"
    docs: list[dict[str, Any]] = []

    laid = lay(application_blocks(city), hancom, family=fonts.get("application", family))
    write_pdf(
        laid,
        out / files["application"],
        title="스마트도시 인증 신청서",
        author=author,
        producer=producer,
    )
    docs.append(
        {
            "file": files["application"],
            "kind": "application",
            "media": "pdf",
            "pages": len(laid.pages),
        }
    )

    locs: dict[str, dict[str, Any]] = {}
    if printed is not None:
        entry, locs = write_variant_proposal(
            city, specs, built, printed, out, hancom, producer, fonts.get("proposal", family)
        )
        docs.append(entry)
    elif city.style == "xlsx":
        sheets: list[tuple[str, list[Block]]] = [
            (
                "요약표",
                [
                    Para(
                        f"2025년 스마트도시 인증 정량지표 평가제안서 ({city.name})",
                        size=14,
                        bold=True,
                    ),
                    Para(f"※ 2년간 실적 기준기간: {period_text(city)}"),
                    *summary_blocks(specs, built, ranges),
                ],
            )
        ]
        sheets += [(sec.sheet, sec.blocks) for sec in sections(specs, built)]
        placed = write_workbook(sheets, out / files["quantitative_proposal"], author)
        normalize_zip(out / files["quantitative_proposal"])
        for s in specs:
            (sh, ref), (fsh, fref) = (
                placed.anchors[f"sumtext:{s.code}"],
                placed.anchors[f"formtext:{s.code}"],
            )
            locs[s.code] = {
                "file": files["quantitative_proposal"],
                "sheet": sh,
                "cell": ref,
                "form_sheet": fsh,
                "form_cell": fref,
            }
        docs.append(
            {
                "file": files["quantitative_proposal"],
                "kind": "quantitative_proposal",
                "media": "xlsx",
                "sheets": [name[:31] for name, _ in sheets],
            }
        )
    else:
        header = f"2025년 스마트도시 인증 정량지표 평가제안서 | {city.name}"
        first = lay(
            proposal_pdf_blocks(city, specs, built, ranges, lambda k: 0), hancom, header, 2, family
        )
        laid = lay(
            proposal_pdf_blocks(city, specs, built, ranges, lambda k: first.anchors[k]),
            hancom,
            header,
            2,
            family,
        )
        assert laid.anchors == first.anchors, "contents page changed the pagination"
        write_pdf(
            laid,
            out / files["quantitative_proposal"],
            title="정량지표 평가제안서",
            author=author,
            producer=producer,
        )
        for s in specs:
            locs[s.code] = {
                "file": files["quantitative_proposal"],
                "page": laid.anchors[f"sum:{s.code}"],
                "form_page": laid.anchors[f"formtext:{s.code}"],
            }
        docs.append(
            {
                "file": files["quantitative_proposal"],
                "kind": "quantitative_proposal",
                "media": "pdf",
                "pages": len(laid.pages),
                "summary_pages": sorted({laid.anchors[f"sum:{s.code}"] for s in specs}),
            }
        )

    q_blocks, q_truth = qualitative_blocks(city, built)
    laid = lay(
        q_blocks,
        hancom,
        f"정성지표 자체평가표 | {city.name}",
        family=fonts.get("qualitative", family),
    )
    write_pdf(
        laid,
        out / files["qualitative_self_assessment"],
        title="정성지표 자체평가표",
        author=author,
        producer=producer,
    )
    for q in q_truth:
        q["file"], q["page"] = (
            files["qualitative_self_assessment"],
            laid.anchors.pop(q.pop("key"), None) or 0,
        )
    docs.append(
        {
            "file": files["qualitative_self_assessment"],
            "kind": "qualitative_self_assessment",
            "media": "pdf",
            "pages": len(laid.pages),
        }
    )

    ev_blocks, ev_pages = evidence_blocks(city, specs, built, ranges, index_pages, PER_INDEX_PAGE)
    laid = lay(ev_blocks, hancom, f"{city.name} 스마트도시 인증 근거자료", 2)
    first_ev = index_pages + 2
    if len(laid.pages) != first_ev - 1 + len(ev_pages) or any(
        laid.anchors[f"ev:{i}"] != first_ev + i for i in range(len(ev_pages))
    ):
        raise RuntimeError(f"{city.bundle}: an evidence page overflowed its single page")
    ev_path = out / files["evidence"]
    write_pdf(laid, ev_path, title="근거자료", author=author, producer=producer)
    image_only = city.style == "scan"
    if image_only:
        tmp = out / "_evidence_digital.pdf"
        ev_path.rename(tmp)
        certificates = {first_ev + i for i, ev in enumerate(ev_pages) if "표창장" in ev.title}
        scan_pdf(tmp, ev_path, city.seed, certificates)
        tmp.unlink()
    docs.append(
        {
            "file": files["evidence"],
            "kind": "evidence",
            "media": "pdf",
            "pages": len(laid.pages),
            "image_only": image_only,
        }
    )

    owners = [s.code for s in specs for _ in built[s.code].evidence]
    truth = assemble(
        city,
        specs,
        built,
        ranges,
        locs,
        docs,
        2,
        q_truth,
        [(first_ev + i, owners[i], ev) for i, ev in enumerate(ev_pages)],
        image_only,
    )
    if printed is not None:
        decorate_truth(truth, city, printed)
    # the truth lives beside the bundles, not in them: a bundle holds only what is submitted
    truth_root.mkdir(parents=True, exist_ok=True)
    (truth_root / f"{city.bundle}.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    if city.raw.get("zip"):
        z = city.zip
        write_cp949_zip(
            out_root / z["name"], [(f"{z['folder']}/{d['file']}", out / d["file"]) for d in docs]
        )
    return truth
