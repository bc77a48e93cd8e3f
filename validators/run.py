"""Run the registered rules over a submission."""

from __future__ import annotations

from collections.abc import Iterable

from smartcert.core.findings import Finding
from smartcert.schemas.claims import Submission
from smartcert.validators.registry import RULES
from smartcert.validators.rule import CheckContext, Rule


def run_rules(
    sub: Submission, ctx: CheckContext, rules: Iterable[type[Rule]] = RULES
) -> list[Finding]:
    if sub.other_program is not None:  # another program's bundle: none of these rules apply
        return []
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(rule().check(sub, ctx))
    return findings
