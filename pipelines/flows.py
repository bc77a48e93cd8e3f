"""Prefect flows around the same steps the CLI runs (orchestration only, no parsing).

Issue #5 grows this into per-document tasks with result caching and artifacts; today a
submission is one task, so a failing submission never fails the batch.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

from prefect import flow, get_run_logger, task

from pipelines.batch import run_submission, submissions_in
from pipelines.cache import ExtractCache


@task(name="submission", retries=0)
def submission_task(source: str, out_dir: str, program: str) -> dict[str, object]:
    out = Path(out_dir)
    run = run_submission(Path(source), out, cache=ExtractCache(out / ".cache" / "extract"),
                         program=program)
    report = run.report
    return {
        "submission": source,
        "id": run.intake.submission_id,
        "applicant": report.submission.applicant if report else None,
        "findings": len(report.findings) if report else None,
    }


@flow(name="batch-intake")
def batch_intake(batch_dir: str, out_dir: str, program: str = "city-2025") -> list[dict]:
    """Every submission (folder or .zip) of a batch folder → findings.json per submission."""
    logger = get_run_logger()
    results = []
    for source in submissions_in(Path(batch_dir)):
        logger.info("submission %s", source.name)
        results.append(submission_task(str(source), out_dir, program))
    return results
