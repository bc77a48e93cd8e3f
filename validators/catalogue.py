"""Every rule of the project, each with the module that defines it: the one list behind
docs/rules.md, the report's rule table (`reports/rulecat.py`) and the tests.
The service certification's rules (`validators/service_registry.py`) are listed too.

Validators is the lowest layer that sees all four kinds of rule: the intake rules (and the
file rule intake shares with the extractors), the reading rules, the mapping rules and the
validators' own. A rule module's `RuleSpec` constants are found by scanning it, so adding a
constant is all it takes to list a rule; validators come from their registry.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from types import ModuleType

from smartcert.core.files import rules as file_rules
from smartcert.core.rulespec import RuleSpec
from smartcert.extractors import findings as reading_rules
from smartcert.intake import rules as intake_rules
from smartcert.schemas.mapping import rules as mapping_rules
from smartcert.schemas.mapping.service import rules as service_mapping_rules
from smartcert.validators.registry import RULES
from smartcert.validators.service_registry import SERVICE_RULES

# Lower layers first: a constant one module imports from another is listed where defined.
_RULE_MODULES: tuple[ModuleType, ...] = (file_rules, intake_rules, reading_rules, mapping_rules,
                                         service_mapping_rules)


@dataclass(frozen=True)
class CatalogueEntry:
    spec: RuleSpec
    module: str  # dotted name of the module that defines the spec, e.g. 'smartcert.intake.rules'


def _constants(module: ModuleType) -> list[RuleSpec]:
    return [v for v in vars(module).values() if isinstance(v, RuleSpec)]


@cache
def all_rules() -> tuple[CatalogueEntry, ...]:
    """Validators in registry (report) order — the city rules, then the service rules —
    then the rule modules' constants in the order they are declared. Raises ValueError when
    two different rules share an id."""
    entries = [CatalogueEntry(rule.spec, rule.__module__) for rule in (*RULES, *SERVICE_RULES)]
    seen: dict[str, RuleSpec] = {e.spec.id: e.spec for e in entries}
    if len(seen) < len(entries):
        raise ValueError("two validator rules share an id")
    for module in _RULE_MODULES:
        for spec in _constants(module):
            if spec.id in seen:
                if seen[spec.id] is spec:
                    continue  # imported from a module already listed
                raise ValueError(f"rule id {spec.id!r} is declared twice")
            seen[spec.id] = spec
            entries.append(CatalogueEntry(spec, module.__name__))
    return tuple(entries)
