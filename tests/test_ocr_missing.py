"""Scanned pages on a machine without Tesseract, or with OCR switched off: one finding per
document saying how many pages went unread and what to do, and a provisional score marked
incomplete in findings.json, report.html and the batch summary (the sample pureun-scan,
whose evidence is an image-only scan)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import fitz
import pytest

from smartcert.core.findings import Severity
from smartcert.extractors.api import extract_file
from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.limits import ocr_pages_used
from smartcert.extractors.models import DocumentExtract, TextLayer
from smartcert.pipelines.batch import run_submission
from smartcert.pipelines.cache import ExtractCache
from smartcert.pipelines.steps import SubmissionRun
from smartcert.reports.batch_summary import BatchEntry, write_summary_html
from smartcert.reports.write import write_submission_reports
from smartcert.scoring import incomplete_reasons

ROOT = Path(__file__).resolve().parent.parent
SCAN = ROOT / "samples" / "bundles" / "pureun-scan"
UNAVAILABLE, SKIPPED, FAILED = "intake.ocr-unavailable", "intake.ocr-skipped", "intake.ocr-failed"


def _needs_ocr(doc: DocumentExtract) -> list[int]:
    return [p.number for p in doc.pages if p.text_layer is not TextLayer.GOOD]


def _scanned_pdf() -> Path:
    """The sample's image-only evidence (found by its pages, not by its name)."""
    for path in sorted(SCAN.glob("*.pdf")):
        with fitz.open(path) as pdf:
            if all(not page.get_text().strip() and page.get_images() for page in pdf):
                return path
    raise AssertionError(f"no image-only PDF in {SCAN}")


@pytest.fixture(scope="module")
def no_tesseract(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SubmissionRun]:
    """pureun-scan validated where the tesseract binary does not exist."""
    out = tmp_path_factory.mktemp("no-tesseract")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SMARTCERT_TESSERACT", str(out / "no-such-tesseract"))
        yield run_submission(SCAN, out / "out", cache=ExtractCache(out / "cache"))


def test_a_scan_without_tesseract_is_one_finding_per_document(no_tesseract: SubmissionRun
                                                               ) -> None:
    scanned = [d for d in no_tesseract.extracts if _needs_ocr(d)]
    assert scanned, "the sample has a scanned document"
    for doc in no_tesseract.extracts:
        found = [f for f in doc.findings if f.rule == UNAVAILABLE]
        pages = _needs_ocr(doc)
        if not pages:
            assert not found
            continue
        assert len(pages) > 1 and len(found) == 1  # not one per page
        f = found[0]
        assert f.severity is Severity.ERROR
        assert [loc.page for loc in f.locations] == pages
        assert f"쪽 {len(pages)}개" in f.message
        assert "tesseract-ocr tesseract-ocr-kor" in f.message
        assert "tesseract 실행 파일을 찾을 수 없음" in f.message
        # no page was rendered for nothing, nor charged to the submission's OCR budget
        assert not any(p.ocr for p in doc.pages) and ocr_pages_used(doc) == 0
    report = no_tesseract.report
    assert report is not None
    assert sum(f.rule == UNAVAILABLE for f in report.findings) == len(scanned)


def test_the_score_says_it_is_incomplete(no_tesseract: SubmissionRun) -> None:
    out = no_tesseract.out_dir
    score = json.loads((out / "findings.json").read_text(encoding="utf-8"))["score"]
    assert score["total"] is not None and score["incomplete"] is True
    scanned = next(d for d in no_tesseract.extracts if _needs_ocr(d))
    n = len(_needs_ocr(scanned))
    [reason] = score["incomplete_reasons"]
    assert scanned.file in reason and f"({n}쪽)" in reason and "OCR을 쓸 수 없어" in reason
    sources = {p.name: p for p in SCAN.iterdir()}
    html, _xlsx = write_submission_reports(no_tesseract.report, out, sources)
    page = html.read_text(encoding="utf-8")
    assert "(미완성)</dd>" in page and "점수 미완성: 읽지 못한 쪽이 있어" in page
    assert "<th>점수 완전성</th>" in page
    summary = write_summary_html([BatchEntry("pureun-scan", no_tesseract.report)], out)
    grade = no_tesseract.report.score.grade
    assert f"{grade}등급 (미완성)" in summary.read_text(encoding="utf-8")


def test_a_reading_without_tesseract_is_not_cached(no_tesseract: SubmissionRun) -> None:
    """Once Tesseract is installed, the next run must read the pages, not the cache."""
    cache_root = no_tesseract.out_dir.parent.parent / "cache"
    cached = {p.name.split("-", 1)[0] for p in cache_root.rglob("*.json")}
    for doc in no_tesseract.extracts:
        assert (doc.sha256 in cached) is (not _needs_ocr(doc)), doc.file


def test_ocr_switched_off_is_one_warning_per_document_and_an_incomplete_score() -> None:
    doc = extract_file(_scanned_pdf(), ExtractSettings(ocr=False))
    [f] = [f for f in doc.findings if f.rule.startswith("intake.ocr")]
    assert f.rule == SKIPPED and f.severity is Severity.WARNING and "--no-ocr" in f.message
    assert [loc.page for loc in f.locations] == _needs_ocr(doc)
    [reason] = incomplete_reasons(doc.findings)
    assert "--no-ocr" in reason and doc.file in reason


def test_a_page_tesseract_fails_on_is_its_own_finding(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Tesseract installed but failing on a page (bad image, timeout): that page, said as
    such, charged to the budget (it ran), and the score incomplete."""
    fake = tmp_path / "tesseract"
    fake.write_text("#!/bin/sh\n"
                    "if [ \"$1\" = --list-langs ]; then printf 'List of languages:\\neng\\nkor\\n';"
                    " exit 0; fi\ncat >/dev/null; echo 'Error: image too noisy' >&2; exit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("SMARTCERT_TESSERACT", str(fake))
    two = fitz.open()
    with fitz.open(_scanned_pdf()) as src:
        two.insert_pdf(src, from_page=0, to_page=1)
    two.save(tmp_path / "scan.pdf")
    doc = extract_file(tmp_path / "scan.pdf", ExtractSettings(ocr_dpi=100))
    failed = [f for f in doc.findings if f.rule == FAILED]
    assert [f.locations[0].page for f in failed] == [1, 2]
    assert "image too noisy" in failed[0].message
    assert not any(f.rule == UNAVAILABLE for f in doc.findings)
    assert ocr_pages_used(doc) == 2
    assert "OCR이 실패해" in incomplete_reasons(doc.findings)[0]


def test_a_complete_reading_leaves_the_score_complete() -> None:
    """Text PDFs need no OCR: nothing is said, whatever the machine has."""
    text_pdf = next(p for p in sorted(SCAN.glob("*.pdf")) if p != _scanned_pdf())
    doc = extract_file(text_pdf, ExtractSettings(ocr=False))
    assert not _needs_ocr(doc) and doc.spans
    assert not any(f.rule.startswith("intake.ocr") for f in doc.findings)
    assert incomplete_reasons(doc.findings) == []
