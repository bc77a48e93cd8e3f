"""The Prefect tasks: each wraps one step of `pipelines/steps.py`.

Retries only where a failure can be transient (file system I/O: intake, writing results);
extraction and analysis are CPU-bound and deterministic, so a retry would fail the same way.
Task inputs are large models, so Prefect's input hashing is off (`NO_CACHE`): extraction is
cached by content in `pipelines/cache.py` instead, across processes and runs.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE

from extractors.api import extractor_failed
from extractors.models import DocumentExtract
from intake.bundle import BundleFile, IntakeResult
from pipelines.cache import ExtractCache
from pipelines.persist import save_outcome
from pipelines.runtime import RunConfig
from pipelines.steps import (
    Analysed,
    SubmissionRun,
    analyse_step,
    build_report,
    extract_step,
    intake_step,
    write_extract,
    write_report,
)
from schemas.catalogue import load_ruleset
from schemas.claims import Submission
from schemas.report import FindingsReport

# operating-system failures that no document causes: they stop the run loudly
_OPERATIONAL = (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EMFILE)




@dataclass(frozen=True)
class Outcome:
    """What a submission's report task left behind."""

    source: str
    submission_id: str
    report: FindingsReport
    out_dir: Path
    files: tuple[Path, ...]
    failed_documents: tuple[str, ...] = ()


@task(name="intake", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def intake_task(source: Path, config: RunConfig) -> IntakeResult:
    return intake_step(source, config.work_dir)


@task(name="extract", cache_policy=NO_CACHE, task_run_name="extract {f.name}")
def extract_task(f: BundleFile, config: RunConfig, out_dir: Path) -> DocumentExtract:
    """One document, from the cache when its bytes were read before. An extractor that
    breaks on a document makes it an `intake.extractor-failed` finding; the submission
    and the batch go on. Disk-full and permission errors stop the run."""
    try:
        doc = extract_step(f, config.extract_settings(), ExtractCache(config.cache_dir))
    except Exception as e:  # a bug in one extractor must not lose the batch …
        if isinstance(e, MemoryError) or (isinstance(e, OSError) and e.errno in _OPERATIONAL):
            raise  # … but a full disk or memory is the operator's to see
        get_run_logger().exception("extractor failed on %s", f.name)
        doc = extractor_failed(f.path, f.name, e)
    write_extract(doc, out_dir)
    return doc


@task(name="analyse", cache_policy=NO_CACHE)
def analyse_task(submission_id: str, extracts: list[DocumentExtract],
                 program: str) -> Analysed:
    return analyse_step(submission_id, extracts, load_ruleset(program))


@task(name="report", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE,
      task_run_name="report {run.source.name}")
def report_task(run: SubmissionRun, peers: list[Submission] | None, config: RunConfig,
                run_id: str) -> Outcome:
    """Score (within `peers` when given), write findings.json and the reports, and store
    it all; every write is keyed by content, so a re-run after a crash rewrites the same."""
    assert run.analysed is not None, "the submission flow analyses first"
    ruleset = load_ruleset(config.program)
    report = build_report(run.intake, run.extracts, run.analysed, ruleset, peers)
    files = [write_report(report, run.out_dir)]
    files += save_outcome(run_id, report, run.extracts, run.intake, ruleset, config,
                          run.out_dir)
    return Outcome(source=str(run.source), submission_id=report.submission.id,
                   report=report, out_dir=run.out_dir, files=tuple(files),
                   failed_documents=tuple(run.failed_documents))
