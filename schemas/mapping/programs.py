"""Which certification program a bundle's documents belong to, told by their content.

The city call's forms and the service call's forms share most labels (기관명, 대표자,
인증 실적 …), so a service application classified as a city one would be run under the
city rules and reported as a failing city with 0 points. Each program's rule set names
the printed markers only its forms carry (`documents.yaml` `program_markers`: the form
number '[별지 제3호서식]', the title '스마트도시서비스 인증 신청서', the level choices …);
a document showing one program's markers on its first pages belongs to that program.

    route(docs, own="city-2025", markers={...}) → Routing(own docs, foreign docs by program)

No guess is silent: a bundle of another program, or one mixing programs, becomes a finding
(`schemas/mapping/rules.py`), and its documents of another program are not read as this
program's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from smartcert.core.findings import Location
from smartcert.core.normalize import match_key
from smartcert.extractors.models import DocumentExtract

FIRST_PAGES = 3  # a form's number and title stand on its first page; a cover may come first
_MARKS = re.compile(r"[^0-9A-Za-z가-힣]")


def _key(text: str) -> str:
    """Letters and digits only: '[별지 제3호서식]', '<별지 제3호 서식>' and '별지제3호서식' agree."""
    return _MARKS.sub("", match_key(text))


@dataclass(frozen=True)
class ProgramHit:
    """One document's markers of one program, with where the first was seen."""

    program: str
    file: str
    markers: tuple[str, ...]
    location: Location | None = None


@dataclass
class Routing:
    own: list[DocumentExtract] = field(default_factory=list)  # read under the run's program
    foreign: list[ProgramHit] = field(default_factory=list)  # documents of another program
    own_hits: list[ProgramHit] = field(default_factory=list)  # documents showing own markers

    @property
    def foreign_programs(self) -> list[str]:
        return sorted({h.program for h in self.foreign})

    @property
    def only_foreign(self) -> bool:
        """Every document that shows a program's markers shows another program's."""
        return bool(self.foreign) and not self.own_hits

    @property
    def mixed(self) -> bool:
        return bool(self.foreign) and bool(self.own_hits)


def _page_keys(doc: DocumentExtract, pages: int) -> dict[int, str]:
    """Per page, the matching form of its text and table cells (spaces removed)."""
    keys: dict[int, list[str]] = {}
    for s in doc.spans:
        if s.page <= pages:
            keys.setdefault(s.page, []).append(_key(s.text))
    for t in doc.tables:
        for c in t.cells:
            page = c.page or (t.pages[0] if t.pages else 1)
            if page <= pages:
                keys.setdefault(page, []).append(_key(c.text))
    return {p: "\n".join(v) for p, v in keys.items()}


def hits_of(doc: DocumentExtract, markers: Mapping[str, Sequence[str]],
            pages: int = FIRST_PAGES) -> list[ProgramHit]:
    """The programs whose markers the document's first pages print."""
    texts = _page_keys(doc, pages)
    out = []
    for program, words in markers.items():
        found: list[str] = []
        first: int | None = None
        for w in words:
            key = _key(w)
            page = next((p for p, t in sorted(texts.items()) if key and key in t), None)
            if page is not None:
                found.append(w)
                first = page if first is None else min(first, page)
        if found:
            out.append(ProgramHit(program, doc.file, tuple(found),
                                  Location(file=doc.file, page=first) if first else None))
    return out


def route(docs: Sequence[DocumentExtract], own: str,
          markers: Mapping[str, Sequence[str]]) -> Routing:
    """Split the bundle's documents by program. A document printing markers of another
    program and none of `own` belongs to that program; one printing both stays with `own`
    (a city form may cite the service call by name, never by its form number and title)."""
    r = Routing()
    for doc in docs:
        hits = hits_of(doc, markers)
        mine = [h for h in hits if h.program == own]
        others = [h for h in hits if h.program != own]
        if mine:
            r.own_hits += mine
        if others and not mine:
            best = max(others, key=lambda h: len(h.markers))
            r.foreign.append(best)
            continue
        r.own.append(doc)
    return r
