from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.catalogue.service import ServiceRuleSet
from smartcert.schemas.mapping.ocr_read import joined, ocr_read
from smartcert.schemas.service_claims import ServiceSubmission
from smartcert.validators.support.service_rows import ScoreReading, fmt, read_score
from smartcert.validators.support.service_rule import ServiceContext, ServiceRule


class ServiceSelfScoreOverPoints(ServiceRule):
    """A self-score above what its row can earn: the criterion's points (with a '배점 외'
    bonus step, S-123's +1), and an item's rows together above the item's points (the bonus
    does not lift the item's cap). Where the 자체평가표 prints more points than 참고1 and
    the S-pages (Open API and 매뉴얼: 3 on the form, 2 in the criteria), a score within the
    form's points is a warning that names both; a printed row the rule set does not score
    (the form's 2.2.2.2) is held to the form's points."""

    spec = RuleSpec(
        id="arithmetic.self-score-over-points",
        severity=Severity.ERROR,
        template="{where}의 자체평가 점수 {score}점이 배점 {points}점을 넘습니다",
        clause="2023 서비스 인증 지침 참고1 평가 세부지표 배점 (lines 353–645); "
               "S-111~S-332 평가방법 배점; 자체평가표 배점 (lines 3269–3590)",
        example={"where": "자체평가표 1.2.2.2행(S-122 서비스 혁신성)", "score": "3", "points": "2"},
    )

    def check(self, sub: ServiceSubmission, ctx: ServiceContext) -> Iterator[Finding]:
        rs = ctx.ruleset
        by_item: dict[str, list[ScoreReading]] = defaultdict(list)
        flagged: set[str] = set()
        for s in sub.self_scores:
            if s.score is None:
                continue
            r = read_score(s, rs)
            item = _item_of(r, rs)
            limit, form, doubt = _limits(r, rs)
            if limit is None:
                continue
            if item is not None:
                by_item[item].append(r)
            if s.score <= limit:
                continue
            if form is not None and form != limit and s.score <= form:
                extra = (f"자체평가표 양식은 이 행의 배점을 {fmt(form)}점으로 인쇄하였으나 "
                         f"참고1·평가기준(S-page)은 {fmt(limit)}점")
                doubt = "; ".join(x for x in (doubt, extra) if x)
            if item is not None:
                flagged.add(item)
            where = f"자체평가표 {s.row}행" + (f"({item} {rs.item(item).name})" if item else "")
            yield self.finding(
                indicator=item, claimed=fmt(s.score), expected=f"{fmt(limit)}점 이하",
                locations=[s.location],
                uncertain=joined(doubt, ocr_read(sub.documents, [s.location])),
                where=where, score=fmt(s.score), points=fmt(limit))
        for code, readings in by_item.items():
            sub_item = rs.item(code)
            total = sum((r.score.score or Decimal(0) for r in readings), Decimal(0))
            rows = [r.row for r in readings]
            if code in flagged or len(set(rows)) < len(rows) \
                    or total <= Decimal(str(sub_item.points)):
                continue  # a row read twice is not added twice
            places = [r.score.location for r in readings]
            doubts = joined(*(r.doubt for r in readings), ocr_read(sub.documents, places))
            yield self.finding(
                indicator=code, claimed=fmt(total), expected=f"{sub_item.points}점 이하",
                locations=places, uncertain=doubts,
                where=f"{code} {sub_item.name} 행 합계", score=fmt(total),
                points=str(sub_item.points))


def _item_of(r: ScoreReading, rs: ServiceRuleSet) -> str | None:
    if r.row is None:
        return None
    found = rs.criteria_of_row(r.row)
    return found[0][0].code if found else None


def _limits(r: ScoreReading, rs: ServiceRuleSet) -> tuple[Decimal | None, Decimal | None,
                                                            str | None]:
    """(the row's points by the criteria with their bonus steps, the form's printed points,
    doubt); the limit is None for a row neither knows."""
    printed = rs.self_row(r.score.row)
    form = Decimal(str(printed.points)) if printed is not None else None
    if r.row is None:
        return form, form, r.doubt
    best = max(c.points + sum(st.points for st in c.steps if st.bonus)
               for _, c in rs.criteria_of_row(r.row))
    return Decimal(str(best)), form, r.doubt
