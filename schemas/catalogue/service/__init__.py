"""The service certification rule set (program kind "service"): the 2023 smart city SERVICE
call (seed 003) as versioned data in `schemas/rulesets/service-2023/`, its models, loader
and self-checks. A different shape from a city rule set, so a package of its own.

    from smartcert.schemas.catalogue import load_service_ruleset
    rs = load_service_ruleset("service-2023")
"""

from smartcert.schemas.catalogue.service.items import (
    CertIndicator,
    Criterion,
    Derived,
    EvalItem,
    PressTier,
    Step,
    SubItem,
)
from smartcert.schemas.catalogue.service.load import load_service_ruleset_from
from smartcert.schemas.catalogue.service.ruleset import ServiceRuleSet, Shortfall
from smartcert.schemas.catalogue.service.sections import Discrepancy, Level, Marker, SelfRow

__all__ = [
    "CertIndicator",
    "Criterion",
    "Derived",
    "Discrepancy",
    "EvalItem",
    "Level",
    "Marker",
    "PressTier",
    "SelfRow",
    "ServiceRuleSet",
    "Shortfall",
    "Step",
    "SubItem",
    "load_service_ruleset_from",
]
