"""Values read from a page the extraction OCR'd are not certain.

A page without a usable text layer (a scan; private-use glyphs or a broken ToUnicode:
`intake.unusable-text-layer`) is read by OCR, which can misread a letter ('㈜누리모빌리티'
as '준 누 리 모빌리티', 8 as 3). A rule comparing or judging a value read there reports a
warning saying so ('확인 필요: …쪽은 OCR로 읽음', `RuleSpec.finding(uncertain=)`); the same
value read from a text layer keeps the rule's severity. The pages come from the documents
(`claims.Document.ocr_pages`, `ServiceDocument.ocr_pages`) or, while mapping, the extracts.

    ocr_read(sub.documents, [sub.source, claim.form_source])
    → "'1. 신청서.pdf' 1쪽은 OCR로 읽음"
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

from smartcert.core.findings import Location
from smartcert.extractors.findings import ranges_text
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.mapping.unread import ocr_pages


class Paged(Protocol):
    """A document of a submission, city or service, with its OCR'd pages."""

    @property
    def file(self) -> str: ...

    @property
    def ocr_pages(self) -> list[int]: ...


def ocr_by_file(documents: Iterable[Paged]) -> dict[str, set[int]]:
    return {d.file: set(d.ocr_pages) for d in documents if d.ocr_pages}


def extracts_ocr(docs: Iterable[DocumentExtract]) -> dict[str, set[int]]:
    """`ocr_by_file` of the extracts, for the mapping (before documents are built)."""
    return {d.file: set(pages) for d in docs if (pages := ocr_pages(d))}


def ocr_note(ocr: Mapping[str, set[int]], places: Iterable[Location | None]) -> str | None:
    """"'a.pdf' 1쪽, 'b.pdf' 3쪽은 OCR로 읽음" for the places on OCR'd pages; None when none
    is (a spreadsheet cell, a Word paragraph, a text-layer page)."""
    hits: dict[str, set[int]] = {}
    for loc in places:
        if loc is not None and loc.page is not None and loc.page in ocr.get(loc.file, ()):
            hits.setdefault(loc.file, set()).add(loc.page)
    if not hits:
        return None
    where = ", ".join(f"'{file}' {ranges_text(sorted(pages))}쪽" for file, pages in hits.items())
    return f"{where}은 OCR로 읽음"


def ocr_read(documents: Iterable[Paged], places: Iterable[Location | None]) -> str | None:
    """`ocr_note` over the documents' OCR'd pages."""
    return ocr_note(ocr_by_file(documents), places)


def joined(*doubts: str | None) -> str | None:
    """Several reasons for one `uncertain=`, in order, each once; None when there is none."""
    out = list(dict.fromkeys(d for d in doubts if d))
    return "; ".join(out) or None
