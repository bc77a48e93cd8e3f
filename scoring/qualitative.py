"""Qualitative points: one stage per unit (중분류) → a fraction of the unit maximum.

Neither the unit maximum nor the stage fractions are published; both come from the
catalogue's labelled assumption (`qualitative.yaml` › `stage_points`)."""

from __future__ import annotations

from schemas.catalogue import RuleSet
from schemas.claims import Submission
from scoring.method import ScoringMethod
from scoring.models import UnitScore


def unit_maxima(rs: RuleSet) -> dict[str, float]:
    """Unit id → maximum points: the quantitative points of the same 중분류 when the
    catalogue says so (`unit_max_from: quantitative_subgroup_points`), else an equal share."""
    q = rs.qualitative
    if q is None or not q.units:
        return {}
    sp = q.stage_points
    sub_points = {s.id: s.points for s in rs.structure.subgroups}
    if sp is not None and sp.unit_max_from == "quantitative_subgroup_points" \
            and all(sub_points.get(u.subgroup) is not None for u in q.units):
        return {u.id: float(sub_points[u.subgroup] or 0) for u in q.units}
    total = float(q.total or rs.structure.qualitative_total or 0)
    return {u.id: total / len(q.units) for u in q.units}


def score_qualitative(sub: Submission, rs: RuleSet, method: ScoringMethod) -> list[UnitScore]:
    q = rs.qualitative
    if q is None:
        return []
    catalogue = dict(q.stage_points.fraction) if q.stage_points else {}
    fractions = method.fractions(catalogue)
    maxima = unit_maxima(rs)
    stages: dict[str, list[str]] = {u.id: [] for u in q.units}
    for claim in sub.qualitative:
        unit = rs.qualitative_unit(claim.unit) or rs.qualitative_unit(claim.unit_as_printed or "")
        if unit is not None and claim.stage is not None:
            stages[unit.id].append(claim.stage.value)
    out: list[UnitScore] = []
    for u in q.units:
        claimed = [s for s in stages[u.id] if s in fractions]
        frac = sum(fractions[s] for s in claimed) / len(claimed) if claimed else 0.0
        stage = min(claimed, key=lambda s: abs(fractions[s] - frac)) if claimed else None
        out.append(UnitScore(unit=u.id, name=u.name, max_points=maxima.get(u.id, 0.0),
                             stage=stage, fraction=round(frac, 4),
                             points=round(maxima.get(u.id, 0.0) * frac, 2)))
    return out
