"""Page-level helpers of the PDF backend: edges, OCR fallback, failure findings."""

from __future__ import annotations

from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait

import fitz

from smartcert.core.findings import Finding
from smartcert.core.rulespec import RuleSpec
from smartcert.extractors import findings as R
from smartcert.extractors import ocr
from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.findings import extract_finding
from smartcert.extractors.limits import OcrAllowance
from smartcert.extractors.models import DocumentExtract, Page
from smartcert.extractors.ocr import OcrResult
from smartcert.extractors.pdf.chars import Char
from smartcert.extractors.pdf.edges import Edge, close_open_sides, drawings_to_edges
from smartcert.extractors.pdf.grid import merge_edges
from smartcert.extractors.pdf.tables import DEFAULT_TABLES


def page_edges(page: fitz.Page, chars: list[Char]) -> list[Edge]:
    """Ruling lines joined into long edges (Hancom draws them cell by cell), sides closed."""
    t = DEFAULT_TABLES
    edges = merge_edges(drawings_to_edges(page.get_cdrawings()), t.snap, t.join)

    def text_in(x0: float, top: float, x1: float, bottom: float) -> bool:
        return any(x0 < ch.cx < x1 and top < ch.cy < bottom and not ch.c.isspace()
                   for ch in chars)

    closed = close_open_sides(edges, text_in)
    if len(closed) == len(edges):
        return edges
    # snap the virtual borders onto rules they nearly meet, or they cut sliver cells
    return merge_edges(closed, t.snap, t.join)


def finding(
    doc: DocumentExtract, rule: RuleSpec, page: int | None = None, **fmt: str
) -> Finding:
    return extract_finding(rule, doc.file, page=page, **fmt)


OcrJob = tuple[Page, "Future[OcrResult] | None"]


def ocr_submit(
    page: fitz.Page, info: Page, doc: DocumentExtract, settings: ExtractSettings,
    pool: Executor, allowance: OcrAllowance, over_budget: list[int],
) -> OcrJob:
    """Render a page whose text layer is missing or unusable and queue it for OCR (the
    caller has checked that OCR can run), if the submission's OCR budget has a page left
    (else the page is noted in `over_budget`). A page too big for the pixel limit is
    rendered at a lower resolution."""
    if not allowance.take():
        over_budget.append(info.number)
        return (info, None)
    dpi = ocr.page_dpi(page, settings)
    limits = settings.limits
    if dpi < min(settings.ocr_dpi, limits.min_ocr_dpi):
        doc.findings.append(R.ocr_low_resolution(
            doc.file, info.number, (page.rect.width, page.rect.height), dpi,
            limits.max_render_megapixels, limits.min_ocr_dpi))
    png, to_page = ocr.render_page(page, dpi)
    return (info, pool.submit(ocr.ocr_rendered, png, to_page, info.number, settings, dpi=dpi))


def throttle(jobs: list[OcrJob], in_flight: int) -> None:
    """Wait while more than `in_flight` rendered pages await OCR: a 1,000-page scan must
    not hold a thousand page images in memory."""
    pending = [f for _, f in jobs if f is not None and not f.done()]
    while len(pending) > in_flight:
        wait(pending, return_when=FIRST_COMPLETED)
        pending = [f for f in pending if not f.done()]


def ocr_finish(job: OcrJob, doc: DocumentExtract, gate: ocr.OcrGate) -> None:
    """Put a page's OCR text in the document, or say why there is none (a page Tesseract
    failed on by itself; Tesseract gone altogether is the gate's one finding)."""
    info, future = job
    if future is None:
        return
    try:
        result = future.result()
    except ocr.OcrFailed as exc:
        doc.findings.append(finding(doc, R.OCR_FAILED, page=info.number, reason=str(exc)))
        return
    except ocr.OcrUnavailable as exc:
        gate.refuse(info.number, str(exc))
        return
    info.ocr = True
    info.ocr_confidence = result.mean_confidence
    doc.spans.extend(result.spans)
    if result.low_confidence:
        doc.findings.append(finding(doc, R.OCR_LOW_CONFIDENCE, page=info.number,
                                    confidence=f"{result.mean_confidence:.0f}"))
