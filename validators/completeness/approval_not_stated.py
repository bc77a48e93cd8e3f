from __future__ import annotations

import re
from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.normalize import match_key
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import IndicatorClaim, Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.form_cells import rows_of
from smartcert.validators.support.list_cells import rule_list, text_under

RULE_ID = "approval_reported"  # the indicators.yaml entry (B-2-1)
# an O/X after the word ('승인 O', '승인: X', '승인 0' — the call's own form prints 0/X), or
# the answer in words ('승인 완료', '미승인')
_FLAG = r"\s*[:：]?\s*(?:[OoXx0○◯●×✕]|완료|받음|예정|신청|진행|전|중)"
_IN_WORDS = ("미승인", "불승인")


class ApprovalNotStated(Rule):
    """B-2-1: a 스마트도시계획 must say whether 국토부 approved it — in its row's 국토부 승인
    cell (an empty or absent cell is reported) and in the summary '계획 수립 O (승인 O/X)'
    (a summary that states the plan but not the 승인 part is reported; a row without the
    column only warns, its header may be worded otherwise). A plan row that is
    not a 스마트도시계획 (a 디지털 or 데이터 plan) needs no approval; nor does '계획 수립 X'.
    The summary is judged only when its cell was located with certainty."""

    spec = RuleSpec(
        id="completeness.approval-not-stated",
        severity=Severity.ERROR,
        template="지표 {code}의 {where}에 국토부 승인 여부(O/X)가 적혀 있지 않습니다",
        clause="지침 V.제출서류 및 양식 > B.거버넌스 및 제도 부문 > 2) 제도기반 > ① 5년 이내 "
               "중장기 스마트도시계획 수립 여부 > 분석자료 (스마트도시계획의 경우 국토부 승인 여부 "
               "작성); 정량지표 요약표 (계획 수립 O/X (승인 O/X))",
        example={"code": "B-2-1", "where": "요약표 '계획 수립 O'"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim in sub.indicators:
            ind = ctx.ruleset.get(claim.code)
            rule = ind.rule(RULE_ID) if ind is not None else None
            if ind is None or rule is None or claim.value is False:
                continue
            word = str(rule.params.get("summary_word", "승인"))
            text = claim.text or ""
            stated = re.search(re.escape(word) + _FLAG, text) or any(w in text for w in _IN_WORDS)
            if claim.value is True and claim.value_certain and text.strip() and not stated:
                yield self.finding(indicator=claim.code, claimed=text,
                                   expected=f"계획 수립 O ({word} O/X)",
                                   locations=[claim.source], code=claim.code,
                                   where=f"요약표 '{text.strip()}'")
            yield from self._rows(claim, ctx)

    def _rows(self, claim: IndicatorClaim, ctx: CheckContext) -> Iterator[Finding]:
        ind = ctx.ruleset.get(claim.code)
        rule = ind.rule(RULE_ID) if ind is not None else None
        lst = rule_list(ind, rule) if ind is not None and rule is not None else None
        if rule is None or lst is None:
            return
        field = str(rule.params.get("flag_field", ""))
        word = match_key(str(rule.params.get("summary_word", "승인")))
        words = [match_key(w) for w in rule.params.get("plan_words", [])]
        for item in rows_of(claim, lst):
            name = item.name or ""
            if not any(w in match_key(name) for w in words):
                continue  # a related plan (디지털, 정보통신, 데이터): no approval asked
            flag = text_under(item, lst, field)
            if flag is None:  # no cell under the header: any cell whose header says 승인
                cells = [c.text.strip() for c in item.cells if word in match_key(c.name)]
                flag = " ".join(cells) if cells else None
            if flag:
                continue
            # an absent column may be a header the mapping did not read: a warning
            doubt = None if flag is not None else f"행에서 '{field}' 칸을 찾지 못함"
            yield self.finding(indicator=claim.code, claimed=flag or "", expected="O/X",
                               locations=[item.location or claim.form_source],
                               code=claim.code, where=f"'{name}' 행의 '{field}' 칸",
                               uncertain=doubt)
