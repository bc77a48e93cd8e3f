"""The rules the mapping itself raises: what reading the forms reveals (a stage marked
twice, an area that is not one of the call's …). Rules that judge the mapped submission
live in `validators/`; both are listed on docs/rules.md."""

from __future__ import annotations

from collections.abc import Iterable

from smartcert.core.findings import Finding, Location, Severity
from smartcert.core.rulespec import RuleSpec

_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO
_APP = "공고 3. 신청방법 < 제 출 서 류 > ① 공모 신청서 ([별지 제1호서식])"
_AREAS = "지침 참고자료 1.정량지표 > 대분류3 ※ 선택영역: 7개 분야 중 반드시 '3개' 분야만 선택"
_QUAL = "지침 V.제출서류 및 양식 > 정성지표 자체평가표 (소분류별 단계 자체평가: 구분·단계·자체 평가내용)"
_SUMMARY = "지침 V.제출서류 및 양식 > ● 정량지표 요약표"
_FORMS = "지침 V.제출서류 및 양식 > 지표별 자료구축양식 (○ 평가대상 및 자료)"

# application and qualitative self-assessment
UNREADABLE_CITY_TYPE = RuleSpec(
    "completeness.unreadable-city-type", _W, "신청 유형 '{text}'을(를) 대도시/중소도시로 읽을 수 없습니다",
    "공고 2. 신청자격 및 인증방법 (구분표: 대도시 / 중소도시)", {"text": "광역형"})
INFERRED_AREAS = RuleSpec(
    "completeness.inferred-areas", _I,
    "선택 서비스 분야가 기재되어 있지 않아 평가제안서의 지표 코드로 추정했습니다: {areas}",
    _AREAS, {"areas": "행정, 교육, 환경에너지"})
UNKNOWN_AREA = RuleSpec(
    "completeness.unknown-area", _W, "선택 서비스 분야 '{text}'은(는) 공고의 서비스 분야가 아닙니다",
    _AREAS, {"text": "스마트농업"})
APPLICANT_FACTS_DIFFER = RuleSpec(
    "consistency.applicant-facts-differ", _W,
    "{fact}이(가) 문서마다 다릅니다: '{first}' ({first_file}) / '{other}' ({other_file})",
    _APP, {"fact": "신청 기관명", "first": "누리시", "first_file": "1. 공모신청서.pdf",
           "other": "누리군", "other_file": "2. 정량지표 평가제안서.pdf"})
MISSING_QUALITATIVE_TABLE = RuleSpec(
    "completeness.missing-qualitative-table", _E,
    "정성지표 자체평가표에서 중분류·단계 표를 찾지 못했습니다", _QUAL)
MISSING_QUALITATIVE_UNIT = RuleSpec(
    "completeness.missing-qualitative-unit", _E,
    "정성지표 중분류 '{unit}'의 자체평가를 찾지 못했습니다", _QUAL, {"unit": "재원 조성"})
MISSING_QUALITATIVE_STAGE = RuleSpec(  # per 소분류; per 중분류 when printed without them
    "completeness.missing-qualitative-stage", _E,
    "정성지표 {level} '{unit}'에 자체평가 단계가 표시되어 있지 않습니다", _QUAL,
    {"level": "소분류", "unit": "추진체계 1.1 스마트도시 협의체"})
AMBIGUOUS_QUALITATIVE_STAGE = RuleSpec(  # one row stating two stages
    "completeness.ambiguous-qualitative-stage", _W,
    "정성지표 {level} '{unit}'에 단계가 여러 개 표시되어 있습니다: {stages}", _QUAL,
    {"level": "소분류", "unit": "제도기반 2.1 제도 기반", "stages": "요건 충족, 발전"})
UNKNOWN_QUALITATIVE_UNIT = RuleSpec(
    "completeness.unknown-qualitative-unit", _W,
    "'{text}'은(는) 정성지표의 중분류·소분류 중 어느 것과도 맞지 않습니다", _QUAL,
    {"text": "스마트 행정"})
# summary table
INDICATOR_CODE_INFERRED = RuleSpec(
    "completeness.indicator-code-inferred", _I,
    "요약표 행의 지표코드가 {problem}; 지표명 '{name}'으로 {code}에 대응시켰습니다", _SUMMARY,
    {"problem": "비어 있어", "name": "통합운영센터 재난관리서비스(시스템) 운영 건수", "code": "C-2-4"})
CODE_NAME_MISMATCH = RuleSpec(
    "completeness.code-name-mismatch", _W,
    "요약표의 지표코드 {code}와 지표명 '{name}'이 일치하지 않아 지표명에 따라 {other}(으)로 보았습니다",
    _SUMMARY, {"code": "C-3-3", "name": "2년간 도시 데이터를 활용한 정책 수립 건수", "other": "C-3-2"})
DUPLICATE_INDICATOR_ROW = RuleSpec(
    "completeness.duplicate-indicator-row", _W, "요약표에 지표 {code}의 행이 두 번 이상 있습니다",
    _SUMMARY, {"code": "A-1-2"})
UNREADABLE_VALUE = RuleSpec(
    "completeness.unreadable-value", _W,
    "지표 {code}의 작성 지표 요약 '{text}'에서 값({format})을 읽을 수 없습니다 ({why})", _SUMMARY,
    {"code": "A-1-2", "text": "다수", "format": "00건", "why": "숫자 없음"})
UNPARSED_EVIDENCE_PAGES = RuleSpec(
    "completeness.unparsed-evidence-pages", _W,
    "지표 {code}의 증빙 페이지 '{text}' 중 '{pieces}'을(를) 쪽 번호로 읽을 수 없습니다", _SUMMARY,
    {"code": "B-2-1", "text": "12, 별도 제출", "pieces": "별도 제출"})
# data forms
FORM_MISSING = RuleSpec(
    "completeness.form-missing", _W, "지표 {code}의 자료구축양식을 평가제안서에서 찾을 수 없습니다",
    _FORMS, {"code": "C-9-2"})
NO_DATA_FORMS = RuleSpec(
    "completeness.no-data-forms", _E,
    "정량지표 평가제안서에서 지표별 자료구축양식('지표 | 분석자료 | 자료출처' 표)을 하나도 찾을 수 없습니다",
    _FORMS)
FORM_UNMATCHED = RuleSpec(
    "completeness.form-unmatched", _W,
    "자료구축양식 '{title}'이(가) 요약표의 어느 지표와도 대응하지 않습니다", _FORMS,
    {"title": "스마트 가로등 설치 현황"})

# the program a bundle belongs to (schemas/mapping/programs.py)
_PROGRAM = ("공고 2. 신청자격 및 인증방법; 운영지침 [별지 제1호서식] 스마트도시 인증 신청서 / "
            "[별지 제3호서식] 스마트도시서비스 인증 신청서")
OTHER_PROGRAM = RuleSpec(
    "eligibility.other-program", _E,
    "이 제출물은 {program} 신청으로 보입니다 ({file}: {markers}). {own} 기준으로 평가하지 "
    "않았습니다", _PROGRAM,
    {"program": "스마트도시서비스 인증(service-2023)", "file": "1. 인증 신청서.pdf",
     "markers": "'[별지 제3호서식]', '스마트도시서비스 인증 신청서'", "own": "스마트도시 인증(city-2025)"})
MIXED_PROGRAMS = RuleSpec(
    "eligibility.mixed-programs", _E,
    "한 제출물에 다른 인증 프로그램의 문서가 섞여 있습니다: {file}은(는) {program} 문서입니다 "
    "({markers}); 이 문서는 {own} 문서로 읽지 않았습니다", _PROGRAM,
    {"file": "1-2. 서비스 인증 신청서.pdf", "program": "스마트도시서비스 인증(service-2023)",
     "markers": "'[별지 제3호서식]'", "own": "스마트도시 인증(city-2025)"})

# an HWP/HWPX document and its PDF export in one bundle (schemas/mapping/twins.py)
_SUBMIT = ("공고 3. 신청방법 > 제출방법: 전자문서로 공문 제출하고, 아래 서류는 접수기한 내 이메일 "
           "제출 (line 36); 지침 II.2025년 공모계획(안) > □ 신청 접수 > (제출방법) (line 177)")
PDF_TWIN = RuleSpec(
    "intake.pdf-twin", _I,
    "'{pdf}'은(는) '{native}'의 PDF 변환본입니다 (내용 일치도 {similarity}). {how}", _SUBMIT,
    {"pdf": "2. 정량지표 평가제안서.pdf", "native": "2. 정량지표 평가제안서.hwpx",
     "similarity": "0.80",
     "how": "값은 HWPX 원본에서 읽고 PDF와 대조했으며, 각 값의 위치에 PDF의 쪽도 함께 적었습니다"})
TWIN_DIFFERS = RuleSpec(
    "consistency.twin-differs", _E,
    "{what}이(가) {fmt} 원본과 그 PDF 변환본에서 다릅니다: {fmt} '{native}' / PDF '{pdf}'. "
    "위원회가 읽는 PDF가 이 원본을 변환한 것이 아니거나 변환 뒤 고쳐졌습니다", _SUBMIT,
    {"what": "지표 A-1-2의 작성 지표 요약", "fmt": "HWPX", "native": "6건", "pdf": "7건"})


def make_finding(rule: RuleSpec, locations: Iterable[Location] = (), *,
                 indicator: str | None = None, claimed: str | None = None,
                 expected: str | None = None, **fields: object) -> Finding:
    return rule.finding(indicator=indicator, claimed=claimed, expected=expected,
                        locations=locations, **fields)
