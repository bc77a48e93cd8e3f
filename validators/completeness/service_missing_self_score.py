from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.catalogue.service import SubItem
from smartcert.schemas.service_claims import ServiceSubmission
from smartcert.validators.support.service_rows import (
    chosen_level,
    expected_rows,
    field_name,
    fmt,
    printed_row,
    row_of,
)
from smartcert.validators.support.service_rule import ServiceContext, ServiceRule


class ServiceMissingSelfScore(ServiceRule):
    """A row the applicant must score itself on, without a self-score: every criterion row
    of the scored items of the chosen level (without a level, those outside 구성 및 기능),
    less the items the committee alone sets (S-221, S-231) and the rows the form does not
    print (3.2.4.1). A blank score cell read where it stands is an error; a row not found at
    all, or a score cell that is not a number, a warning (the reading may have missed it).
    Nothing when no row was read: the missing 자체평가표 is another rule's finding."""

    spec = RuleSpec(
        id="completeness.service-missing-self-score",
        severity=Severity.ERROR,
        template="자체평가표 {printed}행({item} {name})의 자체평가 점수가 없습니다",
        clause="2023 서비스 인증 공고 3. < 제 출 서 류 > ③ 인증기준에 의거한 자체평가표 (line 47); "
               "지침 Ⅴ 1-3 자체평가표 (lines 3269–3590)",
        example={"printed": "1.2.2.2", "item": "S-122", "name": "서비스 혁신성"},
    )

    def check(self, sub: ServiceSubmission, ctx: ServiceContext) -> Iterator[Finding]:
        rs = ctx.ruleset
        if not sub.self_scores:
            return
        level = chosen_level(sub, rs)
        for item, row in expected_rows(rs, level, field_name(sub, rs)):
            scores = [s for s in sub.self_scores if row_of(s, rs) == row]
            if any(s.score is not None for s in scores):
                continue
            doubt = None
            if not scores:
                doubt = "자체평가표에서 이 행을 찾지 못함 (읽기 누락일 수 있음)"
            elif any(s.score_text.strip() for s in scores):
                texts = ", ".join(f"'{s.score_text.strip()}'" for s in scores if s.score_text.strip())
                doubt = f"점수 칸의 {texts}을(를) 숫자로 읽지 못함"
            elif any(s.location is None for s in scores):
                doubt = "빈 점수 칸의 위치를 확인하지 못함"
            yield self.finding(
                indicator=item.code, expected=f"배점 {fmt(_points(item, row))}점 중 자체평가 점수",
                locations=[s.location for s in scores], uncertain=doubt,
                printed=printed_row(rs, row), item=item.code, name=item.name)


def _points(item: SubItem, row: str) -> float:
    return max(c.points for c in item.criteria if c.row == row)
