from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.evidence_index import CLAUSE


class PageOutOfRange(Rule):
    """Every 증빙 페이지 of the summary table must exist in the (one) evidence bundle."""

    spec = RuleSpec(
        id="evidence.page-out-of-range",
        severity=Severity.ERROR,
        template="지표 {code}의 증빙 페이지 '{raw}'에 근거자료에 없는 쪽({pages})이 있습니다 "
                 "(근거자료 {count}쪽)",
        clause=CLAUSE,
        example={"code": "A-2-3", "raw": "12-15", "pages": "15", "count": "14"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        count = ctx.evidence_index.page_count if ctx.evidence else ctx.evidence_page_count
        if not count:
            return
        for claim in sub.indicators:
            if claim.evidence_pages is None:
                continue
            beyond = [p for p in claim.evidence_pages.pages() if p > count]
            if beyond:
                yield self.finding(indicator=claim.code, code=claim.code,
                                   raw=claim.evidence_pages.raw, pages=_ranges(beyond),
                                   count=count, claimed=claim.evidence_pages.raw,
                                   expected=f"1-{count}", locations=[claim.source])


def _ranges(pages: list[int]) -> str:
    return ", ".join(str(p) for p in pages) if len(pages) < 4 else f"{pages[0]}-{pages[-1]}"
