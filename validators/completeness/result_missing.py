from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.form_cells import rows_of
from smartcert.validators.support.list_cells import list_rules, text_under

RULE_ID = "result_required"  # the indicators.yaml entry (B-3-2: params list, field)


class ResultMissing(Rule):
    """B-3-2 counts opinions 'with the result of reflecting them': every row of the list must
    fill its 의견 반영 결과 cell. An empty cell under that header is an error; a list in which
    no row has the column at all gets one warning (its header may be worded otherwise)."""

    spec = RuleSpec(
        id="completeness.result-missing",
        severity=Severity.ERROR,
        template="지표 {code}의 {where}에 '{field}'이(가) 적혀 있지 않습니다",
        clause="지침 V.제출서류 및 양식 > B.거버넌스 및 제도 부문 > 3) 참여네트워크 > ② 인구 "
               "1만명 당 신규 도입 스마트도시 서비스의 시민 의견 반영 건수 > 분석자료 (** … 의견 "
               "반영 결과를 함께 제시해야 함)",
        example={"code": "B-3-2", "where": "No.2 '공유자전거 서비스' 행", "field": "의견 반영 결과"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim, _ind, rule, lst in list_rules(sub, ctx.ruleset, RULE_ID):
            field = str(rule.params.get("field", ""))
            rows = rows_of(claim, lst)
            texts = [text_under(it, lst, field) for it in rows]
            if rows and all(t is None for t in texts):
                yield self.finding(
                    indicator=claim.code, claimed="", expected=field,
                    locations=[claim.form_source or rows[0].location], code=claim.code,
                    where="목록", field=field, uncertain=f"목록에서 '{field}' 열을 찾지 못함")
                continue
            for item, text in zip(rows, texts, strict=True):
                if text:
                    continue
                row = " ".join(x for x in (f"No.{item.number}" if item.number else "",
                                           f"'{item.name}'" if item.name else "") if x)
                yield self.finding(
                    indicator=claim.code, claimed="", expected=field,
                    locations=[item.location or claim.form_source], code=claim.code,
                    where=f"{row or item.text} 행", field=field,
                    uncertain=None if text == "" else f"이 행에서 '{field}' 칸을 찾지 못함")
