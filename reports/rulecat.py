"""`rule id → (clause, template)` over every rule of the project, read from the one
catalogue (`validators/catalogue.py`: validators, mapping, intake and reading rules; the
last two concern files, not the call, so they have no clause). Built once, on first use
(the validator imports cost ~1.5 s, a report that is never written should not pay it)."""

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
    from smartcert.validators.catalogue import all_rules

    return {e.spec.id: RuleInfo(e.spec.id, e.spec.clause, e.spec.template) for e in all_rules()}


def rule_info(rule_id: str) -> RuleInfo | None:
    return _catalogue().get(rule_id)


def clause_of(rule_id: str) -> str:
    """The clause to print for a finding: the rule's, or a plain note when it has none."""
    info = rule_info(rule_id)
    if info is None:
        return "알 수 없는 규칙 (카탈로그에 없음)"
    return info.clause or NO_CLAUSE
