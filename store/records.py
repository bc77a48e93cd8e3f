"""What the store hands back: typed models, never raw rows or dicts."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from smartcert.core.report import DocumentSummary, FindingsReport
from smartcert.core.verdicts import VerdictKind


class RunKind(StrEnum):
    BATCH = "batch"
    RENEWAL = "renewal"
    SINGLE = "single"


class RunStatus(StrEnum):
    RUNNING = "running"
    COMPLETE = "complete"
    PARTIAL = "partial"  # finished, but some submissions could not be processed
    FAILED = "failed"
    INTERRUPTED = "interrupted"  # stopped by the operator (Ctrl-C); a re-run resumes it


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class RunInfo(_Frozen):
    id: str
    kind: RunKind
    program: str
    ruleset_id: str
    ruleset_version: str
    project_version: str
    started_at: datetime
    finished_at: datetime | None
    status: RunStatus


class SavedSubmission(_Frozen):
    """What `Store.save_submission` stored (or found already stored)."""

    submission_id: str
    lineage: str
    result_id: str
    finding_keys: list[str]  # aligned with report.findings
    new_result: bool  # False: the same report was stored before (nothing added)


class StoredSubmission(_Frozen):
    id: str
    lineage: str
    applicant: str | None
    source_name: str | None
    first_seen: datetime
    documents: list[DocumentSummary]


class StoredReport(_Frozen):
    """One stored report with what produced it; `finding_keys` align with
    `report.findings`. `saved_at`/`run_id`: the last run that saved it."""

    result_id: str
    submission_id: str
    lineage: str
    program: str
    ruleset_id: str
    ruleset_version: str
    project_version: str
    run_id: str
    saved_at: datetime
    report: FindingsReport
    finding_keys: list[str]


class Verdict(_Frozen):
    finding_key: str
    verdict: VerdictKind
    comment: str | None
    reviewer: str
    at: datetime
