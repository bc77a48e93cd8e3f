"""Prefect flows: batch intake (one subflow per submission, one task per document) and the
renewal re-validation (`pipelines/renewal_flow.py`). Orchestration only: the order of the
steps is `pipelines/spine.py`'s, run here as the tasks of `pipelines/tasks.py`; the flows
fan it out over submissions and gather. Prefect's environment is set before any of this is
imported (`pipelines.runtime.prepare_prefect`).

A submission that cannot be processed, or a document whose extractor breaks, is recorded
and the batch goes on; the run then ends PARTIAL (docling's PARTIAL_SUCCESS).
"""

from __future__ import annotations

import importlib.util
import logging
import os
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from smartcert.extractors.limits import Limits
from smartcert.extractors.progress import emit_to
from smartcert.intake.limits import IntakeLimits
from smartcert.pipelines import batch_reuse
from smartcert.pipelines.artifacts import publish_batch_artifacts
from smartcert.pipelines.batch_folder import Stray, strays_in, submissions_of_all
from smartcert.pipelines.outcome import Outcome
from smartcert.pipelines.persist import store_for
from smartcert.pipelines.privacy import ExtractJson
from smartcert.pipelines.progress import Progress, quiet
from smartcert.pipelines.runtime import RunConfig
from smartcert.schemas.catalogue import load_ruleset
from smartcert.store import RunStatus

if TYPE_CHECKING:  # the steps load when a submission is analysed: an unchanged batch, all
    # of it taken from the record, imports none of the reading, mapping and rule modules
    from smartcert.pipelines.steps import SubmissionRun

_progress: Progress = quiet  # set by the CLI for its display


def set_progress(fn: Progress) -> None:
    global _progress
    _progress = fn


@dataclass
class BatchResult:
    run_id: str
    status: RunStatus
    outcomes: list[Outcome] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # submissions that could not be processed
    summary: list[Path] = field(default_factory=list)  # the committee's batch summary
    strays: list[Stray] = field(default_factory=list)  # batch entries not taken in, and why


@flow(name="submission-intake", flow_run_name="submission {source.name}",
      task_runner=ThreadPoolTaskRunner(max_workers=1))
def submission_flow(source: Path, config: RunConfig) -> quote[SubmissionRun]:
    """The spine's analysis of one submission, its steps as tasks of this flow."""
    from smartcert.pipelines.spine import analyse_submission, out_dir_for
    from smartcert.pipelines.tasks import TaskSteps

    # quote(): the returned models are large and hold no futures for Prefect to look for
    return quote(analyse_submission(source, out_dir_for(source, config.out_dir),
                                    TaskSteps(config)))


def _with_runner(sub_flow, dask_address: str | None):  # type: ignore[no-untyped-def]
    if dask_address is None:
        return sub_flow
    from prefect_dask import DaskTaskRunner

    return sub_flow.with_options(task_runner=DaskTaskRunner(address=dask_address))


@task(name="submission", cache_policy=NO_CACHE, task_run_name="submission {source.name}")
def submission_task(source: Path, config: RunConfig,
                    dask_address: str | None) -> quote[SubmissionRun]:
    """A submission's subflow run from a task, so that several run at once (Prefect runs a
    flow called from a flow inline, one after another)."""
    return _with_runner(submission_flow, dask_address)(source, config)


def _analyse_all(sources: list[Path], config: RunConfig, dask_address: str | None,
                 parallel: int) -> tuple[list[SubmissionRun], list[str]]:
    """Every submission's subflow, `parallel` at a time (waves, in order); a submission that
    fails is named, the others go on."""
    logger = get_run_logger()
    analyses: list[SubmissionRun] = []
    failed: list[str] = []
    for start in range(0, len(sources), parallel):
        wave = sources[start:start + parallel]
        for k, source in enumerate(wave, start + 1):
            if config.events is None:  # else a display follows the run's events
                _progress(f"[{k}/{len(sources)}] {source.name}")
        if parallel == 1:
            states = [_with_runner(submission_flow, dask_address)(
                wave[0], config, return_state=True)]
        else:
            futures = [submission_task.submit(s, config, dask_address) for s in wave]
            for f in futures:
                f.wait()
            states = [f.state for f in futures]
        for k, (source, state) in enumerate(zip(wave, states, strict=True), start + 1):
            if state.is_completed():
                analyses.append(state.result().unquote())
                _progress(f"[{k}/{len(sources)}] {source.name}: {_read(analyses[-1])}")
            else:  # the traceback is in the subflow's log; the batch goes on
                logger.error("submission %s failed: %s", source.name, state.message)
                _progress(f"  실패: {source.name} ({state.message})")
                failed.append(source.name)
    return analyses, failed


@flow(name="batch-intake")
def batch_intake(batch_dir: str | list[str], out_dir: str, program: str = "city-2025",
                 data_dir: str | None = None, store_url: str | None = None, ocr: bool = True,
                 relative_scoring: bool = False, dask_workers: int = 0,
                 parallel_submissions: int = 1, dask_address: str | None = None,
                 dask_dashboard: bool = False,
                 limits: dict[str, int | float] | None = None,
                 intake_limits: dict[str, int | float] | None = None,
                 extract_json: str = "masked",
                 progress_events: str | None = None) -> BatchResult:
    """Every submission (folder or .zip) of a batch folder (or of several) → findings.json
    and reports per submission, results in the store, a summary artifact. Each submission is
    scored on its own unless `relative_scoring` (the operator's `--batch-relative`) scores
    numeric indicators relative to the batch's peers of its applicant type. `dask_workers` > 0
    runs the document tasks on a local Dask cluster of that many worker processes (its
    dashboard only with `dask_dashboard`), `dask_address` (tcp://host:8786) on an existing
    cluster instead; `parallel_submissions` > 1 runs that many submissions' subflows at once.
    `limits`: the reading limits (`extractors.limits.Limits` fields; default: its defaults),
    `intake_limits` the archive limits (`intake.limits.IntakeLimits` fields, likewise).
    `extract_json`: the extraction records under each submission's folder, `masked` (personal
    numbers masked), `clear` or `none`. `progress_events`: a file to append progress events to
    for a display (`extractors.progress`)."""
    if parallel_submissions < 1:
        raise ValueError(f"parallel_submissions must be ≥ 1, got {parallel_submissions}")
    if dask_address and dask_workers:
        raise ValueError("dask_address (an existing cluster) and dask_workers (a local one) "
                         "exclude each other")
    config = RunConfig.make(out_dir, data_dir, program=program, store_url=store_url, ocr=ocr,
                            relative_scoring=relative_scoring,
                            limits=Limits(**limits) if limits else Limits(),
                            intake_limits=IntakeLimits(**intake_limits) if intake_limits
                            else IntakeLimits(), extract_json=ExtractJson(extract_json),
                            events=Path(progress_events) if progress_events else None)
    ruleset = load_ruleset(program)
    store = store_for(config)
    run_id = store.start_run("batch", ruleset, program=program)
    dirs = [batch_dir] if isinstance(batch_dir, str) else batch_dir
    sources = submissions_of_all([Path(d) for d in dirs])
    strays = [x for d in dirs for x in strays_in(Path(d))]
    for x in strays:
        get_run_logger().warning("not taken in: %s (%s)", x.path, x.reason)
    # unchanged submissions keep their outcome (never with batch-relative scoring: each
    # is then scored against the others)
    shared = batch_reuse.shared_parts(config)  # code, libraries …: read once for the run
    known = [] if relative_scoring else batch_reuse.candidates(sources, config, shared)
    reused = {c.source: c.outcome for c in known if c.outcome is not None}
    for k, source in enumerate(reused, 1):
        emit_to(config.events, "files", sub=source.name, n=0)
        _progress(f"[재사용 {k}/{len(reused)}] {source.name}: 지난 실행 이후 바뀐 것이 없어 "
                  "그 결과를 그대로 씁니다")
    to_run = [s for s in sources if s not in reused]
    try:
        with ExitStack() as stack:
            address = dask_address or (
                _start_dask(stack, dask_workers, dask_dashboard)
                if dask_workers and to_run else None)
            if address:
                _quiet_dask()
                # each Dask worker reads a document of its own: none splits one across cores
                config = replace(config, page_workers=1)
            analyses, failed = _analyse_all(to_run, config, address, parallel_submissions)
        fresh = _report_all(analyses, relative_scoring, config, run_id)
        for outcome in reused.values():
            batch_reuse.link(outcome, run_id, store, config)
    except KeyboardInterrupt:  # what was done is stored and cached: a re-run resumes
        store.finish_run(run_id, RunStatus.INTERRUPTED)
        raise
    by_source = {c.source: c for c in known}
    for outcome in fresh:
        if Path(outcome.source) in by_source:
            batch_reuse.remember(by_source[Path(outcome.source)], outcome, config)
    done = {Path(o.source): o for o in fresh} | reused
    outcomes = [done[s] for s in sources if s in done]
    partial = failed or any(o.failed_documents for o in outcomes)
    status = RunStatus.PARTIAL if partial else RunStatus.COMPLETE
    store.finish_run(run_id, status)
    result = BatchResult(run_id=run_id, status=status, outcomes=outcomes, failed=failed,
                         strays=strays)
    result.summary = batch_reuse.summary([(o.out_dir, o.report) for o in outcomes], config,
                                         shared)
    publish_batch_artifacts(result.outcomes, result.failed, config)
    return result


def _report_all(analyses: list[SubmissionRun], relative_scoring: bool, config: RunConfig,
                run_id: str) -> list[Outcome]:
    """Each analysed submission scored (against its peers with `relative_scoring`), stored
    and reported, as tasks side by side."""
    if not analyses:
        return []
    from smartcert.pipelines.spine import peers_of
    from smartcert.pipelines.tasks import report_task

    peers = peers_of(analyses, relative_scoring)
    futures = [report_task.submit(quote(a), quote(peers), config, run_id) for a in analyses]
    return [f.result() for f in futures]


def _read(run: SubmissionRun) -> str:
    """What was read of a submission, for the operator's line (Korean)."""
    ocr = sum(p.ocr for d in run.extracts for p in d.pages)
    return f"문서 {len(run.extracts)}건 읽음" + (f", OCR {ocr}쪽" if ocr else "")


def _quiet_dask() -> None:
    """distributed logs every connection, worker and nanny at INFO (~45 lines a run): its
    warnings only, here and in the worker processes it spawns (they read the environment)."""
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")
    import distributed  # noqa: F401  (its import sets its loggers' levels: override after)

    logging.getLogger("distributed").setLevel(logging.WARNING)


def _start_dask(stack: ExitStack, workers: int, dashboard: bool = False) -> str:
    _quiet_dask()  # before the cluster starts: its start-up is the noisiest part
    from distributed import LocalCluster

    # the scheduler always serves HTTP (health, metrics): without a dashboard on a free
    # loopback port, with one on Dask's usual 8787 (the next free port if taken)
    http = {"dashboard_address": "127.0.0.1:8787" if dashboard else "127.0.0.1:0",
            "dashboard": dashboard}
    # one process per worker: extraction is CPU-bound Python (the GIL rules out threads)
    cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1,
                                               processes=True, scheduler_kwargs=http))
    if dashboard:
        get_run_logger().info("Dask dashboard: %s", cluster.dashboard_link)
        bokeh = importlib.util.find_spec("bokeh") is not None  # not a dependency of ours
        _progress(f"Dask 대시보드: {cluster.dashboard_link}" if bokeh else
                  "Dask 대시보드를 보려면 bokeh가 필요합니다: .venv/bin/pip install 'bokeh>=3.1'")
    return str(cluster.scheduler_address)
