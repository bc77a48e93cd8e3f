"""The reports' entry points: what the CLI and the flows call.

    paths = write_submission_reports(report, out_dir, sources={f.name: f.path for f in files},
                                     submission=sub, ruleset=ruleset)
    write_batch_summary([BatchEntry(name, report, out_dir / "report.html"), …], batch_out)

`sources` maps a document's name as findings give it (`Location.file`) to its bytes on disk
(the intake's `BundleFile.path`). Finding keys: a list parallel to `report.findings` or a
callable `Finding → str` (the verdict store's identity); without them, `reports.keys`'s
deterministic fallback. With the `submission` (and its rule set), the reports also carry
the qualitative evaluator aid (`reports.qualaid`); findings.json does not hold the
self-assessment's narratives, so a report rebuilt from it alone has none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from smartcert.core.report import FindingsReport
from smartcert.reports.atomic import write_text_atomic
from smartcert.reports.batch_summary import BatchEntry, write_summary_html, write_summary_xlsx
from smartcert.reports.html.report import render_report
from smartcert.reports.keys import FindingKeys
from smartcert.reports.names import FINDINGS_XLSX, REPORT_HTML
from smartcert.reports.qualaid import QualitativeAid, build_aid
from smartcert.reports.regions import RegionRenderer
from smartcert.reports.verdicts import VerdictInfo
from smartcert.reports.view import build_findings, build_indicators
from smartcert.reports.xlsx import write_findings_xlsx
from smartcert.schemas.catalogue import RuleSet, load_ruleset
from smartcert.schemas.claims import Submission

__all__ = ["FINDINGS_XLSX", "REPORT_HTML", "BatchEntry", "write_batch_summary",
           "write_submission_reports"]



def write_submission_reports(
    report: FindingsReport, out_dir: Path, sources: Mapping[str, Path],
    verdicts: Mapping[str, VerdictInfo] | None = None,
    finding_keys: FindingKeys | None = None,
    submission: Submission | None = None,
    ruleset: RuleSet | None = None,
    max_render_megapixels: float | None = None,
) -> list[Path]:
    """report.html, its region images (report_files/, within `max_render_megapixels`: the
    run's `Limits`, default theirs) and findings.xlsx in `out_dir`.
    Returns [report.html, findings.xlsx]."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with RegionRenderer(sources, out_dir, max_render_megapixels) as renderer:
        findings = build_findings(report, renderer, finding_keys, verdicts)
    indicators = build_indicators(report, findings, sources, out_dir)
    aid = _aid(report, submission, ruleset)
    html = write_text_atomic(out_dir / REPORT_HTML,
                             render_report(report, findings, indicators, aid))
    xlsx = write_findings_xlsx(out_dir / FINDINGS_XLSX, report, findings, indicators, aid)
    return [html, xlsx]


def _aid(report: FindingsReport, submission: Submission | None,
         ruleset: RuleSet | None) -> QualitativeAid | None:
    if submission is None:
        return None
    return build_aid(submission, ruleset or load_ruleset(report.program))


def write_batch_summary(items: Sequence[BatchEntry], out_dir: Path) -> list[Path]:
    """batch-summary.html and batch-summary.xlsx listing every submission of a batch."""
    return [write_summary_html(items, out_dir), write_summary_xlsx(items, out_dir)]
