"""Models of a rule set's periods, documents and metadata (ruleset.yaml)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from smartcert.schemas.catalogue.base import CatalogueModel

# ── periods.yaml ────────────────────────────────────────────────────────────


class SubmissionWindow(CatalogueModel):
    start: str
    end: str
    late_arrivals_refused: bool = True
    clause: str


class TwoYear(CatalogueModel):
    default_start: str
    default_end: str
    earliest_start: str
    latest_end: str
    max_months: int
    items_inside_span: bool = True
    text: str = ""
    clause: str


class AsOf(CatalogueModel):
    cutoff: str
    text: str = ""
    clause: str


class PopulationBase(CatalogueModel):
    source: str
    default_base: str
    clause: str


class QualitativePeriod(CatalogueModel):
    achievements_from: str
    clause: str


class Periods(CatalogueModel):
    call_date: str
    call_date_clause: str
    submission: SubmissionWindow | None = None
    two_year: TwoYear | None = None
    asof: AsOf | None = None
    population: PopulationBase | None = None
    qualitative: QualitativePeriod | None = None


# ── documents.yaml ──────────────────────────────────────────────────────────


class DocumentSpec(CatalogueModel):
    kind: str
    number: int  # ① … ⑤ in the call's list
    name: str
    aliases: list[str] = Field(default_factory=list)
    required: bool
    note: str = ""
    clause: str


class EvidenceIndexSpec(CatalogueModel):
    """The index (조견표) the evidence must carry: indicator → page. A page is one when it
    shows a heading word or every column group, and at least `min_codes` indicator codes."""

    name: str  # the part's name in findings: 조견표
    headings: list[str]
    columns: list[list[str]]  # label groups of its header row
    min_codes: int = 3
    text: str
    reading: str = ""  # how the call's words are read (a typo in the call)
    clause: str


class Delivery(CatalogueModel):
    methods: list[str]
    text: str
    clause: str


class ProgramMarker(CatalogueModel):
    """A printed word only this program's documents carry, and where the seed prints it."""

    text: str = Field(min_length=2)
    document: str  # the document kind it marks
    kind: str  # form_number, title, heading
    line: int
    clause: str


class Documents(CatalogueModel):
    documents: list[DocumentSpec]
    proposal_order: list[str] = Field(default_factory=list)
    proposal_order_clause: str = ""
    # headings that open the proposal's 목차 (table of contents)
    toc_headings: list[str] = Field(default_factory=list)
    evidence_index: EvidenceIndexSpec | None = None
    delivery: Delivery | None = None
    # printed words only this program's forms carry (form number, title): how a bundle is
    # told from one of another program by content (schemas/mapping/programs.py)
    markers: list[ProgramMarker] = Field(default_factory=list)
    program_name: str = ""  # '스마트도시 인증', as findings name the program


# ── ruleset.yaml ────────────────────────────────────────────────────────────


class Source(CatalogueModel):
    document: str
    seed: str | None = None
    date: str | None = None
    note: str = ""


class Discrepancy(CatalogueModel):
    """Where the call contradicts itself, or the reference CSV contradicts the call."""

    id: str
    subject: str  # an indicator code, or a section such as 'grades'
    kind: str  # 'seed-vs-csv', 'seed-internal', 'seed-layout'
    text: str
    resolution: str
    clause: str


class Scoring(CatalogueModel):
    quantitative_formula_published: bool
    text: str
    clause: str


class Meta(CatalogueModel):
    id: str
    # the program kind (schemas/catalogue/programs.py); a city rule set's files, this model
    program: Literal["city"] = "city"
    title: str
    version: str
    complete: bool
    source: Source
    scoring: Scoring | None = None
    code_pattern: str = r"^[A-Z]-\d{1,2}-\d{1,2}$"
    missing: list[str] = Field(default_factory=list)  # what a partial rule set does not know
    notes: list[str] = Field(default_factory=list)  # inferences the data relies on
    discrepancies: list[Discrepancy] = Field(default_factory=list)
    related: dict[str, str] = Field(default_factory=dict)
