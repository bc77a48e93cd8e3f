"""Document classification by content: every sample document, a misnamed file, Word and
Excel versions, a scan without OCR, and conflicts inside a bundle."""

from __future__ import annotations

import json
import shutil
from functools import cache
from pathlib import Path
from typing import Any

import docx
import pytest
from openpyxl import Workbook

from smartcert.extractors.api import extract_file
from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.models import DocumentExtract, DocumentStatus
from smartcert.schemas.claims import DocumentKind
from smartcert.schemas.mapping.classify import classify, classify_bundle

ROOT = Path(__file__).resolve().parent.parent
BUNDLES = ROOT / "samples" / "bundles"
TRUTHS = sorted((ROOT / "samples" / "truth").glob("*.json"))
K = DocumentKind


@cache
def extract(path: Path, ocr: bool = True, max_pages: int | None = None) -> DocumentExtract:
    return extract_file(path, ExtractSettings(ocr=ocr, max_pages=max_pages))


def truth_docs() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for p in TRUTHS:
        t = json.loads(p.read_text(encoding="utf-8"))
        out += [(t["bundle"], d) for d in t["documents"]]
    return out


def sample(bundle: str, d: dict[str, Any]) -> DocumentExtract:
    # OCR of a whole scan takes a minute; its first pages (cover, index) are what counts
    return extract(BUNDLES / bundle / d["file"], max_pages=3 if d.get("image_only") else None)


@pytest.mark.slow
@pytest.mark.parametrize(("bundle", "d"), truth_docs(), ids=lambda x: x if isinstance(x, str)
                         else x["kind"])
def test_sample_documents_classify_by_content(bundle: str, d: dict[str, Any]) -> None:
    doc = sample(bundle, d)
    c = classify(doc)
    assert c.kind == K(d["kind"]), c.reasons
    assert c.score >= 0.6
    # content alone decides: with a neutral name and no metadata the kind stays
    blind = classify(doc.model_copy(update={"file": "document.bin", "metadata": {}}))
    assert blind.kind == c.kind
    assert not any("file name" in r or "metadata" in r for r in blind.reasons)


@pytest.mark.slow
def test_misnamed_proposal_still_classifies_as_proposal(tmp_path: Path) -> None:
    src = BUNDLES / "nuri-hwp" / "2. 정량지표 평가제안서_누리시.pdf"
    renamed = tmp_path / "근거자료.pdf"
    shutil.copyfile(src, renamed)
    c = classify(extract(renamed))
    assert c.kind is K.QUANTITATIVE_PROPOSAL
    assert any("file name" in r and "evidence" in r for r in c.reasons)  # the hint was heard
    assert c.points[K.EVIDENCE] < c.points[K.QUANTITATIVE_PROPOSAL]


@pytest.mark.slow
def test_bundle_with_swapped_names_classifies_by_content() -> None:
    """Application and self-assessment carry each other's names: content wins."""
    app = extract(BUNDLES / "pureun-scan" / "[푸른군] 1. 스마트도시 인증 신청서.pdf")
    qual = extract(BUNDLES / "pureun-scan" / "[푸른군] 3. 정성지표 자체평가표.pdf")
    swapped = [app.model_copy(update={"file": "3. 정성지표 자체평가표.pdf"}),
               qual.model_copy(update={"file": "1. 공모 신청서.pdf"})]
    got = classify_bundle(swapped)
    assert got["3. 정성지표 자체평가표.pdf"].kind is K.APPLICATION
    assert got["1. 공모 신청서.pdf"].kind is K.QUALITATIVE_SELF_ASSESSMENT


@pytest.mark.slow
def test_two_proposals_keep_the_stronger() -> None:
    path = BUNDLES / "nuri-hwp" / "2. 정량지표 평가제안서_누리시.pdf"
    full = extract(path)
    cover_only = extract(path, max_pages=2).model_copy(update={"file": "제안서 표지.pdf"})
    assert classify(cover_only).kind is K.QUANTITATIVE_PROPOSAL  # alone, it would pass
    got = classify_bundle({full.file: full, cover_only.file: cover_only})
    assert got[full.file].kind is K.QUANTITATIVE_PROPOSAL
    loser = got[cover_only.file]
    assert loser.kind is not K.QUANTITATIVE_PROPOSAL
    assert any("demoted" in r and full.file in r for r in loser.reasons)


@pytest.mark.slow
def test_scan_without_ocr_is_evidence_by_its_image_pages() -> None:
    scan = extract(BUNDLES / "pureun-scan" / "[푸른군] 4. 증빙자료(스캔본).pdf", ocr=False)
    c = classify(scan.model_copy(update={"file": "scan0001.pdf", "metadata": {}}))
    assert c.kind is K.EVIDENCE, c.reasons
    assert any("scanned" in r for r in c.reasons)


def test_docx_application_form(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("■ 스마트도시 및 스마트도시서비스 인증 운영지침 [별지 제1호서식]")
    d.add_paragraph("스 마 트 도 시 인 증 신 청 서")
    t = d.add_table(rows=4, cols=4)
    rows = [("인증 신청 기관", "기 관 명", "솔내시", "사업자(법인)등록번호"),
            ("", "대 표 자", "솔내시장 김하늘", "전 화 번 호"),
            ("", "주 소", "솔내시 중앙로 1", ""),
            ("인 증 실 적", "해당 없음", "", "")]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    t.cell(0, 0).merge(t.cell(2, 0))
    d.add_paragraph("위와 같이 스마트도시 인증을 신청합니다.")
    path = tmp_path / "제출문서1.docx"
    d.save(str(path))
    c = classify(extract_file(path))
    assert c.kind is K.APPLICATION, c.reasons
    assert any("application form labels" in r for r in c.reasons)


def test_xlsx_self_assessment_with_stage_columns(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["구분", "착수", "일부요건 충족", "요건 충족", "발전", "최적화", "자체평가 내용"])
    ws.append(["공공 역량", "", "", "●", "", "", "전담 조직 운영"])
    ws.append(["민간 시민 역량", "", "●", "", "", "", "리빙랩 운영"])
    ws.append(["추진 체계", "", "", "", "●", "", "협의체 운영"])
    path = tmp_path / "book.xlsx"
    wb.save(path)
    c = classify(extract_file(path))
    assert c.kind is K.QUALITATIVE_SELF_ASSESSMENT, c.reasons


def test_unrelated_and_unreadable_documents_are_other(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("회의 참석자 명단")
    d.add_paragraph("일시: 2024. 3. 5. 장소: 시청 회의실")
    path = tmp_path / "memo.docx"
    d.save(str(path))
    c = classify(extract_file(path))
    assert c.kind is K.OTHER
    broken = extract_file(path).model_copy(update={"status": DocumentStatus.CORRUPT})
    assert classify(broken).kind is K.OTHER and classify(broken).score == 0.0
