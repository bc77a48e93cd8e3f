from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import ROUND_HALF_UP, Decimal

from extractors.normalize import match_key
from schemas.catalogue_models import Indicator
from schemas.claims import IndicatorClaim, Submission
from schemas.findings import Finding, Location, Severity
from schemas.rulespec import RuleSpec
from validators.evidence.grading import graded
from validators.evidence.index import CLAUSE, evidence_index
from validators.rule import CheckContext, Rule

# a figure in 천명/만명/백만원 may be printed in 명/원 on the evidence, rounded to the
# form's decimals ('40.99 만명' ← '409,870'); the scale comes from the unit or the label
_SCALES = {"백만": Decimal(10) ** 6, "천": Decimal(1000), "만": Decimal(10000),
           "억": Decimal(10) ** 8}
_UNIT_IN_LABEL = re.compile(r"\((백만|천|만|억)")


def scale_of(unit: str | None, label: str) -> Decimal | None:
    text = match_key(unit or "")
    for prefix, scale in _SCALES.items():
        if text.startswith(prefix):
            return scale
    m = _UNIT_IN_LABEL.search(match_key(label))
    return _SCALES[m.group(1)] if m else None


def shown(value: Decimal, scale: Decimal | None, numbers: set[Decimal]) -> bool:
    """The figure itself, or a printed number that scales and rounds to it."""
    if value.normalize() in numbers:
        return True
    if scale is None:
        return False
    quantum = Decimal(1).scaleb(value.as_tuple().exponent)  # type: ignore[arg-type]
    return any((n / scale).quantize(quantum, ROUND_HALF_UP) == value for n in numbers)


def figures(claim: IndicatorClaim,
            ind: Indicator) -> Iterator[tuple[str, Decimal, str | None, Location | None]]:
    """The lettered inputs of the formula ((A), (B) …) that the evidence itself prints.

    Not: totals and per-year splits (sums the applicant made over evidence rows: the
    arithmetic rules check them), unlettered details (a building count, a radius),
    population bases in 천명/만명 (the consistency rules
    compare them across indicators), counts of listed items (proven by the items,
    evidence.item-not-found) and zeros."""
    form = ind.form
    if form is None:
        return
    inputs = {c.id: c for c in form.components if c.role == "input" and c.letter}
    if len({c.year for c in inputs.values() if c.year is not None}) > 1:
        return
    counted = {lst.count_to for lst in form.lists if lst.count_to} if claim.items else set()
    for comp in claim.components:
        spec = inputs.get(comp.id or "")
        if (spec is None or comp.id in counted or not isinstance(comp.value, Decimal)
                or not comp.value or scale_of(spec.unit, spec.label) is not None):
            continue
        yield comp.label, comp.value, comp.unit, comp.location or claim.form_source


class FigureNotOnPage(Rule):
    """Each input figure of a data form appears, as the same number, on the
    증빙 페이지 the summary table gives for the indicator."""

    spec = RuleSpec(
        id="evidence.figure-not-on-page",
        severity=Severity.ERROR,
        template="지표 {code}의 '{label}' {value}이(가) 증빙 페이지 {pages}에 보이지 않습니다",
        clause=CLAUSE,
        example={"code": "A-2-1", "label": "인증기업 수", "value": "34", "pages": "8"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        index = evidence_index(ctx)
        for claim in sub.indicators:
            ind = ctx.ruleset.get(claim.code)
            if ind is None or claim.evidence_pages is None or claim.value is False:
                continue
            pages = index.referenced(claim.evidence_pages.pages())
            if not pages:
                continue  # nothing to look at: out of range or no numbered bundle
            for label, value, unit, location in figures(claim, ind):
                scale = scale_of(unit, label)
                if any(shown(value, scale, p.numbers) for p in pages):
                    continue
                finding = self.finding(
                    indicator=claim.code, code=claim.code, label=label, value=f"{value}",
                    pages=claim.evidence_pages.raw, claimed=f"{value}",
                    locations=[location, *(p.location for p in pages)])
                if (g := graded(finding, pages)) is not None:
                    yield g
