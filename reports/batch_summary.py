"""The committee's batch summary: one HTML page (sortable table) and one sheet listing
every submission — applicant, type, provisional grade, grade at risk, whether the
provisional total reaches the site-inspection threshold, findings per severity and
category, top findings, link to its report."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

from smartcert.core.findings import Category
from smartcert.core.masking import mask_opt, mask_personal
from smartcert.core.report import FindingsReport, Score
from smartcert.reports.atomic import save_workbook_atomic, write_text_atomic
from smartcert.reports.chart_memo import ChartMemo, drawn_before
from smartcert.reports.html.render import render_page
from smartcert.reports.labels import CATEGORY, PROVISIONAL_NOTE, SEVERITY, SEVERITY_ORDER
from smartcert.reports.names import SUMMARY_HTML as SUMMARY_HTML
from smartcert.reports.names import SUMMARY_XLSX as SUMMARY_XLSX
from smartcert.reports.scoreview import site_inspection_label, site_inspection_short
from smartcert.reports.summary_plots import Line, finding_counts, findings_chart, total_chart
from smartcert.reports.xlsx import write_table
from smartcert.schemas.catalogue import CatalogueError, load_ruleset

TOP_FINDINGS = 3
_TOP_CHARS = 140


@dataclass(frozen=True)
class BatchEntry:
    name: str  # the submission as submitted (folder or zip name)
    report: FindingsReport
    report_html: Path | None = None  # its report.html, linked from the summary


@dataclass(frozen=True)
class SummaryRow:
    name: str
    applicant: str
    city_type: str
    population: int | None
    total: float | None
    grade: int | None
    grade_at_risk: bool
    verdict: str  # '1등급'; for a program with a pass mark '통과' / '미달' / '보류'; '—'
    site_inspection: str  # '해당' / '미해당' / '' (not scored, or no threshold)
    severities: tuple[int, ...]  # SEVERITY_ORDER
    categories: tuple[int, ...]  # Category order
    top: tuple[str, ...]
    href: str | None


def _row(e: BatchEntry, out_dir: Path) -> SummaryRow:
    r, sub = e.report, e.report.submission
    sev = Counter(f.severity for f in r.findings)
    cat = Counter(f.category for f in r.findings)
    ranked = sorted(r.findings, key=lambda f: SEVERITY_ORDER.index(f.severity))[:TOP_FINDINGS]
    top = tuple(mask_personal(f"[{SEVERITY[f.severity]}] {f.indicator + ' ' if f.indicator else ''}"
                              f"{f.message}")[:_TOP_CHARS] for f in ranked)
    href = None
    if e.report_html is not None:
        try:
            href = Path(os.path.relpath(e.report_html, out_dir)).as_posix()
        except ValueError:
            href = e.report_html.resolve().as_uri()
    service = r.score.pass_mark is not None  # a mixed batch: a service application's row
    return SummaryRow(
        name=mask_personal(e.name), applicant=mask_opt(sub.applicant) or "",
        city_type="서비스 인증" if service else mask_opt(sub.city_type_claimed) or "",
        population=sub.population,
        total=r.score.total, grade=r.score.grade, grade_at_risk=r.score.grade_at_risk,
        verdict=_verdict(r.score),
        site_inspection=site_inspection_short(r.score),
        severities=tuple(sev.get(s, 0) for s in SEVERITY_ORDER),
        categories=tuple(cat.get(c, 0) for c in Category), top=top, href=href)


def _verdict(score: Score) -> str:
    if score.pass_mark is not None:
        verdict = {True: "통과", False: "미달", None: "보류"}[score.passed]
    else:
        verdict = f"{score.grade}등급" if score.grade is not None else "—"
    return f"{verdict} (미완성)" if score.incomplete else verdict  # pages left unread


def summary_rows(items: Sequence[BatchEntry], out_dir: Path) -> list[SummaryRow]:
    return [_row(e, out_dir) for e in items]


def _severity_labels() -> list[str]:
    return [SEVERITY[s] for s in SEVERITY_ORDER]


def site_inspection_header(items: Sequence[BatchEntry]) -> str:
    """'현장실사 대상 (1,400점 이상)': the threshold the batch's scores were given (the
    rule set's), else the bare label."""
    scores = [e.report.score for e in items if e.report.score.site_inspection_from is not None]
    return site_inspection_label(scores[0]) if scores else site_inspection_label(Score())


def write_summary_html(items: Sequence[BatchEntry], out_dir: Path) -> Path:
    page = out_dir / SUMMARY_HTML
    html = render_page(
        "summary.html.j2", "sort.js", rows=summary_rows(items, out_dir),
        severity_labels=_severity_labels(), category_labels=[CATEGORY[c] for c in Category],
        provisional_note=PROVISIONAL_NOTE, site_inspection_header=site_inspection_header(items),
        charts=summary_charts(items, ChartMemo(drawn_before(page))))
    return write_text_atomic(page, html)


@dataclass(frozen=True)
class Chart:
    title: str
    svg: str  # inline SVG drawn by matplotlib (text escaped by it)


def summary_charts(items: Sequence[BatchEntry], memo: ChartMemo | None = None) -> list[Chart]:
    """The committee's picture of the batch: city totals against the grade bounds and the
    site-inspection line, service totals against their pass mark, findings by category.
    A chart `memo` holds from the page being replaced is not drawn again."""
    memo = memo or ChartMemo()
    charts: list[Chart] = []
    cities = [e for e in items if e.report.score.pass_mark is None
              and e.report.score.total is not None]
    by_program: dict[str, list[BatchEntry]] = {}
    for e in cities:
        by_program.setdefault(e.report.program, []).append(e)
    for program, entries in by_program.items():
        lines, scale = _grade_lines(program)
        _totals(charts, memo, f"잠정 총점과 등급 기준 ({program})", entries, lines, scale,
                f"{scale:,.0f}점 만점")
    services = [e for e in items if e.report.score.pass_mark is not None
                and e.report.score.total is not None]
    if services:
        mark = services[0].report.score.pass_mark or 0.0
        _totals(charts, memo, "서비스 인증 잠정 점수와 통과 기준", services,
                [Line(mark, f"통과 {mark:g}점", dashed=True)], 100.0, "100점 만점")
    reports = [e.report for e in items]
    counts = sorted(finding_counts(reports).items())
    svg = memo.chart("findings", [[c.value, s.value, n] for (c, s), n in counts],
                     lambda: findings_chart(reports))
    if svg:
        charts.append(Chart("분류별 발견사항 (심각도별)", svg))
    return charts


def _totals(charts: list[Chart], memo: ChartMemo, title: str, entries: Sequence[BatchEntry],
            lines: list[Line], scale: float, unit: str) -> None:
    bars = [(mask_personal(e.name), e.report.score.total or 0.0) for e in entries]
    data = [title, bars, [[x.at, x.label, x.dashed] for x in lines], scale, unit]
    svg = memo.chart("totals", data, lambda: total_chart(bars, lines, scale, unit))
    if svg:
        charts.append(Chart(title, svg))


def _grade_lines(program: str) -> tuple[list[Line], float]:
    """Each grade's lower bound and the site-inspection threshold of `program`'s rule set,
    and its full score."""
    try:
        rs = load_ruleset(program)
    except CatalogueError:
        return [], 2000.0
    top = float(rs.structure.total or 2000)
    if rs.grades is None:
        return [], top
    lines = [Line(g.min, f"{g.grade}등급") for g in rs.grades.grades
             if g.min is not None and g.certified]
    if rs.grades.site_inspection_from is not None:
        lines.append(Line(rs.grades.site_inspection_from,
                          f"현장실사 {rs.grades.site_inspection_from:,.0f}점", dashed=True))
    return lines, top


def write_summary_xlsx(items: Sequence[BatchEntry], out_dir: Path) -> Path:
    headers = ["제출", "신청 지자체", "유형", "인구", "잠정 점수", "잠정 등급·판정", "등급 위험",
               site_inspection_header(items), *_severity_labels(),
               *(CATEGORY[c] for c in Category), "주요 발견사항"]
    rows = [[r.name, r.applicant, r.city_type, r.population, r.total, r.verdict,
             "있음" if r.grade_at_risk else "", r.site_inspection, *r.severities, *r.categories,
             "\n".join(r.top)]
            for r in summary_rows(items, out_dir)]
    wb = Workbook()
    ws = wb.active
    ws.title = "제출 목록"
    write_table(ws, headers, rows)  # string-only cells, as in findings.xlsx
    ws.freeze_panes = "B2"
    ws.auto_filter.ref = f"A1:{ws.cell(row=1, column=len(headers)).column_letter}{len(rows) + 1}"
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions[ws.cell(row=1, column=len(headers)).column_letter].width = 90
    return save_workbook_atomic(wb, out_dir / SUMMARY_XLSX)

