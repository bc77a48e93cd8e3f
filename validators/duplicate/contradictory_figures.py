from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from schemas.claims import IndicatorClaim, Submission
from schemas.findings import Finding, Location, Severity
from schemas.rulespec import RuleSpec
from validators.duplicate.names import name_key
from validators.rule import CheckContext, Rule

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


class ContradictoryFigures(Rule):
    """One evidence page cited by two indicators for the same item or figure, with the two
    indicators stating different figures for it: the page can back at most one of them
    (an item's amount or date, or a component printed under the same label and unit).
    Pages are compared as parsed from 증빙 페이지; indicators without pages are skipped."""

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
        figures = [f for claim in sub.indicators for f in _figures_of(claim)]
        by_key: dict[str, list[_Figure]] = {}
        for fig in figures:
            by_key.setdefault(fig.key, []).append(fig)
        seen: set[tuple[str, str, str]] = set()
        for group in by_key.values():
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    shared = a.pages & b.pages
                    if a.code == b.code or not shared or a.value == b.value:
                        continue
                    # one finding per pair of indicators and figure
                    pair = (*sorted((a.code, b.code)), a.key)
                    if pair in seen:
                        continue
                    seen.add(pair)
                    yield self.finding(
                        indicator=b.code, claimed=b.shown, expected=a.shown,
                        locations=[b.location, a.location], pages=_pages_text(shared),
                        what=b.what, code=b.code, value=b.shown, other=a.code,
                        other_value=a.shown)


def _figures_of(claim: IndicatorClaim) -> Iterator[_Figure]:
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
                          item.location or claim.form_source)
        if item.date is not None and item.date.day is not None:
            yield _Figure(claim.code, f"date:{key}", f"{item.name} 일자",
                          item.date_text or str(item.date), str(item.date), pages,
                          item.location or claim.form_source)
    for comp in claim.components:
        label = name_key(comp.label)
        if not label or label in _GENERIC or not isinstance(comp.value, Decimal):
            continue
        yield _Figure(claim.code, f"component:{label}|{comp.unit or ''}", comp.label,
                      comp.text or str(comp.value), _normal(comp.value), pages,
                      comp.location or claim.form_source)


def _normal(v: Decimal) -> str:
    return format(v.normalize(), "f")


def _pages_text(pages: frozenset[int]) -> str:
    return ", ".join(str(p) for p in sorted(pages)[:5])
