"""Quantitative points per indicator (see `scoring.method` for the method)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from smartcert.core.findings import Finding, Severity
from smartcert.core.normalize import match_key
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.catalogue.indicators import Indicator
from smartcert.schemas.claims import IndicatorClaim, Submission
from smartcert.scoring.method import ScoringMethod
from smartcert.scoring.models import Basis, IndicatorScore

FREE_TEXT = "free_text"
BOOL = "bool"


def code_key(code: str | None) -> str:
    return match_key(code or "").upper()


def submission_indicators(sub: Submission, rs: RuleSet) -> list[Indicator]:
    """The indicators the submission is scored on (unknown area names ignored)."""
    areas = [a for a in sub.selected_areas if rs.area(a) is not None]
    return rs.indicators_for(areas)


def applicant_type_id(sub: Submission, rs: RuleSet) -> str | None:
    t = rs.applicant_type(sub.city_type_claimed or "")
    return t.id if t is not None else None


def peer_group(sub: Submission, rs: RuleSet,
               batch: Sequence[Submission] | None) -> list[Submission]:
    """The batch members of the submission's applicant type, the submission included."""
    if not batch:
        return [sub]
    kind = applicant_type_id(sub, rs)
    # one entry per submission id: the same bundle as a folder and as a zip is one peer
    peers = {s.id: s for s in batch if s.id != sub.id and applicant_type_id(s, rs) == kind}
    return [sub, *peers.values()]


def _kind(ind: Indicator) -> str:
    return ind.value_rule.kind if ind.value_rule else FREE_TEXT


def _number(claim: IndicatorClaim | None) -> float | None:
    if claim is None or isinstance(claim.value, bool) or claim.value is None:
        return None
    return float(claim.value) if isinstance(claim.value, Decimal | int | float) else None


def _present(ind: Indicator, claim: IndicatorClaim | None) -> bool:
    if claim is None:
        return False
    kind = _kind(ind)
    if kind == FREE_TEXT:
        return bool((claim.text or "").strip()) or claim.value not in (None, False)
    if kind == BOOL:
        return claim.value is True
    return _number(claim) is not None


def relative_fraction(value: float, values: Sequence[float], method: ScoringMethod,
                      lower_better: bool) -> float:
    """The fraction of full points `value` earns among `values` (itself included)."""
    vals = [-v for v in values] if lower_better else list(values)
    v = -value if lower_better else value
    best, worst = max(vals), min(vals)
    if best == worst:
        return 1.0
    if method.relative == "minmax":
        return (v - worst) / (best - worst)
    if method.relative == "rank":
        distinct = sorted(set(vals), reverse=True)
        return (len(distinct) - distinct.index(v)) / len(distinct)
    # ratio: v / best (best / v when lower is better); non-positive bests fall back to minmax
    raw_best, raw_v = abs(best), abs(v)
    if lower_better:
        return min(1.0, raw_best / raw_v) if raw_v > 0 else 1.0
    return max(0.0, min(1.0, v / best)) if best > 0 else (v - worst) / (best - worst)


def score_indicator(ind: Indicator, sub: Submission, findings: Sequence[Finding],
                    method: ScoringMethod, peers: Sequence[Submission]) -> IndicatorScore:
    full = float(ind.points or 0)
    claim = sub.indicator(ind.code)
    about = [f for f in findings if code_key(f.indicator) == ind.code]
    errors = [f for f in about if f.severity == Severity.ERROR]
    warnings = [f for f in about if f.severity == Severity.WARNING]

    def make(points: float, basis: Basis, reason: str) -> IndicatorScore:
        return IndicatorScore(code=ind.code, name=ind.name, max_points=full,
                              points=round(points, 2), basis=basis, reason=reason)

    if not _present(ind, claim):
        return make(0.0, "missing", "값 없음")
    base, reason = full, "값 있음"
    basis: Basis = "present"
    kind = _kind(ind)
    if kind == FREE_TEXT:
        basis, reason = "free_text", "자체 설정 지표 기재"
    elif kind != BOOL and len(peers) >= method.min_batch:
        values = [n for p in peers if (n := _number(p.indicator(ind.code))) is not None]
        value = _number(claim)
        assert value is not None  # _present checked it
        frac = relative_fraction(value, values, method, ind.code in method.lower_is_better)
        base, basis = full * frac, "relative"
        reason = f"같은 신청 유형 {len(values)}건 중 상대 환산 {frac:.3f} ({method.relative})"
    if errors:
        return make(base * method.error_factor, "error",
                    "오류: " + ", ".join(sorted({f.rule for f in errors})))
    if warnings:
        return make(base * method.warning_factor, "warning",
                    "경고: " + ", ".join(sorted({f.rule for f in warnings})))
    return make(base, basis, reason)


def score_quantitative(sub: Submission, findings: Sequence[Finding], rs: RuleSet,
                       method: ScoringMethod,
                       peers: Sequence[Submission]) -> list[IndicatorScore]:
    return [score_indicator(ind, sub, findings, method, peers)
            for ind in submission_indicators(sub, rs)]
