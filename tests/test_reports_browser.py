"""report.html in a real browser (Debian's headless Chromium through Playwright): a
sample's findings and evidence images render, a filter hides rows, injected text never
runs, and nothing is fetched from the network. Keeps a screenshot in tests/artifacts/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from smartcert.core.findings import Category, Finding, Location, Severity
from smartcert.core.report import FindingsReport
from smartcert.extractors.base import ExtractSettings
from smartcert.pipelines.batch import run_submission
from smartcert.reports.write import write_submission_reports

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "bundles" / "nuri-hwp"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

sync_api = pytest.importorskip("playwright.sync_api")
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")]


def _planted(report: FindingsReport) -> FindingsReport:
    """nuri-hwp is clean (an info at most): its findings give way to one finding of each
    kind a reviewer sees, on real places."""
    evidence = next(d.file for d in report.submission.documents if d.kind == "evidence")
    ind = next(i for i in report.indicators if i.source and i.source.bbox)
    planted = [
        Finding(rule="evidence.figure-not-on-page", category=Category.EVIDENCE,
                severity=Severity.ERROR, indicator=ind.code,
                message=f"지표 {ind.code}의 값이 증빙 페이지 3에 보이지 않습니다 "
                        "<img src=x onerror=alert(1)><script>alert(2)</script>",
                claimed=ind.text, locations=[ind.source, Location(file=evidence, page=3)]),
        Finding(rule="consistency.summary-vs-form", category=Category.CONSISTENCY,
                severity=Severity.WARNING, indicator=ind.code, message="요약표와 양식의 값이 다릅니다",
                claimed=ind.text, expected="7건", locations=[ind.source]),
        Finding(rule="period.span-too-long", category=Category.PERIOD, severity=Severity.INFO,
                message="기간이 24개월을 넘습니다", locations=[Location(file=evidence, page=5)]),
    ]
    return report.model_copy(update={"findings": planted})


@pytest.fixture(scope="module")
def report_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("browser")
    run = run_submission(SAMPLE, tmp, ExtractSettings(ocr=False))
    assert run.report is not None
    sources = {f.name: f.path for f in run.intake.files}
    return write_submission_reports(_planted(run.report), tmp / "reports", sources)[0]


@pytest.fixture(scope="module")
def page(report_html: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(profile), executable_path=str(CHROMIUM), headless=True, args=ARGS,
            viewport={"width": 1280, "height": 900})
        pg = ctx.new_page()
        pg.dialogs = []  # type: ignore[attr-defined]
        pg.urls = []  # type: ignore[attr-defined]
        pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))  # type: ignore[attr-defined]
        pg.on("request", lambda r: pg.urls.append(r.url))  # type: ignore[attr-defined]
        pg.goto(report_html.as_uri(), wait_until="load")
        yield pg
        ctx.close()


def test_findings_and_images_render(page) -> None:  # type: ignore[no-untyped-def]
    assert page.locator("article.finding").count() == 3
    assert page.locator("article.finding").first.is_visible()
    sizes = page.evaluate("Array.from(document.querySelectorAll('article img'))"
                          ".map(i => [i.complete, i.naturalWidth, i.closest('figure').className])")
    assert len(sizes) >= 3
    assert all(done and width > 0 for done, width, _cls in sizes)
    assert any("evidence" in cls for _d, _w, cls in sizes)  # the evidence page region
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / ".gitignore").write_text("*\n")
    shot = ARTIFACTS / "report-nuri-hwp.png"
    page.screenshot(path=str(shot), full_page=True)
    print(f"screenshot: {shot}")
    assert shot.stat().st_size > 10_000


def test_filters_hide_and_show(page) -> None:  # type: ignore[no-untyped-def]
    error = page.locator("article.finding[data-severity=error]")
    warning = page.locator("article.finding[data-severity=warning]")
    page.uncheck("#filters input[name=severity][value=error]")
    assert not error.first.is_visible() and warning.first.is_visible()
    assert page.locator("#shown-count").inner_text() == "2"
    page.uncheck("#filters input[name=category][value=consistency]")
    assert not warning.first.is_visible()
    assert page.locator("#shown-count").inner_text() == "1"
    page.click("#filters button[data-all=on]")
    assert error.first.is_visible() and warning.first.is_visible()


def test_injected_text_never_runs_and_no_network(page) -> None:  # type: ignore[no-untyped-def]
    text = page.locator("article.finding[data-severity=error] .msg").inner_text()
    assert "<img src=x onerror=alert(1)><script>alert(2)</script>" in text
    assert page.dialogs == []
    assert page.urls and all(u.startswith("file://") for u in page.urls), page.urls


def test_the_batch_summary_reads_at_1400_px(page, report_html: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The committee's summary in Chromium at 1,400 px: no sideways scrolling of the page,
    the charts drawn at a readable width, their Korean labels set as text."""
    from smartcert.core.report import Score
    from smartcert.reports.write import BatchEntry, write_batch_summary

    base = _planted(FindingsReport.model_validate_json(
        (report_html.parent.parent / "nuri-hwp" / "findings.json").read_text("utf-8")))
    entries = [BatchEntry(f"{name}-제출", base.model_copy(update={"score": Score(
        total=total, grade=grade, site_inspection_from=1400.0,
        site_inspection=total >= 1400)}), report_html)
        for name, total, grade in (("누리시", 1712.5, 2), ("가람광역시", 1388.0, 4),
                                   ("초롱시", 1460.0, 3), ("솔내시", 1815.0, 1))]
    summary = write_batch_summary(entries, tmp_path)[0]
    pg = page.context.new_page()  # the module's Chromium, a second tab
    try:
        pg.set_viewport_size({"width": 1400, "height": 900})
        pg.goto(summary.as_uri(), wait_until="load")
        assert pg.evaluate("document.documentElement.scrollWidth") <= 1400
        widths = pg.evaluate("Array.from(document.querySelectorAll('.charts svg'))"
                             ".map(s => s.getBoundingClientRect().width)")
        assert len(widths) == 2 and all(w >= 1000 for w in widths)
        labels = pg.evaluate("Array.from(document.querySelectorAll('.charts svg text'))"
                             ".map(t => t.textContent)")
        assert {"1등급", "3등급 · 현장실사 1,400점", "오류"} <= set(labels)
        right = pg.evaluate("document.querySelector('#submissions').getBoundingClientRect().right")
        wrap = pg.evaluate("document.querySelector('.table-wrap').getBoundingClientRect().right")
        assert right <= wrap + 1  # the table fits too: no column hidden behind a scroll bar
        ARTIFACTS.mkdir(exist_ok=True)
        (ARTIFACTS / ".gitignore").write_text("*\n")
        pg.screenshot(path=str(ARTIFACTS / "batch-summary-1400.png"), full_page=True)
    finally:
        pg.close()
