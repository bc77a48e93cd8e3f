"""Provisional scoring: qualitative stages and quantitative values → points, total and
grade by the call's table, and which error findings put the grade at risk.

Everything here is provisional: the call does not publish how values or stages become
points, so the method (`scoring.method.ScoringMethod`) is a documented, configurable
assumption.

    result = score_submission(sub, findings, load_ruleset())
    result.total, result.grade, result.at_risk
"""

from __future__ import annotations

from collections.abc import Sequence

from smartcert.core.findings import Finding
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.claims import Submission
from smartcert.scoring.completeness import incomplete_reasons
from smartcert.scoring.grade import (
    certified,
    grade_of,
    reaches_site_inspection,
    site_inspection_from,
)
from smartcert.scoring.method import BATCH_RELATIVE_METHOD, DEFAULT_METHOD, ScoringMethod
from smartcert.scoring.models import AtRisk, IndicatorScore, MethodInfo, ScoreResult, UnitScore
from smartcert.scoring.qualitative import score_qualitative
from smartcert.scoring.quantitative import peer_group, score_quantitative
from smartcert.scoring.risk import grade_at_risk

__all__ = [
    "BATCH_RELATIVE_METHOD",
    "DEFAULT_METHOD",
    "AtRisk",
    "IndicatorScore",
    "MethodInfo",
    "ScoreResult",
    "ScoringMethod",
    "UnitScore",
    "incomplete_reasons",
    "score_submission",
]


def score_submission(sub: Submission, findings: list[Finding], ruleset: RuleSet,
                     method: ScoringMethod = DEFAULT_METHOD,
                     batch: Sequence[Submission] | None = None) -> ScoreResult:
    """Score one submission provisionally. `batch` (other submissions, this one may be among
    them) is used only by a method with `batch_relative` (the operator's request): then
    numeric indicators are scored relative to the batch within the applicant type. By
    default the score is the same whatever the batch.
    Raises CatalogueError for a partial rule set (it may never be used to score)."""
    ruleset.require_complete()
    peers = peer_group(sub, ruleset, batch) if method.batch_relative else [sub]
    relative = len(peers) >= method.min_batch
    indicators = score_quantitative(sub, findings, ruleset, method, peers)
    units = score_qualitative(sub, ruleset, method)
    quantitative = round(sum(s.points for s in indicators), 2)
    qualitative = round(sum(u.points for u in units), 2)
    total = round(quantitative + qualitative, 2)
    info = MethodInfo(name=method.name, parameters=method.parameters(),
                      note=method.note(relative, len(peers)), batch=relative,
                      batch_size=len(peers) if method.batch_relative and batch else 0,
                      batch_requested=method.batch_relative)
    unread = incomplete_reasons(findings, sub.documents)
    return ScoreResult(
        submission_id=sub.id, ruleset=ruleset.id, quantitative=quantitative,
        qualitative=qualitative, total=total, grade=grade_of(total, ruleset),
        certified=certified(total, ruleset), site_inspection_from=site_inspection_from(ruleset),
        site_inspection=reaches_site_inspection(total, ruleset), method=info,
        indicators=indicators, units=units,
        at_risk=grade_at_risk(sub, findings, ruleset, method, peers, indicators, total),
        incomplete=bool(unread), incomplete_reasons=unread)
