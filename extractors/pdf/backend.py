"""The PDF backend: fixed steps per page, failures recorded as findings."""

from __future__ import annotations

from concurrent.futures import Executor, ThreadPoolExecutor
from pathlib import Path

import fitz

from smartcert.core.files.media import MediaType
from smartcert.core.findings import Location
from smartcert.extractors import findings as R
from smartcert.extractors import ocr
from smartcert.extractors.base import Backend, ocr_worker_count
from smartcert.extractors.findings import extract_finding, fail_document
from smartcert.extractors.limits import OcrAllowance
from smartcert.extractors.models import DocumentExtract, DocumentStatus, Page, TextLayer
from smartcert.extractors.pdf import active, pagefind
from smartcert.extractors.pdf.chars import Char, GlyphIndex, page_chars
from smartcert.extractors.pdf.errors import MUPDF_ERRORS, PAGE_LOAD_ERRORS
from smartcert.extractors.pdf.join import Placed, body_text_beyond, join_tables
from smartcert.extractors.pdf.lines import build_spans, reading_key, spans_of_lines
from smartcert.extractors.pdf.parts import PdfPart, part_range
from smartcert.extractors.pdf.rows import split_unruled_rows
from smartcert.extractors.pdf.tables import build_table, find_cell_groups, words_cross_borders
from smartcert.extractors.pdf.textlayer import TextLayerReport, classify, mostly_private_use

_META_KEYS = ("title", "author", "creator", "producer", "creationDate", "modDate", "format")


def _bounds(cells: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    return (min(c[0] for c in cells), min(c[1] for c in cells),
            max(c[2] for c in cells), max(c[3] for c in cells))


def _image_coverage(page: fitz.Page) -> float:
    area = abs(page.rect) or 1.0
    covered = 0.0
    for info in page.get_image_info():
        r = fitz.Rect(info["bbox"]) & page.rect
        covered += abs(r)
    return min(covered / area, 1.0)


class PdfBackend(Backend):
    name = "pdf"
    # 1.1: no join across a heading or note between two tables; 1.2: OCR that cannot run is
    # one finding per document, unusable text layers and active content are reported
    version = "1.2.0"
    media_types = frozenset({MediaType.PDF})

    def extract(self, path: Path, doc: DocumentExtract) -> DocumentExtract:
        pdf = self._open(path, doc)
        if pdf is None:
            return doc
        with pdf:
            self._head(pdf, doc)
            self._pages(pdf, doc)
        return doc

    def extract_part(self, path: Path, doc: DocumentExtract, index: int, count: int
                     ) -> PdfPart | None:
        """Part `index` of `count` of the document's pages (`parts.part_range`), text layers
        only; None when the document is to be read whole instead: it cannot be opened, or a
        page of the part needs OCR. Part 0 carries the document's own facts."""
        pdf = self._open(path, doc)
        if pdf is None:
            return None  # the whole reading records why
        with pdf:
            start, stop = part_range(index, count, min(self.settings.page_limit,
                                                        pdf.page_count))
            if index == 0:
                self._head(pdf, doc)
            part = PdfPart(start=start, stop=stop, metadata=doc.metadata, extractor=doc.extractor)
            for i in range(start, stop):
                try:
                    page = pdf[i]
                except PAGE_LOAD_ERRORS as exc:
                    part.failed += 1
                    self._unreadable(doc, i + 1, exc)
                    continue
                try:
                    chars, report, height = self._classify(page, i + 1, doc)
                    if report.status is not TextLayer.GOOD:
                        return None
                    part.placed.extend(self._read_text(page, i + 1, chars, doc, height))
                except MUPDF_ERRORS as exc:
                    part.failed += 1
                    self._unreadable(doc, i + 1, exc)
        for p in part.placed:  # the glyphs were the page's: the join needs the cells only
            p.table.glyphs, p.table.lines = [], []
        part.pages, part.spans, part.findings = doc.pages, doc.spans, doc.findings
        return part

    def _open(self, path: Path, doc: DocumentExtract) -> fitz.Document | None:
        """The open PDF, or None with `doc` failed (corrupt, encrypted, no pages)."""
        try:
            pdf = fitz.open(path, filetype="pdf")
        except (fitz.FileDataError, RuntimeError, ValueError) as exc:
            fail_document(doc, DocumentStatus.CORRUPT, R.CORRUPT, reason=str(exc))
            return None
        if pdf.needs_pass and not pdf.authenticate(""):
            pdf.close()
            fail_document(doc, DocumentStatus.ENCRYPTED, R.ENCRYPTED)
            return None
        if pdf.page_count == 0:
            pdf.close()
            fail_document(doc, DocumentStatus.CORRUPT, R.CORRUPT, reason="쪽이 없음")
            return None
        return pdf

    def _head(self, pdf: fitz.Document, doc: DocumentExtract) -> None:
        """The document's own facts, before its pages: metadata, repair, active content and
        the page limit."""
        doc.metadata = {k: str(v) for k, v in (pdf.metadata or {}).items()
                        if k in _META_KEYS and v}
        if pdf.is_repaired:
            doc.findings.append(pagefind.finding(doc, R.REPAIRED_PDF))
        self._active(pdf, doc)
        limit = self.settings.page_limit
        if pdf.page_count > limit:
            doc.findings.append(R.page_limit(doc.file, pdf.page_count, limit))

    def _active(self, pdf: fitz.Document, doc: DocumentExtract) -> None:
        """Scripts, launch actions and attachments: reported, never run nor opened."""
        found = active.scan(pdf, self.settings.page_limit)
        if found:
            pages = [Location(file=doc.file, page=p) for p in sorted(found.pages)]
            doc.findings.append(extract_finding(R.ACTIVE_CONTENT, doc.file, what=found.describe(),
                                                locations=pages or None))

    def _pages(self, pdf: fitz.Document, doc: DocumentExtract) -> None:
        limit = self.settings.page_limit
        placed: list[Placed] = []
        jobs: list[pagefind.OcrJob] = []
        self._allowance = OcrAllowance(self.settings.limits.max_ocr_pages,
                                       self.settings.ocr_ledger)
        self._over_budget: list[int] = []
        self._gate = ocr.OcrGate(self.settings)
        self._unusable: list[tuple[int, TextLayerReport]] = []
        failed = 0
        workers = ocr_worker_count(self.settings)
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for i in range(min(limit, pdf.page_count)):
                number = i + 1
                try:
                    page = pdf[i]
                except PAGE_LOAD_ERRORS as exc:
                    failed += 1
                    self._unreadable(doc, number, exc)
                    continue
                try:
                    placed.extend(self._page(page, number, doc, pool, jobs))
                    pagefind.throttle(jobs, 2 * workers)
                except MUPDF_ERRORS as exc:
                    failed += 1
                    self._unreadable(doc, number, exc)
            for job in jobs:
                pagefind.ocr_finish(job, doc, self._gate)
        if self._unusable:
            doc.findings.append(R.unusable_text_layer(
                doc.file, [n for n, _ in self._unusable],
                private_use=mostly_private_use(r for _, r in self._unusable)))
        doc.findings.extend(self._gate.findings(doc.file))
        doc.spans.sort(key=lambda s: s.page)  # stable: keeps each page's reading order
        doc.tables = join_tables(placed)
        if self._over_budget:
            doc.findings.append(R.ocr_budget(doc.file, self._over_budget,
                                             self.settings.limits.max_ocr_pages))
        if failed or self._over_budget:
            doc.status = DocumentStatus.PARTIAL

    @staticmethod
    def _unreadable(doc: DocumentExtract, number: int, exc: Exception) -> None:
        """MuPDF could not load this page or interpret its content. A page that failed
        after its record was written (the drawings, past the glyphs) keeps one record."""
        if doc.pages and doc.pages[-1].number == number:
            doc.pages.pop()
        doc.pages.append(Page(number=number, text_layer=TextLayer.UNUSABLE))
        doc.findings.append(pagefind.finding(doc, R.PAGE_UNREADABLE, page=number,
                                             reason=str(exc)))

    def _page(
        self, page: fitz.Page, number: int, doc: DocumentExtract, pool: Executor,
        jobs: list[pagefind.OcrJob],
    ) -> list[Placed]:
        chars, report, height = self._classify(page, number, doc)
        if report.status is not TextLayer.GOOD:
            if report.status is TextLayer.UNUSABLE:
                self._unusable.append((number, report))
            if self._gate.open:
                jobs.append(pagefind.ocr_submit(page, doc.pages[-1], doc, self.settings, pool,
                                                 self._allowance, self._over_budget))
            else:  # --no-ocr, or no Tesseract: one finding for the document at the end
                self._gate.refuse(number)
            return []
        return self._read_text(page, number, chars, doc, height)

    def _classify(self, page: fitz.Page, number: int, doc: DocumentExtract
                  ) -> tuple[list[Char], TextLayerReport, float]:
        """The page's glyphs, how usable they are and the page's height; the page's record
        appended to `doc`."""
        chars = page_chars(page)
        report = classify(chars, lambda: _image_coverage(page), self.settings.min_good_glyph_share)
        rect = page.rect  # a property that asks MuPDF for the page's bounds each time
        doc.pages.append(Page(number=number, width=round(rect.width, 2),
                              height=round(rect.height, 2), rotation=page.rotation,
                              text_layer=report.status))
        return chars, report, rect.height

    def _read_text(self, page: fitz.Page, number: int, chars: list[Char],
                   doc: DocumentExtract, height: float) -> list[Placed]:
        """A page with a good text layer: its tables, and its spans in reading order."""
        groups = find_cell_groups(pagefind.page_edges(page, chars))
        index = GlyphIndex(chars)
        tables = []
        for cells in groups:
            near = index.within(*_bounds(cells))
            t = build_table(cells, near, number)
            if not words_cross_borders(t, near):
                tables.append(split_unruled_rows(t))
        tables.sort(key=lambda t: (t.bbox[1], t.bbox[0]))
        in_cells = {id(ch) for t in tables for g in t.glyphs for ch in g}
        regions = [ls for t in tables for ls in t.lines if ls]  # cells' lines, grouped once
        # text outside the tables, built once: the page's spans and the join's evidence
        outside = build_spans([[ch for ch in chars if id(ch) not in in_cells]], number)
        doc.spans.extend(sorted(spans_of_lines(regions, number) + outside, key=reading_key))
        return [
            Placed(page=number, page_height=height, table=t,
                   last_on_page=k == len(tables) - 1, first_on_page=k == 0,
                   text_below=body_text_beyond(outside, t.bbox[3], height, below=True),
                   text_above=body_text_beyond(outside, t.bbox[1], height, below=False))
            for k, t in enumerate(tables)
        ]
