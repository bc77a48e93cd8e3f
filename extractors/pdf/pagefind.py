"""Page-level helpers of the PDF backend: edges, OCR fallback, failure findings."""

from __future__ import annotations

import fitz
from pdfplumber.table import merge_edges

from extractors.base import ExtractSettings
from extractors.findings import ExtractRule, extract_finding
from extractors.models import DocumentExtract, Page
from extractors.pdf.chars import Char
from extractors.pdf.edges import Edge, close_open_sides, drawings_to_edges
from schemas.findings import Finding


def page_edges(page: fitz.Page, chars: list[Char]) -> list[Edge]:
    """Ruling lines joined into long edges (Hancom draws them cell by cell), sides closed."""
    edges = merge_edges(drawings_to_edges(page.get_cdrawings()), 3, 3, 3, 3)

    def text_in(x0: float, top: float, x1: float, bottom: float) -> bool:
        return any(x0 < ch.cx < x1 and top < ch.cy < bottom and not ch.c.isspace()
                   for ch in chars)

    return close_open_sides(edges, text_in)


def finding(
    doc: DocumentExtract, rule: ExtractRule, page: int | None = None, **fmt: str
) -> Finding:
    return extract_finding(rule, doc.file, page=page, **fmt)


def ocr_into(page: fitz.Page, info: Page, doc: DocumentExtract, settings: ExtractSettings) -> None:
    """Replace a missing or unusable text layer by OCR, or say why we could not."""
    if not settings.ocr:
        doc.findings.append(finding(doc, ExtractRule.OCR_SKIPPED, page=info.number))
        return
    from extractors import ocr  # Tesseract is only needed for scans

    try:
        result = ocr.ocr_pdf_page(page, settings)
    except ocr.OcrUnavailable as exc:
        doc.findings.append(finding(doc, ExtractRule.OCR_UNAVAILABLE, page=info.number,
                                     reason=str(exc)))
        return
    info.ocr = True
    info.ocr_confidence = result.mean_confidence
    doc.spans.extend(result.spans)
    if result.low_confidence:
        doc.findings.append(finding(doc, ExtractRule.OCR_LOW_CONFIDENCE, page=info.number,
                                    confidence=f"{result.mean_confidence:.0f}"))
