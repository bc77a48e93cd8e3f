"""Qualitative points: one stage per 소분류, rolled up into its unit (중분류) → a fraction
of the unit maximum.

Neither the unit maximum, the stage fractions nor the roll-up are published; the first two
come from the catalogue's labelled assumption (`qualitative.yaml` › `stage_points`), the
roll-up from the method (`ScoringMethod.rollup`, see scoring/method.py)."""

from __future__ import annotations

from collections import defaultdict
from fractions import Fraction
from math import floor

from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.claims import QualitativeClaim, Stage, Submission
from smartcert.scoring.method import ScoringMethod
from smartcert.scoring.models import UnitScore


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


def _row_key(claim: QualitativeClaim) -> str | None:
    """The 소분류 a claim assesses ('' for a 중분류 claimed as a whole); None for a row the
    catalogue does not know, which does not count."""
    if claim.item is None:
        return ""
    return claim.item_number


def _rolled(rows: list[list[Stage]], fractions: dict[str, float], method: ScoringMethod
            ) -> tuple[Stage | None, float]:
    """(the unit's stage, its fraction) from the stages of each 소분류 row present."""
    rows = [[s for s in r if s.value in fractions] for r in rows]
    rows = [r for r in rows if r]
    if not rows:
        return None, 0.0
    per_row = [sum(fractions[s.value] for s in r) / len(r) for r in rows]
    if method.rollup == "mean_fraction":
        frac = sum(per_row) / len(per_row)  # reported as the stage nearest to it
        nearest = min((s for s in Stage if s.value in fractions),
                      key=lambda s: abs(fractions[s.value] - frac))
        return nearest, frac
    if method.rollup == "lowest":
        stage = min((s for r in rows for s in r), key=lambda s: s.level)
    else:  # mean_level: a row with two stages counts as their mean; then half up
        mean = sum(Fraction(sum(s.level for s in r), len(r)) for r in rows) / len(rows)
        stage = list(Stage)[floor(mean + Fraction(1, 2)) - 1]
    return stage, fractions.get(stage.value, 0.0)


def score_qualitative(sub: Submission, rs: RuleSet, method: ScoringMethod) -> list[UnitScore]:
    q = rs.qualitative
    if q is None:
        return []
    catalogue = dict(q.stage_points.fraction) if q.stage_points else {}
    fractions = method.fractions(catalogue)
    maxima = unit_maxima(rs)
    stages: dict[str, dict[str, list[Stage]]] = {u.id: defaultdict(list) for u in q.units}
    for claim in sub.qualitative:
        unit = rs.qualitative_unit(claim.unit) or rs.qualitative_unit(claim.unit_as_printed or "")
        key = _row_key(claim)
        if unit is not None and claim.stage is not None and key is not None:
            stages[unit.id][key].append(claim.stage)
    out: list[UnitScore] = []
    for u in q.units:
        stage, frac = _rolled(list(stages[u.id].values()), fractions, method)
        out.append(UnitScore(unit=u.id, name=u.name, max_points=maxima.get(u.id, 0.0),
                             stage=stage.value if stage else None, fraction=round(frac, 4),
                             points=round(maxima.get(u.id, 0.0) * frac, 2)))
    return out
