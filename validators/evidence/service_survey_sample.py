from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.mapping.ocr_read import ocr_read
from smartcert.schemas.service_claims import ServiceSubmission
from smartcert.validators.support.service_facts import (
    required_sample,
    survey_design,
    surveys,
)
from smartcert.validators.support.service_rows import fmt
from smartcert.validators.support.service_rule import ServiceContext, ServiceRule


class ServiceSurveySample(ServiceRule):
    """A cited survey whose sample is smaller than the call's design requires: '신뢰수준 95%,
    추정오차 5% 이내의 표본을 설계' (S-111, S-112; the design is read from the criterion's
    params). n₀ = z²·p(1−p)/e² with p = 0.5 (the largest sample any proportion needs):
    1.96² × 0.25 / 0.05² = 384.2 → 385 for a large population; with the population N the
    survey reports, n = n₀ / (1 + (n₀ − 1)/N). Without N the 385 holds only for a large
    population, so the finding is then a warning that says so."""

    spec = RuleSpec(
        id="evidence.survey-sample",
        severity=Severity.ERROR,
        template="{item} 설문조사 표본 {n}명은 신뢰수준 {confidence}%·추정오차 ±{margin}% 설계에 "
                 "필요한 {required}명보다 적습니다 ({formula})",
        clause="2023 서비스 인증 S-111 평가방법 1) (lines 873–875); S-112 평가방법 1) "
               "(lines 1049–1051): 설문조사는 신뢰수준 95%, 추정오차 5% 이내의 표본을 설계",
        example={"item": "S-112", "n": "300", "confidence": "95", "margin": "5",
                 "required": "385",
                 "formula": "n₀ = z²·p(1−p)/e² = 1.96²×0.5×0.5/0.05² = 384.1"},
    )

    def check(self, sub: ServiceSubmission, ctx: ServiceContext) -> Iterator[Finding]:
        for sv in surveys(sub):
            sample = sv.one("sample")
            design = survey_design(ctx.ruleset, sv.item)
            if sample is None or sample.number is None or design is None:
                continue
            pop = sv.one("population")
            population = int(pop.number) if pop is not None and pop.number and pop.number > 0 \
                else None
            need = required_sample(*design, population)
            if sample.number >= need.n:
                continue
            doubts = []
            if population is None:
                doubts.append("조사 모집단 크기를 찾지 못해 대규모 모집단 기준으로 계산함 "
                              "(모집단이 작으면 필요한 표본이 줄어듦)")
            elif pop is not None and pop.location is None:
                doubts.append("모집단 크기의 위치를 확인하지 못함")
            if sample.location is None:
                doubts.append("표본 수의 위치를 확인하지 못함")
            if (ocr := ocr_read(sub.documents, [sample.location, pop.location if pop else None])):
                doubts.append(ocr)
            confidence, margin = design
            yield self.finding(
                indicator=sv.item, claimed=fmt(sample.number), expected=f"{need.n}명 이상",
                locations=[sample.location, pop.location if pop else None],
                uncertain="; ".join(doubts) or None,
                item=sv.item or "", n=fmt(sample.number), confidence=f"{confidence * 100:g}",
                margin=f"{margin * 100:g}", required=str(need.n), formula=need.formula)
