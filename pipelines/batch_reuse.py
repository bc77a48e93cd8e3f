"""Submissions of a batch unchanged since the last complete batch run into the same output
folder: their outcome is taken from the record and their files, not computed again.

The same fingerprint as `smartcert validate` (`reuse.fingerprint`: inputs, run settings,
code and rule sets, libraries, OCR engine, day, reviewers' verdicts), recorded per
submission after its report step. A reused submission is still part of the new run: its
stored result is linked to the run (the store adds nothing else: same content, same ids),
it is in the batch summary and the artifacts. Batch-relative scoring scores each submission
against the others, so it reuses nothing.

The batch summary is kept the same way: when the last run into the folder wrote it from the
same reports in the same order with the same code, and its files are untouched, it is not
drawn again (its writers, spreadsheet and charts, are most of an unchanged batch's imports).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from smartcert.core.report import FindingsReport
from smartcert.pipelines import reuse
from smartcert.pipelines.outcome import Outcome
from smartcert.pipelines.persist import write_summary
from smartcert.pipelines.runtime import RunConfig
from smartcert.reports.names import FINDINGS_JSON, SUMMARY_HTML
from smartcert.schemas.catalogue import load_program
from smartcert.store.api import Store

KIND = "batch"
SUMMARY_KIND = "batch-summary"
# run settings that change how a run is shown or where it reports progress, not what it finds
_NOT_SETTINGS = frozenset({"events"})


@dataclass(frozen=True)
class Candidate:
    source: Path
    slot: str
    fingerprint: reuse.Fingerprint
    outcome: Outcome | None  # the recorded outcome, when it may be reused


def settings_of(config: RunConfig) -> dict[str, object]:
    return {k: v for k, v in vars(config).items() if k not in _NOT_SETTINGS}


def shared_parts(config: RunConfig) -> dict[str, str]:
    """What every result of the batch depends on alike (`reuse.shared_parts`), read once."""
    return reuse.shared_parts(config.store_url, config.data_dir)


def candidates(sources: list[Path], config: RunConfig,
               shared: dict[str, str]) -> list[Candidate]:
    """Each submission with its fingerprint and, when unchanged, its recorded outcome.
    `shared`: the batch's `shared_parts`."""
    settings = settings_of(config)
    out: list[Candidate] = []
    for source in sources:
        slot = reuse.slot_of(config.out_dir, source, KIND)
        fp = reuse.fingerprint(source, settings, store_url=config.store_url,
                               data_dir=config.data_dir, shared=shared)
        hit, _ = reuse.recall(config.data_dir, slot, fp)
        out.append(Candidate(source, slot, fp, _outcome(source, hit) if hit else None))
    return out


def _outcome(source: Path, hit: reuse.Recalled) -> Outcome | None:
    try:
        report = FindingsReport.model_validate_json(
            (hit.out_dir / FINDINGS_JSON).read_text(encoding="utf-8"))
    except (OSError, ValueError):  # recall checked the files; a race with an editor: run
        return None
    return Outcome(source=str(source), submission_id=report.submission.id, report=report,
                   out_dir=hit.out_dir, files=tuple(Path(f) for f in hit.files),
                   failed_documents=tuple(hit.failed_documents))


def link(outcome: Outcome, run_id: str, store: Store, config: RunConfig) -> None:
    """The reused result as part of run `run_id`: saving the same report again adds only the
    run's link (no extracts: they are stored already)."""
    store.save_submission(run_id, outcome.report, [], load_program(outcome.report.program),
                          settings=config.extract_settings(),
                          source_name=Path(outcome.source).name)


def remember(candidate: Candidate, outcome: Outcome, config: RunConfig) -> None:
    reuse.remember(config.data_dir, candidate.slot, candidate.fingerprint, outcome.out_dir, [],
                   0, files=outcome.files, failed_documents=outcome.failed_documents)


def summary(items: Sequence[tuple[Path, FindingsReport]], config: RunConfig,
            shared: dict[str, str]) -> list[Path]:
    """The batch summary's files (`persist.write_summary`): the last run's, when they show
    the same reports in the same order, drawn by the same code and libraries, and were not
    touched since; else written now and remembered. `shared`: the batch's `shared_parts`."""
    if not config.write_reports or not items:
        return write_summary(items, config)
    fp = _summary_fingerprint(items, shared)
    slot = reuse.slot_of(config.out_dir, Path(SUMMARY_HTML), SUMMARY_KIND)
    hit, _ = reuse.recall(config.data_dir, slot, fp)
    if hit is not None:
        return [Path(f) for f in hit.files]
    paths = write_summary(items, config)
    reuse.remember(config.data_dir, slot, fp, config.out_dir, [], 0, files=paths,
                   scope=[p.relative_to(config.out_dir).as_posix() for p in paths])
    return paths


def _summary_fingerprint(items: Sequence[tuple[Path, FindingsReport]],
                         shared: dict[str, str]) -> reuse.Fingerprint:
    reports = hashlib.sha256()
    for out_dir, report in items:  # the folder: the summary names it and links its report
        reports.update(f"{out_dir.resolve()}\0".encode("utf-8", "surrogateescape"))
        reports.update(report.model_dump_json().encode() + b"\n")
    return reuse.Fingerprint(parts={"reports": reports.hexdigest(),
                                    "code": shared["code"],
                                    "libraries": shared["libraries"]})
