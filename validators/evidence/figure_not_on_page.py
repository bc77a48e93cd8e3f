from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.catalogue.indicators import ComponentSpec, Indicator
from smartcert.schemas.claims import Component, IndicatorClaim, Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.certainty import Doubts
from smartcert.validators.support.evidence_grading import grade
from smartcert.validators.support.evidence_index import CLAUSE, EvidencePage
from smartcert.validators.support.evidence_totals import labelled_totals, staff_totals
from smartcert.validators.support.page_figures import ratio_terms, scale_of, shown, supported


def figures(claim: IndicatorClaim, ind: Indicator) -> Iterator[tuple[Component, ComponentSpec]]:
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
        yield comp, spec


class FigureNotOnPage(Rule):
    """Each input figure of a data form appears on the 증빙 페이지 the summary table gives
    for the indicator: as the same number, or supported by arithmetic without being repeated
    (the sum of two or three figures printed together, its term of the ratio printed as one
    sum, the printed ratio with the figure on its other side). A staff total the page prints
    labelled ('총원 9명', '계 24') must be the form's (`staff_totals`)."""

    spec = RuleSpec(
        id="evidence.figure-not-on-page",
        severity=Severity.ERROR,
        template="지표 {code}의 '{label}' {value}이(가) 증빙 페이지 {pages}에 보이지 않습니다",
        clause=CLAUSE,
        example={"code": "A-2-1", "label": "인증기업 수", "value": "34", "pages": "8"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        index = ctx.evidence_index
        for claim in sub.indicators:
            ind = ctx.ruleset.get(claim.code)
            if ind is None or claim.evidence_pages is None or claim.value is False:
                continue
            pages = index.referenced(claim.evidence_pages.pages())
            if not pages:
                continue  # nothing to look at: out of range or no numbered bundle
            for comp, spec in figures(claim, ind):
                value = comp.value
                assert isinstance(value, Decimal)
                scale = scale_of(comp.unit, comp.label)
                terms = ratio_terms(claim, ind, spec.id)
                if any(shown(value, scale, p.numbers) or supported(value, p, terms)
                       for p in pages):
                    continue
                yield from self._missing(claim, ind, comp, pages)
            for comp, _ in staff_totals(claim, ind):
                stated = [p for p in pages if labelled_totals(p)]
                value = comp.value
                assert isinstance(value, Decimal)
                if stated and not any(value.normalize() in labelled_totals(p) for p in stated):
                    yield from self._missing(claim, ind, comp, stated)

    def _missing(self, claim: IndicatorClaim, ind: Indicator, comp: Component,
                 pages: list[EvidencePage]) -> Iterator[Finding]:
        assert claim.evidence_pages is not None
        value = comp.value
        pages_read = grade(pages)
        if pages_read is None:
            return
        doubts = Doubts(ind).component(comp).note(pages_read.doubt)
        yield pages_read.apply(self.finding(
            indicator=claim.code, code=claim.code, label=comp.label, value=f"{value}",
            pages=claim.evidence_pages.raw, claimed=f"{value}",
            locations=[comp.location or claim.form_source, *(p.location for p in pages)],
            uncertain=doubts.text))
