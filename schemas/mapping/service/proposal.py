"""The 평가제안서 (seed 003 lines 813–855): its cover — 기관명, 대표자, 기관유형, 인증분야,
작성책임자, 서비스명 — and, section by section, the facts it cites for the ladders.

A section is a 세부평가항목: it starts at a heading 'S-111 1.1.1 시민체감도 향상' printed
outside tables, or at a table whose '세부평가항목' cell reads '1.1.1 …' (the S-page head the
call prints, lines 856–862), and runs to the next. Tables before the first section (cover,
목차, 서비스 개요) cite nothing for a ladder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from smartcert.core.findings import Location
from smartcert.core.normalize import match_key, tidy
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.catalogue.service import ServiceRuleSet
from smartcert.schemas.claims import Basis
from smartcert.schemas.mapping.keyvalue import Item, find_values, location
from smartcert.schemas.mapping.service.choices import (
    Choice,
    field_matcher,
    org_kind_matcher,
    read_choices,
    ticked_ones,
)
from smartcert.schemas.mapping.service.facts import survey_figures, table_facts
from smartcert.schemas.mapping.stream import Block, Line, stream
from smartcert.schemas.mapping.tables import GridView
from smartcert.schemas.service_claims import CitedFact, PrintedChoice

_HEADING = re.compile(r"^\s*S\s*-?\s*(\d)(\d)(\d)(?!\d)")
_NUMBER = re.compile(r"^\s*(\d)\s*\.\s*(\d)\s*\.\s*(\d)(?![\d])")
COVER = ["기관명", "대표자", "기관유형", "인증분야", "작성책임자", "성명", "직위", "전화",
         "전자우편", "서비스명", "서비스개요"]


@dataclass
class ProposalRead:
    values: dict[str, str] = field(default_factory=dict)  # applicant, representative, …
    locations: dict[str, Location] = field(default_factory=dict)
    org_kind: PrintedChoice | None = None
    field_boxes: list[Choice] = field(default_factory=list)
    facts: list[CitedFact] = field(default_factory=list)
    sections: dict[str, Location] = field(default_factory=dict)  # S-code → first seen


def _cover_page(doc: DocumentExtract) -> int:
    """The page of the cover form: where '작성책임자' is printed (else the first page)."""
    for v in find_values(doc, ["작성책임자"], COVER):
        return v.item.page
    pages = [c.page for t in doc.tables for c in t.cells
             if match_key(c.text) == "작성책임자" and c.page]
    return min(pages, default=1)


def _org_kind(doc: DocumentExtract, rs: ServiceRuleSet, page: int) -> PrintedChoice | None:
    choices = read_choices(doc, org_kind_matcher(rs), lambda loc: loc.page == page)
    top = ticked_ones(choices)
    if len(top) != 1:
        return None
    c = top[0]
    inner = [x.box.label for x in choices if x.box.ticked and x.box.depth
             and x.box.start > c.box.start]
    text = f"{c.box.label}({', '.join(inner)})" if inner and "(" not in c.box.label else c.box.label
    return PrintedChoice(text=text, id=c.id, location=c.location, basis=Basis.LABEL)


def _read_cover(doc: DocumentExtract, rs: ServiceRuleSet, out: ProposalRead) -> None:
    page = _cover_page(doc)

    def keep(it: Item) -> bool:
        return it.page == page

    for fact, labels in (("applicant", ["기관명"]), ("representative", ["대표자"]),
                         ("author", ["성명"]), ("author_position", ["직위"]),
                         ("service_name", ["서비스명"])):
        found = [v for v in find_values(doc, labels, COVER, keep) if tidy(v.text)]
        if found:
            out.values[fact] = tidy(found[0].text).replace("\n", " ")
            out.locations[fact] = location(doc, found[0].item)
    out.org_kind = _org_kind(doc, rs, page)
    out.field_boxes = read_choices(doc, field_matcher(rs), lambda loc: loc.page == page)


def _section_of(block: Block, rs: ServiceRuleSet) -> str | None:
    """The S-code a '세부평가항목 | 1.1.1 시민체감도 향상' table heads."""
    view = block.view
    for r in block.rows():
        cells = view.filled(r)
        for i, c in enumerate(cells[:-1]):
            if match_key(c.text) in {"세부평가항목", "세부항목"}:
                m = _NUMBER.match(cells[i + 1].text)
                item = rs.get(".".join(m.groups())) if m else None
                if item is not None:
                    return item.code
    return None


def read_proposal(doc: DocumentExtract, rs: ServiceRuleSet) -> ProposalRead:
    out = ProposalRead()
    _read_cover(doc, rs, out)
    current: str | None = None
    seen_views: set[int] = set()
    for el in stream(doc):
        if isinstance(el, Line):
            m = _HEADING.match(el.text)
            item = rs.get("S-" + "".join(m.groups())) if m else None
            if item is not None:
                current = item.code
                out.sections.setdefault(current, el.location)
            continue
        code = _section_of(el, rs)
        if code is not None:
            current = code
            out.sections.setdefault(code, Location(file=doc.file, page=el.view.table.pages[0]
                                                   if el.view.table.pages else None))
            continue
        if current is None or id(el.view) in seen_views:
            continue
        seen_views.add(id(el.view))
        view: GridView = el.view
        out.facts += table_facts(doc, view, current) + survey_figures(doc, view, current)
    return out
