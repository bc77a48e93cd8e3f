"""The result of provisional scoring (all of it marked provisional)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from smartcert.core.report import AtRisk

Basis = Literal["present", "warning", "error", "missing", "relative", "free_text"]


class IndicatorScore(BaseModel):
    code: str
    name: str
    max_points: float
    points: float
    basis: Basis
    reason: str = ""


class UnitScore(BaseModel):
    unit: str
    name: str
    max_points: float
    stage: str | None = None  # stage id; the mean's nearest when several rows
    fraction: float = 0.0
    points: float


class MethodInfo(BaseModel):
    name: str
    parameters: dict[str, Any]
    note: str  # Korean: provisional, and why
    batch: bool = False  # relative scoring within the applicant type was used
    batch_size: int = 0  # submissions of the same applicant type (this one included)
    batch_requested: bool = False  # the operator asked for it (`method.batch_relative`)


class ScoreResult(BaseModel):
    submission_id: str
    ruleset: str
    provisional: Literal[True] = True
    quantitative: float
    qualitative: float
    total: float
    grade: int = Field(ge=1, le=5)
    certified: bool
    # the call's site-inspection threshold (grades.yaml) and whether the total reaches it
    site_inspection_from: float | None = None
    site_inspection: bool | None = None
    method: MethodInfo
    indicators: list[IndicatorScore] = Field(default_factory=list)
    units: list[UnitScore] = Field(default_factory=list)
    at_risk: list[AtRisk] = Field(default_factory=list)
    # pages were left unread (OCR missing, off, over budget or failed) or a form's page was
    # read by OCR only (its tables not read): the score may lack what they hold
    incomplete: bool = False
    incomplete_reasons: list[str] = Field(default_factory=list)  # Korean, one per document
