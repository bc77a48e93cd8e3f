"""Models of the service rule set's other files: levels.yaml, eligibility.yaml,
documents.yaml, periods.yaml and the metadata of ruleset.yaml."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from smartcert.schemas.catalogue.base import CatalogueModel
from smartcert.schemas.catalogue.meta import Source

# ── levels.yaml ─────────────────────────────────────────────────────────────


class Level(CatalogueModel):
    """A system level of the service (장치/제품, L1, L2, L3)."""

    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    eligible: bool
    group: str | None = None  # the 구성 및 기능 평가항목 it is scored on ('2.1')
    builds_on: str | None = None  # the level whose score its first item halves
    definition: str
    clause: str


class PassMark(CatalogueModel):
    min_total: int  # 70
    max_total: int  # 100
    text: str
    clause: str


class Validity(CatalogueModel):
    review_years: int
    monitoring: bool
    text: str
    clause: str


class ProcessStep(CatalogueModel):
    id: str
    name: str
    text: str


class Levels(CatalogueModel):
    levels: list[Level]
    choice_text: str  # '평가항목 중 택1'
    choice_clause: str
    pass_mark: PassMark
    validity: Validity
    process: list[ProcessStep] = Field(default_factory=list)
    process_clause: str = ""


# ── eligibility.yaml ────────────────────────────────────────────────────────


class Named(CatalogueModel):
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)


class Applicants(CatalogueModel):
    kinds: list[Named]
    open_list: bool  # '기업, 지자체, 공공기관 등'
    text: str
    clause: str


class Joint(CatalogueModel):
    allowed: bool
    representative_required: bool
    document: str  # documents.yaml kind of the 공동참여기관 확인서
    form: str
    text: str
    clause: str


class ServiceField(Named):
    form_choice: str  # the box of the 신청서 that names it


class Fields(CatalogueModel):
    eligible: list[ServiceField]
    form_choices: list[str]  # the 12 boxes of the 신청서's 신청분야
    form_clause: str
    text: str
    clause: str


class Deployment(CatalogueModel):
    stages: list[str]
    text: str
    clause: str


class Exclusion(CatalogueModel):
    id: str
    text: str
    keywords: list[str]  # the seed's own words
    clause: str


class Eligibility(CatalogueModel):
    applicants: Applicants
    joint: Joint
    fields: Fields
    deployment: Deployment
    exclusions: list[Exclusion]


# ── documents.yaml ──────────────────────────────────────────────────────────


class DocumentSpec(CatalogueModel):
    kind: str
    number: int | None = None  # ① … ⑤ of the notice's list
    name: str
    title: str = ""  # as the form prints it
    form: str = ""  # '[별지 제3호서식]'
    aliases: list[str] = Field(default_factory=list)
    required: bool
    required_when: Literal["joint"] | None = None
    signed_by: list[str] = Field(default_factory=list)
    fields: list[str] = Field(default_factory=list)  # printed labels of a form
    note: str = ""
    clause: str


class ProposalLayout(CatalogueModel):
    pages_about: int  # '30페이지 내외'
    font: str
    font_size_pt: int
    cover_fields: list[str]
    org_types: list[str]
    overview_pages_max: int
    declaration: str
    signatures: list[str]
    clause: str


class SelfRow(CatalogueModel):
    """A row of the 자체평가표 as printed, and the criterion row it is read as."""

    printed: str  # '1.3.4.1'
    row: str | None  # '1.3.3.1'; None: a row the rule set does not score
    text: str
    points: float  # as printed
    line: int


class SelfAssessment(CatalogueModel):
    title: str
    rows: list[SelfRow]
    missing_rows: list[str] = Field(default_factory=list)  # scored, but the form omits them
    printed_totals: dict[str, int]  # '2.2' → 50 ('계 50')
    clause: str


class Marker(CatalogueModel):
    """Printed words only this program's documents carry (checked against the city call)."""

    text: str
    document: str  # documents.yaml kind, or 'guideline' (the call's own pages)
    kind: Literal["form_number", "title", "declaration", "heading"]
    line: int
    clause: str


class Delivery(CatalogueModel):
    methods: list[str]
    text: str
    clause: str


class Documents(CatalogueModel):
    program_name: str
    documents: list[DocumentSpec]
    proposal: ProposalLayout
    self_assessment: SelfAssessment
    markers: list[Marker]
    delivery: Delivery


# ── periods.yaml ────────────────────────────────────────────────────────────


class Submission(CatalogueModel):
    start: str  # 'YYYY-MM-DD'
    end: str  # 'YYYY-MM-DDTHH:MM'
    late_arrivals_refused: bool
    text: str
    clause: str


class Window(CatalogueModel):
    """A period the criteria count back from: 'within 3 years' of the application."""

    id: str
    anchor: Literal["application", "deadline"]
    years: int  # 0: the anchor day itself
    text: str
    clause: str


class ScheduleEntry(CatalogueModel):
    event: str
    date: str  # 'YYYY-MM-DD' or 'YYYY-MM'


class Periods(CatalogueModel):
    call_date: str
    call_date_clause: str
    submission: Submission
    deadline: str  # '공고접수 마감일': certificate validity is judged on it
    deadline_clause: str
    windows: list[Window]
    schedule: list[ScheduleEntry] = Field(default_factory=list)
    schedule_clause: str = ""


# ── ruleset.yaml ────────────────────────────────────────────────────────────


class Discrepancy(CatalogueModel):
    """Where the seed contradicts itself, the reading this rule set takes, and why."""

    id: str
    subject: str  # an S-code, a row ('2.2.2.2'), or a section ('self_assessment')
    kind: Literal["seed-internal", "seed-layout"]
    text: str  # both sides, with their seed lines
    lines: list[int]
    reading: str
    why: str
    clause: str


class ServiceMeta(CatalogueModel):
    id: str
    program: Literal["service"]
    title: str
    version: str
    complete: bool
    source: Source
    clause_style: str  # how the `clause` strings cite the seed
    missing: list[str] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)
    discrepancies: list[Discrepancy] = Field(default_factory=list)
    related: dict[str, str] = Field(default_factory=dict)
