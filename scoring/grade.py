"""Total → grade by the call's table (`grades.yaml`, via `RuleSet.grade_for`)."""

from __future__ import annotations

from smartcert.schemas.catalogue import RuleSet


def grade_of(total: float, rs: RuleSet) -> int:
    return rs.grade_for(total).grade


def certified(total: float, rs: RuleSet) -> bool:
    return rs.grade_for(total).certified
