"""The rule-set catalogue: the call's indicators, points, periods, grades and forms as
versioned data (`schemas/rulesets/<id>/*.yaml`), their models (one base,
`CatalogueModel`), the reader, the self-checks the loader runs, and the `RuleSet` they make.

    from smartcert.schemas.catalogue import load_ruleset
    rs = load_ruleset("city-2025")
"""

from smartcert.schemas.catalogue.base import CatalogueError
from smartcert.schemas.catalogue.load import (
    DEFAULT_RULESET,
    available_rulesets,
    load_ruleset,
    load_ruleset_from,
)
from smartcert.schemas.catalogue.names import NameMatcher, name_keys
from smartcert.schemas.catalogue.ruleset import RuleSet

__all__ = [
    "DEFAULT_RULESET",
    "CatalogueError",
    "NameMatcher",
    "RuleSet",
    "available_rulesets",
    "load_ruleset",
    "load_ruleset_from",
    "name_keys",
]
