"""The `findings.json` document, exactly as `findings-contract.md` describes (schema_version 1)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from smartcert.core.findings import SCHEMA_VERSION, Finding, Location


class DocumentSummary(BaseModel):
    file: str
    sha256: str
    kind: str = "other"
    pages: int | None = None
    status: str = "ok"


class SubmissionSummary(BaseModel):
    id: str
    applicant: str | None = None
    city_type_claimed: str | None = None
    population: int | None = None
    selected_areas: list[str] = Field(default_factory=list)
    documents: list[DocumentSummary] = Field(default_factory=list)
    # a service application's service, as printed (additive: None for cities)
    service_name: str | None = None
    service_level: str | None = None  # L1 / L2 / L3
    service_field: str | None = None  # 교통 / 환경·에너지


class IndicatorEntry(BaseModel):
    code: str
    # a count stays an integer (6, not 6.0); ratios are floats; O/X are booleans
    value: bool | int | float | None = None
    unit: str | None = None
    text: str | None = None
    evidence_pages: str | None = None
    source: Location | None = None


class AtRisk(BaseModel):
    """Whether correcting one error finding could move the grade across a threshold."""

    rule: str
    indicator: str | None = None
    message: str = ""
    points_now: float = 0.0
    points_if_restored: float = 0.0  # the finding removed
    points_if_lost: float = 0.0  # the indicator at 0
    total_if_restored: float
    total_if_lost: float
    grade_if_restored: int
    grade_if_lost: int
    points_at_stake: float = 0.0  # max(gain on restoring, loss on losing)
    grade_at_risk: bool = False


class Score(BaseModel):
    provisional: bool = True
    quantitative: float | None = None
    qualitative: float | None = None
    total: float | None = None
    grade: int | None = None
    # additive fields: how it was computed, and which errors could move the grade
    method: str | None = None
    relative: bool = False  # scored relative to a batch's peers (else alone)
    note: str | None = None
    grade_at_risk: bool = False
    at_risk: list[AtRisk] = Field(default_factory=list)  # the errors that put it at risk
    # relative scoring was asked for (`--batch-relative`), and the peers of the applicant
    # type it compared (this one included; 0 when scored alone)
    relative_requested: bool = False
    batch_size: int = 0
    # the call's site-inspection threshold (after the written round) and whether the
    # provisional total reaches it; None when not scored or the rule set gives none
    site_inspection_from: float | None = None
    site_inspection: bool | None = None
    # a program with a pass mark and minimums (the service certification): the mark, whether
    # the provisional total clears it and every minimum, and the minimums it misses
    pass_mark: float | None = None
    passed: bool | None = None
    shortfalls: list[str] = Field(default_factory=list)
    # pages of the submission were left unread (OCR missing, off, over budget or failed),
    # or a form's page was read by OCR only (its tables not read): the score may lack what
    # they hold; why, per document, in Korean
    incomplete: bool = False
    incomplete_reasons: list[str] = Field(default_factory=list)


class FindingsReport(BaseModel):
    schema_version: int = SCHEMA_VERSION
    program: str = "city-2025"
    submission: SubmissionSummary
    indicators: list[IndicatorEntry] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    score: Score = Field(default_factory=Score)
