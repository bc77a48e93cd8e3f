"""OCR'd evidence is used with its confidence. What a rule read from (or missed on) an
OCR'd page is uncertain: the finding says so (`uncertain=`, so never an error), and on a
page under `LOW_OCR_CONFIDENCE` it is only a hint (info). Pages without any text (a scan
not OCR'd: `--no-ocr`, Tesseract missing) cannot show anything: a miss among them alone is
no finding (the reading finding `intake.ocr-skipped` says why), and a miss that some of
them might explain is uncertain too."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from smartcert.core.findings import Finding, Severity
from smartcert.validators.support.evidence_index import EvidencePage

_SHOWN = 3  # pages named in a note; more are counted


@dataclass(frozen=True)
class PageGrade:
    """How far the searched pages can be trusted."""

    doubt: str | None  # for `uncertain=`: which pages were OCR'd or unreadable
    hint: bool  # a page of low OCR confidence: the finding is only a hint

    def apply(self, finding: Finding) -> Finding:
        return finding.model_copy(update={"severity": Severity.INFO}) if self.hint else finding


def grade(searched: Iterable[EvidencePage]) -> PageGrade | None:
    """None when no searched page has any text (nothing could have been seen)."""
    pages = list(searched)
    if pages and all(p.unread for p in pages):
        return None
    ocr = [p for p in pages if p.uncertain and not p.unread]
    unread = [p for p in pages if p.unread]
    notes = []
    if ocr:
        known = [p.confidence for p in ocr if p.confidence is not None]
        conf = f", 인식 신뢰도 {min(known):.0f}%" if known else ""
        notes.append(f"근거자료 {_pages(ocr)}은(는) 스캔 이미지를 OCR로 읽어 인식 오류가 있을 수 "
                     f"있음{conf}")
    if unread:
        notes.append(f"근거자료 {_pages(unread)}은(는) 글자를 읽을 수 없는 이미지임")
    return PageGrade(doubt="; ".join(notes) or None,
                     hint=any(p.low_confidence for p in pages))


def _pages(pages: list[EvidencePage]) -> str:
    files = list(dict.fromkeys(p.file for p in pages))
    shown = pages[:_SHOWN]
    if len(files) == 1:
        text = ", ".join(str(p.number) for p in shown) + "쪽"
    else:
        text = ", ".join(f"{p.file} {p.number}쪽" for p in shown)
    return text + (f" 외 {len(pages) - _SHOWN}쪽" if len(pages) > _SHOWN else "")
