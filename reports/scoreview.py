"""The header facts and the provisional score breakdown, as label/value rows (Korean)."""

from __future__ import annotations

from dataclasses import dataclass

from smartcert.core.masking import mask_opt, mask_personal
from smartcert.core.report import AtRisk, FindingsReport, Score


@dataclass(frozen=True)
class Header:
    applicant: str
    city_type: str
    population: str
    areas: str
    total: str
    grade: str
    grade_at_risk: bool
    score_note: str
    # a program judged by a pass mark (the service certification): '통과 (70점 이상, 과락 없음)'
    outcome: str | None = None

    @property
    def title(self) -> str:
        return "스마트도시서비스 인증" if self.outcome is not None else "스마트도시 인증"


def _num(x: float | int | None, unit: str = "") -> str:
    if x is None:
        return "—"
    return f"{x:,.2f}".rstrip("0").rstrip(".") + unit if isinstance(x, float) else f"{x:,}{unit}"


def header(report: FindingsReport) -> Header:
    sub, score = report.submission, report.score
    return Header(
        applicant=mask_opt(sub.applicant) or "(신청 지자체 미확인)",
        city_type=mask_opt(sub.city_type_claimed) or "—",
        population=_num(sub.population, "명"),
        areas=", ".join(mask_personal(a) for a in sub.selected_areas) or "—",
        total=_num(score.total, "점") + (" (미완성)" if score.incomplete else ""),
        grade=f"{score.grade}등급" if score.grade is not None else "—",
        grade_at_risk=score.grade_at_risk,
        score_note=mask_personal(" ".join(filter(None, [incomplete_note(score), score.note]))),
        outcome=outcome_text(score),
    )


def incomplete_note(s: Score) -> str:
    """'점수 미완성: …' when pages of the submission were left unread, else ''."""
    if not s.incomplete:
        return ""
    return ("점수 미완성: 읽지 못한 쪽이 있어 이 잠정 점수는 최종이 아닙니다 — "
            + "; ".join(s.incomplete_reasons) + ".")


def outcome_text(s: Score) -> str | None:
    """Pass/fail against a pass mark and minimums (None: a program graded instead)."""
    if s.pass_mark is None:
        return None
    if s.passed is None:
        return f"판정 보류 ({_num(s.pass_mark, '점')} 이상 통과; 서비스 수준 미확인)"
    verdict = "통과" if s.passed else "미달"
    misses = f"; 미달: {', '.join(s.shortfalls)}" if s.shortfalls else ", 과락 없음"
    return f"{verdict} ({_num(s.pass_mark, '점')} 이상 통과{misses})"


def score_rows(report: FindingsReport) -> list[tuple[str, str]]:
    s = report.score
    return [
        ("잠정 여부", "잠정" if s.provisional else "확정"),
        ("점수 완전성", mask_personal(incomplete_note(s)) if s.incomplete
         else "—" if s.total is None else "OCR이 필요한 쪽을 모두 읽음"),
        ("정량 점수", _num(s.quantitative, "점")),
        ("정성 점수", _num(s.qualitative, "점")),
        ("합계", _num(s.total, "점")),
        ("등급", f"{s.grade}등급" if s.grade is not None else "—"),
        ("합격 판정", outcome_text(s) or "—"),
        ("등급 위험", "있음" if s.grade_at_risk else "없음"),
        (site_inspection_label(s), site_inspection_text(s)),
        ("산정 방법", s.method or "—"),
        ("정량 환산 기준", basis_text(s)),
        ("설명", mask_personal(s.note or "")),
    ]


def site_inspection_label(s: Score) -> str:
    if s.site_inspection_from is None:
        return "현장실사 대상"
    return f"현장실사 대상 ({_num(s.site_inspection_from, '점')} 이상)"


def site_inspection_text(s: Score) -> str:
    """Whether the provisional total reaches the call's site-inspection threshold (the
    committee inspects sites of totals from it after the written round)."""
    if s.site_inspection is None or s.total is None or s.site_inspection_from is None:
        return "—"
    total, threshold = _num(s.total, "점"), _num(s.site_inspection_from, "점")
    if s.site_inspection:
        return f"해당 (잠정 합계 {total} ≥ {threshold}, 1차 서면평가 후 현장실사 대상 기준)"
    return f"미해당 (잠정 합계 {total} < {threshold})"


def site_inspection_short(s: Score) -> str:
    """'해당' / '미해당' / '' for a table cell."""
    return "" if s.site_inspection is None else ("해당" if s.site_inspection else "미해당")


def basis_text(s: Score) -> str:
    """Which quantitative method was used: alone (the default) or relative to the batch."""
    if s.total is None:
        return "—"
    if s.relative:
        return f"일괄 상대 환산 (운영자 요청, 같은 신청 유형 {s.batch_size}건 대비)"
    if s.relative_requested:
        return (f"단독 산정 (일괄 상대 환산을 요청했으나 같은 신청 유형 제출이 "
                f"{s.batch_size}건뿐임)")
    return "단독 산정 (기본값: 함께 접수된 다른 제출과 무관)"


def at_risk(report: FindingsReport) -> list[AtRisk]:
    """`score.at_risk`, messages masked (they quote documents)."""
    return [a.model_copy(update={"message": mask_personal(a.message)})
            for a in report.score.at_risk]


AT_RISK_HEADERS = ("규칙", "지표", "내용", "현재 배점", "해소 시 합계", "해소 시 등급",
                   "상실 시 합계", "상실 시 등급")


def at_risk_cells(a: AtRisk) -> tuple[str | float | int, ...]:
    return (a.rule, a.indicator or "", a.message, a.points_now, a.total_if_restored,
            a.grade_if_restored, a.total_if_lost, a.grade_if_lost)
