"""The Prefect tasks: each wraps one step of `pipelines/steps.py`, and `TaskSteps` runs the
spine's analysis steps as these tasks (one extraction task per document).

Retries only where a failure can be transient (file system I/O: intake, writing results);
extraction and analysis are CPU-bound and deterministic, so a retry would fail the same way.
Task inputs are large models, so Prefect's input hashing is off (`NO_CACHE`): extraction is
cached by content in `pipelines/cache.py` instead, across processes and runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from prefect import task
from prefect.cache_policies import NO_CACHE
from prefect.utilities.annotations import quote

from smartcert.extractors.models import DocumentExtract
from smartcert.extractors.progress import emit_to, events_to
from smartcert.intake.bundle import BundleFile, IntakeResult
from smartcert.pipelines.cache import ExtractCache
from smartcert.pipelines.outcome import Outcome
from smartcert.pipelines.persist import SaveOutcome
from smartcert.pipelines.runtime import RunConfig
from smartcert.pipelines.steps import (
    SubmissionRun,
    analyse_step,
    extract_step,
    intake_step,
    report_step,
    write_extract,
)
from smartcert.reports.assemble import Analysed
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.claims import Submission


@task(name="intake", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def intake_task(source: Path, config: RunConfig) -> IntakeResult:
    return intake_step(source, config.work_dir, config.intake_limits)


@task(name="extract", cache_policy=NO_CACHE, task_run_name="extract {f.name}")
def extract_task(f: BundleFile, config: RunConfig, out_dir: Path) -> DocumentExtract:
    """One document, from the cache when its bytes were read before. An extractor that
    breaks on a document is an `intake.extractor-failed` finding (`extract_file`'s net);
    the submission and the batch go on. Disk-full and permission errors stop the run."""
    with events_to(config.events):  # its OCR pages, for the command's display
        doc = extract_step(f, config.extract_settings(), ExtractCache(config.cache_dir))
    write_extract(doc, out_dir, config.extract_json)
    emit_to(config.events, "doc", sub=out_dir.name)
    return doc


@task(name="analyse", cache_policy=NO_CACHE)
def analyse_task(submission_id: str, extracts: list[DocumentExtract],
                 program: str) -> Analysed:
    return analyse_step(submission_id, extracts, load_ruleset(program))


@task(name="report", retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE,
      task_run_name="report {run.source.name}")
def report_task(run: SubmissionRun, peers: list[Submission] | None, config: RunConfig,
                run_id: str) -> Outcome:
    """The report step within the stored run `run_id`."""
    ruleset = load_ruleset(config.program)
    return report_step(run, ruleset, peers, SaveOutcome(run_id, ruleset, config))


@dataclass(frozen=True)
class TaskSteps:
    """The spine's analysis steps as Prefect tasks of the calling flow."""

    config: RunConfig

    def intake(self, source: Path) -> IntakeResult:
        return intake_task(source, self.config)

    def extract(self, files: Sequence[BundleFile], out_dir: Path) -> list[DocumentExtract]:
        emit_to(self.config.events, "files", sub=out_dir.name, n=len(files))
        futures = [extract_task.submit(f, self.config, out_dir) for f in files]
        return [fut.result() for fut in futures]

    def analyse(self, submission_id: str, extracts: list[DocumentExtract]) -> Analysed:
        # quote(): Prefect would otherwise walk every span and cell of these models looking
        # for futures (a third of a batch's time); there are none inside
        return analyse_task(submission_id, quote(extracts), self.config.program)
