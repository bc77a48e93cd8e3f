"""Batch intake: every submission (folder or .zip) in a batch folder, one after another."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from extractors.base import ExtractSettings
from pipelines.cache import ExtractCache
from pipelines.steps import (
    SubmissionRun,
    build_report,
    extract_step,
    intake_step,
    map_step,
    validate_step,
    write_extract,
    write_report,
)
from schemas.catalogue import load_ruleset

Progress = Callable[[str], None]


def submissions_in(batch_dir: Path) -> list[Path]:
    """Sub-folders and .zip files of a batch folder, by name; a folder of files is itself one."""
    entries = sorted(p for p in batch_dir.iterdir() if not p.name.startswith("."))
    subs = [p for p in entries if p.is_dir() or p.suffix.lower() == ".zip"]
    return subs or [batch_dir]


def run_submission(
    source: Path, out_root: Path, settings: ExtractSettings | None = None,
    progress: Progress = lambda _m: None, cache: ExtractCache | None = None,
    program: str = "city-2025",
) -> SubmissionRun:
    work = out_root / ".work"
    cache = cache or ExtractCache(out_root / ".cache" / "extract")
    intake = intake_step(source, work)
    out_dir = out_root / source.name
    run = SubmissionRun(source=source, out_dir=out_dir, intake=intake)
    for i, f in enumerate(intake.files, 1):
        progress(f"  [{i}/{len(intake.files)}] {f.name}")
        doc = extract_step(f, settings, cache)
        write_extract(doc, out_dir)
        run.extracts.append(doc)
    ruleset = load_ruleset(program)
    mapped = map_step(run, ruleset)
    report = build_report(run, mapped, validate_step(mapped, ruleset), ruleset)
    write_report(report, out_dir)
    run.report = report
    return run


def run_batch(
    batch_dir: Path, out_root: Path, settings: ExtractSettings | None = None,
    progress: Progress = lambda _m: None, program: str = "city-2025",
) -> list[SubmissionRun]:
    runs = []
    subs = submissions_in(batch_dir)
    cache = ExtractCache(out_root / ".cache" / "extract")
    for k, source in enumerate(subs, 1):
        progress(f"[{k}/{len(subs)}] {source.name}")
        runs.append(run_submission(source, out_root, settings, progress, cache, program))
    return runs
