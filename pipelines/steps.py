"""The steps of a submission run, each a plain function: intake → extract → analyse (map and
validate) → report. No parsing here: each step calls the package that owns it. The order
is `pipelines/spine.py`'s; the Prefect tasks (`pipelines/tasks.py`) wrap these functions.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from smartcert.core.findings import Finding
from smartcert.core.report import FindingsReport
from smartcert.extractors.api import extract_file
from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.findings import OCR_BUDGET, OCR_UNAVAILABLE
from smartcert.extractors.limits import OcrAllowance, ocr_pages_used
from smartcert.extractors.models import DocumentExtract, DocumentStatus
from smartcert.intake.bundle import BundleFile, IntakeResult, open_submission
from smartcert.intake.limits import IntakeLimits
from smartcert.pipelines.cache import ExtractCache
from smartcert.pipelines.certifications import registry_records
from smartcert.pipelines.outcome import Outcome
from smartcert.pipelines.privacy import ExtractJson, mask_extract
from smartcert.reports.assemble import (
    Analysed,
    ServiceAnalysed,
    build_report,
    write_findings_json,
)
from smartcert.reports.jsonfile import extract_json_name, write_model
from smartcert.schemas.catalogue import PROGRAMS, RuleSet, load_service_ruleset, program_of
from smartcert.schemas.claims import Submission
from smartcert.schemas.mapping import Mapped, map_submission
from smartcert.schemas.mapping.service import map_service_submission
from smartcert.schemas.service_claims import ServiceDocumentKind
from smartcert.validators.rule import CheckContext
from smartcert.validators.run import run_rules
from smartcert.validators.service_registry import run_service_rules
from smartcert.validators.support.service_rule import ServiceContext


@dataclass
class SubmissionRun:
    source: Path
    out_dir: Path
    intake: IntakeResult
    extracts: list[DocumentExtract] = field(default_factory=list)
    analysed: Analysed | None = None
    report: FindingsReport | None = None

    @property
    def failed_documents(self) -> list[str]:
        """Documents whose extractor broke (recorded as findings; the run is partial)."""
        return [d.file for d in self.extracts if d.status is DocumentStatus.FAILED]


# storing a reported submission and writing its human reports: `pipelines.persist.SaveOutcome`
Persist = Callable[[SubmissionRun, FindingsReport], list[Path]]


def intake_step(source: Path, work_dir: Path,
                limits: IntakeLimits | None = None) -> IntakeResult:
    """Take the submission in (archives expanded within `limits`); its files share one
    extraction budget for this run (the OCR pages of `Limits.max_ocr_pages`), whichever
    process or Dask worker reads each."""
    result = open_submission(source, work_dir, limits)
    budget = new_budget(work_dir)
    result.files = [f.model_copy(update={"budget": budget}) for f in result.files]
    return result


_BUDGETS = "budgets"
_STALE_S = 86_400.0


def new_budget(work_dir: Path) -> Path:
    """A fresh, empty budget file under `work_dir` (budgets of runs a day old are removed)."""
    folder = work_dir / _BUDGETS
    folder.mkdir(parents=True, exist_ok=True)
    now = time.time()
    for old in folder.iterdir():
        with contextlib.suppress(OSError):
            if now - old.stat().st_mtime > _STALE_S:
                old.unlink()
    fd, name = tempfile.mkstemp(prefix="ocr-", dir=folder)
    os.close(fd)
    return Path(name)


def extract_step(
    f: BundleFile, settings: ExtractSettings | None = None, cache: ExtractCache | None = None
) -> DocumentExtract:
    """One document, read under its submission's budget, or from the cache (its OCR pages
    still charged to the budget, so a re-run spends what the first run did)."""
    settings = settings or ExtractSettings()
    if f.budget is not None:
        settings = replace(settings, ocr_ledger=str(f.budget))
    key = settings.cache_key()  # not the run's budget file nor the time and memory limits
    if cache is not None:
        hit = cache.get(f.sha256, f.media_type, key, f.name)
        if hit is not None and _charge(hit, settings):
            return hit
    doc = extract_file(f.path, settings, display_name=f.name)
    if cache is not None and _cacheable(doc):
        cache.put(doc, key)
    return doc


def _charge(doc: DocumentExtract, settings: ExtractSettings) -> bool:
    """Charge a cached document's OCR pages to the budget; False when they no longer fit
    (it is then read again, under what is left)."""
    pages = ocr_pages_used(doc)
    return pages == 0 or OcrAllowance(settings.limits.max_ocr_pages,
                                      settings.ocr_ledger).take(pages)


def _cacheable(doc: DocumentExtract) -> bool:
    """Not a failure (the fix re-reads it), nor a reading the OCR budget cut short (what
    it lacks depends on the other documents of that run), nor one made without Tesseract
    (once it is installed, the pages are read)."""
    return doc.status is not DocumentStatus.FAILED and not any(
        f.rule in (OCR_BUDGET.id, OCR_UNAVAILABLE.id) for f in doc.findings)


def write_extract(doc: DocumentExtract, out_dir: Path,
                  mode: ExtractJson = ExtractJson.MASKED) -> Path | None:
    """The document's extraction record for people and tools, `<out_dir>/extract/<file>
    .extract.json`: personal numbers masked unless `mode` says clear, nothing with `none`.
    Nothing reads it back (the cache does the resuming), so the mode changes no result."""
    mode = ExtractJson(mode)
    if mode is ExtractJson.NONE:
        return None
    shown = mask_extract(doc) if mode is ExtractJson.MASKED else doc
    return write_model(shown, out_dir / "extract" / extract_json_name(doc.file))


def analyse_step(submission_id: str, extracts: list[DocumentExtract],
                 ruleset: RuleSet) -> Analysed:
    """Map and validate under the run's program; a bundle the mapping finds to be a service
    application is routed to the service program's mapping and rules instead."""
    mapped = map_submission(submission_id, extracts, ruleset)
    other = mapped.submission.other_program
    if other is not None and other in PROGRAMS and program_of(other) == "service":
        return Analysed(mapped=mapped, rule_findings=[],
                        service=service_step(submission_id, extracts, other))
    return Analysed(mapped=mapped, rule_findings=validate_step(mapped, ruleset))


def service_step(submission_id: str, extracts: list[DocumentExtract],
                 program: str) -> ServiceAnalysed:
    rs = load_service_ruleset(program)
    smapped = map_service_submission(submission_id, extracts, rs)
    evidence = tuple(d for d in extracts
                     if smapped.classifications[d.file].kind is ServiceDocumentKind.EVIDENCE)
    found = run_service_rules(smapped.submission, ServiceContext(ruleset=rs, evidence=evidence))
    return ServiceAnalysed(ruleset=rs, mapped=smapped, rule_findings=found)


def validate_step(mapped: Mapped, ruleset: RuleSet) -> list[Finding]:
    ctx = CheckContext(ruleset=ruleset, summary_location=mapped.summary_location,
                       evidence_page_count=mapped.evidence_page_count,
                       evidence=tuple(mapped.evidence),
                       certifications=registry_records(mapped.submission.applicant))
    return run_rules(mapped.submission, ctx)


def report_step(run: SubmissionRun, ruleset: RuleSet, peers: list[Submission] | None = None,
                persist: Persist | None = None) -> Outcome:
    """Score (within `peers`, itself included, when given), write findings.json and, with
    `persist`, store the result and write the human reports. Every write is keyed by
    content, so a re-run after a crash rewrites the same."""
    assert run.analysed is not None, "analyse the submission first"
    report = build_report(run.intake.findings, run.extracts, run.analysed, ruleset, peers)
    files = [write_findings_json(report, run.out_dir)]
    if persist is not None:
        files += persist(run, report)
    return Outcome(source=str(run.source), submission_id=report.submission.id, report=report,
                   out_dir=run.out_dir, files=tuple(files),
                   failed_documents=tuple(run.failed_documents))
