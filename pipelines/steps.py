"""The steps of a submission run, each a plain function (Prefect tasks wrap them later).

intake → extract → map → validate → score → report. No parsing here: each step calls the package
that owns it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from extractors.api import extract_file
from extractors.base import ExtractSettings
from extractors.models import DocumentExtract, DocumentStatus
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
class Analysed:
    """A submission mapped and validated, ready to be scored (alone or within a batch)."""

    mapped: Mapped
    rule_findings: list[Finding]

    @property
    def submission(self) -> Submission:
        return self.mapped.submission


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


def analyse_step(submission_id: str, extracts: list[DocumentExtract],
                 ruleset: RuleSet) -> Analysed:
    mapped = map_submission(submission_id, extracts, ruleset)
    return Analysed(mapped=mapped, rule_findings=validate_step(mapped, ruleset))


def validate_step(mapped: Mapped, ruleset: RuleSet) -> list[Finding]:
    ctx = CheckContext(ruleset=ruleset, summary_location=mapped.summary_location,
                       evidence_page_count=mapped.evidence_page_count,
                       evidence=tuple(mapped.evidence))
    return run_rules(mapped.submission, ctx)


def all_findings(intake: IntakeResult, extracts: list[DocumentExtract],
                 analysed: Analysed) -> list[Finding]:
    """Every finding of a submission run, de-duplicated, in pipeline order."""
    return merge_findings(intake.findings, *(d.findings for d in extracts),
                          analysed.mapped.findings, analysed.rule_findings)


def build_report(intake: IntakeResult, extracts: list[DocumentExtract], analysed: Analysed,
                 ruleset: RuleSet, batch: list[Submission] | None = None) -> FindingsReport:
    """findings.json for one submission; `batch` (its peers, itself included) switches the
    provisional score to relative scoring within the applicant type."""
    sub = analysed.submission
    docs = [
        DocumentSummary(file=d.file, sha256=d.sha256, kind=d.kind.value, pages=d.pages,
                        status=d.status.value)
        for d in sub.documents
    ]
    findings = all_findings(intake, extracts, analysed)
    summary = SubmissionSummary(
        id=sub.id, applicant=sub.applicant, city_type_claimed=sub.city_type_claimed,
        population=sub.population, selected_areas=_area_names(sub.selected_areas, ruleset),
        documents=docs,
    )
    return FindingsReport(program=ruleset.id, submission=summary,
                          indicators=[c.entry() for c in sub.indicators],
                          findings=findings, score=score_step(sub, findings, ruleset, batch))


def score_step(sub: Submission, findings: list[Finding], ruleset: RuleSet,
               batch: list[Submission] | None = None) -> Score:
    """Provisional score (the call publishes no formula: see scoring/)."""
    if not ruleset.can_score:
        return Score(note=f"{ruleset.id} 기준은 배점 정보가 불완전하여 점수를 계산하지 않았습니다")
    r = score_submission(sub, findings, ruleset, batch=batch)
    return Score(
        quantitative=r.quantitative, qualitative=r.qualitative, total=r.total, grade=r.grade,
        method=r.method.name, relative=r.method.batch, note=r.method.note,
        grade_at_risk=any(a.grade_at_risk for a in r.at_risk),
        at_risk=[a for a in r.at_risk if a.grade_at_risk],
    )


def _area_names(printed: list[str], ruleset: RuleSet) -> list[str]:
    """Catalogue names ('문화관광') for the areas as printed ('문화 관광')."""
    return [a.name if (a := ruleset.area(p)) is not None else p for p in printed]


def write_report(report: FindingsReport, out_dir: Path) -> Path:
    return write_model(report, out_dir / "findings.json")
