"""Runs without a Prefect server: one submission (`smartcert validate`), or a batch one
submission after another (tests, benchmarks' serial baseline), on the spine of
`pipelines/spine.py` with every step called in this process."""
from __future__ import annotations

from pathlib import Path

from smartcert.extractors.base import ExtractSettings
from smartcert.pipelines import spine

# what a batch folder holds, re-exported (`batch_folder` is light: the preflight reads it)
from smartcert.pipelines.batch_folder import Stray as Stray
from smartcert.pipelines.batch_folder import strays_in as strays_in
from smartcert.pipelines.batch_folder import submissions_in
from smartcert.pipelines.batch_folder import submissions_of_all as submissions_of_all
from smartcert.pipelines.cache import ExtractCache
from smartcert.pipelines.persist import SaveOutcome, store_for
from smartcert.pipelines.progress import Progress, quiet
from smartcert.pipelines.runtime import RunConfig, cache_dir_of, data_dir_for
from smartcert.pipelines.spine import DirectSteps
from smartcert.pipelines.steps import SubmissionRun
from smartcert.schemas.catalogue import load_ruleset
from smartcert.store import RunKind, RunStatus


def default_cache(out_root: Path) -> ExtractCache:
    """The data directory's cache (as `RunConfig.cache_dir`)."""
    return ExtractCache(cache_dir_of(data_dir_for(out_root)))


def run_submission(
    source: Path, out_root: Path, settings: ExtractSettings | None = None,
    progress: Progress = quiet, cache: ExtractCache | None = None,
    program: str = "city-2025",
) -> SubmissionRun:
    """One submission to `<out_root>/<name>`, scored alone; nothing stored."""
    steps = DirectSteps(ruleset=load_ruleset(program), work_dir=out_root / ".work",
                        cache=cache or default_cache(out_root), settings=settings,
                        progress=progress)
    return spine.run_submission(source, spine.out_dir_for(source, out_root), steps)


def run_batch(
    batch_dir: Path, out_root: Path, settings: ExtractSettings | None = None,
    progress: Progress = quiet, program: str = "city-2025",
    relative: bool = False,
) -> list[SubmissionRun]:
    """Every submission of a batch folder; with `relative` (the operator's request),
    scored within the batch (same applicant type) once all are analysed, else each alone.
    Nothing stored."""
    steps = DirectSteps(ruleset=load_ruleset(program), work_dir=out_root / ".work",
                        cache=default_cache(out_root), settings=settings, progress=progress)
    return spine.run_batch(submissions_in(batch_dir), out_root, steps, relative)


def validate_one(source: Path, config: RunConfig, progress: Progress = quiet) -> SubmissionRun:
    """`smartcert validate`: one submission without Prefect, stored as a run of its own."""
    ruleset = load_ruleset(config.program)
    store = store_for(config)
    run_id = store.start_run(RunKind.SINGLE, ruleset, program=config.program)
    steps = DirectSteps(ruleset=ruleset, work_dir=config.work_dir,
                        cache=ExtractCache(config.cache_dir), settings=config.extract_settings(),
                        progress=progress, persist=SaveOutcome(run_id, ruleset, config),
                        intake_limits=config.intake_limits, extract_json=config.extract_json,
                        events=config.events)
    try:
        run = spine.run_submission(source, spine.out_dir_for(source, config.out_dir), steps)
    except KeyboardInterrupt:
        store.finish_run(run_id, RunStatus.INTERRUPTED)
        raise
    store.finish_run(run_id, RunStatus.COMPLETE)
    return run
