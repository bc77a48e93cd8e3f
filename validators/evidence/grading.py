"""OCR'd evidence is used with its confidence: a miss on an OCR'd page is at most a
warning, and on a page under `LOW_OCR_CONFIDENCE` only a hint (info). Pages without any
text (a scan not OCR'd: `--no-ocr`, Tesseract missing) cannot show anything: a miss among
them alone is no finding (the reading finding `intake.ocr-skipped` says why), and a miss
that some of them might explain is at most a warning."""

from __future__ import annotations

from collections.abc import Iterable

from schemas.findings import Finding, Severity
from validators.evidence.index import EvidencePage


def graded(finding: Finding, searched: Iterable[EvidencePage]) -> Finding | None:
    pages = list(searched)
    if pages and all(p.unread for p in pages):
        return None
    if any(p.low_confidence for p in pages):
        severity = Severity.INFO
    elif any(p.uncertain or p.unread for p in pages) and finding.severity is Severity.ERROR:
        severity = Severity.WARNING
    else:
        return finding
    return finding.model_copy(update={"severity": severity})
