"""diff_reports on two hand-built FindingsReports, and its Korean summary lines."""

from __future__ import annotations

import pytest

from smartcert.core.findings import Finding, Location
from smartcert.core.report import FindingsReport, IndicatorEntry, Score, SubmissionSummary
from smartcert.renewals import diff_reports
from smartcert.renewals.diff import finding_key


def finding(rule: str, severity: str, indicator: str | None, message: str,
            file: str = "제안서.pdf", page: int | None = 3, claimed: str | None = None,
            sheet: str | None = None) -> Finding:
    return Finding(rule=rule, category=rule.split(".")[0], severity=severity,
                   indicator=indicator, message=message, claimed=claimed,
                   locations=[Location(file=file, page=page, sheet=sheet)])


def report(findings: list[Finding], indicators: dict[str, tuple], total: float | None,
           grade: int | None, program: str = "city-2025") -> FindingsReport:
    return FindingsReport(
        program=program, submission=SubmissionSummary(id="sub-1", applicant="가나시"),
        indicators=[IndicatorEntry(code=c, value=v, unit=u) for c, (v, u) in indicators.items()],
        findings=findings, score=Score(total=total, grade=grade))


GONE = finding("completeness.missing-form", "error", "A-1-2", "자료구축양식 없음")
MOVED = finding("completeness.missing-form", "error", "A-1-2", "자료구축양식 없음", page=4)
KEPT_OLD = finding("period.outside-window", "warning", "C-1-5", "기간 밖 실적",
                   file="증빙.pdf", page=5, claimed="2022.05")
KEPT_NEW = finding("period.outside-window", "warning", "C-1-5", "2년 기간을 벗어난 실적 (문구 변경)",
                   file="증빙.pdf", page=5, claimed="2022.05")
WORSE_OLD = finding("arithmetic.total", "warning", "B-3-2", "합계 불일치", page=7)
WORSE_NEW = finding("arithmetic.total", "error", "B-3-2", "합계 불일치", page=7)
TWICE = finding("duplicate.item", "info", "A-2-3", "중복 항목", file="양식.xlsx", page=None,
                sheet="A-2-3")
ADDED = finding("evidence.missing-page", "info", "A-3-1", "증빙 쪽 없음", page=9)

OLD = report([GONE, KEPT_OLD, WORSE_OLD, TWICE, TWICE],
             {"A-1-2": (3, "건"), "A-3-1": (True, None), "B-3-2": (1.5, "%"),
              "D-1-1": (2, "건")}, total=1520.0, grade=3, program="city-2023")
NEW = report([KEPT_NEW, WORSE_NEW, TWICE, ADDED, MOVED],
             {"A-1-2": (5, "건"), "A-3-1": (1, None), "B-3-2": (1.5000000001, "%"),
              "C-1-5": (10, "건")}, total=1610.0, grade=2)


@pytest.fixture(scope="module")
def diff():
    return diff_reports(OLD, NEW)


def keys(findings: list[Finding]) -> list:
    return sorted(finding_key(f) for f in findings)


def test_findings_matched_by_subject_not_wording(diff):
    assert keys(diff.new_findings) == keys([ADDED, MOVED])  # another page is another finding
    assert keys(diff.resolved_findings) == keys([GONE, TWICE])  # one of the two duplicates
    assert keys(diff.unchanged_findings) == keys([KEPT_NEW, WORSE_NEW, TWICE])
    assert KEPT_NEW in diff.unchanged_findings  # the new wording is what is kept


def test_severity_change_is_reported_on_a_kept_finding(diff):
    assert [(c.finding.rule, c.old.value, c.new.value) for c in diff.severity_changes] == [
        ("arithmetic.total", "warning", "error")]


def test_indicator_changes(diff):
    got = {c.code: (c.old, c.new) for c in diff.indicator_changes}
    assert got == {"A-1-2": (3, 5), "A-3-1": (True, 1), "C-1-5": (None, 10), "D-1-1": (2, None)}


def test_score_and_program_change(diff):
    assert (diff.score.old_total, diff.score.new_total, diff.score.delta) == (1520.0, 1610.0, 90.0)
    assert (diff.score.old_grade, diff.score.new_grade) == (3, 2)
    assert diff.changed and (diff.old_program, diff.new_program) == ("city-2023", "city-2025")


def test_summary_lines_in_korean(diff):
    lines = diff.summary_lines()
    assert lines[0] == "이전 실행 대비: 새 지적 2건, 해소 2건, 유지 3건, 지표 값 변경 4건"
    assert "규칙 세트 변경: city-2023 → city-2025" in lines
    assert "새 지적: [정보] evidence.missing-page A-3-1 — 증빙 쪽 없음 (제안서.pdf p.9)" in lines
    assert "해소: [정보] duplicate.item A-2-3 — 중복 항목 (양식.xlsx [A-2-3])" in lines
    assert "심각도 변경: arithmetic.total B-3-2 경고 → 오류" in lines
    assert "지표 값 변경: A-1-2 3건 → 5건" in lines
    assert "지표 값 변경: A-3-1 O → 1" in lines
    assert "지표 값 변경: D-1-1 2건 → 없음" in lines
    assert lines[-1] == "총점(잠정) 1,520.0점 → 1,610.0점 (+90.0), 등급 3등급 → 2등급"


def test_summary_caps_long_lists(diff):
    lines = diff.summary_lines(max_items=1)
    assert "새 지적: … 외 1건" in lines
    assert sum(x.startswith("지표 값 변경: ") for x in lines) == 2


def test_first_run():
    d = diff_reports(None, NEW)
    assert d.first_run and d.changed and len(d.new_findings) == 5
    assert d.indicator_changes == [] and d.resolved_findings == []
    lines = d.summary_lines()
    assert lines[0] == "첫 실행: 이전 결과 없음 — 지적 사항 5건 (오류 2, 경고 1, 정보 2)"
    assert lines[-1] == "총점(잠정) 1,610.0점, 2등급"


def test_same_report_twice_is_no_change():
    d = diff_reports(NEW, NEW.model_copy(deep=True))
    assert not d.changed and not d.new_findings and not d.resolved_findings
    assert d.summary_lines() == ["이전 실행 대비 변경 없음 (지적 사항 5건 유지)",
                                 "총점(잠정) 1,610.0점, 2등급 (변동 없음)"]


def test_a_score_appearing_counts_as_change():
    before = report([], {}, total=None, grade=None)
    after = report([], {}, total=1400.0, grade=3)
    d = diff_reports(before, after)
    assert d.changed and d.score.delta is None
    assert d.summary_lines()[-1] == "총점(잠정) 없음 → 1,400.0점, 등급 없음 → 3등급"


def test_scores_on_different_bases_are_said_to_differ():
    before = report([], {}, total=1483.7, grade=3)
    before.score.relative = True  # scored within an intake batch
    after = report([], {}, total=1582.0, grade=3)  # the renewal re-run, scored alone
    d = diff_reports(before, after)
    assert d.summary_lines()[-1] == ("총점(잠정) 1,483.7점 → 1,582.0점 (+98.3), 3등급 유지 — "
                                     "산정 기준이 다름: 이전 일괄 상대 환산, 이번 단독 산정")
