from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.form_cells import rows_of
from smartcert.validators.support.list_cells import list_rules

RULE_ID = "annex_over"  # the indicators.yaml entry (A-3-3: params threshold, list)


class ListNotInAnnex(Rule):
    """A-3-3: '데이터 제공 건 수가 50건이상으로 넘어갈 경우, 목록은 별첨(증빙자료)으로 제출'.
    The note governs the 목록, one row per data set, so its count is the rows the form
    lists: 50 or more printed in the form itself are reported as not given the way the call
    asks (a warning — the figures are not wrong). The 건 column counts provisions (hundreds
    per data set); read as that, every list would belong in the annex. An empty 증빙 페이지
    is completeness.empty-evidence-pages' finding already."""

    spec = RuleSpec(
        id="completeness.list-not-in-annex",
        severity=Severity.WARNING,
        template="지표 {code}의 목록 {rows}건이 양식에 직접 작성되어 있습니다 ({threshold}건 이상이면 "
                 "목록은 별첨(증빙자료)으로 제출)",
        clause="지침 V.제출서류 및 양식 > A.혁신성 부문 > 3) 정보공개 및 활용 > ③ API를 제외한 "
               "지자체 데이터 제공 건수 > 자료구축양식 (* 데이터 제공 건 수가 50건이상으로 넘어갈 "
               "경우, 목록은 별첨(증빙자료)으로 제출)",
        example={"code": "A-3-3", "rows": "63", "threshold": "50"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim, _ind, rule, lst in list_rules(sub, ctx.ruleset, RULE_ID):
            threshold = int(rule.params.get("threshold", 50))
            rows = rows_of(claim, lst)
            if len(rows) < threshold:
                continue
            yield self.finding(
                indicator=claim.code, claimed=f"{len(rows)}건", expected="별첨(증빙자료)",
                locations=[claim.form_source or rows[0].location], code=claim.code,
                rows=len(rows), threshold=threshold)
