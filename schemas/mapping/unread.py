"""Pages a document was not read from its text layer, and the doubt they cast on a finding
that concludes something is absent from that document.

A page without a usable text layer (a scan; private-use glyphs or a broken ToUnicode:
`intake.unusable-text-layer`) is OCR'd — its words are read, its tables are not — or not
read at all (`intake.ocr-unavailable`, `-skipped`, `-budget`, `-failed`). A rule that
finds a table, a row or a form absent cannot be sure it is not on such a page: its
finding is a warning that says which pages (`RuleSpec.finding(uncertain=)`).
"""

from __future__ import annotations

from collections.abc import Iterable

from smartcert.extractors.findings import ranges_text
from smartcert.extractors.models import DocumentExtract, TextLayer

_NO_TEXT = (TextLayer.MISSING, TextLayer.UNUSABLE)


def ocr_pages(doc: DocumentExtract) -> list[int]:
    return [p.number for p in doc.pages if p.ocr]


def unread_pages(doc: DocumentExtract) -> list[int]:
    """Pages without a usable text layer that OCR did not read either."""
    return [p.number for p in doc.pages if not p.ocr and p.text_layer in _NO_TEXT]


def unsure_pages(doc: DocumentExtract) -> list[int]:
    return sorted({*ocr_pages(doc), *unread_pages(doc)})


def absence_doubt(pages: Iterable[int], missed: str, file: str | None = None) -> str | None:
    """'3쪽은 … 그 쪽의 요약표를 놓쳤을 수 있음': `missed` is what may stand on the pages, with
    its object particle ('그 쪽의 요약표를'); `file` is named when the finding's place does
    not say which document the pages are of. None when there are no such pages."""
    numbers = sorted(set(pages))
    if not numbers:
        return None
    where = f"'{file}' " if file else ""
    return (f"{where}{ranges_text(numbers)}쪽은 글자 정보가 없거나 쓸 수 없어 OCR로 읽었거나 "
            f"읽지 못해 {missed} 놓쳤을 수 있음")


def doc_doubt(doc: DocumentExtract, missed: str) -> str | None:
    """`absence_doubt` over every page of `doc` not read from its text layer."""
    return absence_doubt(unsure_pages(doc), missed)
