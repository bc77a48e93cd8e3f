"""The rows of one listed-item table of a claim, and whether a component was printed."""

from __future__ import annotations

from schemas.catalogue_models import ItemList
from schemas.claims import Component, IndicatorClaim, ListedItem


def rows_of(claim: IndicatorClaim, lst: ItemList) -> list[ListedItem]:
    return [it for it in claim.items if it.list_id == lst.id]


def printed(c: Component | None) -> bool:
    """Read from a cell of the form (the mapping fills missing totals with text '')."""
    return c is not None and bool(c.text.strip())
