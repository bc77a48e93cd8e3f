"""A hand-built FindingsReport over a small generated PDF, with hostile and personal text
in every field a document can fill (report tests: HTML, XLSX)."""

from __future__ import annotations

from pathlib import Path

import fitz

from smartcert.core.findings import Category, Finding, Location, Severity
from smartcert.core.report import (
    DocumentSummary,
    FindingsReport,
    IndicatorEntry,
    Score,
    SubmissionSummary,
)

SCRIPT = "<script>alert(1)</script>"
ONERROR = "<img src=x onerror=alert(1)>"
RRN = "900101-1234567"
PHONE = "010-9876-5432"
FORM = "정량지표_평가제안서.pdf"
EVIDENCE = "근거자료.pdf"
SHEET = "자료.xlsx"


def make_pdf(path: Path, pages: int, label: str) -> Path:
    doc = fitz.open()
    for n in range(1, pages + 1):
        page = doc.new_page(width=595, height=842)
        page.insert_text((72, 100), f"{label} page {n}", fontsize=14)
        page.insert_text((72, 300), f"value 1,234 on {n}", fontsize=12)
    doc.save(path)
    doc.close()
    return path


def sources(tmp: Path) -> dict[str, Path]:
    return {FORM: make_pdf(tmp / "form.pdf", 3, "form"),
            EVIDENCE: make_pdf(tmp / "evidence.pdf", 5, "evidence")}


def hostile_report() -> FindingsReport:
    box = (70.0, 285.0, 200.0, 305.0)
    findings = [
        Finding(rule="evidence.figure-not-on-page", category=Category.EVIDENCE,
                severity=Severity.ERROR, indicator="A-2-1",
                message=f"지표 A-2-1 값 {SCRIPT} 담당 {PHONE}", claimed=f"34 {ONERROR}",
                expected=f"주민 {RRN}",
                locations=[Location(file=FORM, page=2, bbox=box), Location(file=EVIDENCE, page=4)]),
        Finding(rule="consistency.population-differs", category=Category.CONSISTENCY,
                severity=Severity.WARNING, indicator="A-1-1", message="인구가 다릅니다",
                claimed="412,345", expected="412,000",
                locations=[Location(file=SHEET, sheet="요약", cell="B3")]),
        Finding(rule="eligibility.type-vs-population", category=Category.ELIGIBILITY,
                severity=Severity.ERROR, indicator=None, message="유형과 인구가 맞지 않습니다",
                locations=[Location(file=FORM, page=1, bbox=(70.0, 85.0, 300.0, 105.0))]),
        Finding(rule="intake.ocr-skipped", category=Category.INTAKE, severity=Severity.INFO,
                message="스캔 페이지를 OCR 없이 건너뛰었습니다",
                locations=[Location(file=EVIDENCE, page=5)]),
        Finding(rule="period.item-outside-window", category=Category.PERIOD,
                severity=Severity.ERROR, indicator="A-2-1", message="=HYPERLINK(\"http://x\")",
                claimed="2022.11.03", expected="2023-01-01..2024-12-31",
                locations=[Location(file=FORM, page=2, bbox=box)]),
    ]
    return FindingsReport(
        submission=SubmissionSummary(
            id="sub-test", applicant=f"누리시{SCRIPT}", city_type_claimed=f"중소도시{ONERROR}",
            population=412345, selected_areas=["행정", f"교육 {PHONE}"],
            documents=[DocumentSummary(file=FORM, sha256="0" * 64, kind="quantitative_proposal",
                                       pages=3),
                       DocumentSummary(file=EVIDENCE, sha256="1" * 64, kind="evidence", pages=5)]),
        indicators=[
            IndicatorEntry(code="A-1-1", value=True, text=f"전담 조직 {RRN}",
                           source=Location(file=FORM, page=1, bbox=(70.0, 85.0, 300.0, 105.0))),
            IndicatorEntry(code="A-2-1", value=34, unit="개", text=f"34개 {SCRIPT}",
                           evidence_pages="4", source=Location(file=FORM, page=2, bbox=box)),
        ],
        findings=findings,
        score=Score(quantitative=900.0, qualitative=592.0, total=1492.0, grade=3,
                    method="provisional-v1", note="잠정 점수", grade_at_risk=True,
                    at_risk=[{"rule": "evidence.figure-not-on-page", "indicator": "A-2-1",
                              "message": f"연락처 {PHONE}", "total_if_restored": 1512.0,
                              "total_if_lost": 1492.0, "grade_if_restored": 2,
                              "grade_if_lost": 3, "grade_at_risk": True}]),
    )
