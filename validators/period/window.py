"""The call's period facts (`periods.yaml`) as dates, and the dated things of a claim."""

from __future__ import annotations

from collections.abc import Iterator

from extractors.values.periods import DateSpan, PartialDate
from schemas.catalogue import RuleSet
from schemas.catalogue_meta import TwoYear
from schemas.claims import IndicatorClaim, ListedItem, Submission


def month(text: str) -> PartialDate | None:
    """'2023-01' → PartialDate(2023, 1); '2023' → the year; anything else → None."""
    try:
        parts = [int(p) for p in text.split("-")]
        return PartialDate(year=parts[0], month=parts[1] if len(parts) > 1 else None)
    except (ValueError, IndexError):
        return None


def two_year(ruleset: RuleSet) -> TwoYear | None:
    return ruleset.periods.two_year if ruleset.periods else None


def claims_of_kind(sub: Submission, ruleset: RuleSet, kind: str) -> Iterator[IndicatorClaim]:
    """The submission's claims whose catalogue period rule is of `kind` ('2y', 'asof' …)."""
    for claim in sub.indicators:
        ind = ruleset.get(claim.code)
        if ind is not None and ind.period_rule is not None and ind.period_rule.kind == kind:
            yield claim


def item_when(item: ListedItem) -> PartialDate | DateSpan | None:
    return item.span or item.date


def outer_window(ruleset: RuleSet) -> DateSpan | None:
    """Earliest start ~ latest end of any 2-year span the call allows ('23.01~'25.07)."""
    ty = two_year(ruleset)
    start, end = (month(ty.earliest_start), month(ty.latest_end)) if ty else (None, None)
    if start is None or end is None:
        return None
    return DateSpan(start=start, end=end)
