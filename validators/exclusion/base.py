"""The shared check of the exclusion rules: one catalogue exclusion id per rule."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from schemas.claims import Submission
from schemas.findings import Finding
from validators.exclusion.patterns import excluded_items
from validators.rule import CheckContext, Rule


class ExclusionRule(Rule):
    """Fires once per item of an indicator whose catalogue exclusion `exclusion_id` matches."""

    exclusion_id: ClassVar[str]

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim in sub.indicators:
            for exclusion, hit in excluded_items(claim, ctx.ruleset, self.exclusion_id):
                yield self.finding(indicator=claim.code, code=claim.code, item=hit.text.strip(),
                                   keyword=hit.keyword, reason=exclusion.text,
                                   claimed=hit.text.strip(), expected=exclusion.text,
                                   locations=[hit.location])
