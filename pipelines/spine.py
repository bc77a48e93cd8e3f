"""The order of a submission run, written once: intake → extract → analyse, then report
(scored alone, or within its batch once every submission of the batch is analysed).

How each step runs is the caller's: in this process (`DirectSteps`: `smartcert validate`,
tests, benchmarks) or as Prefect tasks (`pipelines.tasks.TaskSteps`, one task per
document). The flows only fan this out over submissions and gather.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.models import DocumentExtract
from smartcert.extractors.progress import emit_to, events_to
from smartcert.intake.bundle import BundleFile, IntakeResult
from smartcert.intake.limits import IntakeLimits
from smartcert.pipelines.cache import ExtractCache
from smartcert.pipelines.outcome import Outcome
from smartcert.pipelines.outnames import LOG_NAME
from smartcert.pipelines.outsource import claim_and_warn
from smartcert.pipelines.privacy import ExtractJson
from smartcert.pipelines.progress import Progress, quiet
from smartcert.pipelines.steps import (
    Persist,
    SubmissionRun,
    analyse_step,
    extract_step,
    intake_step,
    report_step,
    write_extract,
)
from smartcert.reports.assemble import Analysed
from smartcert.reports.jsonfile import fit_name
from smartcert.reports.names import SUMMARY_HTML, SUMMARY_XLSX
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.claims import Submission


class Steps(Protocol):
    """The analysis steps of one submission, however they are executed."""

    def intake(self, source: Path) -> IntakeResult: ...

    def extract(self, files: Sequence[BundleFile], out_dir: Path) -> list[DocumentExtract]:
        """Every document, its extraction result written below `out_dir`, in order."""
        ...

    def analyse(self, submission_id: str, extracts: list[DocumentExtract]) -> Analysed: ...



# names the batch writes at the top of its output folder: a submission never takes one
RESERVED_OUT_NAMES = frozenset({SUMMARY_HTML, SUMMARY_XLSX, LOG_NAME, ".smartcert", ".work"})


def out_dir_for(source: Path, out_root: Path) -> Path:
    """`<out_root>/<submission name>`; a name the batch's own outputs use gets a suffix, and
    a name too long for the file system is shortened (distinctly)."""
    name = source.name
    if name in RESERVED_OUT_NAMES or name.startswith("."):
        name = f"{name}_제출물"
    return out_root / fit_name(name)


def analyse_submission(source: Path, out_dir: Path, steps: Steps) -> SubmissionRun:
    """Intake, extraction and analysis; the report comes later, once the batch it is scored
    in is known."""
    claim_and_warn(out_dir, source)  # before any output: whose results the folder holds
    intake = steps.intake(source)
    extracts = steps.extract(intake.files, out_dir)
    return SubmissionRun(source=source, out_dir=out_dir, intake=intake, extracts=extracts,
                         analysed=steps.analyse(intake.submission_id, extracts))


def peers_of(runs: Sequence[SubmissionRun], relative: bool = False) -> list[Submission] | None:
    """What each submission of a batch is scored within: every analysed one when the
    operator asked for relative scoring within the applicant type, else None (each alone,
    the default)."""
    peers = [r.analysed.submission for r in runs if r.analysed is not None]
    return peers if relative and peers else None


@dataclass
class DirectSteps:
    """The steps called in this process, one document after another."""

    ruleset: RuleSet
    work_dir: Path
    cache: ExtractCache
    settings: ExtractSettings | None = None
    progress: Progress = quiet
    persist: Persist | None = None  # None: findings.json only, nothing stored
    intake_limits: IntakeLimits | None = None  # None: the defaults
    extract_json: ExtractJson = ExtractJson.MASKED
    events: Path | None = None  # progress events for a display (`extractors.progress`)

    def intake(self, source: Path) -> IntakeResult:
        return intake_step(source, self.work_dir, self.intake_limits)

    def extract(self, files: Sequence[BundleFile], out_dir: Path) -> list[DocumentExtract]:
        emit_to(self.events, "files", sub=out_dir.name, n=len(files))
        docs = []
        for i, f in enumerate(files, 1):
            self.progress(f"  [{i}/{len(files)}] {f.name}")
            with events_to(self.events):
                doc = extract_step(f, self.settings, self.cache)
            write_extract(doc, out_dir, self.extract_json)
            emit_to(self.events, "doc", sub=out_dir.name)
            docs.append(doc)
        return docs

    def analyse(self, submission_id: str, extracts: list[DocumentExtract]) -> Analysed:
        return analyse_step(submission_id, extracts, self.ruleset)

    def report(self, run: SubmissionRun, peers: list[Submission] | None = None) -> Outcome:
        outcome = report_step(run, self.ruleset, peers, self.persist)
        run.report = outcome.report
        return outcome


def run_submission(source: Path, out_dir: Path, steps: DirectSteps) -> SubmissionRun:
    """One submission, scored alone (the single-submission default of scoring/method.py)."""
    run = analyse_submission(source, out_dir, steps)
    steps.report(run)
    return run


def run_batch(sources: Sequence[Path], out_root: Path, steps: DirectSteps,
              relative: bool = False) -> list[SubmissionRun]:
    """Every submission one after another; with `relative` (the operator's request),
    scored within the batch (same applicant type) once all are analysed, else each alone."""
    runs = []
    for k, source in enumerate(sources, 1):
        steps.progress(f"[{k}/{len(sources)}] {source.name}")
        runs.append(analyse_submission(source, out_dir_for(source, out_root), steps))
    peers = peers_of(runs, relative)
    for run in runs:
        steps.report(run, peers)
    return runs
