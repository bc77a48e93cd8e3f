"""What the data form printed: the rows of one listed-item table of a claim, whether a
component's cell was filled, and rows that may be the tail of a row a page break cut."""

from __future__ import annotations

from statistics import median

from smartcert.schemas.catalogue.indicators import ItemList
from smartcert.schemas.claims import Component, IndicatorClaim, ListedItem


def rows_of(claim: IndicatorClaim, lst: ItemList) -> list[ListedItem]:
    return [it for it in claim.items if it.list_id == lst.id]


def printed(c: Component | None) -> bool:
    """Read from a cell of the form (the mapping fills missing totals with text '')."""
    return c is not None and bool(c.text.strip())


def broken_rows(rows: list[ListedItem]) -> list[ListedItem]:
    """Rows with a single filled cell in a list whose rows fill several: most likely the
    tail of the row above, cut by a page break and read as a row of its own."""
    filled = [sum(1 for c in it.cells if c.text.strip()) for it in rows]
    if len(rows) < 3 or median(filled) < 3:
        return []
    return [it for it, n in zip(rows, filled, strict=True) if n <= 1]
