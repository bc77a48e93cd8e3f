"""Models of a rule set's application-level data: structure, qualitative stages, grades
and applicant types (periods, documents and metadata: `catalogue_meta`).

A partial rule set (``complete: false``, e.g. city-2023) leaves sections it cannot support
empty or absent; the loader records what is missing and refuses to score with it.
"""

from __future__ import annotations

import re

from pydantic import Field, field_validator

from smartcert.schemas.catalogue.base import CatalogueModel
from smartcert.schemas.catalogue.meta import Discrepancy

# ── structure.yaml ──────────────────────────────────────────────────────────


class Group(CatalogueModel):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    points: int | None = None
    qualitative_points: int | None = None
    indicator_count: int | None = None
    clause: str
    count_clause: str = ""


class PointBlock(CatalogueModel):
    """A merged cell of the points table's right-hand column: these codes share this total."""

    codes: list[str]
    points: int


class Subgroup(CatalogueModel):
    id: str
    group: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    prefixes: list[str] = Field(default_factory=list)
    points: int | None = None
    clause: str
    blocks: list[PointBlock] = Field(default_factory=list)


class Area(CatalogueModel):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    prefix: str | None = None  # the code prefix (C-1 …) where codes carry one
    mandatory: bool
    points: int | None = None
    form_section: str = ""
    clause: str


class OptionalAreaRule(CatalogueModel):
    choose: int
    of: int
    clause: str


class Structure(CatalogueModel):
    quantitative_total: int | None = None
    qualitative_total: int | None = None
    total: int | None = None
    clause: str
    groups: list[Group]
    subgroups: list[Subgroup] = Field(default_factory=list)
    areas: list[Area] = Field(default_factory=list)
    optional_areas: OptionalAreaRule | None = None


# ── qualitative.yaml ────────────────────────────────────────────────────────


class StageSpec(CatalogueModel):
    id: str
    name: str
    level: int
    aliases: list[str] = Field(default_factory=list)
    clause: str


_ITEM_LABEL = re.compile(r"^\s*(\d+\s*\.\s*\d+)\.?\s*(.*)$")


class QualitativeItem(CatalogueModel):
    """A 소분류 ('2.3 리빙랩'): the self-assessment gives one stage to each."""

    number: str  # '2.3', unique within its 대분류
    name: str
    aliases: list[str] = Field(default_factory=list)
    area: str | None = None  # the service area (structure.yaml) of a 지능화 시설 및 서비스 row
    # the call's criteria table prints several rows for some (제도 기반: 비전, 계획, 지침)
    criteria_rows: list[str] = Field(default_factory=list)
    # which of its 중분류's criteria cells (per stage, 0-based) are this 소분류's own row when
    # the table prints one row per 소분류 (정보통신망: 유선 0, 무선 1); empty: every cell (a
    # cell merged over the 중분류's 소분류)
    criteria_cells: list[int] = Field(default_factory=list)
    form_number: str | None = None  # the 자체평가표 form prints another number
    on_form: bool = True  # false: the form omits the row, so its absence is not reported

    @property
    def label(self) -> str:
        return f"{self.number} {self.name}"

    @classmethod
    def from_label(cls, text: str) -> QualitativeItem:
        """'1.1 전담 공무원' → number '1.1', name '전담 공무원' (the older string form)."""
        m = _ITEM_LABEL.match(text)
        if m is None or not m.group(2).strip():
            raise ValueError(f"qualitative item {text!r} is not '<n.n> <name>'")
        return cls(number=re.sub(r"\s", "", m.group(1)), name=m.group(2).strip())


class QualitativeUnit(CatalogueModel):
    """A 중분류 (10 of them): the 소분류 stages roll up into it for scoring."""

    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    group: str
    subgroup: str
    items: list[QualitativeItem] = Field(default_factory=list)  # its 소분류
    criteria: dict[str, list[str]] = Field(default_factory=dict)  # stage id → cells
    clause: str

    @field_validator("items", mode="before")
    @classmethod
    def _items_as_labels(cls, value: object) -> object:
        """A rule set may still list its 소분류 as plain labels ('1.1 전담 공무원')."""
        if isinstance(value, list):
            return [QualitativeItem.from_label(v) if isinstance(v, str) else v for v in value]
        return value

    def expected_items(self, areas: set[str]) -> list[QualitativeItem]:
        """The 소분류 a submission must assess: a service area's row only for the areas in
        `areas` (area ids: the mandatory and the selected ones), and only rows the form
        prints."""
        return [i for i in self.items if i.on_form and (i.area is None or i.area in areas)]


class SelfAssessment(CatalogueModel):
    achievements_from: str
    operating_not_planned: bool = True
    # what reads as a plan, not an operation ('도입 예정', '구축할 계획'), and the words that
    # contain one without being one ('예정지'): exclusion.qualitative-plan
    plan_phrases: list[str] = Field(default_factory=list)
    not_plan_phrases: list[str] = Field(default_factory=list)
    pages_per_item: str = ""
    clause: str


class StagePoints(CatalogueModel):
    """Points per stage. The call does not publish them: `published` says so."""

    published: bool
    assumption: str = ""
    unit_max_from: str = ""
    fraction: dict[str, float] = Field(default_factory=dict)
    clause: str


class Qualitative(CatalogueModel):
    clause: str
    total: int | None = None
    stages: list[StageSpec]
    units: list[QualitativeUnit]
    self_assessment: SelfAssessment | None = None
    stage_points: StagePoints | None = None
    discrepancies: list[Discrepancy] = Field(default_factory=list)  # criteria table vs form


# ── grades.yaml ─────────────────────────────────────────────────────────────


class Grade(CatalogueModel):
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


class Grades(CatalogueModel):
    clause: str
    certified_up_to: int
    site_inspection_from: float | None = None
    site_inspection_clause: str = ""
    grades: list[Grade]


# ── applicants.yaml ─────────────────────────────────────────────────────────


class Eligible(CatalogueModel):
    kinds: list[str]
    text: str
    clause: str


class NonMunicipalMarker(CatalogueModel):
    """Words that make a name a company or another body, not a 지자체 ('(주)', '재단')."""

    words: list[str]
    at: str = "anywhere"  # 'anywhere' in the name, or at a word's 'end'
    what: str  # Korean, for the message: '기업', '재단·공사 등 기관'


class NonMunicipal(CatalogueModel):
    """Applicant names the call does not admit: organisations, and the 읍·면·동 below a
    시·군·구 (a name ending in one of `sub_municipal_kinds`)."""

    markers: list[NonMunicipalMarker] = Field(default_factory=list)
    sub_municipal_kinds: list[str] = Field(default_factory=list)
    min_stem: int = 2  # '누리읍' is a 읍; '안동' (안동시 without 시) is not
    text: str
    clause: str


class PopulationThreshold(CatalogueModel):
    value: int
    applies_to: str
    text: str
    clause: str
    source_published: bool = False


class ApplicantType(CatalogueModel):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    kinds: list[str]
    si_population_min: int | None = None
    si_population_below: int | None = None
    clause: str


class SimplifiedReview(CatalogueModel):
    purpose: str
    max_times: int
    criteria_ruleset: str
    text: str
    clause: str


class NewCertificationCase(CatalogueModel):
    case: str
    text: str
    min_previous_renewals: int | None = None
    clause: str


class Renewal(CatalogueModel):
    validity_years: int
    validity_clause: str
    simplified_review: SimplifiedReview | None = None
    new_certification_when: list[NewCertificationCase] = Field(default_factory=list)
    new_certification_ruleset: str | None = None
    # words of an application that state its purpose, per `claims.Purpose` value
    # ('등급 상향 신청' → grade_upgrade); compared without spaces
    purpose_words: dict[str, list[str]] = Field(default_factory=dict)
    # what an 인증 실적 cell prints for "no earlier certification"
    no_history_words: list[str] = Field(default_factory=list)


class Applicants(CatalogueModel):
    eligible: Eligible | None = None
    non_municipal: NonMunicipal | None = None
    population_threshold: PopulationThreshold | None = None
    types: list[ApplicantType] = Field(default_factory=list)
    renewal: Renewal | None = None
