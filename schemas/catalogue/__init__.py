"""The rule-set catalogue: the call's indicators, points, periods, grades and forms as
versioned data (`schemas/rulesets/<id>/*.yaml`), their models (one base,
`CatalogueModel`), the reader, the self-checks the loader runs, and the `RuleSet` they make.

    from smartcert.schemas.catalogue import load_ruleset
    rs = load_ruleset("city-2025")

Rule sets of another program kind (the service certification, `program: service`) have
their own models and loader: `load_service_ruleset("service-2023")`; `PROGRAMS` and
`available_programs()` list every rule set with its kind (`available_rulesets()` lists the
city ones only).
"""

from smartcert.schemas.catalogue.base import CatalogueError
from smartcert.schemas.catalogue.load import (
    DEFAULT_RULESET,
    available_rulesets,
    load_ruleset,
    load_ruleset_from,
)
from smartcert.schemas.catalogue.names import NameMatcher, name_keys
from smartcert.schemas.catalogue.programs import (
    PROGRAMS,
    available_programs,
    load_program,
    load_service_ruleset,
    program_of,
)
from smartcert.schemas.catalogue.ruleset import RuleSet
from smartcert.schemas.catalogue.service import ServiceRuleSet

__all__ = [
    "DEFAULT_RULESET",
    "PROGRAMS",
    "CatalogueError",
    "NameMatcher",
    "RuleSet",
    "ServiceRuleSet",
    "available_programs",
    "available_rulesets",
    "load_program",
    "load_ruleset",
    "load_ruleset_from",
    "load_service_ruleset",
    "name_keys",
    "program_of",
]
