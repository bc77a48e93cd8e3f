"""A provisional score is incomplete when a page of a form it is read from had no usable
text layer: OCR reads such a page's words, not its tables, so a 요약표 row, a data form's
figure or a self-assessment's stage on it is missing from the score. Scanned 근거자료 are
normal (read as evidence, OCR'd) and leave the score complete.

End to end: a city sample whose proposal's 요약표 page has its fonts remapped to private-use
glyphs (the helper of tests/test_pdf_textlayer_pua.py), the service sample's 자체평가표
likewise, the clean sample, and pureun-scan (its evidence scanned, its forms readable).
Then the reasons from the documents' page facts.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from smartcert.core.findings import Finding, Location, Severity
from smartcert.core.report import FindingsReport
from smartcert.extractors.findings import OCR_SKIPPED
from smartcert.pipelines.batch import run_submission
from smartcert.pipelines.cache import ExtractCache
from smartcert.pipelines.steps import SubmissionRun
from smartcert.schemas.claims import Document, DocumentKind
from smartcert.schemas.service_claims import ServiceDocument, ServiceDocumentKind
from smartcert.scoring.completeness import incomplete_reasons
from tests.test_pdf_textlayer_pua import _hangul_to_pua, _remap_page

ROOT = Path(__file__).resolve().parent.parent
BUNDLES = ROOT / "samples" / "bundles"
SERVICE = ROOT / "samples" / "service" / "bundles" / "service-l1-clean"
SUMMARY_PAGE = 3  # solnae-split's proposal prints its 요약표 on pages 3-4
MISSED = "쪽을 글자 정보로 읽지 못해(OCR로 글자만 읽음) 표의 값이 점수에 빠졌을 수 있습니다"


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> ExtractCache:
    return ExtractCache(tmp_path_factory.mktemp("cache"))


def _run(source: Path, tmp: Path, cache: ExtractCache, glob: str | None = None,
         page: int = 1) -> tuple[SubmissionRun, FindingsReport]:
    bundle = tmp / "bundle"
    shutil.copytree(source, bundle)
    if glob is not None:
        [doc] = bundle.glob(glob)
        _remap_page(doc, tmp / "edited.pdf", page, _hangul_to_pua)
        shutil.move(tmp / "edited.pdf", doc)
    run = run_submission(bundle, tmp / "out", cache=cache)
    assert run.report is not None and run.report.score is not None
    return run, run.report


@pytest.mark.slow
def test_an_ocrd_summary_page_makes_the_score_incomplete(tmp_path: Path,
                                                         cache: ExtractCache) -> None:
    run, report = _run(BUNDLES / "solnae-split", tmp_path, cache, "*정량지표*.pdf",
                       SUMMARY_PAGE)
    [proposal] = [d.file for d in run.extracts if "정량지표" in d.file]
    score = report.score
    assert score is not None and score.incomplete
    assert score.incomplete_reasons == [f"정량지표 평가제안서 '{proposal}' {SUMMARY_PAGE}{MISSED}"]


@pytest.mark.slow
def test_an_ocrd_service_self_assessment_page_makes_the_score_incomplete(
        tmp_path: Path, cache: ExtractCache) -> None:
    _, report = _run(SERVICE, tmp_path, cache, "03_*.pdf", 1)
    score = report.score
    assert score is not None and score.incomplete and score.passed is False
    assert score.incomplete_reasons == [f"자체평가표 '03_자체평가표(누리모빌리티).pdf' 1{MISSED}"]


@pytest.mark.slow
@pytest.mark.parametrize("sample", ["solnae-split", "pureun-scan"])
def test_readable_forms_leave_the_score_complete(sample: str, tmp_path: Path,
                                                 cache: ExtractCache) -> None:
    run, report = _run(BUNDLES / sample, tmp_path, cache)
    scanned = {d.file for d in run.extracts if any(p.ocr for p in d.pages)}
    # pureun-scan's 근거자료 are scanned and OCR'd; no form page of either sample is
    assert scanned == ({"[푸른군] 4. 증빙자료(스캔본).pdf"} if sample == "pureun-scan" else set())
    score = report.score
    assert score is not None and not score.incomplete and score.incomplete_reasons == []


# ── the reasons, from the documents' page facts ──────────────────────────────


def _doc(file: str, kind: DocumentKind, ocr: Sequence[int] = (),
         unread: Sequence[int] = ()) -> Document:
    return Document(file=file, sha256="0" * 64, kind=kind, ocr_pages=list(ocr),
                    unread_pages=list(unread))


def test_each_form_with_pages_not_read_from_text_is_a_reason() -> None:
    docs = [_doc("1. 신청서.pdf", DocumentKind.APPLICATION, ocr=[1]),
            _doc("2. 제안서.pdf", DocumentKind.QUANTITATIVE_PROPOSAL, ocr=[3, 4, 9]),
            _doc("3. 자체평가표.pdf", DocumentKind.QUALITATIVE_SELF_ASSESSMENT, ocr=[2], unread=[5]),
            _doc("4. 근거자료.pdf", DocumentKind.EVIDENCE, ocr=list(range(1, 40))),
            _doc("5. 기타.pdf", DocumentKind.OTHER, ocr=[1])]
    assert incomplete_reasons([], docs) == [
        f"신청서 '1. 신청서.pdf' 1{MISSED}",
        f"정량지표 평가제안서 '2. 제안서.pdf' 3-4, 9{MISSED}",
        "정성지표 자체평가표 '3. 자체평가표.pdf' 2, 5쪽을 글자 정보로 읽지 못해(2쪽은 OCR로 "
        "글자만 읽고 5쪽은 읽지 못함) 표의 값이 점수에 빠졌을 수 있습니다"]
    # scanned evidence alone, or forms read from their text layers: complete
    assert incomplete_reasons([], docs[3:]) == []
    assert incomplete_reasons([], [_doc("2. 제안서.pdf", DocumentKind.QUANTITATIVE_PROPOSAL)]) == []


def test_service_forms_are_named_as_the_service_call_names_them() -> None:
    docs = [ServiceDocument(file=f, sha256="0" * 64, kind=k, ocr_pages=[2])
            for f, k in [("신청서.pdf", ServiceDocumentKind.APPLICATION),
                         ("평가제안서.pdf", ServiceDocumentKind.PROPOSAL),
                         ("자체평가표.pdf", ServiceDocumentKind.SELF_ASSESSMENT),
                         ("근거자료.pdf", ServiceDocumentKind.EVIDENCE),
                         ("동의서.pdf", ServiceDocumentKind.CONSENT)]]
    assert incomplete_reasons([], docs) == [f"신청서 '신청서.pdf' 2{MISSED}",
                                            f"평가제안서 '평가제안서.pdf' 2{MISSED}",
                                            f"자체평가표 '자체평가표.pdf' 2{MISSED}"]


def test_pages_a_reading_finding_already_names_are_said_once() -> None:
    """OCR switched off: the finding's reason names the unread pages; the form's own reason
    names only what it does not."""
    skipped = Finding(rule=OCR_SKIPPED.id, category="intake", severity=Severity.WARNING,
                      message="…", locations=[Location(file="2. 제안서.pdf", page=3),
                                              Location(file="2. 제안서.pdf", page=4)])
    proposal = _doc("2. 제안서.pdf", DocumentKind.QUANTITATIVE_PROPOSAL, unread=[3, 4])
    [reason] = incomplete_reasons([skipped], [proposal])
    assert "'2. 제안서.pdf' 3-4쪽(2쪽)은 OCR을 끄고(--no-ocr)" in reason
    proposal.ocr_pages = [9]
    assert incomplete_reasons([skipped], [proposal])[1:] == [
        f"정량지표 평가제안서 '2. 제안서.pdf' 9{MISSED}"]
