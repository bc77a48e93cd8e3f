"""The parts of a document the call names, where each starts: the proposal's 표지, 목차,
요약표 and 지표별 양식 (`documents.yaml proposal_order`), the evidence's 조견표
(`documents.yaml evidence_index`). Validators judge their presence and order.

A position is (page or sheet number, y / row / paragraph index). A Word body is one page
whose tables have no place among the paragraphs, so its tables get no position. A
document without any text (an image not OCR'd) is not examined: its parts are None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from smartcert.core.files.media import MediaType
from smartcert.core.findings import Location
from smartcert.core.normalize import match_key
from smartcert.extractors.models import DocumentExtract, TextLayer
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.claims import DocumentPart, IndicatorClaim
from smartcert.schemas.mapping.classify_signals import page_items, strip_numbering
from smartcert.schemas.mapping.keyvalue import Item, label_rank, location

Position = tuple[int, float]
_CODE = re.compile(r"(?<![A-Za-z0-9])[A-C]-\d{1,2}-\d{1,2}(?!\d)")
_DECOR = re.compile(r"[\s<>《》〈〉「」『』\[\]【】()（）:：·\-–—]|계속")
_ROW = re.compile(r"(\d+)$")
COVER, TOC, SUMMARY, FORMS = "표지", "목차", "요약표", "지표별 양식"  # documents.yaml names
_INDEX_WITHIN = 3  # pages of the evidence where its index is expected


def _has_text(doc: DocumentExtract) -> bool:
    return any(s.text.strip() for s in doc.spans) or any(
        c.text.strip() for t in doc.tables for c in t.cells)


def _guessed(doc: DocumentExtract, before: int) -> bool:
    """Whether a page before `before` was OCR'd or has no text layer: a heading missing
    there may be the OCR's miss, not the applicant's."""
    return any(p.ocr or p.text_layer in (TextLayer.MISSING, TextLayer.UNUSABLE)
               for p in doc.pages if p.number < before)


def _sheet_pages(doc: DocumentExtract) -> dict[str, int]:
    return {p.sheet: p.number for p in doc.pages if p.sheet is not None}


def item_position(doc: DocumentExtract, it: Item) -> Position | None:
    if it.sheet is not None:
        return _sheet_pages(doc).get(it.sheet, it.page), float(it.row)
    if doc.media_type is MediaType.DOCX:
        return None if it.table is not None else (1, float(it.index or 0))
    return it.page, it.bbox[1] if it.bbox else 0.0


def location_position(doc: DocumentExtract, loc: Location) -> Position | None:
    """Where a mapped claim's row or form stands (a Word table has no position)."""
    if loc.sheet is not None:
        m = _ROW.search(loc.cell or "")
        return _sheet_pages(doc).get(loc.sheet, 1), float(m.group(1)) if m else 0.0
    if doc.media_type is MediaType.DOCX or loc.page is None:
        return None
    return loc.page, loc.bbox[1] if loc.bbox else 0.0


def _heading_key(text: str) -> str:
    return _DECOR.sub("", match_key(strip_numbering(text)))


def _first(doc: DocumentExtract, items: Sequence[Item]) -> Item | None:
    placed = [(p, it) for it in items if (p := item_position(doc, it)) is not None]
    return min(placed, key=lambda pi: pi[0])[1] if placed else (items[0] if items else None)


def _part(name: str, doc: DocumentExtract, it: Item) -> DocumentPart:
    return DocumentPart(name=name, location=location(doc, it), position=item_position(doc, it))


def _claimed(name: str, doc: DocumentExtract, locs: list[Location]) -> DocumentPart | None:
    if not locs:
        return None
    placed = [(p, loc) for loc in locs if (p := location_position(doc, loc)) is not None]
    if not placed:
        return DocumentPart(name=name, location=locs[0], position=None)
    pos, loc = min(placed, key=lambda pl: pl[0])
    return DocumentPart(name=name, location=loc, position=pos)


def _all_items(doc: DocumentExtract) -> list[Item]:
    return [it for items in page_items(doc).values() for it in items]


def _toc(doc: DocumentExtract, rs: RuleSet) -> DocumentPart | None:
    words = {match_key(w) for w in (rs.documents.toc_headings if rs.documents else [])}
    sheets = [p for p in doc.pages if p.sheet and _heading_key(p.sheet) in words]
    if sheets:
        return DocumentPart(name=TOC, location=Location(file=doc.file, sheet=sheets[0].sheet),
                            position=(sheets[0].number, 0.0))
    hit = _first(doc, [it for it in _all_items(doc) if _heading_key(it.text) in words])
    return _part(TOC, doc, hit) if hit is not None else None


def _cover(doc: DocumentExtract, rs: RuleSet, taken: list[DocumentPart]) -> DocumentPart | None:
    """The first page (sheet; Word: the opening paragraphs) when it holds none of the other
    parts and prints the proposal's title, or nothing at all (an image)."""
    names = [match_key(n) for d in (rs.documents.documents if rs.documents else [])
             if d.kind == "quantitative_proposal" for n in (d.name, *d.aliases)]
    items = _all_items(doc)
    titled = [it for it in items if any(n in it.key for n in names)]
    if doc.media_type is MediaType.DOCX:
        before = min((p.position[1] for p in taken if p.position), default=None)
        title = _first(doc, [it for it in titled if it.table is None])
        if title is None or (pos := item_position(doc, title)) is None:
            return None
        return _part(COVER, doc, title) if before is None or pos[1] < before else None
    visible = [p for p in doc.pages if not p.hidden]
    if not visible:
        return None
    first = visible[0].number
    if any(p.position and p.position[0] == first for p in taken):
        return None
    on_first = [it for it in items if item_position(doc, it) is not None
                and (item_position(doc, it) or (0, 0.0))[0] == first]
    if on_first and not any(it in titled for it in on_first):
        return None
    where = Location(file=doc.file, page=None if visible[0].sheet else first,
                     sheet=visible[0].sheet)
    return DocumentPart(name=COVER, location=where, position=(first, 0.0))


def proposal_parts(doc: DocumentExtract, claims: Sequence[IndicatorClaim],
                   rs: RuleSet) -> list[DocumentPart] | None:
    """표지, 목차, 요약표, 지표별 양식 as found, in reading order (unplaced ones last)."""
    if not _has_text(doc):
        return None
    mine = [c for c in claims if c.source is not None and c.source.file == doc.file]
    found = [p for p in (
        _toc(doc, rs),
        _claimed(SUMMARY, doc, [c.source for c in mine if c.source is not None]),
        _claimed(FORMS, doc, [c.form_source for c in claims
                              if c.form_source is not None and c.form_source.file == doc.file]),
    ) if p is not None]
    cover = _cover(doc, rs, found)
    parts = ([cover] if cover else []) + found
    body = min((p.position[0] for p in found if p.name in (SUMMARY, FORMS) and p.position),
               default=len(doc.pages) + 1)
    if (cover is None or not any(p.name == TOC for p in found)) and _guessed(doc, body):
        return None  # the front matter was OCR'd: an absent heading proves nothing
    return sorted(parts, key=lambda p: p.position or (10**9, 0.0))


def evidence_parts(doc: DocumentExtract, rs: RuleSet) -> list[DocumentPart] | None:
    """The evidence's index (조견표): a page with its heading or its header row, listing at
    least `min_codes` indicator codes."""
    spec = rs.documents.evidence_index if rs.documents else None
    if spec is None or not _has_text(doc):
        return None
    headings = [match_key(h) for h in spec.headings]
    for page, items in sorted(page_items(doc).items()):
        codes = {m.group(0) for it in items for m in _CODE.finditer(it.key)}
        if len(codes) < spec.min_codes:
            continue
        heads = [it for it in items if len(_heading_key(it.text)) <= 20
                 and any(h in _heading_key(it.text) for h in headings)]
        short = [it for it in items if 0 < len(it.key) <= 12]
        columns = all(any(label_rank(it.text, group) is not None for it in short)
                      for group in spec.columns)
        if heads or columns:
            at = _first(doc, heads) or _first(doc, short) or items[0]
            return [DocumentPart(name=spec.name, location=Location(
                file=doc.file, page=None if at.sheet else page, sheet=at.sheet),
                position=item_position(doc, at))]
    # an index is expected up front: OCR'd first pages may hide it
    return None if _guessed(doc, _INDEX_WITHIN + 1) else []
