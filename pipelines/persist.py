"""Storing a submission's outcome and writing its human reports (wiring only: the store is
`store/`, the reports `reports/`)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from extractors.models import DocumentExtract
from intake.bundle import IntakeResult
from pipelines.runtime import RunConfig
from reports.verdicts import VerdictInfo
from reports.write import REPORT_HTML, BatchEntry, write_batch_summary, write_submission_reports
from schemas.catalogue import RuleSet
from schemas.report import FindingsReport
from store import Store, Verdict


@cache
def open_store(url: str | None, data_dir: Path) -> Store:
    """One store (engine and connection pool) per process and database."""
    return Store.open(url, data_dir)


def store_for(config: RunConfig) -> Store:
    return open_store(config.store_url, config.data_dir)


def verdict_info(v: Verdict) -> VerdictInfo:
    return VerdictInfo(verdict=v.verdict, comment=v.comment or "", reviewer=v.reviewer,
                       decided_at=v.at.isoformat(timespec="minutes"))


def save_outcome(run_id: str, report: FindingsReport, extracts: list[DocumentExtract],
                 intake: IntakeResult, ruleset: RuleSet, config: RunConfig,
                 out_dir: Path) -> list[Path]:
    """Store the result (idempotent: keyed by content), then write report.html and
    findings.xlsx beside findings.json with the verdicts reviewers gave so far; the paths
    written."""
    store = store_for(config)
    saved = store.save_submission(run_id, report, extracts, ruleset,
                                  settings=config.extract_settings(), source_name=intake.source)
    if not config.write_reports:
        return []
    verdicts = {k: verdict_info(v) for k, v in store.verdicts_for(lineage=saved.lineage).items()}
    return write_submission_reports(report, out_dir, {f.name: f.path for f in intake.files},
                                    verdicts=verdicts, finding_keys=saved.finding_keys)


def write_summary(items: Sequence[tuple[Path, FindingsReport]], config: RunConfig) -> list[Path]:
    """The committee's batch summary next to the batch's submissions."""
    if not config.write_reports or not items:
        return []
    entries = [BatchEntry(name=out_dir.name, report=report, report_html=out_dir / REPORT_HTML)
               for out_dir, report in items]
    return write_batch_summary(entries, config.out_dir)
