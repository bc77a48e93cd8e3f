from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.core.values.periods import DateSpan
from smartcert.schemas.claims import ListedItem, Submission
from smartcert.schemas.mapping.ocr_read import joined, ocr_read
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.window import claims_of_kind, date_doubt, item_date, list_of


class AchievementAfterCutoff(Rule):
    """Point-in-time indicators (period rule `asof`): achievements count up to the cutoff
    month of `periods.yaml` `asof`, that month included."""

    spec = RuleSpec(
        id="period.achievement-after-cutoff",
        severity=Severity.ERROR,
        template="지표 {code}의 '{name}'{more} 일자({date})가 인정 기한({cutoff} 이전 실적)을 지났습니다",
        clause="지침 V.제출서류 및 양식 > 정량지표 작성요령 ◇ 2년간의 실적을 평가하는 지표 "
               "(특정 정책 또는 사업의 달성 여부 — '25년 7월 이전 실적인 경우 인정)",
        example={"code": "A-1-3", "name": "성과관리시스템 구축", "more": "", "date": "2025-08",
                 "cutoff": "2025-07"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        cutoff = ctx.periods.cutoff
        if cutoff is None:
            return
        for claim in claims_of_kind(sub, ctx.ruleset, "asof"):
            ind = ctx.ruleset.get(claim.code)
            # rows dated by one (merged) cell are one late fact: one finding naming them all
            late: dict[tuple[str, object], list[tuple[ListedItem, str | None]]] = {}
            for item in claim.items:
                lst = list_of(item, ind)
                when = item_date(item, lst)
                start = when.start if isinstance(when, DateSpan) else when
                if start is None or start.first_day() <= cutoff.last_day():
                    continue
                key = (item.date_text or str(when), item.location or claim.form_source)
                late.setdefault(key, []).append((item, date_doubt(item, lst)))
            for (date, location), rows in late.items():
                first = rows[0][0]
                yield self.finding(
                    indicator=claim.code, code=claim.code, name=first.name or first.text[:40],
                    more=f" 외 {len(rows) - 1}건" if len(rows) > 1 else "",
                    date=date, cutoff=str(cutoff), claimed=date, expected=f"{cutoff} 이전",
                    locations=[location],
                    uncertain=joined(next((d for _, d in rows if d), None),
                                     ocr_read(sub.documents, [i.location for i, _ in rows])))
