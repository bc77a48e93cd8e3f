"""The steps of a submission run, each a plain function (Prefect tasks wrap them later).

intake → extract → map → validate → score → report. No parsing here: each step calls the package
that owns it.
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
from schemas.catalogue import RuleSet
from schemas.claims import Submission
from schemas.findings import Finding
from schemas.mapping import Mapped, map_submission
from schemas.report import DocumentSummary, FindingsReport, Score, SubmissionSummary
from scoring import score_submission
from validators.rule import CheckContext
from validators.run import run_rules


@dataclass
class SubmissionRun:
    source: Path
    out_dir: Path
    intake: IntakeResult
    extracts: list[DocumentExtract] = field(default_factory=list)
    report: FindingsReport | None = None


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


def map_step(run: SubmissionRun, ruleset: RuleSet) -> Mapped:
    return map_submission(run.intake.submission_id, run.extracts, ruleset)


def validate_step(mapped: Mapped, ruleset: RuleSet) -> list[Finding]:
    ctx = CheckContext(ruleset=ruleset, summary_location=mapped.summary_location,
                       evidence_page_count=mapped.evidence_page_count,
                       evidence=tuple(mapped.evidence))
    return run_rules(mapped.submission, ctx)


def build_report(run: SubmissionRun, mapped: Mapped, rule_findings: list[Finding],
                 ruleset: RuleSet) -> FindingsReport:
    sub = mapped.submission
    docs = [
        DocumentSummary(file=d.file, sha256=d.sha256, kind=d.kind.value, pages=d.pages,
                        status=d.status.value)
        for d in sub.documents
    ]
    findings = merge_findings(run.intake.findings, *(d.findings for d in run.extracts),
                              mapped.findings, rule_findings)
    summary = SubmissionSummary(
        id=sub.id, applicant=sub.applicant, city_type_claimed=sub.city_type_claimed,
        population=sub.population, selected_areas=_area_names(sub.selected_areas, ruleset),
        documents=docs,
    )
    return FindingsReport(program=ruleset.id, submission=summary,
                          indicators=[c.entry() for c in sub.indicators],
                          findings=findings, score=score_step(sub, findings, ruleset))


def score_step(sub: Submission, findings: list[Finding], ruleset: RuleSet) -> Score:
    """Provisional score for one submission (the call publishes no formula: see scoring/)."""
    if not ruleset.can_score:
        return Score(note=f"{ruleset.id} 기준은 배점 정보가 불완전하여 점수를 계산하지 않았습니다")
    r = score_submission(sub, findings, ruleset)
    return Score(
        quantitative=r.quantitative, qualitative=r.qualitative, total=r.total, grade=r.grade,
        method=r.method.name, note=r.method.note,
        grade_at_risk=any(a.grade_at_risk for a in r.at_risk),
        at_risk=[a.model_dump() for a in r.at_risk if a.grade_at_risk],
    )


def _area_names(printed: list[str], ruleset: RuleSet) -> list[str]:
    """Catalogue names ('문화관광') for the areas as printed ('문화 관광')."""
    return [a.name if (a := ruleset.area(p)) is not None else p for p in printed]


def write_report(report: FindingsReport, out_dir: Path) -> Path:
    return write_model(report, out_dir / "findings.json")
