"""Staff totals the evidence states with their label: an org chart's '총원 24명', a staffing
table's '계 24' or '총 인원 16명'. A form's headcount total is no lettered input (the figures
evidence.figure-not-on-page looks for), but where the evidence prints the total itself, the
two must agree; where it prints only the rows, the sum is the arithmetic rules' to check."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from smartcert.schemas.catalogue.indicators import ComponentSpec, Indicator
from smartcert.schemas.claims import Component, IndicatorClaim
from smartcert.validators.support.evidence_index import EvidencePage, ocr_folded

# the label and its figure on one line (OCR spaces the syllables: '총 원 9 명'); a lone '계'
# only as a word of its own ('소계' is a part, '관계 12' no total)
_TOTAL = re.compile(
    r"(?:총\s*원|총\s*인\s*원|총\s*계|합\s*계|(?<![가-힣])계)(?![가-힣])\s*[:：]?\s*"
    r"(\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]\d)\s*(?:명|人|$|[\s)])")
STAFF_UNIT = "명"


def staff_totals(claim: IndicatorClaim, ind: Indicator) -> Iterator[tuple[Component, ComponentSpec]]:
    """The headcount totals (role total, in 명) of a count or O/X indicator: a ratio's
    total (C-4-2 혜택자 수 총계) is a term the ratio rules check."""
    rule, form = ind.value_rule, ind.form
    if form is None or rule is None or rule.kind in ("ratio", "percent"):
        return
    totals = {c.id: c for c in form.components if c.role == "total" and c.unit == STAFF_UNIT}
    for comp in claim.components:
        spec = totals.get(comp.id or "")
        if spec is not None and isinstance(comp.value, Decimal) and comp.value:
            yield comp, spec


def labelled_totals(page: EvidencePage) -> set[Decimal]:
    """The figures the page prints labelled as a total, OCR'd lines also read folded."""
    out: set[Decimal] = set()
    for line in page.lines:
        for text in [line, ocr_folded(line)] if page.ocr else [line]:
            out |= {Decimal(m.group(1).replace(",", "")).normalize()
                    for m in _TOTAL.finditer(text)}
    return out
