"""What the extraction records under the output folder (`<out>/<name>/extract/*.extract.json`,
`smartcert extract`) may say about people: 주민등록번호 and phone numbers masked by default.

Those records are for people and other tools to read; no run reads them back. The extraction
cache that lets a re-run resume (`pipelines/cache.py`, in the data directory) keeps the
documents' own text: the mapping reads its figures from it, and a masked copy would read
differently (a 13-digit figure shaped like a 주민등록번호 would become asterisks).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from smartcert.core.masking import mask_model, mask_personal
from smartcert.extractors.models import Cell, DocumentExtract, Span

_T = TypeVar("_T", Span, Cell)


class ExtractJson(StrEnum):
    """The operator's `--extract-json`: how the extraction records are written."""

    MASKED = "masked"  # personal numbers masked (the default)
    CLEAR = "clear"  # as read
    NONE = "none"  # not written


def mask_extract(doc: DocumentExtract) -> DocumentExtract:
    """A copy of `doc` with 주민등록번호 and phone numbers masked in every text it holds — the
    spans' and cells' matching keys too, which `mask_model` keeps as identifiers elsewhere;
    file, hash and places unchanged. `doc` itself is left as it is."""
    spans = _masked_items(doc.spans)
    tables = [t if (cells := _masked_items(t.cells)) is t.cells
              else t.model_copy(update={"cells": cells}) for t in doc.tables]
    metadata = {k: mask_personal(v) for k, v in doc.metadata.items()}
    rest = mask_model(doc.model_copy(update={"spans": [], "tables": []}))
    return rest.model_copy(update={"spans": spans, "tables": tables, "metadata": metadata})


def _masked_items(items: list[_T]) -> list[_T]:
    """`items` with text and key masked; the same list when nothing needed it (the common
    case: most of a document has no digits at all)."""
    out: list[_T] | None = None
    for i, item in enumerate(items):
        masked = _masked_text(item)
        if masked is not item:
            if out is None:
                out = list(items)
            out[i] = masked
    return items if out is None else out


def _masked_text(item: _T) -> _T:
    text, key = item.text, item.key
    new_text, new_key = mask_personal(text), mask_personal(key)
    if new_text == text and new_key == key:
        return item
    return item.model_copy(update={"text": new_text, "key": new_key})
