"""Grade at risk: for each error finding, the total and grade if its indicator's points were
restored (the finding corrected) or lost (the indicator at 0)."""

from __future__ import annotations

from collections.abc import Sequence

from smartcert.core.findings import Finding, Severity
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.claims import Submission
from smartcert.scoring.grade import grade_of
from smartcert.scoring.method import ScoringMethod
from smartcert.scoring.models import AtRisk, IndicatorScore
from smartcert.scoring.quantitative import code_key, score_indicator


def grade_at_risk(sub: Submission, findings: Sequence[Finding], rs: RuleSet,
                  method: ScoringMethod, peers: Sequence[Submission],
                  scores: Sequence[IndicatorScore], total: float) -> list[AtRisk]:
    grade = grade_of(total, rs)
    by_code = {s.code: s for s in scores}
    out: list[AtRisk] = []
    for i, f in enumerate(findings):
        if f.severity != Severity.ERROR:
            continue
        now = by_code.get(code_key(f.indicator))
        if now is None:  # no indicator, or one this submission is not scored on
            out.append(AtRisk(rule=f.rule, indicator=f.indicator, message=f.message,
                              total_if_restored=total, total_if_lost=total,
                              grade_if_restored=grade, grade_if_lost=grade))
            continue
        rest = [g for j, g in enumerate(findings) if j != i]
        restored = score_indicator(rs.indicator(now.code), sub, rest, method, peers).points
        t_restored = round(total - now.points + restored, 2)
        t_lost = round(total - now.points, 2)
        g_restored, g_lost = grade_of(t_restored, rs), grade_of(t_lost, rs)
        out.append(AtRisk(
            rule=f.rule, indicator=now.code, message=f.message, points_now=now.points,
            points_if_restored=restored, points_if_lost=0.0,
            total_if_restored=t_restored, total_if_lost=t_lost,
            grade_if_restored=g_restored, grade_if_lost=g_lost,
            points_at_stake=round(max(restored - now.points, now.points), 2),
            grade_at_risk=g_restored != grade or g_lost != grade))
    return out
