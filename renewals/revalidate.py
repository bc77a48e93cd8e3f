"""Re-validating a certified city or service: its stored submission re-run from the stored
extraction results under the rule set that applies, and what changed since its last stored
report.

The analysis itself (mapping and rules) is handed in by the caller, so a renewal analyses
exactly as a first run does; the files themselves are not read again. A city is found in the
store by its applicant's name, a service by the service's name (one company may hold several).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

from smartcert.core.findings import Category, Finding
from smartcert.core.report import FindingsReport
from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.models import DocumentExtract
from smartcert.renewals.diff import ReportDiff, diff_reports
from smartcert.renewals.policy import (
    Purpose,
    Review,
    RulesetChoice,
    due_for_revalidation,
    ruleset_for,
)
from smartcert.renewals.registry import Certification, Registry
from smartcert.renewals.service_policy import service_review_for
from smartcert.renewals.service_registry import ServiceCertification, ServiceRegistry
from smartcert.reports.assemble import (
    Analysed,
    ServiceAnalysed,
    build_report,
    build_service_report,
    write_findings_json,
)
from smartcert.reports.jsonfile import write_model
from smartcert.reports.write import write_submission_reports
from smartcert.schemas.catalogue import RuleSet, ServiceRuleSet
from smartcert.schemas.claims import Submission
from smartcert.store import Store, lineage_key, service_lineage

# mapping and rules of one submission: `pipelines.steps.analyse_step`
Analyse = Callable[[str, list[DocumentExtract], RuleSet], Analysed]
# the same for a service application under a service rule set id: `pipelines.steps.service_step`
AnalyseService = Callable[[str, list[DocumentExtract], str], ServiceAnalysed]

CHANGES_JSON = "changes.json"
REVIEW_NAMES = {Review.SIMPLIFIED: "간소화 타당성 검토", Review.FULL: "신규 인증으로 평가",
                Review.REQUALIFY: "서비스 인증 재검토"}
SEOUL = ZoneInfo("Asia/Seoul")


class RenewalStatus(StrEnum):
    REVALIDATED = "revalidated"
    NO_SUBMISSION = "no-submission"  # nothing stored for this city: cannot re-run
    RULESET_INCOMPLETE = "ruleset-incomplete"  # the rule set that applies cannot be applied


@dataclass
class RenewalItem:
    certification: str
    municipality: str  # the name the holder is stored under: the city, or the service
    choice: RulesetChoice
    status: RenewalStatus
    message: str  # Korean, for the operator and the artifact
    diff: ReportDiff | None = None
    report: FindingsReport | None = None
    files: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class Revalidation:
    """What every re-validation of one renewal run shares."""

    store: Store
    run_id: str
    out_dir: Path  # one folder per city below it
    analyse: Analyse
    settings: ExtractSettings  # those the stored extraction results were made with
    write_reports: bool = True  # report.html and findings.xlsx beside findings.json
    analyse_service: AnalyseService | None = None  # needed to re-review services


def run_day(today: str | None = None) -> date:
    """The day a run re-validates for: `today` (ISO date) fixes it for reruns and tests;
    by default today in Korea, whatever the machine's time zone."""
    return date.fromisoformat(today) if today else datetime.now(SEOUL).date()


def due_with_rulesets(registry: Registry, today: date, within_days: int,
                      purpose: Purpose | str, current: str
                      ) -> list[tuple[Certification, RulesetChoice]]:
    """The certifications due within `within_days`, each with the rule set its renewal is
    reviewed under (`current`: the call in force)."""
    return [(cert, ruleset_for(cert, purpose, registry=registry, current=current))
            for cert in due_for_revalidation(registry, today, within_days)]


def services_due(registry: ServiceRegistry, today: date, within_days: int, current: str
                 ) -> list[tuple[ServiceCertification, RulesetChoice]]:
    """The certified services whose re-review falls within `within_days`, each with the rule
    set it runs under (`current`: the service call in force)."""
    return [(cert, service_review_for(cert, registry=registry, current=current))
            for cert in due_for_revalidation(registry, today, within_days)]


def applicant_name(cert: Certification) -> str:
    """'경기 오산시' → '오산시': the registry prints the province, documents do not."""
    return cert.municipality.split()[-1]


def revalidate(cert: Certification, choice: RulesetChoice, on: Revalidation) -> RenewalItem:
    """A certified city's stored submission re-run under `choice`."""
    name = applicant_name(cert)

    def analyse(sub_id: str, extracts: list[DocumentExtract],
                intake: list[Finding]) -> _Rerun:
        ruleset = choice.load()
        analysed = on.analyse(sub_id, extracts, ruleset)
        return _Rerun(build_report(intake, extracts, analysed, ruleset), ruleset,
                      analysed.submission if analysed.service is None else None)

    return _revalidate(cert.id, name, lineage_key(name, None, ""), choice, on, analyse)


def revalidate_service(cert: ServiceCertification, choice: RulesetChoice,
                       on: Revalidation) -> RenewalItem:
    """A certified service's stored application re-reviewed under `choice` (a service rule
    set); the application is found by the service's name."""
    if on.analyse_service is None:
        raise ValueError("re-reviewing a service needs Revalidation.analyse_service")
    analyse_service = on.analyse_service

    def analyse(sub_id: str, extracts: list[DocumentExtract],
                intake: list[Finding]) -> _Rerun:
        sa = analyse_service(sub_id, extracts, choice.ruleset)
        return _Rerun(build_service_report(intake, extracts, sa), sa.ruleset, None)

    return _revalidate(cert.id, cert.service, service_lineage(cert.service), choice, on,
                       analyse)


@dataclass(frozen=True)
class _Rerun:
    report: FindingsReport
    ruleset: RuleSet | ServiceRuleSet
    submission: Submission | None  # a city's, for the evaluator aid


def _revalidate(cert_id: str, name: str, lineage: str, choice: RulesetChoice, on: Revalidation,
                analyse: Callable[[str, list[DocumentExtract], list[Finding]], _Rerun]
                ) -> RenewalItem:
    def item(status: RenewalStatus, message: str, **kw: object) -> RenewalItem:
        return RenewalItem(certification=cert_id, municipality=name, choice=choice,
                           status=status, message=message, **kw)  # type: ignore[arg-type]

    if not (choice.loadable and choice.complete):
        # the missing items themselves are the rule set's metadata (choice.missing)
        return item(RenewalStatus.RULESET_INCOMPLETE,
                    f"{choice.ruleset} 기준이 불완전하여 재검증하지 못했습니다 "
                    f"(누락 항목 {len(choice.missing)}개: 규칙 세트 메타데이터 참조)")
    stored = on.store.submissions_of(lineage)
    if not stored:
        return item(RenewalStatus.NO_SUBMISSION, f"{name}의 저장된 제출 자료가 없습니다")
    sub = stored[-1]
    previous = on.store.reports_for(lineage)
    old = previous[-1].report if previous else None
    extracts = on.store.extracts_of(sub.id)
    # intake findings of the stored run stay: the files themselves are not read again
    intake_findings = [f for f in (old.findings if old else []) if f.category is Category.INTAKE]
    rerun = analyse(sub.id, extracts, intake_findings)
    report = rerun.report
    saved = on.store.save_submission(on.run_id, report, [], rerun.ruleset, settings=on.settings,
                                     source_name=sub.source_name)
    out_dir = on.out_dir / safe_name(name)
    files = [write_findings_json(report, out_dir)]
    diff = diff_reports(old, report)
    files.append(write_model(diff, out_dir / CHANGES_JSON))
    if on.write_reports:  # the original files are gone: places without images
        files += write_submission_reports(
            report, out_dir, {}, finding_keys=saved.finding_keys, submission=rerun.submission,
            ruleset=rerun.ruleset if isinstance(rerun.ruleset, RuleSet) else None)
    message = "변경 없음" if not diff.changed else f"변경 {count_changes(diff)}건"
    return item(RenewalStatus.REVALIDATED, message, diff=diff, report=report, files=files)


def safe_name(name: str) -> str:
    """A folder name for `name`: path separators and reserved characters replaced."""
    return re.sub(r'[\\/:*?"<>|]+', "_", name).strip(" .") or "_"


def count_changes(diff: ReportDiff) -> int:
    return (len(diff.new_findings) + len(diff.resolved_findings) + len(diff.severity_changes)
            + len(diff.indicator_changes) + int(diff.score.changed))


def summary_markdown(today: date, within_days: int, items: list[RenewalItem]) -> str:
    """The run's summary for the operator (Korean markdown): one row per certification,
    then what changed per city."""
    lines = [f"# 재검증 ({today.isoformat()} 기준 {within_days}일 이내 만료·재검토 예정)", "",
             f"대상 {len(items)}건", "",
             "| 구분 | 인증 | 적용 기준 | 심사 | 결과 |", "| --- | --- | --- | --- | --- |"]
    for i in items:
        kind = "서비스" if i.choice.program == "service" else "도시"
        lines.append(f"| {kind} | {i.certification} | {i.choice.ruleset} | "
                     f"{REVIEW_NAMES[i.choice.review]} | {i.message} |")
    for i in items:
        if i.diff is not None and i.diff.changed:
            lines += ["", f"## {i.municipality}", *[f"- {s}" for s in i.diff.summary_lines()]]
    return "\n".join(lines)
