"""Shared shape of the three declared-span rules: one finding per claim whose span breaks
one limit of `periods.yaml` `two_year` (a warning when the span was read on an OCR'd page)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from smartcert.core.findings import Finding
from smartcert.core.values.periods import DateSpan
from smartcert.schemas.catalogue.meta import TwoYear
from smartcert.schemas.claims import Submission
from smartcert.schemas.mapping.ocr_read import ocr_read
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.window import CallPeriods, claims_of_kind

# (span, the call's periods, its 2-year limits) → the expected value to report when the span
# breaks the limit, else None
Test = Callable[[DateSpan, CallPeriods, TwoYear], str | None]


def span_findings(rule: Rule, sub: Submission, ctx: CheckContext, test: Test) -> Iterator[Finding]:
    periods = ctx.periods
    limits = periods.two_year
    if limits is None:
        return
    if sub.declared_span is not None and (expected := test(sub.declared_span, periods, limits)):
        # the application's own span: an application-level finding
        text = sub.declared_span_text or str(sub.declared_span)
        yield rule.finding(where="신청서", span=text, months=sub.declared_span.months(),
                           limit=expected, claimed=text, expected=expected,
                           locations=[sub.declared_span_source or sub.source],
                           uncertain=ocr_read(sub.documents, [sub.declared_span_source]))
    for claim in claims_of_kind(sub, ctx.ruleset, "2y"):
        span = claim.declared_span
        if span is None:
            continue
        expected = test(span, periods, limits)
        if expected is not None:
            text = claim.declared_span_text or str(span)
            yield rule.finding(indicator=claim.code, where=f"지표 {claim.code}", span=text,
                               months=span.months(), limit=expected, claimed=text,
                               expected=expected, locations=[claim.form_source or claim.source],
                               uncertain=ocr_read(sub.documents, [claim.form_source]))
