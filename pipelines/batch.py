"""Runs without a Prefect server: one submission (`smartcert validate`), or a batch one
submission after another (tests, benchmarks' serial baseline), on the spine of
`pipelines/spine.py` with every step called in this process."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from smartcert.extractors.base import ExtractSettings
from smartcert.pipelines import spine
from smartcert.pipelines.cache import ExtractCache
from smartcert.pipelines.persist import SaveOutcome, store_for
from smartcert.pipelines.runtime import RunConfig, cache_dir_of, data_dir_for
from smartcert.pipelines.spine import DirectSteps, Progress, quiet
from smartcert.pipelines.steps import SubmissionRun
from smartcert.schemas.catalogue import load_ruleset
from smartcert.store import RunKind, RunStatus


def submissions_in(batch_dir: Path) -> list[Path]:
    """Sub-folders and .zip files of a batch folder, by name; a folder of files is itself one."""
    entries = sorted(p for p in batch_dir.iterdir() if not p.name.startswith("."))
    subs = [p for p in entries if p.is_dir() or p.suffix.lower() == ".zip"]
    return subs or [batch_dir]


@dataclass(frozen=True)
class Stray:
    """An entry of a batch folder that is not taken in, and why (Korean, for the operator)."""

    path: Path
    reason: str


def strays_in(batch_dir: Path) -> list[Stray]:
    """What `submissions_in` leaves out, so every entry of a batch is accounted for: hidden
    entries (a '.smartcert' data folder, '.DS_Store' …) and loose files beside submissions."""
    entries = sorted(batch_dir.iterdir())
    if submissions_in(batch_dir) == [batch_dir]:  # the folder is one submission: all taken
        return [Stray(p, "숨김 항목이라 제출 파일로 읽지 않았습니다")
                for p in entries if p.name.startswith(".")]
    out = []
    for p in entries:
        if p.name.startswith("."):
            out.append(Stray(p, "숨김 항목이라 제출물로 보지 않았습니다"))
        elif not (p.is_dir() or p.suffix.lower() == ".zip"):
            out.append(Stray(p, "접수 폴더 바로 아래의 낱개 파일이라 어느 제출물에도 넣지 "
                                "않았습니다 (제출물 폴더나 .zip 안에 두세요)"))
    return out


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
                        progress=progress, persist=SaveOutcome(run_id, ruleset, config))
    try:
        run = spine.run_submission(source, spine.out_dir_for(source, config.out_dir), steps)
    except KeyboardInterrupt:
        store.finish_run(run_id, RunStatus.INTERRUPTED)
        raise
    store.finish_run(run_id, RunStatus.COMPLETE)
    return run
