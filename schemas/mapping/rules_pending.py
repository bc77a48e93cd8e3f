"""Completeness rules raised while mapping the summary table and the data forms.

TODO(lead): move these into `schemas/mapping/rules.py` (the one rule catalogue of the
mapping) and import them from there; ids, severities and templates are meant to stay.
Rule ids: completeness.summary-table-missing, completeness.unknown-indicator-row,
completeness.indicator-code-inferred, completeness.code-name-mismatch,
completeness.duplicate-indicator-row, completeness.empty-value,
completeness.unreadable-value, completeness.empty-evidence-pages,
completeness.unparsed-evidence-pages, completeness.form-missing,
completeness.form-unmatched.
"""

from __future__ import annotations

from dataclasses import dataclass

from schemas.findings import Category, Finding, Location, Severity

_SUMMARY = "지침 V.제출서류 및 양식 > 정량지표 요약표"
_FORMS = "지침 V.제출서류 및 양식 > 지표별 자료구축양식"


@dataclass(frozen=True)
class RuleDef:
    id: str
    severity: Severity
    template: str  # Korean, str.format fields
    clause: str

    def finding(self, *, indicator: str | None = None, locations: list[Location] | None = None,
                claimed: str | None = None, expected: str | None = None,
                **fields: object) -> Finding:
        return Finding(rule=self.id, category=Category(self.id.split(".", 1)[0]),
                       severity=self.severity, indicator=indicator,
                       message=self.template.format(**fields), claimed=claimed,
                       expected=expected, locations=list(locations or []))


W, E, INFO = Severity.WARNING, Severity.ERROR, Severity.INFO

SUMMARY_TABLE_MISSING = RuleDef(
    "completeness.summary-table-missing", E,
    "정량지표 평가제안서에서 정량지표 요약표(분류/지표명/작성 지표 요약/증빙 페이지)를 찾을 수 없습니다",
    _SUMMARY)
UNKNOWN_INDICATOR_ROW = RuleDef(
    "completeness.unknown-indicator-row", W,
    "요약표의 행 '{row}'은(는) 인증기준의 어느 지표와도 일치하지 않습니다 (행은 유지됨)",
    _SUMMARY)
INDICATOR_CODE_INFERRED = RuleDef(
    "completeness.indicator-code-inferred", INFO,
    "요약표 행의 지표코드가 {problem}; 지표명 '{name}'으로 {code}에 대응시켰습니다",
    _SUMMARY)
CODE_NAME_MISMATCH = RuleDef(
    "completeness.code-name-mismatch", W,
    "요약표의 지표코드 {code}와 지표명 '{name}'이 일치하지 않아 지표명에 따라 {other}(으)로 보았습니다",
    _SUMMARY)
DUPLICATE_INDICATOR_ROW = RuleDef(
    "completeness.duplicate-indicator-row", W,
    "요약표에 지표 {code}의 행이 두 번 이상 있습니다",
    _SUMMARY)
EMPTY_VALUE = RuleDef(
    "completeness.empty-value", E,
    "지표 {code}의 작성 지표 요약이 비어 있습니다",
    _SUMMARY)
UNREADABLE_VALUE = RuleDef(
    "completeness.unreadable-value", W,
    "지표 {code}의 작성 지표 요약 '{text}'에서 값({format})을 읽을 수 없습니다 ({why})",
    _SUMMARY)
EMPTY_EVIDENCE_PAGES = RuleDef(
    "completeness.empty-evidence-pages", W,
    "지표 {code}의 증빙 페이지가 비어 있습니다",
    _SUMMARY)
UNPARSED_EVIDENCE_PAGES = RuleDef(
    "completeness.unparsed-evidence-pages", W,
    "지표 {code}의 증빙 페이지 '{text}' 중 '{pieces}'을(를) 쪽 번호로 읽을 수 없습니다",
    _SUMMARY)
FORM_MISSING = RuleDef(
    "completeness.form-missing", W,
    "지표 {code}의 자료구축양식을 평가제안서에서 찾을 수 없습니다",
    _FORMS)
FORM_UNMATCHED = RuleDef(
    "completeness.form-unmatched", W,
    "자료구축양식 '{title}'이(가) 요약표의 어느 지표와도 대응하지 않습니다",
    _FORMS)

ALL = [SUMMARY_TABLE_MISSING, UNKNOWN_INDICATOR_ROW, INDICATOR_CODE_INFERRED,
       CODE_NAME_MISMATCH, DUPLICATE_INDICATOR_ROW, EMPTY_VALUE, UNREADABLE_VALUE,
       EMPTY_EVIDENCE_PAGES, UNPARSED_EVIDENCE_PAGES, FORM_MISSING, FORM_UNMATCHED]
