"""An HWP/HWPX document and its PDF export in one bundle (issue 13, item 3).

`garam-twin` is `garam-hwpx` plus the proposal's PDF export (the same blocks laid out the
way 한글 exports them, `samples/generator/hwpx_bundle.py --twin`). The pair is found by
content (`schemas/mapping/twins.py`), mapped once — from the HWPX — and the PDF's reading
is compared with it (`schemas/mapping/twin_check.py`): the clean pair reads the same 52
indicator values as garam-docx with no new error, every claim keeps the PDF page it is
printed on, and a PDF with one figure changed is a `consistency.twin-differs` error that
points at both cells."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from samples.generator.bundle import build_content
from samples.generator.doc import Block, Cell, Table
from samples.generator.hwpx_bundle import (
    BUNDLE,
    CITY,
    SOURCE,
    TWIN,
    build_twin_bundle,
)
from samples.generator.hwpx_render import write_hwpx
from samples.generator.model import Profile
from samples.generator.qualitative import PRINTED, qualitative_blocks
from smartcert.cli import main
from smartcert.core.files.media import MediaType
from smartcert.core.findings import Location, Severity
from smartcert.core.normalize import match_key
from smartcert.extractors.api import extract_file
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.claims import Basis, DocumentKind, IndicatorClaim
from smartcert.schemas.mapping import Mapped, map_submission
from smartcert.schemas.mapping.twin_check import compare_indicators, finding
from smartcert.schemas.mapping.twins import find_twins

ROOT = Path(__file__).resolve().parent.parent
BUNDLES = ROOT / "samples" / "bundles"
REAL = ROOT.parent / "shared" / "real-hancom"
HWPX = "02 가람광역시 정량지표 평가제안서.hwpx"
PDF = "02 가람광역시 정량지표 평가제안서.pdf"
EVIDENCE = "04 가람광역시 근거자료.pdf"
QUAL_PDF = "03 가람광역시 정성지표 자체평가표.pdf"
RS = load_ruleset("city-2025")


@cache
def extracts(folder: Path) -> tuple[DocumentExtract, ...]:
    return tuple(extract_file(p) for p in sorted(folder.iterdir()))


def _by_name(docs: tuple[DocumentExtract, ...] | list[DocumentExtract]) -> dict[str, DocumentExtract]:
    return {d.file: d for d in docs}


@cache
def mapped_twin() -> Mapped:
    return map_submission("garam-twin", list(extracts(BUNDLES / TWIN)), RS)


# -- the sample ---------------------------------------------------------------------------

def test_fresh_render_equals_the_committed_bundle(tmp_path: Path) -> None:
    hwpx, pdf, pages = build_twin_bundle(tmp_path, BUNDLES)
    assert (hwpx.name, pdf.name) == (HWPX, PDF) and pages > 20
    committed = sorted(p.name for p in (BUNDLES / TWIN).iterdir())
    assert sorted(p.name for p in (tmp_path / TWIN).iterdir()) == committed
    for name in committed:
        assert (tmp_path / TWIN / name).read_bytes() == (BUNDLES / TWIN / name).read_bytes()
    # garam-hwpx's files, byte for byte, and the PDF export beside its HWPX
    hwpx_only = {p.name: p.read_bytes() for p in (BUNDLES / BUNDLE).iterdir()}
    assert {n: (BUNDLES / TWIN / n).read_bytes() for n in committed if n != PDF} == hwpx_only
    assert (BUNDLES / TWIN / PDF).read_bytes().startswith(b"%PDF")
    assert b"Hancom PDF" in (BUNDLES / TWIN / PDF).read_bytes()


# -- pairing by content ----------------------------------------------------------------------

def test_the_hwpx_is_paired_with_its_export_and_nothing_else() -> None:
    docs = list(extracts(BUNDLES / TWIN))
    twins = find_twins(docs)
    assert [(t.native.file, t.pdf.file, t.same_name) for t in twins] == [(HWPX, PDF, True)]
    assert twins[0].similarity >= 0.7
    # the evidence repeats the proposal's items and figures, yet is far from a twin
    hwpx = _by_name(docs)[HWPX]
    assert not find_twins([hwpx, _by_name(docs)[EVIDENCE]])


def test_a_name_alone_does_not_pair_and_content_pairs_without_the_name() -> None:
    docs = _by_name(extracts(BUNDLES / TWIN))
    hwpx = docs[HWPX]
    # the 근거자료 under the proposal's name is still not its export
    posing = docs[EVIDENCE].model_copy(update={"file": PDF})
    assert find_twins([hwpx, posing]) == []
    # the export under another name is
    renamed = docs[PDF].model_copy(update={"file": "제안서_최종(변환).pdf"})
    [twin] = find_twins([hwpx, renamed, docs[EVIDENCE]])
    assert (twin.pdf.file, twin.same_name) == ("제안서_최종(변환).pdf", False)


def _real(name: str) -> Path:
    path = REAL / name
    if not path.is_file():
        pytest.fail(f"{path} is missing: the real documents live in ../shared/real-hancom")
    return path


def test_real_hancom_files_pair_with_their_own_exports() -> None:
    names = ["2022년 국립국어원 업무계획", "복학원서", "issue_241"]
    natives = [extract_file(_real(f"{n}.hwpx" if n == "issue_241" else f"{n}.hwp")) for n in names]
    pdfs = [extract_file(_real(f"{n}.pdf")) for n in names]
    # the PDFs under neutral names: the pairs come from content alone
    pdfs = [d.model_copy(update={"file": f"export-{i}.pdf"}) for i, d in enumerate(pdfs)]
    twins = find_twins([*natives, *pdfs])
    got = {t.native.file: t.pdf.file for t in twins}
    assert got == {n.file: f"export-{i}.pdf" for i, n in enumerate(natives)}
    assert all(t.similarity >= 0.7 for t in twins)


# -- mapping: once, from the HWPX -------------------------------------------------------------

def test_the_pair_is_classified_and_mapped_once() -> None:
    m = mapped_twin()
    kinds = {d.file: d.kind for d in m.submission.documents}
    assert kinds[HWPX] is kinds[PDF] is DocumentKind.QUANTITATIVE_PROPOSAL
    assert [p.read.file for p in m.twins] == [HWPX] and [p.aside.file for p in m.twins] == [PDF]
    # the export is listed, not read: no parts of its own, no claims from it
    parts = {d.file: d.parts for d in m.submission.documents}
    assert parts[PDF] is None and parts[HWPX]
    assert len(m.submission.indicators) == 52
    assert {i.source.file for i in m.submission.indicators if i.source} == {HWPX}
    # the 근거자료 the 증빙 페이지 refer to is the one evidence document, as without the twin
    assert [d.file for d in m.evidence] == [EVIDENCE]
    assert m.evidence_page_count == len(_by_name(extracts(BUNDLES / TWIN))[EVIDENCE].pages)
    rules = [f.rule for f in m.findings]
    assert rules.count("intake.pdf-twin") == 1 and "consistency.twin-differs" not in rules
    note = next(f for f in m.findings if f.rule == "intake.pdf-twin")
    assert note.severity is Severity.INFO and {loc.file for loc in note.locations} == {HWPX, PDF}


def _printed_at(doc: DocumentExtract, loc: Location) -> str:
    """The text the PDF prints inside a location's box."""
    assert loc.page and loc.bbox
    x0, y0, x1, y1 = loc.bbox
    inside = [s.text for s in doc.spans if s.page == loc.page and s.bbox
              and x0 <= (s.bbox[0] + s.bbox[2]) / 2 <= x1 and y0 <= (s.bbox[1] + s.bbox[3]) / 2 <= y1]
    return match_key(" ".join(inside))


def _shows(printed: str, text: str) -> bool:
    """Every word of `text` is printed (a wrapped cell's lines interleave with its row's)."""
    return all(match_key(w) in printed for w in text.split())


def test_every_claim_keeps_the_pdf_place_it_is_printed_at() -> None:
    m = mapped_twin()
    pdf = _by_name(extracts(BUNDLES / TWIN))[PDF]
    moved = 0
    for claim in m.submission.indicators:
        src = claim.source
        assert src is not None and src.twin is not None, claim.code
        assert src.twin.file == PDF and src.twin.twin is None
        # the summary row on the PDF page an evaluator turns to shows the claimed text
        assert _shows(_printed_at(pdf, src.twin), claim.text or ""), claim.code
        moved += src.page != src.twin.page
        assert claim.form_source is None or claim.form_source.twin is not None, claim.code
        for c in claim.components:
            if c.location is not None and c.certain:
                assert c.location.twin is not None, (claim.code, c.label)
                assert _shows(_printed_at(pdf, c.location.twin), c.text), (claim.code, c.label)
    # rhwp paginates the HWPX its own way: without the twin these pages would mislead
    assert moved > 0
    assert m.summary_location is not None and m.summary_location.twin is not None
    # the mapping's own findings on the HWPX point at the PDF too
    for f in m.findings:
        for loc in f.locations:
            if loc.file == HWPX and loc.bbox:
                assert loc.twin is not None and loc.twin.file == PDF, f.rule


# -- end to end: clean and planted ------------------------------------------------------------

def _validate(folder: Path, out: Path) -> dict[str, Any]:
    assert main(["validate", str(folder), "--out", str(out), "--no-ocr"]) == 0
    return json.loads((out / folder.name / "findings.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    out = tmp_path_factory.mktemp("twin-validate")
    return {name: _validate(BUNDLES / name, out) for name in (SOURCE, TWIN)}


def _issues(findings: dict[str, Any], severity: str) -> set[tuple[str, str | None]]:
    return {(f["rule"], f["indicator"]) for f in findings["findings"] if f["severity"] == severity}


def test_clean_twin_reads_the_word_originals_values_with_no_new_error(
        clean: dict[str, dict[str, Any]]) -> None:
    original = {i["code"]: i for i in clean[SOURCE]["indicators"]}
    got = {i["code"]: i for i in clean[TWIN]["indicators"]}
    assert set(got) == set(original) and len(got) == 52
    for code, i in original.items():
        g = got[code]
        assert (g["value"], g["unit"], g["text"], g["evidence_pages"]) == (
            i["value"], i["unit"], i["text"], i["evidence_pages"]), code
        # read from the HWPX; the PDF page written beside it
        assert g["source"]["file"] == HWPX and g["source"]["twin"]["file"] == PDF, code
        assert g["source"]["twin"]["page"] >= 2, code
    assert _issues(clean[TWIN], "error") <= _issues(clean[SOURCE], "error")
    assert _issues(clean[TWIN], "warning") == _issues(clean[SOURCE], "warning")
    assert clean[TWIN]["score"]["total"] == clean[SOURCE]["score"]["total"]
    kinds = [d["kind"] for d in clean[TWIN]["submission"]["documents"]]
    assert kinds.count("evidence") == 1 and kinds.count("quantitative_proposal") == 2


def _summary_cell(blocks: list[Block]) -> tuple[str, Cell]:
    """The first 작성 지표 요약 cell that prints a plain count ('12건')."""
    for b in blocks:
        if isinstance(b, Table):
            for c in b.cells:
                if c.key and c.key.startswith("sumtext:") and re.fullmatch(r"\d+건", c.text):
                    return c.key.removeprefix("sumtext:"), c
    raise AssertionError("no count cell in the summary")


def test_a_pdf_with_one_figure_changed_is_an_error_at_both_cells(
        tmp_path: Path, clean: dict[str, dict[str, Any]]) -> None:
    planted: dict[str, str] = {}

    def edit(blocks: list[Block]) -> None:
        code, cell = _summary_cell(blocks)
        n = int(cell.text.removesuffix("건"))
        planted.update(code=code, was=cell.text, now=f"{n + 1}건")
        cell.text = planted["now"]

    build_twin_bundle(tmp_path / "in", BUNDLES, bundle="garam-twin-planted", edit_pdf=edit)
    got = _validate(tmp_path / "in" / "garam-twin-planted", tmp_path / "out")
    differs = [f for f in got["findings"] if f["rule"] == "consistency.twin-differs"]
    assert len(differs) == 1, differs
    f = differs[0]
    assert (f["severity"], f["indicator"]) == ("error", planted["code"])
    assert (f["claimed"], f["expected"]) == (planted["was"], planted["now"])
    assert planted["was"] in f["message"] and planted["now"] in f["message"]
    native, pdf = f["locations"]
    assert native["file"] == HWPX and pdf["file"] == PDF and native["page"] and pdf["page"]
    pdf_doc = extract_file(tmp_path / "in" / "garam-twin-planted" / PDF)
    assert _shows(_printed_at(pdf_doc, Location.model_validate(pdf)), planted["now"])
    # the values are the HWPX's: nothing else changes
    assert {i["code"]: i["value"] for i in got["indicators"]} == {
        i["code"]: i["value"] for i in clean[TWIN]["indicators"]}
    assert _issues(got, "error") - _issues(clean[TWIN], "error") == {
        ("consistency.twin-differs", planted["code"])}


# -- the comparison's certainty ------------------------------------------------------------------

def _claim(file: str, value: str, basis: Basis) -> IndicatorClaim:
    return IndicatorClaim(code="A-1-2", value=Decimal(value), unit="건", text=f"{value}건",
                          value_basis=basis, source=Location(file=file, page=3))


def test_an_error_only_when_both_values_were_located_with_certainty() -> None:
    sure = compare_indicators([_claim("p.hwpx", "6", Basis.LABEL)],
                              [_claim("p.pdf", "7", Basis.LABEL)])
    guess = compare_indicators([_claim("p.hwpx", "6", Basis.LABEL)],
                               [_claim("p.pdf", "7", Basis.FUZZY)])
    same = compare_indicators([_claim("p.hwpx", "6", Basis.LABEL)],
                              [_claim("p.pdf", "6", Basis.FUZZY)])
    assert same == []
    [error], [warning] = (finding(d, "HWPX") for d in sure), (finding(d, "HWPX") for d in guess)
    assert error.severity is Severity.ERROR and warning.severity is Severity.WARNING
    assert "확인 필요" in warning.message and error.rule == warning.rule == "consistency.twin-differs"
    assert [loc.file for loc in error.locations] == ["p.hwpx", "p.pdf"]


# -- the self-assessment as a pair too ------------------------------------------------------------

def _qualitative_hwpx(folder: Path, stage_of: dict[str, str] | None = None) -> Path:
    """garam's 자체평가표 blocks written as HWPX (optionally with other stages printed)."""
    city = Profile.load(CITY)
    _, built = build_content(city)
    blocks, _ = qualitative_blocks(city, built)
    for b in blocks:
        for c in b.cells if isinstance(b, Table) else ():
            if c.key and c.key.startswith("qual:") and stage_of and c.key[5:] in stage_of:
                c.text = PRINTED[stage_of[c.key[5:]]]
    path = folder / Path(QUAL_PDF).with_suffix(".hwpx").name
    write_hwpx(blocks, path, title="정성지표 자체평가표", author=city.name, face="맑은 고딕",
               spaced=bool(city.variant.get("spaced_typed")))
    return path


def test_a_self_assessment_pair_is_read_from_the_hwpx_and_compared(tmp_path: Path) -> None:
    base = list(extracts(BUNDLES / TWIN))
    clean_q = extract_file(_qualitative_hwpx(tmp_path))
    m = map_submission("q", [*base, clean_q], RS)
    pairs = {p.read.file: p.aside.file for p in m.twins}
    assert pairs == {HWPX: PDF, clean_q.file: QUAL_PDF}
    assert not [f for f in m.findings if f.rule == "consistency.twin-differs"]
    assert m.submission.qualitative and all(
        q.source is not None and q.source.file == clean_q.file and q.source.twin is not None
        and q.source.twin.file == QUAL_PDF for q in m.submission.qualitative if q.stage)
    # one 중분류's stage, merged over its 소분류 rows, printed differently in the HWPX
    rows: dict[str, int] = {}
    for q in m.submission.qualitative:
        rows[q.unit_as_printed or ""] = rows.get(q.unit_as_printed or "", 0) + 1
    city = Profile.load(CITY)
    unit = next(u for u in city.qualitative
                if any(p.endswith(u) and n > 1 for p, n in rows.items()))
    stage = city.qualitative[unit]
    other = next(s for s in PRINTED if s != stage)
    (tmp_path / "planted").mkdir()
    planted = extract_file(_qualitative_hwpx(tmp_path / "planted", {unit: other}))
    m = map_submission("q", [*base, planted], RS)
    differs = [f for f in m.findings if f.rule == "consistency.twin-differs"]
    [f] = differs  # one finding for the merged cell, not one per 소분류
    assert f.severity is Severity.ERROR and unit in f.message
    assert (f.claimed, f.expected) == (PRINTED[other], PRINTED[stage])
    assert [loc.file for loc in f.locations] == [planted.file, QUAL_PDF]
    assert all(loc.page and loc.bbox for loc in f.locations)


def test_evidence_delivered_twice_is_read_from_the_pdf_whose_pages_the_summary_cites() -> None:
    docs = list(extracts(BUNDLES / TWIN))
    evidence = _by_name(docs)[EVIDENCE]
    # the 근거자료 as its 한글 original too: same text, its own (rhwp) pagination
    native = evidence.model_copy(update={
        "file": "04 가람광역시 근거자료.hwpx", "media_type": MediaType.HWPX,
        "pages": evidence.pages[:-3]})
    m = map_submission("ev", [*docs, native], RS)
    assert {(p.read.file, p.aside.file) for p in m.twins} == {(HWPX, PDF), (EVIDENCE, native.file)}
    assert [d.file for d in m.evidence] == [EVIDENCE]
    assert m.evidence_page_count == len(evidence.pages)
    kinds = {d.file: d.kind for d in m.submission.documents}
    assert kinds[native.file] is kinds[EVIDENCE] is DocumentKind.EVIDENCE
    note = next(f for f in m.findings if f.rule == "intake.pdf-twin" and native.file in f.message)
    assert "PDF를 읽었습니다" in note.message


def test_a_place_read_from_the_hwp_names_its_pdf_page() -> None:
    from smartcert.core.findings import Location
    from smartcert.reports.regions import place_text

    loc = Location(file="02 제안서.hwpx", page=3,
                   twin=Location(file="02 제안서.pdf", page=4))
    assert place_text(loc) == "02 제안서.hwpx · 3쪽 (PDF 02 제안서.pdf · 4쪽)"
    assert place_text(Location(file="a.pdf", page=2)) == "a.pdf · 2쪽"
