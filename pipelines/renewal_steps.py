"""The steps of a renewal re-validation, as plain functions: find a certified city's stored
submission, re-run it from its stored extraction results under the rule set that applies,
and diff against its last stored report. No parsing here: mapping, rules and diffing are
the packages' own."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from intake.bundle import IntakeResult
from pipelines.persist import store_for
from pipelines.runtime import RunConfig
from pipelines.steps import analyse_step, build_report, write_report
from renewals import Certification, ReportDiff, RulesetChoice, diff_reports
from reports.jsonfile import write_model
from reports.write import write_submission_reports
from schemas.findings import Category
from schemas.report import FindingsReport
from store import lineage_key


class RenewalStatus(StrEnum):
    REVALIDATED = "revalidated"
    NO_SUBMISSION = "no-submission"  # nothing stored for this city: cannot re-run
    RULESET_INCOMPLETE = "ruleset-incomplete"  # the rule set that applies cannot be applied


@dataclass
class RenewalItem:
    certification: str
    municipality: str
    choice: RulesetChoice
    status: RenewalStatus
    message: str  # Korean, for the operator and the artifact
    diff: ReportDiff | None = None
    report: FindingsReport | None = None
    files: list[Path] = field(default_factory=list)


def applicant_name(cert: Certification) -> str:
    """'경기 오산시' → '오산시': the registry prints the province, documents do not."""
    return cert.municipality.split()[-1]


def revalidate(cert: Certification, choice: RulesetChoice, config: RunConfig,
               run_id: str) -> RenewalItem:
    name = applicant_name(cert)

    def item(status: RenewalStatus, message: str, **kw: object) -> RenewalItem:
        return RenewalItem(certification=cert.id, municipality=name, choice=choice,
                           status=status, message=message, **kw)  # type: ignore[arg-type]

    if not (choice.loadable and choice.complete):
        # the missing items themselves are the rule set's metadata (choice.missing)
        return item(RenewalStatus.RULESET_INCOMPLETE,
                    f"{choice.ruleset} 기준이 불완전하여 재검증하지 못했습니다 "
                    f"(누락 항목 {len(choice.missing)}개: 규칙 세트 메타데이터 참조)")
    store = store_for(config)
    lineage = lineage_key(name, None, "")
    stored = store.submissions_of(lineage)
    if not stored:
        return item(RenewalStatus.NO_SUBMISSION, f"{name}의 저장된 제출 자료가 없습니다")
    sub = stored[-1]
    ruleset = choice.load()
    previous = store.reports_for(lineage)
    old = previous[-1].report if previous else None
    extracts = store.extracts_of(sub.id)
    # intake findings of the stored run stay: the files themselves are not read again
    intake = IntakeResult(submission_id=sub.id, source=sub.source_name or name,
                          root=config.work_dir, findings=[
                              f for f in (old.findings if old else [])
                              if f.category is Category.INTAKE])
    report = build_report(intake, extracts, analyse_step(sub.id, extracts, ruleset), ruleset)
    saved = store.save_submission(run_id, report, [], ruleset,
                                  settings=config.extract_settings(),
                                  source_name=sub.source_name)
    out_dir = config.out_dir / name
    files = [write_report(report, out_dir)]
    diff = diff_reports(old, report)
    files.append(write_model(diff, out_dir / "changes.json"))
    if config.write_reports:  # the original files are gone: places without images
        files += write_submission_reports(report, out_dir, {}, finding_keys=saved.finding_keys)
    message = "변경 없음" if not diff.changed else f"변경 {_count(diff)}건"
    return item(RenewalStatus.REVALIDATED, message, diff=diff, report=report, files=files)


def _count(diff: ReportDiff) -> int:
    return (len(diff.new_findings) + len(diff.resolved_findings) + len(diff.severity_changes)
            + len(diff.indicator_changes) + int(diff.score.changed))
