"""How much work one document, and one submission, may make: the extraction limits.

Every limit has a default meant for real submissions and is configurable (the CLI's options,
`RunConfig`, or `ExtractSettings(limits=Limits(...))`); each one hit is an `intake.*` finding
that names the limit and how to raise it. The defaults, and why:

- `max_pages` 2,000 pages per document: the longest document of the samples has 60 pages
  and a real evidence compilation a few hundred; beyond that, reading is unbounded work
  (a 5,000-page image-only PDF) rather than a submission.
- `max_ocr_pages` 300 OCR'd pages per submission, shared by its documents: Tesseract takes
  ~2.5 s a page here (300 dpi, kor+eng), so ~6 min of OCR on two cores at worst; a fully
  scanned submission (proposal and evidence) stays below it.
- `max_render_megapixels` 40 per rendered page: an A2 poster at 300 dpi is 35 MP, A4 8.7 MP;
  a 14,400-pt page at 300 dpi would be 3.6 gigapixels. Bigger pages are rendered at a
  lower resolution, and `min_ocr_dpi` (150: a 10-pt Hangul line is then ~20 px high,
  Tesseract's working minimum) is the floor below which the result is reported as doubtful.
  The report's crops are drawn within it too (`reports/regions.py`).
- `max_cells` 1,000,000 table cells per workbook: every cell kept costs ~1.5 KB in the
  extraction model (measured: 500,000 cells, ~0.8 GB), so the cap keeps a workbook within
  the memory limit; real submission workbooks hold a few thousand cells.
- `doc_timeout_s` 300 s per document, not counting Tesseract's own time (bounded by the OCR
  budget and its per-page timeout): a 37-page real Hancom PDF reads in ~1 s and its 35-page
  HWP in ~2.5 s here, so even 2,000 pages fit; a sheet cut at 500,000 cells takes ~45 s.
- `doc_memory_mb` 3,072 MiB of address space per document: the largest legitimate reading
  (a sheet cut at 500,000 cells) peaks near 1 GiB resident; a worker process holds ~0.4 GiB
  of address space idle (libraries, thread stacks), ~0.6 GiB while OCR threads run.

Time and memory are enforced by reading each document in a worker process
(`extractors/isolate.py`); `isolate=False` reads in the calling process without them.
"""

from __future__ import annotations

import fcntl
import os
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the limits are read where no document is (the command's options)
    from smartcert.extractors.models import DocumentExtract

# what a finding tells the operator to change, per limit: option of the CLI and field here
HOW_TO_RAISE = {
    "max_pages": "--max-pages 옵션 또는 Limits.max_pages",
    "max_ocr_pages": "--max-ocr-pages 옵션 또는 Limits.max_ocr_pages",
    "max_render_megapixels": "--max-render-mp 옵션 또는 Limits.max_render_megapixels",
    "max_cells": "--max-cells 옵션 또는 Limits.max_cells",
    "doc_timeout_s": "--doc-timeout 옵션 또는 Limits.doc_timeout_s",
    "doc_memory_mb": "--doc-memory-mb 옵션 또는 Limits.doc_memory_mb",
}


@dataclass(frozen=True)
class Limits:
    """The extraction limits (see the module's docstring for the defaults); validated on
    construction."""

    max_pages: int = 2_000
    max_ocr_pages: int = 300
    max_render_megapixels: float = 40.0
    min_ocr_dpi: int = 150
    max_cells: int = 1_000_000
    doc_timeout_s: float = 300.0
    doc_memory_mb: int = 3_072
    isolate: bool = True

    def __post_init__(self) -> None:
        bad: list[str] = []
        for name in ("max_pages", "max_cells", "doc_memory_mb"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                bad.append(f"{name} must be a positive int, got {value!r}")
        if not isinstance(self.max_ocr_pages, int) or self.max_ocr_pages < 0:
            bad.append(f"max_ocr_pages must be 0 or more, got {self.max_ocr_pages!r}")
        if not 1.0 <= self.max_render_megapixels <= 1_000.0:
            bad.append(f"max_render_megapixels must be within 1..1000, "
                       f"got {self.max_render_megapixels!r}")
        if not 36 <= self.min_ocr_dpi <= 600:
            bad.append(f"min_ocr_dpi must be within 36..600, got {self.min_ocr_dpi!r}")
        if not self.doc_timeout_s > 0:
            bad.append(f"doc_timeout_s must be positive, got {self.doc_timeout_s!r}")
        if self.doc_memory_mb < 1024:
            bad.append(f"doc_memory_mb must be at least 1024 (a worker's own libraries), "
                       f"got {self.doc_memory_mb!r}")
        if bad:
            raise ValueError("invalid limits: " + "; ".join(bad))

    @classmethod
    def option_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))


def ocr_pages_used(doc: DocumentExtract) -> int:
    """Pages of `doc` that were handed to Tesseract (read, or failed in it)."""
    tried = {p.number for p in doc.pages if p.ocr}
    tried |= {loc.page for f in doc.findings if f.rule == "intake.ocr-failed"
              for loc in f.locations if loc.page is not None}
    return len(tried)


class OcrAllowance:
    """The OCR pages a document may still use.

    Alone (`ledger` None) it has the whole budget. Within a submission, the budget is a
    small file shared by the submission's documents — whichever process or Dask worker
    reads them — each page taken under an exclusive lock, so the documents of one
    submission together never OCR more than `limit` pages.
    """

    def __init__(self, limit: int, ledger: str | None = None) -> None:
        self.limit = limit
        self.ledger = Path(ledger) if ledger else None
        self._used = 0  # alone: pages taken so far

    def take(self, n: int = 1) -> bool:
        """Take `n` pages of the budget; False (nothing taken) when fewer are left."""
        if self.ledger is None:
            if self._used + n > self.limit:
                return False
            self._used += n
            return True
        fd = os.open(self.ledger, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            raw = os.read(fd, 64).strip()
            used = int(raw) if raw.isdigit() else 0
            if used + n > self.limit:
                return False
            os.lseek(fd, 0, os.SEEK_SET)
            os.ftruncate(fd, 0)
            os.write(fd, str(used + n).encode())
            return True
        finally:
            os.close(fd)  # releases the lock
