from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.catalogue.program import ApplicantType
from smartcert.schemas.claims import Submission
from smartcert.schemas.mapping.ocr_read import ocr_read
from smartcert.validators.rule import CheckContext, Rule


def applicant_kind(sub: Submission, ruleset: RuleSet) -> str | None:
    """The kind of authority as stated, else from the name's ending ('누리시' → 시,
    '가람광역시' → 광역시: the longest eligible kind the name ends with)."""
    if sub.applicant_kind:
        return sub.applicant_kind
    kinds = ruleset.applicants.eligible.kinds if ruleset.applicants and \
        ruleset.applicants.eligible else []
    name = (sub.applicant or "").strip()
    ends = [k for k in kinds if name.endswith(k) and len(name) > len(k)]
    return max(ends, key=len) if ends else None


def allowed_types(kind: str, population: int | None, ruleset: RuleSet) -> list[ApplicantType] | None:
    """The types this kind (and, for a 시, population) may apply as; None when unknown."""
    apps = ruleset.applicants
    if apps is None:
        return None
    threshold = apps.population_threshold
    tested = threshold is not None and kind == threshold.applies_to
    if tested and population is None:
        return None
    out = []
    for t in apps.types:
        if kind not in t.kinds:
            continue
        if tested and population is not None:
            if t.si_population_min is not None and population < t.si_population_min:
                continue
            if t.si_population_below is not None and population >= t.si_population_below:
                continue
        out.append(t)
    return out or None


class TypeVsPopulation(Rule):
    spec = RuleSpec(
        id="eligibility.type-vs-population",
        severity=Severity.ERROR,
        template="'{applicant}'({kind}{pop})은(는) {allowed}(으)로 신청해야 하나 "
                 "{as_claimed}(으)로 신청했습니다",
        clause="공고 2. 신청자격 및 인증방법 (구분표: 대도시 — 특·광역시, 특별자치시·도, 시 / "
               "중소도시 — 시·군·구; * 단, 시는 인구규모 50만 이상은 대도시, 50만 미만은 중소도시로 신청)",
        example={"applicant": "누리시", "kind": "시", "pop": ", 인구 523,410명",
                 "allowed": "대도시", "as_claimed": "중소도시"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        claimed = ctx.ruleset.applicant_type(sub.city_type_claimed or "")
        kind = applicant_kind(sub, ctx.ruleset)
        if claimed is None or kind is None:
            return
        allowed = allowed_types(kind, sub.population, ctx.ruleset)
        if allowed is None or claimed.id in {t.id for t in allowed}:
            return
        expected = "/".join(t.name for t in allowed)
        pop = f", 인구 {sub.population:,}명" if sub.population is not None else ""
        # what decided: the type claimed, the kind (stated beside the name, or its ending)
        # and, for the kind the population threshold applies to, the population
        threshold = ctx.ruleset.applicants.population_threshold if ctx.ruleset.applicants \
            else None
        counted = threshold is not None and threshold.applies_to == kind
        read = [sub.city_type_source, sub.source, sub.population_source if counted else None]
        yield self.finding(applicant=sub.applicant or kind, kind=kind, pop=pop,
                           allowed=expected, as_claimed=claimed.name,
                           expected=expected, claimed=claimed.name,
                           locations=[loc for loc in (sub.city_type_source,
                                                      sub.population_source) if loc]
                           or [sub.source], uncertain=ocr_read(sub.documents, read))
