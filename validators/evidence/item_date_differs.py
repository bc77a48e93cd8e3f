from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.core.values.dates import find_dates
from smartcert.core.values.periods import DateSpan, PartialDate
from smartcert.schemas.claims import Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.evidence_grading import grade
from smartcert.validators.support.evidence_index import CLAUSE, EvidencePage
from smartcert.validators.support.evidence_items import WINDOW, searchable


def agrees(a: PartialDate, b: PartialDate | DateSpan) -> bool:
    """Same date at the coarser of the two precisions ('2023-06' agrees with 2023-06-09)."""
    if isinstance(b, DateSpan):
        return agrees(a, b.start) or agrees(a, b.end)
    if a.year != b.year:
        return False
    if a.month is None or b.month is None or a.month != b.month:
        return a.month is None or b.month is None
    return a.day is None or b.day is None or a.day == b.day


def _near(page: EvidencePage, line: int) -> list[PartialDate | DateSpan]:
    """Dates printed with the item (its line and the next few), strictly read: a date the
    OCR might have made up is not reported as the evidence's."""
    return [m.value for text in page.lines[line:line + WINDOW + 1] for m in find_dates(text)]


def _shown(page: EvidencePage, item: PartialDate) -> bool:
    """The page shows the date in any Korean style (OCR'd pages read leniently too)."""
    return any(agrees(item, d) for d in page.dates())


class ItemDateDiffers(Rule):
    """The item is in the evidence, but the date printed with it there is another one."""

    spec = RuleSpec(
        id="evidence.item-date-differs",
        severity=Severity.WARNING,
        template="지표 {code}의 '{item}' 일자가 양식({claimed_date})과 근거자료({shown_date})에서 "
                 "다릅니다",
        clause=CLAUSE,
        example={"code": "A-1-2", "item": "2023 스마트도시 발전 유공 장관 표창",
                 "claimed_date": "2023-11", "shown_date": "2023-12-17"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim in sub.indicators:
            for item in claim.items:
                name = searchable(item)
                if name is None or item.date is None:
                    continue
                seen = ctx.evidence_items.find(claim, name)
                if seen is None or seen.line is None:
                    continue  # not found is another rule's finding
                if _shown(seen.page, item.date):
                    continue
                near = _near(seen.page, seen.line)
                pages_read = grade([seen.page])
                if not near or pages_read is None:
                    continue
                shown = near[0]
                yield pages_read.apply(self.finding(
                    indicator=claim.code, code=claim.code, item=name,
                    claimed_date=item.date_text or str(item.date), shown_date=str(shown),
                    claimed=item.date_text or str(item.date), expected=str(shown),
                    locations=[item.location or claim.form_source, seen.page.location],
                    uncertain=pages_read.doubt))
