"""A rule that concludes something is absent from a document errs only when every page it
looked in was read from its text layer. A page OCR'd (no table is found on it) or not read
at all may hold what the rule did not find: the finding is then a warning that names it
('확인 필요: 3쪽은 …').

End to end on a real sample (solnae-split) whose proposal has one page's fonts remapped to
private-use glyphs (the helper of tests/test_pdf_textlayer_pua.py), then rule by rule on
hand-built submissions: a page outside the place the rule looks in leaves the error as it
was, and so does a document without such pages.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import fitz
import pytest

from smartcert.core.findings import Finding, Location, Severity
from smartcert.core.report import FindingsReport
from smartcert.extractors.base import ExtractSettings
from smartcert.pipelines.batch import run_submission
from smartcert.pipelines.cache import ExtractCache
from smartcert.schemas.claims import (
    Document,
    DocumentKind,
    DocumentPart,
    DocumentStatus,
    Submission,
)
from tests.rule_coverage import RuleProbe
from tests.test_pdf_textlayer_pua import _hangul_to_pua, _remap_page
from tests.test_rules_completeness import clean, ctx

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "samples" / "bundles" / "solnae-split"
SUMMARY_PAGE, SUMMARY_NEXT, FORM_PAGE = 3, 4, 9  # the proposal's 요약표 runs over pages 3-4
DOUBT = "쪽은 글자 정보가 없거나 쓸 수 없어 OCR로 읽었거나 읽지 못해"
# rules that conclude something is absent from the proposal
ABSENCE = {"completeness.missing-summary", "completeness.missing-indicator",
           "completeness.area-without-indicators", "completeness.no-data-forms",
           "completeness.form-missing", "completeness.missing-document",
           "completeness.missing-applicant-fact"}


def _proposal(bundle: Path) -> Path:
    [path] = bundle.glob("*정량지표*.pdf")
    return path


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> ExtractCache:
    return ExtractCache(tmp_path_factory.mktemp("cache"))


def _run(tmp: Path, cache: ExtractCache, page: int | None = None,
         settings: ExtractSettings | None = None, drop: tuple[int, int] | None = None
         ) -> tuple[FindingsReport, str]:
    """The sample validated with the proposal's `page` unusable, or pages `drop` deleted."""
    bundle = tmp / "bundle"
    shutil.copytree(BUNDLE, bundle)
    proposal = _proposal(bundle)
    edited = tmp / "edited.pdf"
    if page is not None:
        _remap_page(proposal, edited, page, _hangul_to_pua)
    if drop is not None:
        with fitz.open(proposal) as pdf:
            pdf.delete_pages(*drop)
            pdf.save(edited)
    if edited.exists():
        shutil.move(edited, proposal)
    report = run_submission(bundle, tmp / "out", settings=settings, cache=cache).report
    assert report is not None
    return report, proposal.name


def _of(report: FindingsReport, rule: str) -> list[Finding]:
    return [f for f in report.findings if f.rule == rule]


def _pages(f: Finding, file: str) -> set[int | None]:
    return {loc.page for loc in f.locations if loc.file == file}


def _errors(report: FindingsReport) -> list[str]:
    return [f"{f.rule}: {f.message}" for f in report.findings if f.severity is Severity.ERROR]


@pytest.mark.slow
def test_an_unusable_summary_page_is_a_warning_naming_it(tmp_path: Path,
                                                          cache: ExtractCache) -> None:
    report, proposal = _run(tmp_path, cache, page=SUMMARY_PAGE)
    [said] = _of(report, "intake.unusable-text-layer")
    assert [(loc.file, loc.page) for loc in said.locations] == [(proposal, SUMMARY_PAGE)]
    assert _errors(report) == []
    [missing] = _of(report, "completeness.missing-summary")
    assert missing.severity is Severity.WARNING
    assert missing.message.endswith(
        f"(확인 필요: {SUMMARY_PAGE}{DOUBT} 그 쪽의 요약표를 놓쳤을 수 있음)")
    assert SUMMARY_PAGE in _pages(missing, proposal)


@pytest.mark.slow
def test_a_summary_page_left_unread_is_a_warning_too(tmp_path: Path,
                                                      cache: ExtractCache) -> None:
    """OCR not run: the page is not read at all, and the doubt is the same."""
    report, proposal = _run(tmp_path, cache, page=SUMMARY_PAGE,
                            settings=ExtractSettings(ocr=False))
    [skipped] = _of(report, "intake.ocr-skipped")
    assert SUMMARY_PAGE in _pages(skipped, proposal)
    assert _errors(report) == []
    [missing] = _of(report, "completeness.missing-summary")
    assert missing.severity is Severity.WARNING and f"{SUMMARY_PAGE}{DOUBT}" in missing.message


@pytest.mark.slow
def test_an_unusable_summary_continuation_makes_its_rows_uncertain(
        tmp_path: Path, cache: ExtractCache) -> None:
    """Page 4 carries the 요약표's C rows: each is missing, the areas they fill are empty,
    their forms match no row — every one of them said with the page, none an error."""
    report, proposal = _run(tmp_path, cache, page=SUMMARY_NEXT)
    assert _errors(report) == []
    rows = _of(report, "completeness.missing-indicator")
    assert rows and all(f.indicator and f.indicator.startswith("C-") for f in rows)
    areas = _of(report, "completeness.area-without-indicators")
    assert len(areas) == 3  # 주거, 보건복지, 환경에너지: all on page 4
    for f in [*rows, *areas]:
        assert f.severity is Severity.WARNING
        assert f"(확인 필요: {SUMMARY_NEXT}{DOUBT} 그 쪽의 요약표 행을 놓쳤을 수 있음)" in f.message
        assert SUMMARY_NEXT in _pages(f, proposal)
    unmatched = _of(report, "completeness.form-unmatched")
    assert unmatched and all(f"{SUMMARY_NEXT}{DOUBT}" in f.message for f in unmatched)


@pytest.mark.slow
def test_an_unusable_form_page_says_why_its_forms_are_missing(
        tmp_path: Path, cache: ExtractCache) -> None:
    report, _ = _run(tmp_path, cache, page=FORM_PAGE)
    assert _errors(report) == []
    forms = _of(report, "completeness.form-missing")
    assert forms and all(f"(확인 필요: {FORM_PAGE}{DOUBT} 그 쪽의 자료구축양식을" in f.message
                         for f in forms)
    assert not _of(report, "completeness.missing-indicator")  # the summary was read


@pytest.mark.slow
def test_the_clean_sample_stays_clean(tmp_path: Path, cache: ExtractCache) -> None:
    report, _ = _run(tmp_path, cache)
    assert [f.rule for f in report.findings
            if f.severity in (Severity.ERROR, Severity.WARNING)] == []


@pytest.mark.slow
def test_a_summary_really_missing_from_readable_pages_is_still_an_error(
        tmp_path: Path, cache: ExtractCache) -> None:
    report, proposal = _run(tmp_path, cache, drop=(SUMMARY_PAGE - 1, SUMMARY_NEXT - 1))
    [missing] = _of(report, "completeness.missing-summary")
    assert missing.severity is Severity.ERROR and "확인 필요" not in missing.message
    assert [(loc.file, loc.page) for loc in missing.locations] == [(proposal, None)]
    assert not [f for f in report.findings if f.rule in ABSENCE and "확인 필요" in f.message]


# ── rule by rule: where the unread pages are decides ──

PROPOSAL = "2. 정량지표 평가제안서.pdf"


def _with_proposal(**pages: list[int]) -> Document:
    """The proposal of `clean()`: 요약표 from page 3, 지표별 양식 from page 5."""
    return Document(file=PROPOSAL, sha256="0" * 64, kind=DocumentKind.QUANTITATIVE_PROPOSAL,
                    pages=30, parts=[
                        DocumentPart(name="표지", position=(1, 0.0)),
                        DocumentPart(name="요약표", position=(3, 80.0)),
                        DocumentPart(name="지표별 양식", position=(5, 60.0))], **pages)


def _sub(proposal: Document, drop: str = "A-2-3") -> Submission:
    sub = clean()
    sub.documents = [proposal if d.kind is DocumentKind.QUANTITATIVE_PROPOSAL else d
                     for d in sub.documents]
    sub.indicators = [c for c in sub.indicators if c.code != drop]
    return sub


def test_missing_indicator_is_uncertain_only_for_pages_of_the_summary(
        rule_probe: RuleProbe) -> None:
    (f,) = rule_probe.fires("completeness.missing-indicator",
                            _sub(_with_proposal(ocr_pages=[4])), ctx())
    assert f.severity is Severity.WARNING and f.indicator == "A-2-3"
    assert f.message.endswith(f"(확인 필요: 4{DOUBT} 그 쪽의 요약표 행을 놓쳤을 수 있음)")
    assert Location(file=PROPOSAL, page=4) in f.locations
    # a form page or the cover unread: the summary was read whole, the row is missing
    for pages in ({"ocr_pages": [9]}, {"unread_pages": [1, 12]}):
        (f,) = rule_probe.fires("completeness.missing-indicator",
                                _sub(_with_proposal(**pages)), ctx())
        assert f.severity is Severity.ERROR and "확인 필요" not in f.message


def test_missing_summary_is_uncertain_with_any_page_unread(rule_probe: RuleProbe) -> None:
    sub = _sub(_with_proposal(unread_pages=[7, 8, 9]))
    sub.indicators = []
    (f,) = rule_probe.fires("completeness.missing-summary", sub, ctx())
    assert f.severity is Severity.WARNING and f"(확인 필요: 7-9{DOUBT}" in f.message
    sub = _sub(_with_proposal())
    sub.indicators = []
    (f,) = rule_probe.fires("completeness.missing-summary", sub, ctx())
    assert f.severity is Severity.ERROR


def test_area_without_indicators_is_uncertain_with_a_summary_page_unread(
        rule_probe: RuleProbe) -> None:
    def without_area(proposal: Document) -> Submission:
        sub = _sub(proposal)
        sub.indicators = [c for c in sub.indicators if not c.code.startswith("C-")]
        return sub

    found = rule_probe.fires("completeness.area-without-indicators",
                             without_area(_with_proposal(unread_pages=[4])), ctx())
    assert found and all(f.severity is Severity.WARNING and f"4{DOUBT}" in f.message
                         for f in found)
    found = rule_probe.fires("completeness.area-without-indicators",
                             without_area(_with_proposal(ocr_pages=[6])), ctx())
    assert found and all(f.severity is Severity.ERROR for f in found)


def test_missing_document_is_uncertain_when_an_unclassified_file_was_not_read(
        rule_probe: RuleProbe) -> None:
    def without_evidence(*extra: Document) -> Submission:
        sub = clean()
        sub.documents = [d for d in sub.documents if d.kind is not DocumentKind.EVIDENCE]
        sub.documents += extra
        return sub

    scan = Document(file="스캔.pdf", sha256="1" * 64, pages=40, ocr_pages=list(range(1, 41)))
    shut = Document(file="암호.pdf", sha256="2" * 64, status=DocumentStatus.ENCRYPTED)
    (f,) = rule_probe.fires("completeness.missing-document", without_evidence(scan, shut),
                            ctx())
    assert f.severity is Severity.WARNING and "근거자료" in f.message
    assert "'암호.pdf'은(는) 열지 못해 읽지 못함" in f.message
    assert f"'스캔.pdf' 1-40{DOUBT} 그 쪽의 서류 제목과 양식을" in f.message
    assert {loc.file for loc in f.locations} == {"스캔.pdf", "암호.pdf"}
    # read files of no kind, or unread pages of a document whose kind is known: certain
    plain = Document(file="사진대지.pdf", sha256="3" * 64, pages=2)
    empty = Document(file="빈파일.pdf", sha256="4" * 64, status=DocumentStatus.EMPTY)
    known = _with_proposal(ocr_pages=[3, 4])
    sub = without_evidence(plain, empty)
    sub.documents = [known if d.kind is DocumentKind.QUANTITATIVE_PROPOSAL else d
                     for d in sub.documents]
    (f,) = rule_probe.fires("completeness.missing-document", sub, ctx())
    assert f.severity is Severity.ERROR and "확인 필요" not in f.message


def test_missing_applicant_fact_is_uncertain_on_the_application_pages(
        rule_probe: RuleProbe) -> None:
    sub = clean()
    sub.population = None
    sub.documents = [d.model_copy(update={"unread_pages": [1]})
                     if d.kind is DocumentKind.APPLICATION else d for d in sub.documents]
    (f,) = rule_probe.fires("completeness.missing-applicant-fact", sub, ctx())
    assert f.severity is Severity.WARNING
    assert f"(확인 필요: '1. 공모신청서.pdf' 1{DOUBT} 그 쪽에 적힌 내용을" in f.message
    # the proposal's form pages do not print the applicant's facts
    sub = _sub(_with_proposal(ocr_pages=[12]))
    sub.population = None
    (f,) = rule_probe.fires("completeness.missing-applicant-fact", sub, ctx())
    assert f.severity is Severity.ERROR
