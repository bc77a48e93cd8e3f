"""Small reading helpers the service mappers share: printed scores and numbers, the line
of a cell where a word stands, a row's location."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from smartcert.core.findings import Location
from smartcert.core.normalize import match_key
from smartcert.core.values import parse_number
from smartcert.extractors.models import DocumentExtract, Span
from smartcert.schemas.mapping.keyvalue import Item, location
from smartcert.schemas.mapping.tables import GridView, row_location

# a score or points cell: '3', '21.5', '3점', '2 점', '(3)'
_SCORE = re.compile(r"^\(?\s*([+-]?\d+(?:[.,]\d+)?)\s*점?\s*\)?$")
_NUMBER = re.compile(r"[+-]?\d[\d,]*(?:\.\d+)?")
_BLANK = {"", "-", "–", "—", "·", "/"}


def is_blank(text: str | None) -> bool:
    return match_key(text or "") in _BLANK


def score_of(text: str | None) -> Decimal | None:
    """The number a score cell prints, or None when it prints something else."""
    m = _SCORE.match(match_key(text or ""))
    if m is None:
        return None
    try:
        return Decimal(m.group(1).replace(",", "."))
    except InvalidOperation:
        return None


def first_number(text: str | None) -> Decimal | None:
    m = _NUMBER.search(text or "")
    return parse_number(m.group(0)) if m else None


def _centre_in(span: Span, box: tuple[float, float, float, float]) -> bool:
    if span.bbox is None:
        return False
    x, y = (span.bbox[0] + span.bbox[2]) / 2, (span.bbox[1] + span.bbox[3]) / 2
    return box[0] - 1 <= x <= box[2] + 1 and box[1] - 1 <= y <= box[3] + 1


def line_location(doc: DocumentExtract, item: Item, needle: str) -> Location:
    """Where `needle` is printed inside `item` (a cell): the line holding it when the
    extraction has the cell's lines as spans, else the cell itself."""
    key = match_key(needle)
    if item.bbox is not None and key:
        for s in doc.spans:
            if s.page == item.page and _centre_in(s, item.bbox) and key in match_key(s.text):
                return Location(file=doc.file, page=s.page, bbox=s.bbox)
    return location(doc, item)


def row_loc(doc: DocumentExtract, view: GridView, r: int) -> Location:
    return row_location(doc, view, r)
