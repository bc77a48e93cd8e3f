"""Storing a submission's outcome and writing its human reports (wiring only: the store is
`store/`, the reports `reports/`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from smartcert.core.report import FindingsReport
from smartcert.pipelines.runtime import RunConfig
from smartcert.reports.names import REPORT_HTML
from smartcert.store import Store
from smartcert.store.reviews import latest_verdicts

if TYPE_CHECKING:  # the report writers load when a report is written (an unchanged batch
    # writes none): rendering, spreadsheets and page crops are most of a flow's imports
    from smartcert.pipelines.steps import SubmissionRun
    from smartcert.schemas.catalogue import RuleSet


@cache
def open_store(url: str | None, data_dir: Path) -> Store:
    """One store (engine and connection pool) per process and database."""
    return Store.open(url, data_dir)


def store_for(config: RunConfig) -> Store:
    return open_store(config.store_url, config.data_dir)


@dataclass(frozen=True)
class SaveOutcome:
    """The report step's `persist` within a stored run (`steps.Persist`)."""

    run_id: str
    ruleset: RuleSet
    config: RunConfig

    def __call__(self, run: SubmissionRun, report: FindingsReport) -> list[Path]:
        """Store the result (idempotent: keyed by content), then write report.html and
        findings.xlsx beside findings.json with the verdicts reviewers gave so far; the
        paths written."""
        store = store_for(self.config)
        # a bundle routed to another program is stored under that program's rule set
        service = run.analysed.service if run.analysed is not None else None
        program_rs = service.ruleset if service is not None else self.ruleset
        saved = store.save_submission(self.run_id, report, run.extracts, program_rs,
                                      settings=self.config.extract_settings(),
                                      source_name=run.intake.source)
        if not self.config.write_reports:
            return []
        from smartcert.reports.write import write_submission_reports

        return write_submission_reports(report, run.out_dir,
                                        {f.name: f.path for f in run.intake.files},
                                        verdicts=latest_verdicts(store, saved.lineage),
                                        finding_keys=saved.finding_keys,
                                        submission=run.analysed.submission
                                        if run.analysed is not None and service is None
                                        else None,
                                        ruleset=self.ruleset,
                                        max_render_megapixels=self.config.limits
                                        .max_render_megapixels)


def write_summary(items: Sequence[tuple[Path, FindingsReport]], config: RunConfig) -> list[Path]:
    """The committee's batch summary next to the batch's submissions."""
    if not config.write_reports or not items:
        return []
    from smartcert.reports.write import BatchEntry, write_batch_summary

    entries = [BatchEntry(name=out_dir.name, report=report, report_html=out_dir / REPORT_HTML)
               for out_dir, report in items]
    return write_batch_summary(entries, config.out_dir)
