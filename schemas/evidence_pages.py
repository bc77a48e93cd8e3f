"""The 증빙 페이지 cell: "12-15", "12~15, 18", "p.12", "pp. 3–5", "붙임 3", "붙임2 p.5-7".

The raw text is always kept; what cannot be read goes to `unparsed` (never raises), so a
validator can report it with the cell's location.
"""

from __future__ import annotations

import re
import unicodedata

from pydantic import BaseModel, ConfigDict, Field, model_validator

_RANGE_CHARS = str.maketrans({c: "-" for c in "~∼〜～‐‑‒–—―−－"})
_SEGMENT_SPLIT = re.compile(r"[,;/·、\n]+")
# "붙임 3", "별첨 제2호", "첨부#1"; a bare "(별첨)" names the annex without a number
_ANNEX = re.compile(r"(붙임|별첨|첨부|부록)(?:\s*자료)?(?:\s*(?:제|#|No\.?)?\s*(\d+(?:-\d+)?)\s*호?)?",
                    re.IGNORECASE)
# words around page numbers that carry no information
_FILLER = re.compile(r"(?i)pages?|pp?\.?|페이지|쪽|면|증빙\s*자료|증빙|참조|참고|제(?=\s*\d)|[()\[\]]")
_RANGE = re.compile(r"(\d+)(?:\s*-\s*(\d+))?")
_NONE_MARKERS = {"", "-", "해당없음", "없음", "n/a", "na", "미해당"}


class PageRange(BaseModel):
    """Pages start..end (inclusive, 1-based) of the evidence, or of annex `annex` if set."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=1)
    end: int = Field(ge=1)
    annex: str | None = None  # "붙임 3" when the pages are inside an annex

    @model_validator(mode="after")
    def _ordered(self) -> PageRange:
        if self.end < self.start:
            raise ValueError(f"page range ends ({self.end}) before it starts ({self.start})")
        return self

    def pages(self) -> list[int]:
        return list(range(self.start, self.end + 1))

    def __str__(self) -> str:
        pages = str(self.start) if self.start == self.end else f"{self.start}-{self.end}"
        return f"{self.annex} p.{pages}" if self.annex else pages


class EvidencePages(BaseModel):
    """A parsed 증빙 페이지 cell."""

    model_config = ConfigDict(frozen=True)

    raw: str
    ranges: list[PageRange] = Field(default_factory=list)
    annexes: list[str] = Field(default_factory=list)  # "붙임 3", in order of mention
    unparsed: list[str] = Field(default_factory=list)  # pieces that are not page references

    @property
    def is_empty(self) -> bool:
        """Nothing referenced (blank, '-', '해당없음')."""
        return not (self.ranges or self.annexes or self.unparsed)

    def pages(self) -> list[int]:
        """Page numbers of the evidence document itself (not inside an annex), sorted."""
        return sorted({p for r in self.ranges if r.annex is None for p in r.pages()})


def _annex_label(m: re.Match[str]) -> str:
    return f"{m.group(1)} {m.group(2)}" if m.group(2) else m.group(1)


def _parse_segment(seg: str, ranges: list[PageRange], annexes: list[str],
                   unparsed: list[str]) -> None:
    if seg.strip().lower().replace(" ", "") in _NONE_MARKERS:
        return
    annex = None
    m = _ANNEX.search(seg)
    if m:
        annex = _annex_label(m)
        if annex not in annexes:
            annexes.append(annex)
        seg = seg[: m.start()] + " " + seg[m.end():]
    rest = _FILLER.sub(" ", seg)
    found = list(_RANGE.finditer(rest))
    leftover = _RANGE.sub(" ", rest).strip()
    if leftover:
        unparsed.append(seg.strip())
        return
    for r in found:
        start, end = int(r.group(1)), int(r.group(2) or r.group(1))
        if start < 1 or end < start:
            unparsed.append(r.group(0))
            continue
        ranges.append(PageRange(start=start, end=end, annex=annex))


def parse_evidence_pages(text: str | None) -> EvidencePages:
    """Parse a 증빙 페이지 cell; never raises."""
    raw = text or ""
    norm = unicodedata.normalize("NFKC", raw).translate(_RANGE_CHARS)
    ranges: list[PageRange] = []
    annexes: list[str] = []
    unparsed: list[str] = []
    for seg in _SEGMENT_SPLIT.split(norm):
        _parse_segment(seg, ranges, annexes, unparsed)
    return EvidencePages(raw=raw, ranges=ranges, annexes=annexes, unparsed=unparsed)
