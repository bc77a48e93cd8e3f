"""Total → grade by the call's table (`grades.yaml`, via `RuleSet.grade_for`), and whether
the total reaches the site-inspection threshold (`grades.yaml` › `site_inspection_from`)."""

from __future__ import annotations

from smartcert.schemas.catalogue import RuleSet


def grade_of(total: float, rs: RuleSet) -> int:
    return rs.grade_for(total).grade


def certified(total: float, rs: RuleSet) -> bool:
    return rs.grade_for(total).certified


def site_inspection_from(rs: RuleSet) -> float | None:
    """The total from which the committee inspects the site after the first (written)
    round; None when the rule set gives none."""
    return rs.grades.site_inspection_from if rs.grades is not None else None


def reaches_site_inspection(total: float, rs: RuleSet) -> bool | None:
    """Whether `total` reaches the site-inspection threshold (inclusive: 'N점 이상');
    None when the rule set gives no threshold."""
    threshold = site_inspection_from(rs)
    return None if threshold is None else total >= threshold
