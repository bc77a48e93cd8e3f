"""The evidence documents as rules read them: page → printed text, its match key, the
numbers and dates on it, and whether (and how confidently) it was OCR'd.

Built once per run, on first use, by `CheckContext.evidence_index` from `ctx.evidence` (the
근거자료 extracts). 증빙 페이지 numbers point into the evidence bundle only when there is exactly
one evidence document; items are looked for in every evidence document. Page numbers are only
taken from paged formats (PDF, scans): a Word or Excel evidence file has no printed page
numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cached_property
from itertools import pairwise

from rapidfuzz import fuzz

from smartcert.core.files.media import MediaType
from smartcert.core.findings import Location
from smartcert.core.normalize import match_key
from smartcert.core.textmatch import key
from smartcert.core.values.dates import find_dates
from smartcert.core.values.mention import MentionKind
from smartcert.core.values.numbers import to_million_won
from smartcert.core.values.periods import DateSpan, PartialDate
from smartcert.extractors.models import DocumentExtract, Table

CLAUSE = ("지침 V.제출서류 및 양식 > 작성요령 (증빙자료는 … 평가제안서 및 자체평가표의 사실을 "
          "증명하는 근거자료로써 제출) > ● 정량지표 요약표 '증빙 페이지'")
# Tesseract mean word confidence (0–100) under which a miss on that page is only a hint
LOW_OCR_CONFIDENCE = 70.0
# rapidfuzz partial ratio on jamo keys (schemas.textmatch): printed text, OCR'd text
NAME_THRESHOLD = 90.0
OCR_NAME_THRESHOLD = 80.0
# Tesseract mangles single words of a scanned name ('원격검침' → 'BAAS'): on an OCR'd page a
# window that scores at least OCR_PARTIAL and holds at least half the name's words shows it
OCR_PARTIAL = 60.0
_WORD_SPLIT = re.compile(r"[\s·,()\[\]/]+")

_NUMBER = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\d,.])\d+(?:\.\d+)?")


_SPLIT_NUMBER = re.compile(r"(?<=\d)\s+(?=[.,]\d)|(?<=\d[.,])\s+(?=\d)")
# OCR misreads inside figures: letters for digits ('2O23', '1l5'), a period for a thousands
# separator ('51.565' for 51,565)
_OCR_DIGITS = re.compile(r"(?<![A-Za-z])[\dOolI](?:[\dOolI]|[.,](?=[\dOolI]))*(?![A-Za-z])")
_OCR_TABLE = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
_OCR_THOUSANDS = re.compile(r"(?<=\d)\.(?=\d{3}(?!\d))")


def ocr_folded(text: str) -> str:
    """`text` as a figure would read without the usual OCR confusions; compare it besides the
    text itself (both readings are kept: '12.345' may be a decimal after all)."""
    def digits(m: re.Match[str]) -> str:
        token = m.group(0)
        return token.translate(_OCR_TABLE) if any(ch.isdigit() for ch in token) else token

    return _OCR_THOUSANDS.sub(",", _OCR_DIGITS.sub(digits, text))


def numbers_in(text: str, ocr: bool = False) -> set[Decimal]:
    """Every number printed in `text`, thousands separators removed ('1,234' → 1234); a
    number OCR split at its separator ('642 .83') is read both ways, and OCR'd text is also
    read as `ocr_folded`."""
    out: set[Decimal] = set()
    texts = [text, ocr_folded(text)] if ocr else [text]
    for t in texts:
        joined = _SPLIT_NUMBER.sub("", t)
        for m in [*_NUMBER.finditer(t), *_NUMBER.finditer(joined)]:
            try:
                out.add(Decimal(m.group(0).replace(",", "")).normalize())
            except InvalidOperation:
                continue
    return out


def _score(needle: str, window: str) -> float:
    """How well `window` shows `needle`; a window shorter than the needle must match whole
    (partial_ratio would find a lone '1' inside '강좌 1기')."""
    if len(window) < len(needle):
        return fuzz.ratio(needle, window)
    return fuzz.partial_ratio(needle, window)


@dataclass
class EvidencePage:
    file: str
    number: int
    lines: list[str] = field(default_factory=list)
    ocr: bool = False
    confidence: float | None = None
    tables: list[Table] = field(default_factory=list)  # tables with a region on this page

    @cached_property
    def text(self) -> str:
        return "\n".join(self.lines)

    @cached_property
    def key(self) -> str:
        return match_key(self.text)

    @cached_property
    def numbers(self) -> set[Decimal]:
        return numbers_in(self.text, ocr=self.ocr)

    @cached_property
    def amounts(self) -> set[Decimal]:
        """Every amount of money printed with its unit, in 백만원 ('12억 5천만원' → 1250)."""
        from smartcert.core.values.nlp import find_mentions  # spaCy and Kiwi: first use only

        out: set[Decimal] = set()
        for text in [self.text, ocr_folded(self.text)] if self.ocr else [self.text]:
            for m in find_mentions(text):
                if m.kind is MentionKind.MONEY and (v := to_million_won(m.text)) is not None:
                    out.add(v.normalize())
        return out

    @cached_property
    def figures(self) -> list[tuple[int, Decimal]]:
        """(line index, number) of the figures printed on the page, dates left out (a year or
        a day is no addend): what a claimed figure may be the sum of."""
        out: list[tuple[int, Decimal]] = []
        for i, line in enumerate(self.lines):
            text = ocr_folded(line) if self.ocr else line
            for m in find_dates(text):
                text = text[:m.start] + " " * (m.end - m.start) + text[m.end:]
            out += [(i, n) for n in numbers_in(text, ocr=self.ocr)]
        return out

    @property
    def uncertain(self) -> bool:
        """OCR'd text: a miss may be the OCR's, not the applicant's."""
        return self.ocr

    @property
    def unread(self) -> bool:
        """No text at all: an image-only page that was not OCR'd."""
        return not any(line.strip() for line in self.lines)

    @property
    def low_confidence(self) -> bool:
        return self.ocr and (self.confidence is None or self.confidence < LOW_OCR_CONFIDENCE)

    @property
    def location(self) -> Location:
        return Location(file=self.file, page=self.number)

    def shows_number(self, value: Decimal) -> bool:
        return value.normalize() in self.numbers

    @cached_property
    def windows(self) -> list[str]:
        """Jamo keys of each line and of each line joined with the next (names wrap)."""
        keys = [key(line) for line in self.lines]
        return keys + [a + b for a, b in pairwise(keys)]

    def find_name(self, name: str) -> int | None:
        """The index of the line showing `name` (-1: shown, but across lines), or None."""
        needle = key(name)
        if not needle:
            return None
        threshold = OCR_NAME_THRESHOLD if self.ocr else NAME_THRESHOLD
        n_lines = len(self.lines)
        words = [w for w in (key(p) for p in _WORD_SPLIT.split(name)) if len(w) >= 2]
        scores = [_score(needle, window) for window in self.windows]
        # a line that shows the whole name before one that shows half its words: an OCR'd
        # table's rows share words ('누리 스마트 … 사업'), the partial match is the last resort
        hit = next((i for i, (window, score) in enumerate(zip(self.windows, scores, strict=True))
                    if needle in window or score >= threshold), None)
        if hit is None and self.ocr:
            hit = next((i for i, (window, score) in enumerate(zip(self.windows, scores,
                                                                    strict=True))
                        if score >= OCR_PARTIAL
                        and 2 * sum(w in window for w in words) >= len(words)), None)
        if hit is not None:
            return hit if hit < n_lines else hit - n_lines
        return -1 if needle in key(self.text) else None

    def shows_name(self, name: str) -> bool:
        return self.find_name(name) is not None

    @cached_property
    def all_dates(self) -> list[PartialDate | DateSpan]:
        return dates_in(self.text, ocr=self.ocr)

    def dates(self) -> list[PartialDate | DateSpan]:
        return self.all_dates


def dates_in(text: str, ocr: bool = False) -> list[PartialDate | DateSpan]:
    """Every date in `text`, in any Korean style ('2023년 10월 10일', '2018. 6. 15.',
    "'23.10.10"); OCR'd text is also read folded and leniently ("'23.10.10" whose apostrophe
    the OCR lost)."""
    found = [m.value for m in find_dates(text)]
    if ocr:
        found += [m.value for m in find_dates(ocr_folded(text), strict=False)
                  if m.value not in found]
    return found


@dataclass
class EvidenceIndex:
    pages: list[EvidencePage] = field(default_factory=list)  # every evidence page
    numbered: dict[int, EvidencePage] = field(default_factory=dict)  # the one bundle's pages

    @property
    def page_count(self) -> int | None:
        return len(self.numbered) if self.numbered else None

    def referenced(self, numbers: list[int]) -> list[EvidencePage]:
        return [self.numbered[n] for n in numbers if n in self.numbered]


def build_index(docs: tuple[DocumentExtract, ...]) -> EvidenceIndex:
    index = EvidenceIndex()
    for doc in docs:
        pages = {p.number: EvidencePage(file=doc.file, number=p.number, ocr=p.ocr,
                                        confidence=p.ocr_confidence) for p in doc.pages}
        confidences: dict[int, list[float]] = {}
        for span in doc.spans:
            page = pages.get(span.page)
            if page is not None:
                page.lines.append(span.text)
                page.ocr = page.ocr or span.ocr
                if span.ocr and span.confidence is not None:
                    confidences.setdefault(span.page, []).append(span.confidence)
        for table in doc.tables:
            for n in table.pages:
                if n in pages:
                    pages[n].tables.append(table)
            for cell in table.cells:
                if cell.page in pages and cell.text:
                    pages[cell.page].lines.append(cell.text)
                    pages[cell.page].ocr = pages[cell.page].ocr or cell.ocr
        for n, page in pages.items():
            # a page that states no confidence of its own: the mean of its OCR'd spans
            if page.ocr and page.confidence is None and confidences.get(n):
                page.confidence = sum(confidences[n]) / len(confidences[n])
        index.pages += pages.values()
        if len(docs) == 1 and doc.media_type in _PAGED:
            index.numbered = pages
    return index


# formats whose pages are the printed pages a 증빙 페이지 number means (not a Word body)
_PAGED = frozenset({MediaType.PDF, MediaType.TIFF, MediaType.PNG, MediaType.JPEG})
