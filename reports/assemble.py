"""One submission's findings report (findings.json), assembled from what each step found:
intake, extraction, mapping and the rules, then the provisional score.

The pipelines' report step and the renewal re-validation both build it here, so a report
re-run from stored extraction results is made exactly as the first one was.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from smartcert.core.findings import Finding
from smartcert.core.masking import mask_model
from smartcert.core.report import DocumentSummary, FindingsReport, Score, SubmissionSummary
from smartcert.extractors.models import DocumentExtract
from smartcert.reports.jsonfile import write_model
from smartcert.reports.merge import merge_findings
from smartcert.reports.names import FINDINGS_JSON as FINDINGS_JSON
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.catalogue.service import ServiceRuleSet
from smartcert.schemas.claims import Submission
from smartcert.schemas.mapping import Mapped
from smartcert.schemas.mapping.service import ServiceMapped
from smartcert.scoring import (
    BATCH_RELATIVE_METHOD,
    DEFAULT_METHOD,
    incomplete_reasons,
    score_submission,
)
from smartcert.scoring.service import score_service


@dataclass
class ServiceAnalysed:
    """A bundle of the service certification, read and checked under its own rule set."""

    ruleset: ServiceRuleSet
    mapped: ServiceMapped
    rule_findings: list[Finding]


@dataclass
class Analysed:
    """A submission mapped and validated, ready to be scored (alone or within a batch).
    `service`: the bundle turned out to be a service application (`mapped` then holds only
    the city mapping's verdict that it is not a city's), read under the service rule set."""

    mapped: Mapped
    rule_findings: list[Finding]
    service: ServiceAnalysed | None = None

    @property
    def submission(self) -> Submission:
        return self.mapped.submission


def all_findings(intake_findings: Iterable[Finding], extracts: Sequence[DocumentExtract],
                 analysed: Analysed) -> list[Finding]:
    """Every finding of a submission, de-duplicated, in pipeline order."""
    return merge_findings(intake_findings, *(d.findings for d in extracts),
                          analysed.mapped.findings, analysed.rule_findings)


def build_report(intake_findings: Iterable[Finding], extracts: Sequence[DocumentExtract],
                 analysed: Analysed, ruleset: RuleSet,
                 batch: list[Submission] | None = None) -> FindingsReport:
    """findings.json for one submission. `batch` (its peers, itself included) is given only
    when the operator asked for batch-relative scoring (`--batch-relative`): the provisional
    score is then relative within the applicant type; without it the score does not depend
    on the batch."""
    if analysed.service is not None:
        return build_service_report(intake_findings, extracts, analysed.service)
    sub = analysed.submission
    docs = [
        DocumentSummary(file=d.file, sha256=d.sha256, kind=d.kind.value, pages=d.pages,
                        status=d.status.value)
        for d in sub.documents
    ]
    findings = all_findings(intake_findings, extracts, analysed)
    summary = SubmissionSummary(
        id=sub.id, applicant=sub.applicant, city_type_claimed=sub.city_type_claimed,
        population=sub.population, selected_areas=_area_names(sub.selected_areas, ruleset),
        documents=docs,
    )
    return mask_model(FindingsReport(
        program=ruleset.id, submission=summary, indicators=[c.entry() for c in sub.indicators],
        findings=findings, score=provisional_score(sub, findings, ruleset, batch)))


def build_service_report(intake_findings: Iterable[Finding], extracts: Sequence[DocumentExtract],
                    service: ServiceAnalysed) -> FindingsReport:
    """findings.json of a service application: its program, documents, findings and the
    provisional outcome (total of 100, the 과락 minimums, pass at the mark)."""
    sub = service.mapped.submission
    docs = [DocumentSummary(file=d.file, sha256=d.sha256, kind=d.kind.value, pages=d.pages,
                            status=d.status.value) for d in sub.documents]
    findings = merge_findings(intake_findings, *(d.findings for d in extracts),
                              service.mapped.findings, service.rule_findings)
    r = score_service(sub, service.ruleset)
    unread = incomplete_reasons(findings, sub.documents)
    score = Score(total=r.total, method="service-provisional", note=r.note,
                  pass_mark=r.pass_mark, passed=r.passed,
                  shortfalls=[f"{s.name} {s.score:g}점 < {s.required:g}점" for s in r.shortfalls],
                  incomplete=bool(unread), incomplete_reasons=unread)
    summary = SubmissionSummary(id=sub.id, applicant=sub.applicant, documents=docs,
                                service_name=sub.service_name,
                                service_level=sub.level.id if sub.level else None,
                                service_field=sub.field.id if sub.field else None)
    return mask_model(FindingsReport(program=service.ruleset.id, submission=summary,
                                     findings=findings, score=score))


def write_findings_json(report: FindingsReport, out_dir: Path) -> Path:
    return write_model(report, out_dir / FINDINGS_JSON)


def provisional_score(sub: Submission, findings: list[Finding], ruleset: RuleSet,
                      batch: list[Submission] | None = None) -> Score:
    """The report's score (the call publishes no formula: see scoring/); `batch`, the
    operator's request for batch-relative scoring, as for `build_report`."""
    if not ruleset.can_score:
        return Score(note=f"{ruleset.id} 기준은 배점 정보가 불완전하여 점수를 계산하지 않았습니다")
    if sub.other_program is not None:
        return Score(note=f"{sub.other_program} 프로그램의 제출물로 보여 {ruleset.id} 기준 점수를 "
                          "계산하지 않았습니다")
    method = DEFAULT_METHOD if batch is None else BATCH_RELATIVE_METHOD
    r = score_submission(sub, findings, ruleset, method, batch)
    return Score(
        quantitative=r.quantitative, qualitative=r.qualitative, total=r.total, grade=r.grade,
        method=r.method.name, relative=r.method.batch, note=r.method.note,
        grade_at_risk=any(a.grade_at_risk for a in r.at_risk),
        at_risk=[a for a in r.at_risk if a.grade_at_risk],
        relative_requested=r.method.batch_requested, batch_size=r.method.batch_size,
        site_inspection_from=r.site_inspection_from, site_inspection=r.site_inspection,
        incomplete=r.incomplete, incomplete_reasons=r.incomplete_reasons,
    )


def _area_names(printed: list[str], ruleset: RuleSet) -> list[str]:
    """Catalogue names ('문화관광') for the areas as printed ('문화 관광')."""
    return [a.name if (a := ruleset.area(p)) is not None else p for p in printed]

