"""`rule id → (clause, template)` over every rule catalogue of the project: the validators'
registry, the mapping rules, and the intake and reading rules (files, not the call: no
clause). Read-only use of their public objects; built once, on first use (the validator
imports cost ~1.5 s, a report that is never written should not pay it)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

NO_CLAUSE = "파일 점검 규칙 (공고 조항 해당 없음)"


@dataclass(frozen=True)
class RuleInfo:
    id: str
    clause: str | None  # None for intake/reading rules: they concern files, not the call
    template: str


@cache
def _catalogue() -> dict[str, RuleInfo]:
    from extractors.findings import RULES as EXTRACT_RULES
    from intake.rules import RULES as INTAKE_RULES
    from schemas.mapping.rules import RULES as MAPPING_RULES
    from validators.registry import RULES as VALIDATOR_RULES

    out: dict[str, RuleInfo] = {}
    for spec in [*(r.spec for r in VALIDATOR_RULES), *MAPPING_RULES]:
        out[spec.id] = RuleInfo(spec.id, spec.clause, spec.template)
    for rules in (INTAKE_RULES, EXTRACT_RULES):
        for rule_id, msg in rules.items():
            out.setdefault(str(rule_id), RuleInfo(str(rule_id), None, msg.template))
    return out


def rule_info(rule_id: str) -> RuleInfo | None:
    return _catalogue().get(rule_id)


def clause_of(rule_id: str) -> str:
    """The clause to print for a finding: the rule's, or a plain note when it has none."""
    info = rule_info(rule_id)
    if info is None:
        return "알 수 없는 규칙 (카탈로그에 없음)"
    return info.clause or NO_CLAUSE
