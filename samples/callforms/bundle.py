"""Builds one call-style bundle: the city's content (samples.generator), the planted
defects, the proposal through its producer, the other three documents as the generator
draws them, and the truth file."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any

from samples.callforms import autobreak, office, painter
from samples.callforms.manifest import SOURCES, TRUTH, CallBundle
from samples.callforms.proposal import Proposal, proposal
from samples.callforms.style import Style
from samples.callforms.truth import truth_file
from samples.generator.bundle import PER_INDEX_PAGE, build_content, evidence_ranges, lay
from samples.generator.doc import Block, Para, Table
from samples.generator.documents import application_blocks, evidence_blocks, period_text
from samples.generator.model import AREAS, Built, Profile, Spec
from samples.generator.pdf_draw import write_pdf
from samples.generator.qualitative import qualitative_blocks
from samples.planted.edits import apply_content

CITIES = Path(__file__).resolve().parent.parent / "cities"
HANCOM = "Hancom PDF 1.3.0.538"
PLAIN = "Microsoft: Print To PDF"


def profile(bundle: CallBundle, cities: Path = CITIES) -> Profile:
    raw = copy.deepcopy(json.loads((cities / f"{bundle.city}.json").read_text(encoding="utf-8")))
    raw["bundle"] = bundle.name
    for step in (s for d in bundle.defects for s in d.plant if s["op"] == "profile"):
        for key, value in step.get("set", {}).items():  # another applicant, extra areas …
            if isinstance(value, dict) and isinstance(raw.get(key), dict):
                raw[key] = {**raw[key], **value}  # e.g. one more 자체 설정 지표
            else:
                raw[key] = value
    return Profile(raw)


def content(bundle: CallBundle, city: Profile) -> tuple[list[Spec], dict[str, Built]]:
    specs, built = build_content(city)
    for d in bundle.defects:
        for step in d.plant:
            if step["op"] != "profile":
                apply_content(step, specs, built)
    return specs, built


def proposal_name(city: Profile) -> str:
    """The city's proposal file name, as a PDF (a workbook profile names an .xlsx)."""
    return Path(city.files["quantitative_proposal"]).stem + ".pdf"


def application(city: Profile, style: Style) -> list[Block]:
    """The generator's letter and form; with `application_pairs` the 신청 개요 is typed as
    lines holding two facts each instead of a table."""
    blocks = application_blocks(city)
    if not style.application_pairs:
        return blocks
    at = next(k for k, b in enumerate(blocks) if isinstance(b, Table))
    areas = ", ".join(sorted(city.selected_areas, key=AREAS.index))
    pairs = [
        f"신청기관: {city.name}    신청유형: {city.city_type}",
        f"인구: {city.population['2024-12']:,}명 (2024. 12. 주민등록 인구 기준)    "
        f"실적 기준기간: {period_text(city)}",
        f"선택 서비스 분야: {areas}",
    ]
    blocks[at : at + 1] = [Para(p, size=10.5, indent=28) for p in pairs]
    return blocks


def write_proposal(bundle: CallBundle, city: Profile, specs: list[Spec], built: dict[str, Built],
                   ranges: dict[str, str], out: Path, sources: Path) -> dict[str, Any]:
    """The proposal PDF; returns where each indicator is printed (summary and form pages)."""
    style, path = bundle.style, out / proposal_name(city)
    header = f"2025년 스마트도시 인증 정량지표 평가제안서 | {city.name}"
    if bundle.producer == "painter":
        first = painter.layout(proposal(city, specs, built, ranges, style).blocks, style.hancom,
                               header, style.family)  # fmt: skip
        prop = proposal(city, specs, built, ranges, style, first.anchors)
        laid = painter.layout(prop.blocks, style.hancom, header, style.family)
        assert laid.anchors == first.anchors, "the contents page changed the pagination"
        write_pdf(laid, path, title="정량지표 평가제안서", author=city.name,
                  producer=HANCOM if style.hancom else PLAIN)  # fmt: skip
        return {"pages": len(laid.pages), "anchors": dict(laid.anchors),
                "forms": prop.form_codes, "breaks": breaks(prop)}
    src = sources / bundle.name
    src.mkdir(parents=True, exist_ok=True)
    docx_path = src / (path.stem + ".docx")

    def make(st: Style) -> Proposal:
        return proposal(city, specs, built, ranges, st)

    def render(prop: Proposal) -> list[tuple[int, str, float, float]]:
        return office.render(prop.blocks, prop.targets, docx_path, path, style.font, city.name)

    prop = make(autobreak.resolve(style, make, render))
    found = render(prop)
    return {"pages": max(p for p, *_ in found), "lines": found, "forms": prop.form_codes,
            "headings": headings(prop), "breaks": breaks(prop)}


def breaks(prop: Proposal) -> list[dict[str, Any]]:
    """Where the bundle's breaks fell: table, row index and the row's longest text."""
    out = []
    for key, t in prop.tables.items():
        if t.break_at is not None:
            texts = [c.text for c in t.cells if c.row == t.break_at]
            out.append({"table": key, "row": t.break_at, "inside": t.inside,
                        "text": max(texts, key=len).replace("\n", " ")})
    return out


def headings(prop: Proposal) -> dict[str, str]:
    return {b.key.removeprefix("formhead:"): b.text for b in prop.blocks
            if isinstance(b, Para) and b.key and b.key.startswith("formhead:")}  # fmt: skip


def build(bundle: CallBundle, out_root: Path, truth_root: Path = TRUTH,
          sources: Path = SOURCES, cities: Path = CITIES) -> dict[str, Any]:
    city = profile(bundle, cities)
    specs, built = content(bundle, city)
    ranges, index_pages = evidence_ranges(specs, built)
    out = out_root / bundle.name
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    hancom = bundle.producer == "painter" and bundle.style.hancom
    producer, files = HANCOM if hancom else PLAIN, city.files
    docs: list[dict[str, Any]] = []

    laid = lay(application(city, bundle.style), hancom)
    write_pdf(laid, out / files["application"], title="스마트도시 인증 신청서", author=city.name,
              producer=producer)  # fmt: skip
    docs.append({"file": files["application"], "kind": "application", "pages": len(laid.pages)})

    placed = write_proposal(bundle, city, specs, built, ranges, out, sources)
    docs.append({"file": proposal_name(city), "kind": "quantitative_proposal",
                 "pages": placed["pages"], "producer": bundle.producer})  # fmt: skip

    q_blocks, _ = qualitative_blocks(city, built)
    laid = lay(q_blocks, hancom, f"정성지표 자체평가표 | {city.name}")
    write_pdf(laid, out / files["qualitative_self_assessment"], title="정성지표 자체평가표",
              author=city.name, producer=producer)  # fmt: skip
    docs.append({"file": files["qualitative_self_assessment"],
                 "kind": "qualitative_self_assessment", "pages": len(laid.pages)})  # fmt: skip

    ev_blocks, ev_pages = evidence_blocks(city, specs, built, ranges, index_pages, PER_INDEX_PAGE)
    laid = lay(ev_blocks, hancom, f"{city.name} 스마트도시 인증 근거자료", 2)
    if len(laid.pages) != index_pages + 1 + len(ev_pages):
        raise RuntimeError(f"{bundle.name}: an evidence page overflowed its single page")
    write_pdf(laid, out / files["evidence"], title="근거자료", author=city.name, producer=producer)
    docs.append({"file": files["evidence"], "kind": "evidence", "pages": len(laid.pages)})

    truth = truth_file(bundle, city, specs, built, ranges, docs, placed)
    truth_root.mkdir(parents=True, exist_ok=True)
    (truth_root / f"{bundle.name}.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return truth
