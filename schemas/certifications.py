"""What the certification registry (renewals/data/registry.yaml) holds for one applicant, as
validators may read it: the renewals layer sits above the validators, so the pipeline
selects the applicant's rows and hands them over in this form (`CheckContext.certifications`).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class RegisteredCertification(BaseModel):
    """One certification as the registry lists it."""

    model_config = ConfigDict(frozen=True)

    id: str  # "2023:경기 부천시"
    municipality: str  # as the registry prints it ("경기 부천시")
    year: int
    kind: str  # first / renewal / upgrade
    grade: int | None = None  # no seed publishes one: mostly None
    applicant_type: str | None = None  # 대도시 / 중소도시


class RegistryRecords(BaseModel):
    """The registry's certifications of one applicant, and the years the registry covers
    (a certification outside them can be neither confirmed nor denied)."""

    model_config = ConfigDict(frozen=True)

    covers_from: int
    covers_to: int
    records: tuple[RegisteredCertification, ...] = Field(default_factory=tuple)

    def covers(self, year: int) -> bool:
        return self.covers_from <= year <= self.covers_to
