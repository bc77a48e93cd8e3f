"""The batch summary's charts are drawn again only when what they show changed
(`reports/chart_memo.py`): an unchanged batch's summary is written without matplotlib."""

from __future__ import annotations

from pathlib import Path

import pytest

from smartcert.core.findings import Finding, Location
from smartcert.core.report import FindingsReport, Score, SubmissionSummary
from smartcert.reports import batch_summary
from smartcert.reports.batch_summary import SUMMARY_HTML, BatchEntry, write_summary_html


def _report(applicant: str, total: float, severities: list[str]) -> FindingsReport:
    findings = [Finding(rule="arithmetic.total", category="arithmetic", severity=s,
                        indicator="C-1-1", message="합계가 항목의 합과 다름",
                        locations=[Location(file="제안서.pdf", page=3)])
                for s in severities]
    return FindingsReport(submission=SubmissionSummary(id=applicant, applicant=applicant),
                          findings=findings, score=Score(total=total, grade=3))


BATCH = [BatchEntry("가나시", _report("가나시", 1520.0, ["error", "warning"])),
         BatchEntry("다라군", _report("다라군", 1380.0, ["info"]))]


def _count_drawing(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    drawn: list[str] = []
    real_total, real_findings = batch_summary.total_chart, batch_summary.findings_chart

    def total_chart(*a, **k):  # type: ignore[no-untyped-def]
        drawn.append("totals")
        return real_total(*a, **k)

    def findings_chart(*a, **k):  # type: ignore[no-untyped-def]
        drawn.append("findings")
        return real_findings(*a, **k)

    monkeypatch.setattr(batch_summary, "total_chart", total_chart)
    monkeypatch.setattr(batch_summary, "findings_chart", findings_chart)
    return drawn


def test_an_unchanged_batch_summary_draws_nothing_again(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = _count_drawing(monkeypatch)
    first = write_summary_html(BATCH, tmp_path).read_text(encoding="utf-8")
    assert drawn == ["totals", "findings"]
    assert first.count("<svg") == 2 and first.count("<!-- smartcert-chart ") == 2
    second = write_summary_html(BATCH, tmp_path).read_text(encoding="utf-8")
    assert drawn == ["totals", "findings"]  # nothing drawn the second time
    assert second == first


def test_a_changed_total_draws_its_chart_only(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = _count_drawing(monkeypatch)
    write_summary_html(BATCH, tmp_path)
    changed = [BATCH[0], BatchEntry("다라군", _report("다라군", 1410.0, ["info"]))]
    page = write_summary_html(changed, tmp_path).read_text(encoding="utf-8")
    assert drawn == ["totals", "findings", "totals"]  # the findings are the same
    # the page is the one a first writing gives
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    assert write_summary_html(changed, fresh).read_text(encoding="utf-8") == page


def test_a_chart_altered_in_the_page_is_drawn_again(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    drawn = _count_drawing(monkeypatch)
    first = write_summary_html(BATCH, tmp_path).read_text(encoding="utf-8")
    start = first.index("<svg")
    altered = first[:start] + first[start:].replace("<path", "<path data-x=\"1\"", 1)
    (tmp_path / SUMMARY_HTML).write_text(altered, encoding="utf-8")
    again = write_summary_html(BATCH, tmp_path).read_text(encoding="utf-8")
    assert drawn == ["totals", "findings", "totals"]
    assert again == first
