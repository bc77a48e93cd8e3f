"""The shared check of the dedicated exclusion rules: one catalogue exclusion id per rule."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from smartcert.core.findings import Finding
from smartcert.schemas.claims import Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.exclusion_patterns import excluded_items

# The exclusion kinds with a rule of their own (an `ExclusionRule` each); `exclusion.other`
# screens every other kind. Listed here, not gathered from the rules, so that no rule imports
# another; tests/test_rules_exclusion.py checks it against the registry.
DEDICATED = frozenset({"candidate", "model_civil_servant", "planned", "analysis_report",
                       "own_smart_city_plan", "future_organisation"})


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
