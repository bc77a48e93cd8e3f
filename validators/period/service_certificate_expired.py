from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.catalogue.service import Criterion, Step, SubItem
from smartcert.schemas.mapping.ocr_read import ocr_read
from smartcert.schemas.service_claims import ServiceSubmission
from smartcert.validators.support.service_facts import certificate_validity
from smartcert.validators.support.service_rows import fmt, read_score
from smartcert.validators.support.service_rule import ServiceContext, ServiceRule


class ServiceCertificateExpired(ServiceRule):
    """A self-score that claims the step of an accessibility certificate valid at the
    deadline (S-312: 3 points) while every certificate the proposal cites for it expired
    before the 공고접수 마감일 — the ladder then gives the expired step (2). The ladder is
    read from the rule set (the step with `valid_at`, the step with `expired`). A validity
    end read from a date labelled only '유효기간', or a score or certificate whose place is
    unknown, makes it a warning."""

    spec = RuleSpec(
        id="period.certificate-expired",
        severity=Severity.ERROR,
        template="{item} 자체평가 {score}점은 공고접수 마감일({deadline}) 기준 유효한 접근성 인증"
                 "({valid}점)을 전제하나, 인용한 인증서는 {until}에 만료되어 {expired}점 단계에 "
                 "해당합니다",
        clause="2023 서비스 인증 S-312 평가방법 1) (lines 2775–2780): 공고접수 마감일 기준 "
               "유효기간 내 3점, 인증 만료 후 미갱신 2점",
        example={"item": "S-312", "score": "3", "deadline": "2023-10-26", "valid": "3",
                 "until": "2023-03-01", "expired": "2"},
    )

    def check(self, sub: ServiceSubmission, ctx: ServiceContext) -> Iterator[Finding]:
        rs = ctx.ruleset
        deadline = rs.deadline.date()
        for item, crit, valid, expired in _ladders(rs.sub_items):
            scores = [read_score(s, rs) for s in sub.self_scores if s.score is not None]
            scores = [r for r in scores if r.row == crit.row]
            claimed = sum((r.score.score or Decimal(0) for r in scores), Decimal(0))
            if not scores or claimed <= Decimal(str(expired.points)):
                continue
            certs = certificate_validity(f for f in sub.facts if f.item in (None, item.code))
            if not certs or any(c.until >= deadline for c in certs):
                continue
            latest = max(certs, key=lambda c: c.until)
            doubts = [latest.doubt, *(r.doubt for r in scores)]
            if latest.fact.location is None:
                doubts.append("인증서 유효기간의 위치를 확인하지 못함")
            doubts.append(ocr_read(sub.documents, [latest.fact.location,
                                                   *(r.score.location for r in scores)]))
            yield self.finding(
                indicator=item.code, claimed=fmt(claimed), expected=f"{fmt(expired.points)}점",
                locations=[latest.fact.location, *(r.score.location for r in scores)],
                uncertain="; ".join(d for d in doubts if d) or None,
                item=item.code, score=fmt(claimed), deadline=deadline.isoformat(),
                valid=fmt(valid.points), until=latest.until.isoformat(),
                expired=fmt(expired.points))


def _ladders(items: list[SubItem]) -> Iterator[tuple[SubItem, Criterion, Step, Step]]:
    """(item, criterion, valid-at-deadline step, expired step) of each certificate ladder."""
    for s in items:
        for c in s.criteria:
            valid = next((st for st in c.steps if "valid_at" in st.params), None)
            expired = next((st for st in c.steps if st.params.get("expired")), None)
            if valid is not None and expired is not None:
                yield s, c, valid, expired
