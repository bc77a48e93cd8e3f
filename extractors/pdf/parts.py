"""One PDF read by several workers at once, a run of pages each, and put back together.

A bundle's evidence PDF is most of its pages, and one process reads them on one core. The
PDF backend reads a part — pages [start, stop) — the same way it reads a whole document
(`PdfBackend.extract_part`); the parts are joined here in page order, the tables continued
across a part's edge included, so the result is the one a whole reading gives (the tests
compare them byte for byte). A part only reads text layers: a page that needs OCR makes it
give up (`None`), and the document is read whole, where the OCR budget and the pool of
Tesseract runs are the document's own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from smartcert.core.findings import Finding
from smartcert.extractors.models import DocumentExtract, DocumentStatus, ExtractorInfo, Page, Span
from smartcert.extractors.pdf.join import Placed, join_tables

MIN_SPLIT_PAGES = 8  # fewer pages than this: one part reads them all (a worker's round trip)
MIN_PART_PAGES = 4  # and no part of fewer pages than this, but for the document's last
# Pages differ in cost (an evidence file's first half, all tables, takes twice its second):
# a worker that ends its part early takes the next one, so each reads a few parts, not one
PARTS_PER_WORKER = 2


def part_count(workers: int) -> int:
    """How many parts `workers` workers share between them, taking the next as each ends."""
    return workers * PARTS_PER_WORKER if workers > 1 else 1


@dataclass
class PdfPart:
    """What a worker read of pages [start, stop): the pages, their spans and page findings,
    the tables before joining (without their glyphs, which only the page needed). Part 0
    also carries the document's own facts: metadata, repair, active content, page limit."""

    start: int
    stop: int
    pages: list[Page] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    placed: list[Placed] = field(default_factory=list)
    failed: int = 0  # pages MuPDF could not interpret
    metadata: dict[str, str] = field(default_factory=dict)
    # the reader's name and version, for the joined document: the process joining the parts
    # need not load the reader (PyMuPDF) only to learn them
    extractor: ExtractorInfo | None = None


def part_range(index: int, count: int, pages: int) -> tuple[int, int]:
    """Pages [start, stop) of part `index` of `count`: contiguous, as even as can be, at
    least `MIN_PART_PAGES` each (the parts beyond are empty); a short document is part 0's
    alone."""
    if not 0 <= index < count:
        raise ValueError(f"part {index} of {count}")
    used = 1 if pages < MIN_SPLIT_PAGES else min(count, pages // MIN_PART_PAGES)
    if index >= used:
        return pages, pages
    return index * pages // used, (index + 1) * pages // used


def assemble(doc: DocumentExtract, parts: list[PdfPart]) -> DocumentExtract:
    """The document from its parts, as a whole reading writes it (`PdfBackend._pages`)."""
    parts = sorted(parts, key=lambda p: p.start)
    doc.metadata = dict(parts[0].metadata)
    placed: list[Placed] = []
    for part in parts:
        doc.pages.extend(part.pages)
        doc.spans.extend(part.spans)
        doc.findings.extend(part.findings)
        placed.extend(part.placed)
    doc.spans.sort(key=lambda s: s.page)  # stable, as in a whole reading
    doc.tables = join_tables(placed)
    if any(part.failed for part in parts):
        doc.status = DocumentStatus.PARTIAL
    return doc
