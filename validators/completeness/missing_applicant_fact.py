from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Location, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import DocumentKind, Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.unread import front_pages, pages_doubt


class MissingApplicantFact(Rule):
    """A fact of the applicant no document states. A warning when pages of the application
    or the proposal's front matter were OCR'd or not read: it may be printed there."""

    spec = RuleSpec(
        id="completeness.missing-applicant-fact",
        severity=Severity.ERROR,
        template="신청서류에서 {fact}을(를) 찾지 못했습니다",
        clause="운영지침 [별지 제1호서식] 스마트도시 인증 신청서 (인증 신청 기관: 기관명); "
               "지침 II.신청대상 (대도시/중소도시 유형 구분, 인구규모 50만)",
        example={"fact": "신청 유형(대도시/중소도시)"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        where = [Location(file=d.file) for d in sub.documents
                 if d.kind in (DocumentKind.APPLICATION, DocumentKind.QUANTITATIVE_PROPOSAL)]
        facts = {
            "신청 기관명": sub.applicant,
            "신청 유형(대도시/중소도시)": sub.city_type_claimed,
            "인구": sub.population,
            "선택 영역": sub.selected_areas or None,
        }
        # the facts are printed on the application and the proposal's cover and contents
        read = [(d, d.unsure_pages if d.kind is DocumentKind.APPLICATION else front_pages(d))
                for d in sub.documents
                if d.kind in (DocumentKind.APPLICATION, DocumentKind.QUANTITATIVE_PROPOSAL)]
        doubt = pages_doubt(read, "그 쪽에 적힌 내용을", named=True)
        for fact, value in facts.items():
            if value is None:
                yield self.finding(fact=fact, expected=fact, uncertain=doubt.text,
                                   locations=[*where, *doubt.locations])
