"""The certification programs the catalogue ships, by kind: every rule-set folder says its
kind in ruleset.yaml `program` ("city" when it does not say).

    PROGRAMS                          # {'city-2023': 'city', 'city-2025': 'city', 'service-2023': 'service'}
    load_ruleset("city-2025")         # a city RuleSet (load.py; city kinds only)
    load_service_ruleset("service-2023")   # a ServiceRuleSet
    load_program(rid)                 # whichever the kind says

A city rule set and a service rule set differ in shape (indicators and grades against
S-pages, ladders and levels), so each kind has its own model and loader.
"""

from __future__ import annotations

from functools import cache
from types import MappingProxyType
from typing import Literal

from smartcert.schemas.catalogue.base import CatalogueError
from smartcert.schemas.catalogue.load import load_ruleset
from smartcert.schemas.catalogue.read import RULESETS_DIR, program_kinds
from smartcert.schemas.catalogue.ruleset import RuleSet
from smartcert.schemas.catalogue.service.load import load_service_ruleset_from
from smartcert.schemas.catalogue.service.ruleset import ServiceRuleSet

ProgramKind = Literal["city", "service"]
KINDS: tuple[str, ...] = ("city", "service")

# rule-set id → program kind, as shipped (read once, at import)
PROGRAMS = MappingProxyType(program_kinds())


def available_programs() -> dict[str, str]:
    """Every shipped rule set with its program kind (re-read: a folder added since import
    is seen)."""
    return program_kinds()


def program_of(ruleset_id: str) -> str:
    """The program kind of a shipped rule set; CatalogueError for an unknown id or kind."""
    kind = program_kinds().get(ruleset_id)
    if kind is None:
        raise CatalogueError(ruleset_id, [f"no rule set folder {RULESETS_DIR / ruleset_id}"])
    if kind not in KINDS:
        raise CatalogueError(ruleset_id, [f"unknown program kind {kind!r} (known: {KINDS})"])
    return kind


def load_service_ruleset(ruleset_id: str = "service-2023") -> ServiceRuleSet:
    """The service rule set `ruleset_id` (validated once, then cached)."""
    return _load_service_cached(ruleset_id)


@cache
def _load_service_cached(ruleset_id: str) -> ServiceRuleSet:
    kind = program_of(ruleset_id)
    if kind != "service":
        raise CatalogueError(ruleset_id, [f"a {kind} rule set, not a service one: "
                                          "load it with load_ruleset"])
    return load_service_ruleset_from(RULESETS_DIR / ruleset_id)


def load_program(ruleset_id: str) -> RuleSet | ServiceRuleSet:
    """The rule set of any program kind."""
    if program_of(ruleset_id) == "service":
        return load_service_ruleset(ruleset_id)
    return load_ruleset(ruleset_id)
