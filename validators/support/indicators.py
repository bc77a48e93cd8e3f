"""Which indicators a submission must report (given its selected optional areas), and which
rows hold prose rather than a figure."""

from __future__ import annotations

from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.catalogue.indicators import Indicator
from smartcert.schemas.claims import Submission


def known_areas(sub: Submission, ruleset: RuleSet) -> list[str]:
    """The selected areas the catalogue knows (unknown names are an eligibility matter)."""
    return [a.id for name in sub.selected_areas if (a := ruleset.area(name)) is not None]


def required_indicators(sub: Submission, ruleset: RuleSet) -> list[Indicator]:
    return ruleset.indicators_for(known_areas(sub, ruleset))


def is_free_text(ind: Indicator) -> bool:
    """자체 설정 지표 rows hold prose, not a figure."""
    return ind.value_rule is None or ind.value_rule.kind == "free_text"
