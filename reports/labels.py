"""Korean labels for the human reports (HTML and XLSX share them)."""

from __future__ import annotations

from smartcert.core.findings import Category, Severity

CATEGORY: dict[Category, str] = {
    Category.INTAKE: "접수·파일",
    Category.COMPLETENESS: "누락",
    Category.ARITHMETIC: "계산",
    Category.CONSISTENCY: "불일치",
    Category.PERIOD: "기간",
    Category.EVIDENCE: "증빙",
    Category.DUPLICATE: "중복",
    Category.EXCLUSION: "제외 대상",
    Category.ELIGIBILITY: "신청 자격",
}

SEVERITY: dict[Severity, str] = {
    Severity.ERROR: "오류",
    Severity.WARNING: "경고",
    Severity.INFO: "참고",
}

SEVERITY_ORDER: tuple[Severity, ...] = (Severity.ERROR, Severity.WARNING, Severity.INFO)

NO_INDICATOR = "신청 단위 (지표 없음)"
PROVISIONAL_NOTE = ("점수와 등급은 잠정치입니다: 공모 지침이 점수 환산식을 공개하지 않아 문서화된 "
                    "가정에 따라 계산한 참고값이며 실제 평가 결과와 다를 수 있습니다.")
