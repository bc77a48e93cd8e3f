"""The one small interface every format backend implements (docling-style)."""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import ClassVar

from smartcert.core.files.hashing import sha256_file
from smartcert.core.files.media import MediaType
from smartcert.extractors.limits import Limits
from smartcert.extractors.models import DocumentExtract, DocumentStatus, ExtractorInfo


@dataclass(frozen=True)
class ExtractSettings:
    """Knobs shared by all backends; validated on construction (pdfplumber-style)."""

    ocr: bool = True
    ocr_languages: str = "kor+eng"
    ocr_dpi: int = 300
    # a page is OCR'd when fewer than this share of its glyphs decode to real text
    min_good_glyph_share: float = 0.85
    # a caller's own tighter cut (a peek at the first pages); the operator's limit is
    # `limits.max_pages`, and the lower of the two applies
    max_pages: int | None = None
    # Tesseract runs as a subprocess: this many pages are OCR'd at once (0 = one per core)
    ocr_workers: int = 0
    # worker processes one PDF's text pages are read in at once (0: one per free core, 1:
    # never split); a reading's content does not depend on it
    page_workers: int = 0
    limits: Limits = field(default_factory=Limits)
    # the submission's shared OCR budget (`limits.OcrAllowance`): a file the pipeline makes
    # per submission run; None: the document has the whole budget to itself
    ocr_ledger: str | None = None

    def __post_init__(self) -> None:
        if not 72 <= self.ocr_dpi <= 600:
            raise ValueError(f"ocr_dpi must be within 72..600, got {self.ocr_dpi}")
        if not 0.0 < self.min_good_glyph_share <= 1.0:
            raise ValueError("min_good_glyph_share must be within (0, 1]")
        if self.page_workers < 0:
            raise ValueError("page_workers must be 0 or more")
        if self.ocr_workers < 0:
            raise ValueError("ocr_workers must be 0 (one per core) or more")
        if self.max_pages is not None and self.max_pages < 1:
            raise ValueError("max_pages must be positive")
        if not self.ocr_languages or any(not p.isalpha() for p in self.ocr_languages.split("+")):
            raise ValueError(f"bad ocr_languages {self.ocr_languages!r}")
        if not isinstance(self.limits, Limits):
            raise ValueError(f"limits must be a Limits, got {type(self.limits).__name__}")

    @property
    def page_limit(self) -> int:
        """Pages (sheets, frames) read per document."""
        return min(self.max_pages or self.limits.max_pages, self.limits.max_pages)

    def cache_key(self) -> ExtractSettings:
        """These settings as far as they decide an extraction's content: without the run's
        OCR ledger and the limits that only stop a reading (a document they stopped is
        never cached, and one they did not stop reads the same under any of them)."""
        base = Limits()
        limits = replace(self.limits, max_ocr_pages=base.max_ocr_pages,
                         doc_timeout_s=base.doc_timeout_s, doc_memory_mb=base.doc_memory_mb,
                         isolate=base.isolate)
        return replace(self, ocr_ledger=None, limits=limits, page_workers=0)


class Backend(ABC):
    """Reads one format into a `DocumentExtract`.

    Bad data (corrupt, encrypted, unreadable pages) is reported in the result's status
    and findings; only operational failures (I/O errors, bugs) raise.
    """

    name: ClassVar[str]
    version: ClassVar[str]
    media_types: ClassVar[frozenset[MediaType]]

    def __init__(self, settings: ExtractSettings | None = None) -> None:
        self.settings = settings or ExtractSettings()

    @abstractmethod
    def extract(self, path: Path, doc: DocumentExtract) -> DocumentExtract:
        """Fill `doc` (already carrying file identity) from `path` and return it."""

    def new_document(
        self, path: Path, media_type: MediaType, display_name: str | None = None
    ) -> DocumentExtract:
        return new_document(ExtractorInfo(name=self.name, version=self.version), path,
                            media_type, display_name)


def new_document(info: ExtractorInfo, path: Path, media_type: MediaType,
                 display_name: str | None = None) -> DocumentExtract:
    """The record a backend fills: the file's identity and the reader's name and version.
    Also where the parts of a PDF read in workers are joined, by a process that need not
    load the reader (`api._read_in_parts`)."""
    return DocumentExtract(
        extractor=info,
        file=display_name or path.name,
        sha256=sha256_file(path),
        size=path.stat().st_size,
        media_type=media_type,
        status=DocumentStatus.OK,
    )


def ocr_worker_count(settings: ExtractSettings) -> int:
    return settings.ocr_workers or os.cpu_count() or 1
