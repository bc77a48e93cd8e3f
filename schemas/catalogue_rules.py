"""Models of a rule set's application-level data: structure, qualitative stages, grades
and applicant types (periods, documents and metadata: `catalogue_meta`).

A partial rule set (``complete: false``, e.g. city-2023) leaves sections it cannot support
empty or absent; the loader records what is missing and refuses to score with it.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ── structure.yaml ──────────────────────────────────────────────────────────


class Group(_Model):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    points: int | None = None
    qualitative_points: int | None = None
    indicator_count: int | None = None
    clause: str
    count_clause: str = ""


class PointBlock(_Model):
    """A merged cell of the points table's right-hand column: these codes share this total."""

    codes: list[str]
    points: int


class Subgroup(_Model):
    id: str
    group: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    prefixes: list[str] = Field(default_factory=list)
    points: int | None = None
    clause: str
    blocks: list[PointBlock] = Field(default_factory=list)


class Area(_Model):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    prefix: str | None = None  # the code prefix (C-1 …) where codes carry one
    mandatory: bool
    points: int | None = None
    form_section: str = ""
    clause: str


class OptionalAreaRule(_Model):
    choose: int
    of: int
    clause: str


class Structure(_Model):
    quantitative_total: int | None = None
    qualitative_total: int | None = None
    total: int | None = None
    clause: str
    groups: list[Group]
    subgroups: list[Subgroup] = Field(default_factory=list)
    areas: list[Area] = Field(default_factory=list)
    optional_areas: OptionalAreaRule | None = None


# ── qualitative.yaml ────────────────────────────────────────────────────────


class Stage(_Model):
    id: str
    name: str
    level: int
    aliases: list[str] = Field(default_factory=list)
    clause: str


class QualitativeUnit(_Model):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    group: str
    subgroup: str
    items: list[str] = Field(default_factory=list)
    criteria: dict[str, list[str]] = Field(default_factory=dict)  # stage id → cells
    clause: str


class SelfAssessment(_Model):
    achievements_from: str
    operating_not_planned: bool = True
    pages_per_item: str = ""
    clause: str


class StagePoints(_Model):
    """Points per stage. The call does not publish them: `published` says so."""

    published: bool
    assumption: str = ""
    unit_max_from: str = ""
    fraction: dict[str, float] = Field(default_factory=dict)
    clause: str


class Qualitative(_Model):
    clause: str
    total: int | None = None
    stages: list[Stage]
    units: list[QualitativeUnit]
    self_assessment: SelfAssessment | None = None
    stage_points: StagePoints | None = None


# ── grades.yaml ─────────────────────────────────────────────────────────────


class Grade(_Model):
    grade: int
    min: float | None = None
    min_exclusive: bool = False
    max: float | None = None
    max_inclusive: bool = False
    certified: bool
    text: str
    clause: str

    def contains(self, total: float) -> bool:
        if self.min is not None and (total <= self.min if self.min_exclusive else total < self.min):
            return False
        return not (
            self.max is not None and (total > self.max if self.max_inclusive else total >= self.max)
        )


class Grades(_Model):
    clause: str
    certified_up_to: int
    site_inspection_from: float | None = None
    site_inspection_clause: str = ""
    grades: list[Grade]


# ── applicants.yaml ─────────────────────────────────────────────────────────


class Eligible(_Model):
    kinds: list[str]
    text: str
    clause: str


class PopulationThreshold(_Model):
    value: int
    applies_to: str
    text: str
    clause: str
    source_published: bool = False


class ApplicantType(_Model):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    kinds: list[str]
    si_population_min: int | None = None
    si_population_below: int | None = None
    clause: str


class SimplifiedReview(_Model):
    purpose: str
    max_times: int
    criteria_ruleset: str
    text: str
    clause: str


class NewCertificationCase(_Model):
    case: str
    text: str
    min_previous_renewals: int | None = None
    clause: str


class Renewal(_Model):
    validity_years: int
    validity_clause: str
    simplified_review: SimplifiedReview | None = None
    new_certification_when: list[NewCertificationCase] = Field(default_factory=list)
    new_certification_ruleset: str | None = None


class Applicants(_Model):
    eligible: Eligible | None = None
    population_threshold: PopulationThreshold | None = None
    types: list[ApplicantType] = Field(default_factory=list)
    renewal: Renewal | None = None
