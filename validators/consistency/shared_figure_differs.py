from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.schemas.catalogue.indicators import Indicator
from smartcert.schemas.claims import Component, Submission
from smartcert.schemas.mapping.ocr_read import ocr_read
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.figures import number

RULE_IDS = ("same_cameras",)  # indicators.yaml entries: params component, other_indicator, …


def _as_of(ind: Indicator | None) -> str:
    """'2024 기준' / '현재' — when the indicator's figures are taken, for the message."""
    rule = ind.period_rule if ind is not None else None
    if rule is None:
        return "기준 미상"
    if rule.kind == "base" and rule.base:
        return f"{rule.base} 기준"
    return "현재" if rule.kind == "current" else rule.kind


class SharedFigureDiffers(Rule):
    """Two indicators that count the same things: C-2-3's 전체 방범 CCTV 수 (A) and C-2-1's
    방범 CCTV 수 (B) are the municipality's crime-prevention cameras. The call takes C-2-1 as
    of 2024 and C-2-3 as operated now, so the two may differ by what was installed or
    removed since; a difference is a warning that names both dates, never an error."""

    spec = RuleSpec(
        id="consistency.shared-figure-differs",
        severity=Severity.WARNING,
        template="지표 {code}의 {label} {value}이(가) 지표 {other}의 {other_label} {other_value}와(과) "
                 "다릅니다 (같은 대상을 셈: {code} {as_of}, {other} {other_as_of}; 차이가 기준 시점 "
                 "차이인지 확인)",
        clause="지침 V.제출서류 및 양식 > C.서비스 기술 및 인프라 부문 > C-1. 필수 서비스 부문 > "
               "2) 안전 > ③ 지능형 방법 CCTV 구축 비율 > 분석자료 (전체 CCTV 대비); ① 인구 1천명 당 "
               "방법 CCTV 수 > 자료구축양식",
        example={"code": "C-2-3", "label": "'전체 방범 CCTV 수'(A)", "value": "3,210",
                 "other": "C-2-1", "other_label": "'방범 CCTV 수'(B)", "other_value": "3,441",
                 "as_of": "현재", "other_as_of": "2024 기준"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim in sub.indicators:
            ind = ctx.ruleset.get(claim.code)
            for rule in ind.rules_of(*RULE_IDS) if ind is not None else []:
                other_code = str(rule.params.get("other_indicator", ""))
                other = sub.indicator(other_code)
                mine = claim.component(str(rule.params.get("component", "")))
                theirs = other.component(str(rule.params.get("other_component", ""))) \
                    if other is not None else None
                a, b = number(mine), number(theirs)
                if mine is None or theirs is None or a is None or b is None or a == b:
                    continue
                other_ind = ctx.ruleset.get(other_code)
                yield self.finding(
                    indicator=claim.code, claimed=f"{a:,}", expected=f"{b:,}",
                    locations=[mine.location, theirs.location], code=claim.code,
                    uncertain=ocr_read(sub.documents, [mine.location, theirs.location]),
                    label=_name(mine, ind), value=f"{a:,}", other=other_code,
                    other_label=_name(theirs, other_ind), other_value=f"{b:,}",
                    as_of=_as_of(ind), other_as_of=_as_of(other_ind))


def _name(c: Component, ind: Indicator | None) -> str:
    """"'전체 방범 CCTV 수'(A)": the catalogue's wording and the form's letter."""
    spec = ind.form.component(c.id) if ind is not None and ind.form and c.id else None
    if spec is None:
        return f"'{c.label}'"
    return f"'{spec.label}'" + (f"({spec.letter})" if spec.letter else "")

