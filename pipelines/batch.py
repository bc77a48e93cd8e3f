"""Runs without a Prefect server: one submission (`smartcert validate`), or a batch one
submission after another (tests, benchmarks' serial baseline). The Prefect flows in
`pipelines/flows.py` wire the same steps as tasks."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from extractors.base import ExtractSettings
from pipelines.cache import ExtractCache
from pipelines.persist import save_outcome, store_for
from pipelines.runtime import RunConfig, cache_dir_of, data_dir_for
from pipelines.steps import (
    SubmissionRun,
    analyse_step,
    build_report,
    extract_step,
    intake_step,
    write_extract,
    write_report,
)
from schemas.catalogue import RuleSet, load_ruleset
from store import RunKind, RunStatus

Progress = Callable[[str], None]


def submissions_in(batch_dir: Path) -> list[Path]:
    """Sub-folders and .zip files of a batch folder, by name; a folder of files is itself one."""
    entries = sorted(p for p in batch_dir.iterdir() if not p.name.startswith("."))
    subs = [p for p in entries if p.is_dir() or p.suffix.lower() == ".zip"]
    return subs or [batch_dir]


def submissions_of_all(batch_dirs: list[Path]) -> list[Path]:
    """The submissions of several batch folders, in order. Each writes to `<out>/<name>`,
    so two with the same name are an operator's error, refused before anything runs."""
    sources = [s for d in batch_dirs for s in submissions_in(d)]
    seen: dict[str, Path] = {}
    for s in sources:
        if s.name in seen:
            raise ValueError(f"two submissions named {s.name!r}: {seen[s.name]} and {s}")
        seen[s.name] = s
    return sources


def out_dir_for(source: Path, out_root: Path) -> Path:
    return out_root / source.name


def default_cache(out_root: Path) -> ExtractCache:
    """The data directory's cache (as `RunConfig.cache_dir`)."""
    return ExtractCache(cache_dir_of(data_dir_for(out_root)))


def analyse_submission(
    source: Path, out_root: Path, ruleset: RuleSet, settings: ExtractSettings | None = None,
    progress: Progress = lambda _m: None, cache: ExtractCache | None = None,
) -> SubmissionRun:
    """Intake, extraction (cached by content) and analysis; the report comes later, once the
    batch it is scored in is known."""
    cache = cache or default_cache(out_root)
    intake = intake_step(source, out_root / ".work")
    run = SubmissionRun(source=source, out_dir=out_dir_for(source, out_root), intake=intake)
    for i, f in enumerate(intake.files, 1):
        progress(f"  [{i}/{len(intake.files)}] {f.name}")
        doc = extract_step(f, settings, cache)
        write_extract(doc, run.out_dir)
        run.extracts.append(doc)
    run.analysed = analyse_step(intake.submission_id, run.extracts, ruleset)
    return run


def finish_submission(run: SubmissionRun, ruleset: RuleSet,
                      batch: list[SubmissionRun] | None = None) -> SubmissionRun:
    assert run.analysed is not None, "analyse_submission first"
    peers = [r.analysed.submission for r in batch or [] if r.analysed is not None]
    run.report = build_report(run.intake, run.extracts, run.analysed, ruleset, peers or None)
    write_report(run.report, run.out_dir)
    return run


def run_submission(
    source: Path, out_root: Path, settings: ExtractSettings | None = None,
    progress: Progress = lambda _m: None, cache: ExtractCache | None = None,
    program: str = "city-2025",
) -> SubmissionRun:
    """One submission, scored alone (the single-submission default of scoring/method.py)."""
    ruleset = load_ruleset(program)
    run = analyse_submission(source, out_root, ruleset, settings, progress, cache)
    return finish_submission(run, ruleset)


def run_batch(
    batch_dir: Path, out_root: Path, settings: ExtractSettings | None = None,
    progress: Progress = lambda _m: None, program: str = "city-2025",
    relative: bool = True,
) -> list[SubmissionRun]:
    """Every submission of a batch; with `relative`, scored within the batch (same applicant
    type) once all are analysed."""
    ruleset = load_ruleset(program)
    cache = default_cache(out_root)
    subs = submissions_in(batch_dir)
    runs = []
    for k, source in enumerate(subs, 1):
        progress(f"[{k}/{len(subs)}] {source.name}")
        runs.append(analyse_submission(source, out_root, ruleset, settings, progress, cache))
    for run in runs:
        finish_submission(run, ruleset, runs if relative else None)
    return runs


def validate_one(source: Path, config: RunConfig,
                 progress: Progress = lambda _m: None) -> SubmissionRun:
    """`smartcert validate`: one submission without Prefect, stored as a run of its own."""
    ruleset = load_ruleset(config.program)
    store = store_for(config)
    run_id = store.start_run(RunKind.SINGLE, ruleset, program=config.program)
    run = analyse_submission(source, config.out_dir, ruleset, config.extract_settings(),
                             progress, ExtractCache(config.cache_dir))
    finish_submission(run, ruleset)
    assert run.report is not None
    save_outcome(run_id, run.report, run.extracts, run.intake, ruleset, config, run.out_dir)
    store.finish_run(run_id, RunStatus.COMPLETE)
    return run
