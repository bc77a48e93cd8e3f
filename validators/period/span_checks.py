"""Shared shape of the three declared-span rules: one finding per claim whose span breaks
one limit of `periods.yaml` `two_year`."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from extractors.values.periods import DateSpan
from schemas.catalogue_meta import TwoYear
from schemas.claims import Submission
from schemas.findings import Finding
from validators.period.window import claims_of_kind, two_year
from validators.rule import CheckContext, Rule

# (span, limits) → the expected value to report when the span breaks the limit, else None
Test = Callable[[DateSpan, TwoYear], str | None]


def span_findings(rule: Rule, sub: Submission, ctx: CheckContext, test: Test) -> Iterator[Finding]:
    limits = two_year(ctx.ruleset)
    if limits is None:
        return
    if sub.declared_span is not None and (expected := test(sub.declared_span, limits)):
        # the application's own span: an application-level finding
        text = sub.declared_span_text or str(sub.declared_span)
        yield rule.finding(where="신청서", span=text, months=sub.declared_span.months(),
                           limit=expected, claimed=text, expected=expected,
                           locations=[sub.declared_span_source or sub.source])
    for claim in claims_of_kind(sub, ctx.ruleset, "2y"):
        span = claim.declared_span
        if span is None:
            continue
        expected = test(span, limits)
        if expected is not None:
            text = claim.declared_span_text or str(span)
            yield rule.finding(indicator=claim.code, where=f"지표 {claim.code}", span=text,
                               months=span.months(), limit=expected, claimed=text,
                               expected=expected, locations=[claim.form_source or claim.source])
