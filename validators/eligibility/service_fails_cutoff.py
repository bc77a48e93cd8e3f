from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from smartcert.core.findings import Finding, Location, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.catalogue.service import Level, ServiceRuleSet
from smartcert.schemas.mapping.ocr_read import ocr_read
from smartcert.schemas.service_claims import ServiceSubmission
from smartcert.validators.support.service_rows import chosen_level, fmt, row_of, score_block
from smartcert.validators.support.service_rule import ServiceContext, ServiceRule


class ServiceFailsCutoff(ServiceRule):
    """The self-assessment itself fails: a self-assessed 인증지표 below its 과락 (부합성 15,
    구성 및 기능 30, 운영 10) or a total below 70 (ServiceRuleSet.shortfalls). Each 인증지표
    is its printed 계, or the sum of its rows where no 계 is printed. A warning: the
    committee sets the scores. When the level's committee-set item (S-221, S-231) carries
    no self-score, 구성 및 기능 and the total are not judged (25 points are the committee's).
    A score read on an OCR'd page is said (it may be misread)."""

    spec = RuleSpec(
        id="eligibility.fails-cutoff",
        severity=Severity.WARNING,
        template="자체평가 점수로도 인증 요건에 미달합니다: {name} {score}점 < {required}점 ({what})",
        clause="2023 서비스 인증 자체평가표 평가결과 판정 과락 (lines 3591–3608); "
               "지침 Ⅱ > 평가내용 > 인증부여 (70점 이상, lines 161–163)",
        example={"name": "1. 스마트도시 부합성", "score": "13", "required": "15", "what": "과락"},
    )

    def check(self, sub: ServiceSubmission, ctx: ServiceContext) -> Iterator[Finding]:
        rs = ctx.ruleset
        level = chosen_level(sub, rs)
        if level is None or level.group is None:
            return
        scores: dict[str, float] = {}
        where: dict[str, Location | None] = {}
        read: dict[str, list[Location | None]] = {}  # where each score's figures were read
        for ind in rs.indicators:
            block = level.group if ind.choose_one else ind.number
            value, loc, places = _block_score(sub, rs, block)
            if value is not None:
                scores[ind.number], where[ind.number] = float(value), loc
                read[ind.number] = places
        judged = set(scores)
        if _committee_blank(sub, rs, level):
            judged -= {i.number for i in rs.indicators if i.choose_one}
        if len(judged) < len(rs.indicators):  # judge what is known; the total needs all
            for number in sorted(judged):
                ind = rs.indicator(number)
                if scores[number] < ind.minimum:
                    yield self._shortfall(f"{number}. {ind.name}", scores[number], ind.minimum,
                                          "과락", where[number],
                                          ocr_read(sub.documents, read[number]))
            return
        total = sub.subtotal("total")
        for s in rs.shortfalls(level.id, scores):
            if s.subject == "total":
                loc = total.location if total is not None else None
                every = [x for r in read.values() for x in r]  # the total adds the blocks
                yield self._shortfall("합계", s.score, s.required, "인증 기준 합계", loc,
                                      ocr_read(sub.documents, every))
            else:
                yield self._shortfall(f"{s.subject}. {s.name}", s.score, s.required, "과락",
                                      where[s.subject],
                                      ocr_read(sub.documents, read[s.subject]))

    def _shortfall(self, name: str, score: float, required: float, what: str,
                   loc: Location | None, doubt: str | None) -> Finding:
        return self.finding(claimed=fmt(score), expected=f"{fmt(required)}점 이상",
                            locations=[loc], uncertain=doubt, name=name, score=fmt(score),
                            required=fmt(required), what=what)


def _block_score(sub: ServiceSubmission, rs: ServiceRuleSet, block: str
                 ) -> tuple[Decimal | None, Location | None, list[Location | None]]:
    """(the block's score, where it is printed, where every figure of it was read)."""
    printed = sub.subtotal(block)
    if printed is not None and printed.value is not None:
        return printed.value, printed.location, [printed.location]
    rows = [s for s in sub.self_scores if score_block(s, rs) == block and s.score is not None]
    if not rows:
        return None, None, []
    return sum((s.score or Decimal(0) for s in rows), Decimal(0)), None, [s.location for s in rows]


def _committee_blank(sub: ServiceSubmission, rs: ServiceRuleSet, level: Level) -> bool:
    """A committee-set item of the level (S-221, S-231) left without a self-score."""
    for item in rs.items_for(level.id):
        rows = {c.row for c in item.criteria}
        if item.committee_only and not any(x.score is not None and row_of(x, rs) in rows
                                           for x in sub.self_scores):
            return True
    return False
