"""Submissions of a batch unchanged since the last complete batch run into the same output
folder: their outcome is taken from the record and their files, not computed again.

The same fingerprint as `smartcert validate` (`reuse.fingerprint`: inputs, run settings,
code and rule sets, libraries, OCR engine, day, reviewers' verdicts), recorded per
submission after its report step. A reused submission is still part of the new run: its
stored result is linked to the run (the store adds nothing else: same content, same ids),
it is in the batch summary and the artifacts. Batch-relative scoring scores each submission
against the others, so it reuses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from smartcert.core.report import FindingsReport
from smartcert.pipelines import reuse
from smartcert.pipelines.runtime import RunConfig
from smartcert.pipelines.steps import Outcome
from smartcert.reports.assemble import FINDINGS_JSON
from smartcert.schemas.catalogue import load_program
from smartcert.store.api import Store

KIND = "batch"
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


def candidates(sources: list[Path], config: RunConfig) -> list[Candidate]:
    """Each submission with its fingerprint and, when unchanged, its recorded outcome."""
    settings = settings_of(config)
    shared = reuse.shared_parts(config.store_url, config.data_dir)  # once for the batch
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
