"""Writing the human reports for a bundle with a 1,000-page evidence PDF, timed.

    .venv/bin/python -m benchmarks.reports [--repeat 3]

The evidence PDF repeats the nuri-hwp sample's evidence pages up to 1,000 pages; 30
findings point at 30 of its pages (a bbox each, as the rules give for the form side) plus
the form page they concern. Timed: report.html with its region images + findings.xlsx
(`write_submission_reports`). Target: < 10 s. The first run includes loading the rule
catalogues (validator imports) once per process; it is reported apart.
Writes benchmarks/results/reports.json.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import fitz

from smartcert.core.findings import Category, Finding, Location, Severity
from smartcert.core.report import DocumentSummary, FindingsReport, IndicatorEntry, SubmissionSummary
from smartcert.reports.write import write_submission_reports

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "bundles" / "nuri-hwp"
EVIDENCE = "근거자료.pdf"
FORM = "정량지표 평가제안서.pdf"
PAGES = 1000
FINDING_PAGES = 30
TARGET_S = 10.0


def build_evidence(path: Path) -> int:
    src = fitz.open(next(SAMPLE.glob("4.*.pdf")))
    out = fitz.open()
    while out.page_count < PAGES:
        out.insert_pdf(src, to_page=min(src.page_count, PAGES - out.page_count) - 1)
    out.save(path, garbage=0)
    n = out.page_count
    out.close()
    src.close()
    return n


def build_report(evidence_pages: int) -> FindingsReport:
    step = evidence_pages // FINDING_PAGES
    findings = []
    for k in range(FINDING_PAGES):
        page = 1 + k * step
        code = f"A-{1 + k // 10}-{1 + k % 10}"
        findings.append(Finding(
            rule="evidence.figure-not-on-page", category=Category.EVIDENCE,
            severity=Severity.ERROR if k % 3 else Severity.WARNING, indicator=code,
            message=f"지표 {code}의 값 {k}이(가) 증빙 페이지 {page}에 보이지 않습니다",
            claimed=str(k), expected=None,
            locations=[Location(file=FORM, page=3, bbox=(60.0, 120.0 + 20 * (k % 20),
                                                         540.0, 138.0 + 20 * (k % 20))),
                       Location(file=EVIDENCE, page=page, bbox=(60.0, 200.0, 540.0, 240.0))]))
    return FindingsReport(
        submission=SubmissionSummary(
            id="sub-bench", applicant="누리시", city_type_claimed="중소도시", population=412345,
            selected_areas=["행정", "교육", "환경에너지"],
            documents=[DocumentSummary(file=EVIDENCE, sha256="0" * 64, kind="evidence",
                                       pages=evidence_pages),
                       DocumentSummary(file=FORM, sha256="1" * 64,
                                       kind="quantitative_proposal")]),
        indicators=[IndicatorEntry(code=f.indicator or "", value=k, unit="건", text=f"{k}건",
                                   source=f.locations[0]) for k, f in enumerate(findings)],
        findings=findings)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        t = time.perf_counter()
        pages = build_evidence(tmp / "evidence.pdf")
        print(f"built a {pages}-page evidence PDF in {time.perf_counter() - t:.1f} s")
        sources = {EVIDENCE: tmp / "evidence.pdf",
                   FORM: next(SAMPLE.glob("2.*.pdf"))}
        report = build_report(pages)
        times = []
        for i in range(args.repeat + 1):
            out = tmp / f"out{i}"
            t = time.perf_counter()
            write_submission_reports(report, out, sources)
            times.append(time.perf_counter() - t)
        images = len(list((out / "report_files").glob("*.png")))
        html_kb = (out / "report.html").stat().st_size / 1024
        files_kb = sum(p.stat().st_size for p in (out / "report_files").iterdir()) / 1024
    first, best = times[0], min(times[1:])
    result = {
        "measured_at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "evidence_pages": pages, "findings": FINDING_PAGES, "images": images,
        "first_run_s": round(first, 2), "best_s": round(best, 2),
        "runs_s": [round(x, 2) for x in times[1:]], "target_s": TARGET_S,
        "met": first < TARGET_S, "report_html_kb": round(html_kb, 1),
        "report_files_kb": round(files_kb, 1),
    }
    print(f"report.html + findings.xlsx, {pages}-page evidence, {FINDING_PAGES} findings, "
          f"{images} images: first run {first:.2f} s (rule catalogue load included), "
          f"best of {args.repeat} {best:.2f} s — target < {TARGET_S:.0f} s "
          f"{'met' if result['met'] else 'MISSED'}")
    path = ROOT / "benchmarks" / "results" / "reports.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(path)


if __name__ == "__main__":
    main()
