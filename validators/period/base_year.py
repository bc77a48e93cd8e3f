from __future__ import annotations

import re
from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.normalize import match_key
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.claims import Submission
from smartcert.schemas.mapping.ocr_read import ocr_read
from smartcert.validators.rule import CheckContext, Rule

POPULATION_BASES = "population_bases"  # catalogue rules entry: params.bases
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def printed_year(label: str) -> int | None:
    """The year a component's row or column label states ('2 0 2 3', '2024년 인구수')."""
    m = _YEAR.search(match_key(label))
    return int(m.group(1)) if m else None


class BaseYear(Rule):
    """A figure the form asks for as of a given year (catalogue component `year`: 인구수
    2024년 12월 기준, 2023년 연구개발업 종사자 수 …) printed for another year."""

    spec = RuleSpec(
        id="period.base-year",
        severity=Severity.ERROR,
        template="지표 {code}의 '{label}'은(는) {year}년 기준이어야 하나 {printed}년 자료입니다",
        clause="지침 V.제출서류 및 양식 > 지표별 자료구축양식 (기준연도; * 인구수 자료는 "
               "행정안전부 주민등록 인구통계 2024년 12월 기준)",
        example={"code": "C-2-1", "label": "2023 인구수(천명)", "year": "2024",
                 "printed": "2023"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim in sub.indicators:
            ind = ctx.ruleset.get(claim.code)
            if ind is None or ind.form is None:
                continue
            # '인구수 자료는 2023년 12월, 2024년 12월 기준' (entry population_bases): a
            # population row the catalogue gives no year of must still be one of those years
            bases = ind.rule(POPULATION_BASES)
            base_years = sorted({int(str(b)[:4]) for b in bases.params.get("bases", [])}) \
                if bases is not None else []
            for comp in claim.components:
                spec = ind.form.component(comp.id) if comp.id else None
                printed = printed_year(comp.label)
                if printed is None:
                    continue
                if spec is not None and spec.year is not None:
                    expected = [spec.year]
                elif base_years and "인구" in match_key(comp.label):
                    expected = base_years
                else:
                    continue
                if printed in expected:
                    continue
                year = "·".join(map(str, expected))
                yield self.finding(
                    indicator=claim.code, code=claim.code, label=" ".join(comp.label.split()),
                    year=year, printed=printed, claimed=str(printed),
                    expected=year, locations=[comp.location or claim.form_source],
                    uncertain=ocr_read(sub.documents, [comp.location]))
