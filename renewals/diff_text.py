"""Korean summary lines of a ReportDiff (for a report or a Prefect markdown artifact)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from smartcert.core.findings import Finding, Severity

if TYPE_CHECKING:
    from smartcert.renewals.diff import DiffValue, ReportDiff, ScoreChange

_SEVERITY_KO = {Severity.ERROR: "오류", Severity.WARNING: "경고", Severity.INFO: "정보"}


def summary_lines(d: ReportDiff, max_items: int = 20) -> list[str]:
    out: list[str] = []
    if d.first_run:
        out.append(f"첫 실행: 이전 결과 없음 — 지적 사항 {len(d.new_findings)}건"
                   f"{_by_severity(d.new_findings)}")
    elif not d.changed:
        out.append(f"이전 실행 대비 변경 없음 (지적 사항 {len(d.unchanged_findings)}건 유지)")
    else:
        out.append(f"이전 실행 대비: 새 지적 {len(d.new_findings)}건, 해소 "
                   f"{len(d.resolved_findings)}건, 유지 {len(d.unchanged_findings)}건, "
                   f"지표 값 변경 {len(d.indicator_changes)}건")
    if d.old_program is not None and d.old_program != d.new_program:
        out.append(f"규칙 세트 변경: {d.old_program} → {d.new_program}")
    if not d.first_run:
        out += _capped("새 지적", [_finding(f) for f in d.new_findings], max_items)
    out += _capped("해소", [_finding(f) for f in d.resolved_findings], max_items)
    out += _capped("심각도 변경", [
        f"{_subject(c.finding)} {_SEVERITY_KO[c.old]} → {_SEVERITY_KO[c.new]}"
        for c in d.severity_changes], max_items)
    out += _capped("지표 값 변경", [
        f"{c.code} {_value(c.old, c.old_unit)} → {_value(c.new, c.new_unit)}"
        for c in d.indicator_changes], max_items)
    out.append(_score(d.score, d.first_run))
    return out


def _capped(label: str, items: list[str], max_items: int) -> list[str]:
    lines = [f"{label}: {x}" for x in items[:max_items]]
    if len(items) > max_items:
        lines.append(f"{label}: … 외 {len(items) - max_items}건")
    return lines


def _by_severity(findings: list[Finding]) -> str:
    n = Counter(f.severity for f in findings)
    parts = [f"{_SEVERITY_KO[s]} {n[s]}" for s in Severity if n[s]]
    return f" ({', '.join(parts)})" if parts else ""


def _subject(f: Finding) -> str:
    return f.rule + (f" {f.indicator}" if f.indicator else "")


def _finding(f: Finding) -> str:
    places = ", ".join(dict.fromkeys(
        loc.file + (f" p.{loc.page}" if loc.page else "") + (f" [{loc.sheet}]" if loc.sheet else "")
        for loc in f.locations))
    return (f"[{_SEVERITY_KO[f.severity]}] {_subject(f)} — {f.message}"
            + (f" ({places})" if places else ""))


def _value(v: DiffValue, unit: str | None) -> str:
    if v is None:
        return "없음"
    if isinstance(v, bool):
        return "O" if v else "X"
    text = f"{v:,}" if isinstance(v, int) else f"{v:,.4f}".rstrip("0").rstrip(".")
    return text + (unit or "")


def _points(x: float | None) -> str:
    return "없음" if x is None else f"{x:,.1f}점"


def _grade(g: int | None) -> str:
    return "없음" if g is None else f"{g}등급"


def _score(s: ScoreChange, first_run: bool) -> str:
    label = "총점(잠정)" if s.provisional else "총점"
    if first_run or not s.changed:
        suffix = "" if first_run else " (변동 없음)"
        return f"{label} {_points(s.new_total)}, {_grade(s.new_grade)}{suffix}"
    delta = s.delta
    change = "" if delta is None else f" ({delta:+,.1f})"
    grade = (f", 등급 {_grade(s.old_grade)} → {_grade(s.new_grade)}"
             if s.old_grade != s.new_grade else f", {_grade(s.new_grade)} 유지")
    basis = ""
    if s.old_relative is not None and s.old_relative != s.new_relative:
        basis = (" — 산정 기준이 다름: 이전 일괄 상대 환산, 이번 단독 산정" if s.old_relative
                 else " — 산정 기준이 다름: 이전 단독 산정, 이번 일괄 상대 환산")
    return f"{label} {_points(s.old_total)} → {_points(s.new_total)}{change}{grade}{basis}"
