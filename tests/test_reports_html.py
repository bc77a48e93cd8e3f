"""report.html: structure, grouping, region images, escaping of hostile text, masking,
and the batch summary page."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from smartcert.core.masking import mask_personal
from smartcert.reports.keys import fallback_key, resolve_keys
from smartcert.reports.verdicts import Verdict, VerdictInfo
from smartcert.reports.write import BatchEntry, write_batch_summary, write_submission_reports
from smartcert.schemas.catalogue import load_ruleset
from smartcert.scoring.grade import reaches_site_inspection, site_inspection_from
from smartcert.validators.support.evidence_index import CLAUSE
from tests.builders.findings_report import ONERROR, PHONE, RRN, SCRIPT, hostile_report, sources

RS = load_ruleset("city-2025")


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of <script> elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


def parse(html: str) -> Tags:
    p = Tags()
    p.feed(html)
    return p


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    tmp = tmp_path_factory.mktemp("html")
    report = hostile_report()
    keys = resolve_keys(report.findings)
    verdicts = {keys[0]: VerdictInfo(verdict=Verdict.DISMISS, comment=f"오탐 {SCRIPT}",
                                     reviewer="김검토")}
    paths = write_submission_reports(report, tmp / "out", sources(tmp), verdicts=verdicts)
    assert [p.name for p in paths] == ["report.html", "findings.xlsx"]
    return tmp / "out", paths[0].read_text(encoding="utf-8")


def test_findings_grouped_by_severity_then_indicator(written: tuple[Path, str]) -> None:
    _out, html = written
    tags = parse(html).tags
    articles = [a for t, a in tags if t == "article"]
    assert len(articles) == 5
    # errors first (application-level before A-2-1), then warning, then info
    assert [a["data-severity"] for a in articles] == ["error", "error", "error", "warning", "info"]
    groups = re.findall(r"<h3>(.*?)</h3>", html)
    assert groups[:2] == ["신청 단위 (지표 없음)", "A-2-1"]
    assert {a["data-category"] for a in articles} == {"evidence", "consistency", "eligibility",
                                                       "intake", "period"}


def test_header_and_score_are_marked_provisional(written: tuple[Path, str]) -> None:
    _out, html = written
    assert "잠정 등급" in html and "3등급" in html and "등급 위험" in html
    assert "잠정치입니다" in html
    assert "1,492점" in html


def test_clause_claimed_expected_and_rule_shown(written: tuple[Path, str]) -> None:
    _out, html = written
    assert "evidence.figure-not-on-page" in html
    from markupsafe import escape

    assert str(escape(CLAUSE)) in html
    assert "파일 점검 규칙" in html  # intake rules cite no clause of the call
    assert 'class="claimed">2022.11.03<' in html


def test_images_only_for_pdf_places_and_evidence_page(written: tuple[Path, str]) -> None:
    out, html = written
    imgs = [a for t, a in parse(html).tags if t == "img"]
    files = sorted((out / "report_files").glob("*.png"))
    # form p2 (shared by two findings: one file), form p1, evidence p4 and p5
    assert len(files) == 4
    assert {a["src"] for a in imgs} == {f"report_files/{f.name}" for f in files}
    assert all(not str(a["src"]).startswith(("http", "/")) for a in imgs)
    assert "근거자료</span> 근거자료.pdf · 4쪽" in html
    # a spreadsheet place has no image but a textual place
    assert "자료.xlsx · 시트 &#39;요약&#39; · B3 셀" in html


def test_hostile_text_stays_text(written: tuple[Path, str]) -> None:
    _out, html = written
    p = parse(html)
    assert SCRIPT not in html and ONERROR not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert [t for t, _a in p.tags].count("script") == 1  # our filter script only
    assert not any(k.startswith("on") for _t, attrs in p.tags for k in attrs)
    assert not any(a.get("src") == "x" for t, a in p.tags if t == "img")


def test_csp_allows_only_our_script(written: tuple[Path, str]) -> None:
    _out, html = written
    p = parse(html)
    csp = next(a["content"] for t, a in p.tags if t == "meta" and a.get("http-equiv"))
    digest = base64.b64encode(hashlib.sha256(p.scripts[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in str(csp)
    assert "default-src 'none'" in str(csp) and "unsafe-inline" not in str(csp).split("script-src")[1]
    assert not re.search(r"(src|href)=\"(https?:)?//", html)  # nothing from the network


def test_personal_numbers_masked(written: tuple[Path, str]) -> None:
    _out, html = written
    assert RRN not in html and "1234567" not in html and PHONE not in html
    assert "******-*******" in html and "010-****-****" in html


def test_verdicts_and_indicator_table(written: tuple[Path, str]) -> None:
    _out, html = written
    assert "검토 의견: <strong>기각</strong> (김검토) — 오탐 &lt;script&gt;" in html
    assert 'id="ind-A-2-1"' in html
    assert re.search(r'<a href="[^"]*form\.pdf#page=2">', html)
    assert '<a href="#f' in html  # indicator → its first finding


@pytest.mark.parametrize(("text", "masked"), [
    ("주민 900101-1234567 입니다", "주민 ******-******* 입니다"),
    ("9001012234567", "******-*******"),
    ("900101 - 2345678", "******-*******"),
    ("연락처 010-1234-5678", "연락처 010-****-****"),
    ("01012345678", "010-****-****"),
    ("02-123-4567", "02-****-****"),
    ("031.123.4567", "031.****.****"),
    ("+82 10-1234-5678", "+82 10-****-****"),
    ("기간 2023-01-01~2024-12-31, 증빙 12-15쪽, 1,234,567원", None),
    ("901301-1234567", None),  # month 13: not a registration number
])
def test_masking(text: str, masked: str | None) -> None:
    assert mask_personal(text) == (masked if masked is not None else text)


def test_fallback_keys_are_stable_and_unique() -> None:
    report = hostile_report()
    a, b = resolve_keys(report.findings), resolve_keys(hostile_report().findings)
    assert a == b and len(set(a)) == len(a)
    assert a[0] == fallback_key(report.findings[0])
    assert resolve_keys(report.findings, lambda f: f.rule)[0] == "evidence.figure-not-on-page"
    with pytest.raises(ValueError):
        resolve_keys(report.findings, ["only-one"])


def test_batch_summary(written: tuple[Path, str], tmp_path: Path) -> None:
    out, _html = written
    report = hostile_report()
    other = report.model_copy(update={"findings": [], "score": report.score.model_copy(
        update={"grade": 1, "grade_at_risk": False})})
    paths = write_batch_summary([BatchEntry("누리시 제출", report, out / "report.html"),
                                 BatchEntry("다른 시", other, None)], tmp_path)
    html = paths[0].read_text(encoding="utf-8")
    rows = re.findall(r"<tr>\s*<td>", html)
    assert len(rows) == 2
    # 8 columns, 3 severities, the 주요 발견사항; categories in one cell (all in the XLSX)
    assert html.count('class="sortable"') == 1 + 7 + 3 + 1
    assert "<span>증빙 1</span>" in html and "<span>신청 자격 1</span>" in html
    assert '<td class="cats"></td>' in html  # the submission without findings
    assert SCRIPT not in html and PHONE not in html
    assert re.search(r'<a href="[^"]*report\.html">누리시 제출</a>', html)
    assert "[오류] A-2-1 지표 A-2-1 값 &lt;script&gt;" in html
    from openpyxl import load_workbook

    ws = load_workbook(paths[1]).active
    assert ws.title == "제출 목록" and ws.max_row == 3 and ws.freeze_panes == "B2"


# ── the site-inspection threshold (grades.yaml › site_inspection_from) ──
def _scored(total: float, name: str) -> BatchEntry:
    """The hostile report with a provisional total and its site-inspection verdict as the
    scoring step records them (the threshold read from the catalogue)."""
    report = hostile_report()
    score = report.score.model_copy(update={
        "total": total, "site_inspection_from": site_inspection_from(RS),
        "site_inspection": reaches_site_inspection(total, RS)})
    return BatchEntry(name, report.model_copy(update={"score": score}), None)


def test_site_inspection_in_the_score_section(tmp_path: Path) -> None:
    at, below = _scored(1400.0, "기준"), _scored(1399.9, "미달")
    pages = {}
    for e in (at, below):
        paths = write_submission_reports(e.report, tmp_path / e.name, sources(tmp_path))
        pages[e.name] = paths[0].read_text(encoding="utf-8")
    section = re.compile(r'<section id="score">(.*?)</section>', re.S)
    rows = {name: dict(re.findall(r"<tr><th>(.*?)</th><td>(.*?)</td></tr>",
                                  section.search(page).group(1)))  # type: ignore[union-attr]
            for name, page in pages.items()}
    label = "현장실사 대상 (1,400점 이상)"
    assert rows["기준"][label].startswith("해당 (잠정 합계 1,400점 ≥ 1,400점")
    assert rows["미달"][label] == "미해당 (잠정 합계 1,399.9점 &lt; 1,400점)"
    # a report without the verdict (an older findings.json) says nothing either way
    old = write_submission_reports(hostile_report(), tmp_path / "old", sources(tmp_path))[0]
    assert "<tr><th>현장실사 대상</th><td>—</td></tr>" in old.read_text(encoding="utf-8")


def test_site_inspection_in_the_batch_summary(tmp_path: Path) -> None:
    entries = [_scored(1400.0, "기준"), _scored(1399.9, "미달"), _scored(1812.5, "1등급")]
    html_path, xlsx_path = write_batch_summary(entries, tmp_path)
    html = html_path.read_text(encoding="utf-8")
    assert '<th class="sortable">현장실사 대상 (1,400점 이상)</th>' in html
    cells = re.findall(r'<td class="site-inspection" data-sort="(\d)">(.*?)</td>', html)
    assert cells == [("2", "해당"), ("1", "미해당"), ("2", "해당")]
    from openpyxl import load_workbook

    ws = load_workbook(xlsx_path).active
    head = [c.value for c in ws[1]]
    col = head.index("현장실사 대상 (1,400점 이상)")
    assert [r[col] for r in ws.iter_rows(min_row=2, values_only=True)] == ["해당", "미해당", "해당"]


def test_a_mixed_batch_summary_shows_each_program_by_its_own_measure(tmp_path: Path) -> None:
    # a city graded 1등급 beside service applications judged by the pass mark and 과락
    city = _scored(1812.5, "누리시")
    city = BatchEntry(city.name, city.report.model_copy(
        update={"score": city.report.score.model_copy(update={"grade": 1})}), None)
    service = hostile_report().model_copy(update={"program": "service-2023"})

    def judged(name: str, total: float, passed: bool, shortfalls: list[str]) -> BatchEntry:
        score = service.score.model_copy(update={
            "total": total, "grade": None, "pass_mark": 70.0, "passed": passed,
            "shortfalls": shortfalls, "site_inspection_from": None, "site_inspection": None})
        return BatchEntry(name, service.model_copy(update={"score": score}), None)

    entries = [city, judged("셔틀", 88.5, True, []),
               judged("센서", 74.0, False, ["구성 및 기능 28점 < 30점"])]
    html_path, xlsx_path = write_batch_summary(entries, tmp_path)
    html = html_path.read_text(encoding="utf-8")
    assert "잠정 등급·판정" in html
    for verdict in ("1등급", "통과", "미달"):
        assert f">{verdict}</td>" in html
    from openpyxl import load_workbook

    rows = list(load_workbook(xlsx_path).active.iter_rows(values_only=True))
    col, kind = rows[0].index("잠정 등급·판정"), rows[0].index("유형")
    assert [r[col] for r in rows[1:]] == ["1등급", "통과", "미달"]
    assert [r[kind] for r in rows[1:]][1:] == ["서비스 인증", "서비스 인증"]
    # the failing service's own report says why
    page = write_submission_reports(entries[2].report, tmp_path / "센서", sources(tmp_path))[0]
    assert "미달 (70점 이상 통과; 미달: 구성 및 기능 28점 &lt; 30점)" in page.read_text("utf-8")


def test_the_batch_summary_draws_its_charts(tmp_path: Path) -> None:
    """City totals against the grade bounds and the site-inspection line, findings by
    category and severity — inline SVG, text kept as text, hostile names escaped."""
    entries = [_scored(1400.0, "기준"), _scored(1812.5, f"누리 {SCRIPT}")]
    html = write_batch_summary(entries, tmp_path)[0].read_text(encoding="utf-8")
    charts = re.findall(r"<figure><figcaption>(.*?)</figcaption>(.*?)</figure>", html, re.S)
    titles = [t for t, _ in charts]
    assert titles == ["잠정 총점과 등급 기준 (city-2025)", "분류별 발견사항 (심각도별)"]
    scores = charts[0][1]
    # the chart's key and digest, then the SVG (`reports/chart_memo.py`)
    assert re.match(r"<!-- smartcert-chart [0-9a-f]{64} [0-9a-f]{64} --><svg", scores)
    assert 'width="100%"' in scores
    for label in ("1등급", "2등급", "3등급 · 현장실사 1,400점"):
        assert label in scores, label  # the grade bounds and the threshold, as text
    assert "<script>" not in scores and "&lt;script&gt;" in scores
    findings = charts[1][1]
    for label in ("오류", "경고", "증빙", "불일치", "신청 자격"):
        assert label in findings, label
