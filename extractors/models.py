"""The extraction result: what `smartcert extract` writes as `<file>.extract.json`.

Every later step reads only this model, never a raw file, so every value keeps the
file, page and region it came from. The format is documented in the README.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field

from smartcert.core.files.media import MediaType
from smartcert.core.findings import BBox, Finding

FORMAT_VERSION = 1

_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(text: str) -> str:
    """A lone UTF-16 surrogate (a ToUnicode map pointing at half a pair) is no character and
    cannot be written as UTF-8 JSON: it becomes U+FFFD, so the extract can always be saved."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


# text as a document gives it, made writable
DocText = Annotated[str, AfterValidator(_no_surrogates)]


class DocumentStatus(StrEnum):
    OK = "ok"
    PARTIAL = "partial"  # read, but some pages/sheets could not be (see findings)
    UNSUPPORTED = "unsupported"  # a format we recognise but do not read (HWP binary, legacy OLE)
    ENCRYPTED = "encrypted"
    CORRUPT = "corrupt"
    EMPTY = "empty"
    FAILED = "failed"  # the extractor itself broke on this file (a bug): recorded, run goes on


class TextLayer(StrEnum):
    GOOD = "good"
    MISSING = "missing"  # image only: a scan
    UNUSABLE = "unusable"  # (cid:…), private-use or garbage glyphs, broken ToUnicode
    NOT_APPLICABLE = "n/a"  # spreadsheets, Word files


class Page(BaseModel):
    """A PDF page, an image, a worksheet (``sheet`` set) or a Word body (one page)."""

    number: int = Field(ge=1)
    width: float | None = None
    height: float | None = None
    rotation: int = 0
    text_layer: TextLayer = TextLayer.GOOD
    ocr: bool = False
    ocr_confidence: float | None = None  # mean word confidence 0–100 when OCR'd
    sheet: str | None = None
    hidden: bool = False
    hidden_rows: list[int] = Field(default_factory=list)


class Span(BaseModel):
    """A run of text on one line. ``text`` is as printed; ``key`` is the matching form."""

    page: int = Field(ge=1)
    text: DocText
    key: DocText = ""
    bbox: BBox | None = None
    font: str | None = None
    size: float | None = None
    ocr: bool = False
    confidence: float | None = None  # 0–100, OCR only
    index: int | None = None  # paragraph index for Word files


class Cell(BaseModel):
    """One cell of a grid. Covered cells of a merge are not listed: the anchor spans them."""

    row: int = Field(ge=0)
    col: int = Field(ge=0)
    rowspan: int = Field(default=1, ge=1)
    colspan: int = Field(default=1, ge=1)
    text: DocText = ""
    key: DocText = ""
    bbox: BBox | None = None
    page: int | None = None
    ref: str | None = None  # spreadsheet reference, e.g. "B3"
    ocr: bool = False


class Region(BaseModel):
    page: int = Field(ge=1)
    bbox: BBox


class Table(BaseModel):
    id: str
    pages: list[int]
    regions: list[Region] = Field(default_factory=list)
    bbox: BBox | None = None  # region on the first page
    n_rows: int = 0
    n_cols: int = 0
    header_rows: int = 0
    sheet: str | None = None
    cells: list[Cell] = Field(default_factory=list)

    def grid(self) -> list[list[str | None]]:
        """Row-major text grid; covered cells of a merge are None."""
        g: list[list[str | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            g[c.row][c.col] = c.text
        return g


class ExtractorInfo(BaseModel):
    name: str
    version: str


class DocumentExtract(BaseModel):
    format_version: int = FORMAT_VERSION
    extractor: ExtractorInfo
    file: str
    sha256: str
    size: int
    media_type: MediaType
    status: DocumentStatus = DocumentStatus.OK
    status_detail: str | None = None
    metadata: dict[str, str] = Field(default_factory=dict)
    pages: list[Page] = Field(default_factory=list)
    spans: list[Span] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
