from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from smartcert.core.findings import Finding, Location, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.core.values.numbers import to_million_won
from smartcert.core.values.periods import DateSpan, PartialDate
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.claims import Component, IndicatorClaim, Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.certainty import Doubts
from smartcert.validators.support.evidence_index import EvidenceIndex, EvidencePage
from smartcert.validators.support.item_names import name_key
from smartcert.validators.support.page_figures import scale_of, shown

# labels too generic to identify one figure across indicators ('계', '합계', '건수')
_GENERIC = frozenset({"계", "합계", "소계", "총계", "건수", "수", "비고", "구분", "no", "연번"})


@dataclass(frozen=True)
class _Figure:
    """One figure two indicators may both claim: a listed item's amount or date, or a
    data-form component, with the evidence pages its indicator cites."""

    code: str
    key: str  # what the figure is about: item name or component label, normalised
    what: str  # as printed, for the message
    shown: str  # the figure as printed
    value: str  # the figure, normalised for comparison
    pages: frozenset[int]
    location: Location | None
    number: Decimal | None = None  # an amount or a component's figure
    scale: Decimal | None = None  # persons/won per printed unit, when the label says
    date: PartialDate | None = None  # an item's date
    million_won: Decimal | None = None  # an amount of money, in 백만원
    component: Component | None = None

    def on(self, page: EvidencePage) -> bool:
        """Whether the page prints this figure (an amount in any unit of money)."""
        if self.date is not None:
            return any(_same_day(self.date, d) for d in page.dates())
        if self.number is None:
            return False
        if shown(self.number, self.scale, page.numbers):
            return True
        return self.million_won is not None and self.million_won.normalize() in page.amounts


class ContradictoryFigures(Rule):
    """One evidence page cited by two indicators for the same item or figure, with the two
    indicators stating different figures for it: the page can back at most one of them
    (an item's amount or date, or a component printed under the same label and unit).
    Only figures a page actually shows can contradict each other: ratios the indicators
    derive are never compared (a 주민등록 인구통계 page cited by every per-capita indicator
    prints none of their ratios), and with the evidence read the page must print one of the
    two figures and not the other. Pages are compared as parsed from 증빙 페이지; indicators
    without pages are skipped."""

    spec = RuleSpec(
        id="duplicate.contradictory-figures",
        severity=Severity.WARNING,
        template="증빙 {pages}쪽이 '{what}'에 대해 지표 {code}의 '{value}'와(과) 지표 {other}의 "
                 "'{other_value}'를 함께 뒷받침하고 있습니다 (한 증빙으로 서로 다른 수치)",
        clause="지침 V.제출서류 및 양식 > 정량지표 평가제안서 (작성 지표 요약의 수치는 "
               "증빙 페이지의 근거자료로 확인 가능해야 함)",
        example={"pages": "23", "what": "스마트시티 챌린지 사업비", "code": "B-2-1",
                 "value": "1,250백만원", "other": "C-8-1", "other_value": "1,520백만원"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        figures = [f for claim in sub.indicators for f in _figures_of(claim, ctx.ruleset)]
        by_key: dict[str, list[_Figure]] = {}
        for fig in figures:
            by_key.setdefault(fig.key, []).append(fig)
        seen: set[tuple[str, str, str]] = set()
        for group in by_key.values():
            for i, first in enumerate(group):
                for second in group[i + 1:]:
                    shared = first.pages & second.pages
                    if first.code == second.code or not shared or first.value == second.value:
                        continue
                    pair = _backed(first, second, shared, ctx.evidence_index)
                    if pair is None:
                        continue
                    a, b = pair  # the page shows a's figure, not b's (or cannot be read)
                    # one finding per pair of indicators and figure
                    key = (*sorted((a.code, b.code)), a.key)
                    if key in seen:
                        continue
                    seen.add(key)
                    doubts = Doubts(ctx.ruleset.get(b.code)).component(b.component)
                    doubts.note(Doubts(ctx.ruleset.get(a.code)).component(a.component).text)
                    yield self.finding(
                        indicator=b.code, claimed=b.shown, expected=a.shown,
                        locations=[b.location, a.location], pages=_pages_text(shared),
                        what=b.what, code=b.code, value=b.shown, other=a.code,
                        other_value=a.shown, uncertain=doubts.text)


def _backed(a: _Figure, b: _Figure, shared: frozenset[int],
            index: EvidenceIndex) -> tuple[_Figure, _Figure] | None:
    """(the figure a shared page prints, the one it does not), or None when no read page
    prints exactly one of them. Unread pages (no evidence given, no numbered bundle) cannot
    tell: the pair is kept as stated, the later indicator reported."""
    pages = [p for p in index.referenced(sorted(shared)) if not p.unread]
    if not pages:
        return a, b
    for page in pages:
        on_a, on_b = a.on(page), b.on(page)
        if on_a != on_b:
            return (a, b) if on_a else (b, a)
    return None


def _figures_of(claim: IndicatorClaim, ruleset: RuleSet) -> Iterator[_Figure]:
    pages = frozenset(claim.evidence_pages.pages()) if claim.evidence_pages else frozenset()
    if not pages:
        return
    for item in claim.items:
        key = name_key(item.name)
        if not key:
            continue
        if item.amount is not None:
            yield _Figure(claim.code, f"amount:{key}", f"{item.name} 금액",
                          f"{item.amount:,}{item.amount_unit or ''}",
                          f"{_normal(item.amount)}{item.amount_unit or ''}", pages,
                          item.location or claim.form_source, number=item.amount,
                          scale=scale_of(item.amount_unit, ""),
                          million_won=to_million_won(f"{item.amount}{item.amount_unit or ''}"))
        if item.date is not None and item.date.day is not None:
            yield _Figure(claim.code, f"date:{key}", f"{item.name} 일자",
                          item.date_text or str(item.date), str(item.date), pages,
                          item.location or claim.form_source, date=item.date)
    ind = ruleset.get(claim.code)
    derived = {c.id for c in ind.form.components if c.role == "derived"} \
        if ind is not None and ind.form is not None else set()
    for comp in claim.components:
        label = name_key(comp.label)
        if not label or label in _GENERIC or not isinstance(comp.value, Decimal) \
                or (comp.id is not None and comp.id in derived):
            continue  # a ratio the indicator derives is printed on no evidence page
        yield _Figure(claim.code, f"component:{label}|{comp.unit or ''}", comp.label,
                      comp.text or str(comp.value), _normal(comp.value), pages,
                      comp.location or claim.form_source, number=comp.value,
                      scale=scale_of(comp.unit, comp.label), component=comp)


def _same_day(a: PartialDate, b: PartialDate | DateSpan) -> bool:
    if isinstance(b, DateSpan):
        return _same_day(a, b.start) or _same_day(a, b.end)
    return (a.year, a.month, a.day) == (b.year, b.month, b.day)


def _normal(v: Decimal) -> str:
    return format(v.normalize(), "f")


def _pages_text(pages: frozenset[int]) -> str:
    return ", ".join(str(p) for p in sorted(pages)[:5])
