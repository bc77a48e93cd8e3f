"""Rules raised by classification, the application mapping and the qualitative mapping.

TODO(lead): move these entries into `schemas/mapping/rules.py` (the one rule catalogue of
the mapping) and import `make_finding` from there; ids, severities, Korean templates and
clauses are meant to be copied as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from schemas.findings import Category, Finding, Location, Severity


@dataclass(frozen=True)
class PendingRule:
    id: str
    severity: Severity
    template: str  # Korean, str.format fields
    clause: str  # the part of the call the rule enforces


_APP = "공고 3. 신청방법 < 제 출 서 류 > ① 공모 신청서 ([별지 제1호서식])"
_QUAL = "지침 V.제출서류 및 양식 > 정성지표 자체평가표 (10개 중분류, 5단계 자체평가)"

RULES: dict[str, PendingRule] = {r.id: r for r in (
    PendingRule("completeness.document-missing", Severity.ERROR,
                "제출서류 '{document}'을(를) 찾을 수 없습니다",
                "공고 3. 신청방법 < 제 출 서 류 > ①–④"),
    PendingRule("completeness.applicant-missing", Severity.ERROR,
                "신청 기관명을 찾을 수 없습니다 ({looked})", _APP),
    PendingRule("completeness.city-type-missing", Severity.ERROR,
                "신청 유형(대도시/중소도시)을 찾을 수 없습니다 ({looked})",
                "공고 2. 신청자격 및 인증방법 (시는 인구규모 50만 이상은 대도시, 50만 미만은 중소도시로 신청)"),
    PendingRule("completeness.city-type-unreadable", Severity.WARNING,
                "신청 유형 '{text}'을(를) 대도시/중소도시로 읽을 수 없습니다",
                "공고 2. 신청자격 및 인증방법 (구분표: 대도시 / 중소도시)"),
    PendingRule("completeness.population-missing", Severity.WARNING,
                "인구를 찾을 수 없습니다 ({looked})",
                "공고 2. 신청자격 및 인증방법 (인구규모 50만 기준)"),
    PendingRule("completeness.selected-areas-missing", Severity.ERROR,
                "선택 서비스 분야(3개)를 찾을 수 없습니다 ({looked})",
                "지침 참고자료 1.정량지표 > 대분류3 ※ 선택영역: 7개 분야 중 반드시 '3개' 분야만 선택"),
    PendingRule("completeness.selected-areas-inferred", Severity.INFO,
                "선택 서비스 분야가 기재되어 있지 않아 평가제안서의 지표 코드로 추정했습니다: {areas}",
                "지침 참고자료 1.정량지표 > 대분류3 ※ 선택영역: 7개 분야 중 반드시 '3개' 분야만 선택"),
    PendingRule("completeness.selected-area-unknown", Severity.WARNING,
                "선택 서비스 분야 '{text}'은(는) 공고의 서비스 분야가 아닙니다",
                "지침 참고자료 1.정량지표 > 대분류3 > 지능화 시설 및 서비스 > 선택 영역 (행정·주거·교육·문화관광·경제·보건복지·환경에너지)"),
    PendingRule("consistency.applicant-facts-differ", Severity.WARNING,
                "{fact}이(가) 문서마다 다릅니다: '{first}' ({first_file}) / '{other}' ({other_file})",
                _APP),
    PendingRule("completeness.qualitative-table-missing", Severity.ERROR,
                "정성지표 자체평가표에서 중분류·단계 표를 찾을 수 없습니다", _QUAL),
    PendingRule("completeness.qualitative-unit-missing", Severity.ERROR,
                "정성지표 중분류 '{unit}'의 자체평가가 없습니다", _QUAL),
    PendingRule("completeness.qualitative-stage-missing", Severity.ERROR,
                "정성지표 중분류 '{unit}'에 자체평가 단계가 표시되어 있지 않습니다", _QUAL),
    PendingRule("completeness.qualitative-stage-ambiguous", Severity.WARNING,
                "정성지표 중분류 '{unit}'에 단계가 여러 개 표시되어 있습니다: {stages}", _QUAL),
    PendingRule("completeness.qualitative-unit-unknown", Severity.WARNING,
                "'{text}'은(는) 정성지표 중분류(10개)에 없는 항목입니다", _QUAL),
    PendingRule("completeness.qualitative-unit-duplicate", Severity.WARNING,
                "정성지표 중분류 '{unit}'이(가) 두 번 평가되어 있습니다 ({stages})", _QUAL),
)}


def make_finding(rule_id: str, locations: Iterable[Location] = (), *,
                 indicator: str | None = None, claimed: str | None = None,
                 expected: str | None = None, **fields: object) -> Finding:
    rule = RULES[rule_id]
    return Finding(rule=rule.id, category=Category(rule.id.split(".", 1)[0]),
                   severity=rule.severity, indicator=indicator,
                   message=rule.template.format(**fields), claimed=claimed,
                   expected=expected, locations=list(locations))
