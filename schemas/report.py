"""The `findings.json` document, exactly as `findings-contract.md` describes (schema_version 1)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from schemas.findings import SCHEMA_VERSION, Finding, Location


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


class IndicatorEntry(BaseModel):
    code: str
    # a count stays an integer (6, not 6.0); ratios are floats; O/X are booleans
    value: bool | int | float | None = None
    unit: str | None = None
    text: str | None = None
    evidence_pages: str | None = None
    source: Location | None = None


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
    at_risk: list[dict[str, object]] = Field(default_factory=list)


class FindingsReport(BaseModel):
    schema_version: int = SCHEMA_VERSION
    program: str = "city-2025"
    submission: SubmissionSummary
    indicators: list[IndicatorEntry] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    score: Score = Field(default_factory=Score)
