"""Only the selected optional areas may be written: a row or form of another optional area
is reported (the mandatory areas and the selected ones are expected)."""

from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Location, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.catalogue.program import Area
from smartcert.schemas.claims import Basis, Submission
from smartcert.schemas.mapping.ocr_read import joined, ocr_read
from smartcert.validators.rule import CheckContext, Rule


def _area_of(code: str, rs: RuleSet) -> Area | None:
    ind = rs.get(code)
    if ind is None or ind.area is None:
        return None
    return rs.area(ind.area)


class UnselectedArea(Rule):
    spec = RuleSpec(
        id="eligibility.unselected-area",
        severity=Severity.ERROR,
        template="{where}의 지표 {code}은(는) 선택하지 않은 '{area}' 분야의 지표입니다 "
                 "(선택 서비스 분야: {selected}); 선택영역은 {choose}개 분야만 선택하여 작성합니다",
        clause="지침 참고자료 1.정량지표 > 대분류3 ※ 선택영역: 행정 등 7개 분야 중 해당 도시의 "
               "서비스 특성에 맞게 반드시 '3개' 분야만 선택하여 지표 설정",
        example={"where": "요약표", "code": "C-5-1", "area": "교육",
                 "selected": "문화관광, 경제, 보건복지", "choose": "3"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        rs = ctx.ruleset
        chosen = {a.id: a.name for name in sub.selected_areas
                  if (a := rs.area(name)) is not None and not a.mandatory}
        if not chosen:
            return  # no selection read: completeness.missing-applicant-fact says so
        rule = rs.structure.optional_areas
        choose = rule.choose if rule else len(chosen)
        doubt = None
        if sub.selected_areas_inferred:
            doubt = "선택 서비스 분야가 기재되지 않아 지표 코드로 추정함"
        elif len(chosen) < choose:  # the unread one may be this row's area
            doubt = f"선택 서비스 분야를 {len(chosen)}개만 읽음"
        rows: list[tuple[str, str, Basis | None, Location | None]] = [
            (c.code, "요약표", c.code_basis, c.source or c.form_source) for c in sub.indicators]
        rows += [(f.code, "자료구축양식", f.code_basis, f.location)
                 for f in sub.unclaimed_forms if f.code]
        for code, where, basis, loc in rows:
            area = _area_of(code, rs)
            if area is None or area.mandatory or area.id in chosen:
                continue
            printed = basis is not None and basis.certain  # the code itself is printed
            uncertain = joined(doubt or (None if printed else
                                         "지표코드가 인쇄되지 않아 지표명으로 대응시킴"),
                               ocr_read(sub.documents, [sub.selected_areas_source, loc]))
            yield self.finding(indicator=code, where=where, code=code, area=area.name,
                               selected=", ".join(chosen.values()), choose=choose,
                               claimed=area.name, expected=", ".join(chosen.values()),
                               locations=[loc], uncertain=uncertain)
