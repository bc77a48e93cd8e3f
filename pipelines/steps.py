"""The steps of a submission run, each a plain function (Prefect tasks wrap them later).

intake → extract → report. No parsing here: each step calls the package that owns it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from extractors.api import extract_file
from extractors.base import ExtractSettings
from extractors.models import DocumentExtract
from intake.bundle import BundleFile, IntakeResult, open_submission
from pipelines.cache import ExtractCache
from reports.jsonfile import extract_json_name, write_model
from reports.merge import merge_findings
from schemas.report import DocumentSummary, FindingsReport, SubmissionSummary


@dataclass
class SubmissionRun:
    source: Path
    out_dir: Path
    intake: IntakeResult
    extracts: list[DocumentExtract] = field(default_factory=list)


def intake_step(source: Path, work_dir: Path) -> IntakeResult:
    return open_submission(source, work_dir)


def extract_step(
    f: BundleFile, settings: ExtractSettings | None = None, cache: ExtractCache | None = None
) -> DocumentExtract:
    settings = settings or ExtractSettings()
    if cache is not None:
        hit = cache.get(f.sha256, f.media_type, settings, f.name)
        if hit is not None:
            return hit
    doc = extract_file(f.path, settings, display_name=f.name)
    if cache is not None:
        cache.put(doc, settings)
    return doc


def write_extract(doc: DocumentExtract, out_dir: Path) -> Path:
    return write_model(doc, out_dir / "extract" / extract_json_name(doc.file))


def build_report(run: SubmissionRun, program: str = "city-2025") -> FindingsReport:
    docs = [
        DocumentSummary(file=d.file, sha256=d.sha256, pages=len(d.pages) or None,
                        status=d.status.value)
        for d in run.extracts
    ]
    findings = merge_findings(run.intake.findings, *(d.findings for d in run.extracts))
    return FindingsReport(
        program=program,
        submission=SubmissionSummary(id=run.intake.submission_id, documents=docs),
        findings=findings,
    )


def write_report(report: FindingsReport, out_dir: Path) -> Path:
    return write_model(report, out_dir / "findings.json")
