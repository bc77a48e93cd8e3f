from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from smartcert.core.findings import Finding, Location, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import Submission
from smartcert.schemas.mapping.ocr_read import ocr_read
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.figures import (
    fmt,
    in_persons,
    number,
    population_scale,
    tolerance,
)

_BASE = re.compile(r"(20\d\d)\s*[.년/-]\s*(\d{1,2})\s*\.?\s*월?")


@dataclass(frozen=True)
class _Figure:
    """One printed population figure as an interval of persons (its rounding)."""

    where: str  # the indicator code, or '신청서'
    text: str
    lo: Decimal
    hi: Decimal
    scale: Decimal  # persons per printed unit
    decimals: int
    location: Location | None


class PopulationDiffers(Rule):
    """One population figure per base date across all per-capita indicators and the
    application: every '인구수(만명/천명)' column of a year (base date December of that
    year, as the forms state) must agree with the others within its rounding (half a unit
    of the last printed decimal, in persons)."""

    spec = RuleSpec(
        id="consistency.population-differs",
        severity=Severity.WARNING,
        template="{base} 기준 인구수가 지표 {code}에서 '{value}'(으)로, {ref_where}의 '{ref}'와(과) "
                 "다릅니다 (같은 기준일의 인구수는 하나여야 함)",
        clause="지침 V.제출서류 및 양식 > 지표별 자료구축양식 (* 인구수 자료는 2023년 12월, "
               "2024년 12월 기준 총 인구수)",
        example={"base": "2024-12", "code": "C-2-1", "value": "421.35",
                 "ref_where": "신청서", "ref": "412,345명"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        groups = _figures(sub, ctx)
        for base, figs in groups.items():
            # the application's figure, else the one most others agree with
            ref = max(figs, key=lambda f: (f.where == "신청서",
                                           sum(_overlap(f, g) for g in figs)))
            for fig in figs:
                if fig is ref or _overlap(fig, ref):
                    continue
                mid = (ref.lo + ref.hi) / 2 / fig.scale
                expected = fmt(mid, fig.decimals)
                yield self.finding(
                    indicator=fig.where, claimed=fig.text, expected=expected,
                    locations=[fig.location, ref.location], base=base, code=fig.where,
                    uncertain=ocr_read(sub.documents, [fig.location, ref.location]),
                    value=fig.text, ref_where=_where(ref.where), ref=ref.text)


def _overlap(a: _Figure, b: _Figure) -> bool:
    return a.lo <= b.hi and b.lo <= a.hi


def _where(w: str) -> str:
    return w if w == "신청서" else f"지표 {w}"


def _figures(sub: Submission, ctx: CheckContext) -> dict[str, list[_Figure]]:
    groups: dict[str, list[_Figure]] = {}
    m = _BASE.search(sub.population_text or "")
    if sub.population and m:
        p = Decimal(sub.population)
        groups[f"{m.group(1)}-{int(m.group(2)):02d}"] = [_Figure(
            "신청서", sub.population_text or str(p), p - Decimal("0.5"), p + Decimal("0.5"),
            Decimal(1), 0, sub.population_source)]
    for claim in sub.indicators:
        ind = ctx.ruleset.get(claim.code)  # unknown rows are kept as claims
        for spec in ind.form.components if ind and ind.form else []:
            comp = claim.component(spec.id)
            scale, v = population_scale(comp, ind, spec.id), number(comp)
            if ind is None or comp is None or spec.year is None or scale is None or v is None:
                continue
            if in_persons(v, scale):
                scale = Decimal(1)
            tol = tolerance(v)
            if scale > 1:
                # 412,345명 → 412.35천명 → 41.24만명: a figure in 만명 is often rounded from
                # one already rounded in 천명, which adds a tenth of its own half unit
                tol *= Decimal("1.1")
            fig = _Figure(claim.code, comp.text or str(v), (v - tol) * scale, (v + tol) * scale,
                          scale, max(0, -int(v.as_tuple().exponent)), comp.location)
            groups.setdefault(f"{spec.year}-12", []).append(fig)
    return groups
