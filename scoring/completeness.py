"""Whether a provisional score counted everything submitted.

Pages that needed OCR and did not get it — Tesseract missing, OCR switched off, the
submission's OCR budget spent, Tesseract failing on the page — were never read: whatever
they hold (a 자체평가 단계, a figure, the evidence of a claim) is missing from the score,
which may then be too low, or rest on claims nobody checked. A page of a form the score is
read from (the application, the proposal with its 요약표 and data forms, the self-assessment)
that had no usable text layer was at best OCR'd, and OCR gives words, not tables: the values
of its tables are missing too. A scanned 근거자료 is normal and read as evidence only. Such a
score is marked incomplete (`score.incomplete`), each reason said in Korean
(`score.incomplete_reasons`), from the reading findings that name the pages and from the
documents' pages not read from a text layer.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from typing import Protocol

from smartcert.core.findings import Finding
from smartcert.extractors.findings import (
    OCR_BUDGET,
    OCR_FAILED,
    OCR_SKIPPED,
    OCR_UNAVAILABLE,
    ranges_text,
)

# reading findings whose pages were left unread → why, as the reason says it
UNREAD = {
    OCR_UNAVAILABLE.id: "OCR을 쓸 수 없어(Tesseract 또는 한국어 데이터 없음) 읽지 못했으므로",
    OCR_SKIPPED.id: "OCR을 끄고(--no-ocr) 검토해 읽지 않았으므로",
    OCR_BUDGET.id: "제출물당 OCR 한도를 넘어 읽지 않았으므로",
    OCR_FAILED.id: "OCR이 실패해 읽지 못했으므로",
}
# the forms whose tables the score is read from, by document kind (city `DocumentKind`,
# service `ServiceDocumentKind` values) → their name in a reason
FORMS = {
    "application": "신청서",
    "quantitative_proposal": "정량지표 평가제안서",
    "qualitative_self_assessment": "정성지표 자체평가표",
    "proposal": "평가제안서",
    "self_assessment": "자체평가표",
}


class Paged(Protocol):
    """A document of a submission (city `Document`, service `ServiceDocument`)."""

    @property
    def file(self) -> str: ...

    @property
    def kind(self) -> Enum: ...

    @property
    def ocr_pages(self) -> list[int]: ...

    @property
    def unread_pages(self) -> list[int]: ...


def incomplete_reasons(findings: Iterable[Finding],
                       documents: Iterable[Paged] = ()) -> list[str]:
    """One Korean sentence per document and cause of pages left unread, then one per form
    with pages not read from a text layer that no such sentence names (empty: complete)."""
    pages: dict[tuple[str, str], set[int]] = {}
    for f in findings:
        if f.rule not in UNREAD:
            continue
        for loc in f.locations:
            pages.setdefault((f.rule, loc.file), set()).update(
                [loc.page] if loc.page is not None else [])
    out: list[str] = []
    for (rule, file), numbers in pages.items():
        where = f"{ranges_text(numbers)}쪽({len(numbers)}쪽)" if numbers else "일부 쪽"
        out.append(f"'{file}' {where}은 {UNREAD[rule]} 그 내용이 점수에 반영되지 않았습니다")
    said: dict[str, set[int]] = {}
    for (_, file), numbers in pages.items():
        said.setdefault(file, set()).update(numbers)
    for d in documents:
        reason = _form_reason(d, said.get(d.file, set()))
        if reason is not None:
            out.append(reason)
    return out


def _form_reason(doc: Paged, said: set[int]) -> str | None:
    """A form's pages OCR'd (words read, tables not) or unread, less those `said` already."""
    name = FORMS.get(str(doc.kind.value))
    if name is None:
        return None
    ocr = sorted(set(doc.ocr_pages) - said)
    unread = sorted(set(doc.unread_pages) - said)
    if not ocr and not unread:
        return None
    if ocr and unread:
        how = f"{ranges_text(ocr)}쪽은 OCR로 글자만 읽고 {ranges_text(unread)}쪽은 읽지 못함"
    else:
        how = "OCR로 글자만 읽음" if ocr else "읽지 못함"
    return (f"{name} '{doc.file}' {ranges_text(ocr + unread)}쪽을 글자 정보로 읽지 못해({how}) "
            "표의 값이 점수에 빠졌을 수 있습니다")
