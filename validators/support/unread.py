"""The doubt a rule concluding absence must state when the documents it looked in have pages
not read from a text layer (`Document.ocr_pages`, `unread_pages`: OCR'd, where no table is
found, or not read at all) or were not opened (`Document.not_read`). Such a finding is a
warning naming those pages (`Rule.finding(uncertain=)`); with none, the rule's finding
stands as certain.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from smartcert.core.findings import Location
from smartcert.schemas.claims import Document, DocumentKind, Submission
from smartcert.schemas.mapping.document_parts import FORMS, SUMMARY
from smartcert.schemas.mapping.unread import absence_doubt

_PLACES = 10  # pages pointed at per document; the message names them all


@dataclass(frozen=True)
class Doubt:
    """What a rule tells: `text` for `uncertain=` (None: nothing doubtful) and the pages'
    places, to add to the finding's."""

    text: str | None = None
    locations: list[Location] = field(default_factory=list)


def pages_doubt(pages: Iterable[tuple[Document, list[int]]], missed: str,
                named: bool = False) -> Doubt:
    """The doubt of `(document, its pages not read from text)`; `missed`: what may stand on
    them, with its object particle ('그 쪽의 요약표를'). Files are named when several are,
    or when `named` (the finding's places do not say which)."""
    found = [(d, p) for d, p in pages if p]
    if not found:
        return Doubt()
    named = named or len(found) > 1
    texts = [absence_doubt(p, missed, d.file if named else None) for d, p in found]
    return Doubt("; ".join(t for t in texts if t),
                 [Location(file=d.file, page=n) for d, p in found for n in p[:_PLACES]])


def _start(doc: Document, name: str) -> int | None:
    part = doc.part(name)
    return part.position[0] if part is not None and part.position is not None else None


def summary_pages(doc: Document) -> list[int]:
    """A proposal's pages not read from text where summary rows may stand: from the summary's
    first page (the whole document when it was not found) to before the data forms."""
    first, forms = _start(doc, SUMMARY), _start(doc, FORMS)
    return [p for p in doc.unsure_pages
            if (first is None or p >= first) and (forms is None or first is None or p < forms)]


def front_pages(doc: Document) -> list[int]:
    """A document's pages not read from text before its summary and forms (a proposal's
    cover and contents, where the applicant's facts are printed); all of them otherwise."""
    body = [s for s in (_start(doc, SUMMARY), _start(doc, FORMS)) if s is not None]
    return [p for p in doc.unsure_pages if not body or p < min(body)]


def proposals(sub: Submission) -> list[Document]:
    return sub.documents_of(DocumentKind.QUANTITATIVE_PROPOSAL)
