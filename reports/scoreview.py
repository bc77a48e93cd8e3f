"""The header facts and the provisional score breakdown, as label/value rows (Korean)."""

from __future__ import annotations

from dataclasses import dataclass

from smartcert.core.report import AtRisk, FindingsReport
from smartcert.reports.masking import mask_opt, mask_personal


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
        total=_num(score.total, "점"),
        grade=f"{score.grade}등급" if score.grade is not None else "—",
        grade_at_risk=score.grade_at_risk,
        score_note=mask_personal(score.note or ""),
    )


def score_rows(report: FindingsReport) -> list[tuple[str, str]]:
    s = report.score
    return [
        ("잠정 여부", "잠정" if s.provisional else "확정"),
        ("정량 점수", _num(s.quantitative, "점")),
        ("정성 점수", _num(s.qualitative, "점")),
        ("합계", _num(s.total, "점")),
        ("등급", f"{s.grade}등급" if s.grade is not None else "—"),
        ("등급 위험", "있음" if s.grade_at_risk else "없음"),
        ("산정 방법", s.method or "—"),
        ("설명", mask_personal(s.note or "")),
    ]


def at_risk(report: FindingsReport) -> list[AtRisk]:
    """`score.at_risk`, messages masked (they quote documents)."""
    return [a.model_copy(update={"message": mask_personal(a.message)})
            for a in report.score.at_risk]


AT_RISK_HEADERS = ("규칙", "지표", "내용", "현재 배점", "해소 시 합계", "해소 시 등급",
                   "상실 시 합계", "상실 시 등급")


def at_risk_cells(a: AtRisk) -> tuple[str | float | int, ...]:
    return (a.rule, a.indicator or "", a.message, a.points_now, a.total_if_restored,
            a.grade_if_restored, a.total_if_lost, a.grade_if_lost)
