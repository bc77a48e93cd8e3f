"""What a submission claims: the application, its documents, indicator rows and the
qualitative self-assessment. Extractors fill these; validators compare them with the
catalogue (`schemas.catalogue`) and the evidence, and report `Finding`s.

Every model is JSON round-trippable (`model_validate_json(m.model_dump_json()) == m`);
values stay `Decimal` so "12.30" is not rewritten as 12.3. Printed text is always kept
next to what was parsed from it, and every claim carries the `Location` it was read at.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field

from smartcert.core.findings import Location
from smartcert.core.normalize import match_key
from smartcert.core.report import DocumentSummary, IndicatorEntry, SubmissionSummary
from smartcert.core.values.periods import DateSpan, PartialDate
from smartcert.extractors.models import DocumentStatus
from smartcert.schemas.evidence_pages import EvidencePages, PageRange, parse_evidence_pages

__all__ = [
    "Achievement",
    "Basis",
    "Component",
    "Document",
    "DocumentKind",
    "DocumentPart",
    "DocumentStatus",
    "EvidencePages",
    "FieldValue",
    "IndicatorClaim",
    "ListedItem",
    "PageRange",
    "QualitativeClaim",
    "Stage",
    "StatedCertification",
    "Submission",
    "UnclaimedForm",
    "parse_evidence_pages",
]

ClaimValue = Decimal | bool | None
_NOT_READ = frozenset({DocumentStatus.ENCRYPTED, DocumentStatus.CORRUPT,
                       DocumentStatus.UNSUPPORTED, DocumentStatus.FAILED})


class DocumentKind(StrEnum):
    """The documents of an application (공고 3. 신청방법 ①–⑤)."""

    APPLICATION = "application"  # ① 공모 신청서
    QUANTITATIVE_PROPOSAL = "quantitative_proposal"  # ② 정량지표 평가제안서
    QUALITATIVE_SELF_ASSESSMENT = "qualitative_self_assessment"  # ③ 정성지표 자체평가표
    EVIDENCE = "evidence"  # ④ 근거자료
    OTHER = "other"  # ⑤ 기타


class Stage(StrEnum):
    """The five qualitative stages, lowest first; values are the catalogue's stage ids."""

    INITIATION = "initiation"
    PARTIAL = "partial"
    MEETS = "meets"
    ADVANCED = "advanced"
    OPTIMIZED = "optimized"

    @property
    def level(self) -> int:
        return list(Stage).index(self) + 1

    @property
    def label(self) -> str:
        return _STAGE_LABELS[self]

    @classmethod
    def parse(cls, text: str | None) -> Stage | None:
        """'요건충족 단계', '발전단계', '레벨4', 'Level 5' → the stage; None if not one."""
        key = match_key(text or "").lower().removesuffix("단계")
        for prefix in ("레벨", "level", "lv.", "lv"):
            if key.startswith(prefix) and key[len(prefix):].isdigit():
                n = int(key[len(prefix):])
                return list(cls)[n - 1] if 1 <= n <= len(cls) else None
        return _STAGE_KEYS.get(key)


_STAGE_LABELS = {Stage.INITIATION: "착수", Stage.PARTIAL: "일부요건 충족", Stage.MEETS: "요건 충족",
                 Stage.ADVANCED: "발전", Stage.OPTIMIZED: "최적화"}
_STAGE_KEYS = {match_key(v): k for k, v in _STAGE_LABELS.items()}


class DocumentPart(BaseModel):
    """A part of a document as the call names it ('표지', '목차', '요약표', '지표별 양식' of the
    proposal; '조견표' of the evidence) and where it starts."""

    name: str
    location: Location | None = None
    # reading order of its start: (page or sheet number, y / row / paragraph index); None
    # when the format cannot place it (a Word table has no position among the paragraphs)
    position: tuple[int, float] | None = None


class Document(BaseModel):
    """One file of the submission."""

    file: str  # path inside the bundle, as delivered
    sha256: str
    kind: DocumentKind = DocumentKind.OTHER
    pages: int | None = Field(default=None, ge=0)
    status: DocumentStatus = DocumentStatus.OK
    media_type: str | None = None
    # the parts the mapping found, in reading order; None: not examined (no text to read)
    parts: list[DocumentPart] | None = None
    # pages without a usable text layer (a scan; private-use glyphs, a broken ToUnicode):
    # OCR'd (no table is found on them) or not read at all (OCR unavailable, skipped, over
    # budget, failed). What a rule finds absent from this document may stand on them.
    ocr_pages: list[int] = Field(default_factory=list)
    unread_pages: list[int] = Field(default_factory=list)

    def part(self, name: str) -> DocumentPart | None:
        return next((p for p in self.parts or () if p.name == name), None)

    @property
    def unsure_pages(self) -> list[int]:
        """The pages not read from a text layer, OCR'd or not read at all."""
        return sorted({*self.ocr_pages, *self.unread_pages})

    @property
    def not_read(self) -> bool:
        """Not opened at all (encrypted, corrupt, a format not read, an extractor failure):
        nothing can be concluded absent from it."""
        return self.status in _NOT_READ

    def summary(self) -> DocumentSummary:
        return DocumentSummary(file=self.file, sha256=self.sha256, kind=self.kind.value,
                               pages=self.pages, status=self.status.value)


class Basis(StrEnum):
    """How a figure was located on its form — what a rule may rely on. The first five are
    certain readings of the form as the call prints it; the last two are guesses."""

    LETTER = "letter"  # the form's (A)/(B) letter names the cell (label row or beside it)
    LABEL = "label"  # the cell's column and row labels are the component's own wording
    TOTAL_ROW = "total-row"  # the 총계/합계 row under the component's column
    FORM_CELL = "form-cell"  # the form's own 지표 row states it ('8종 674건')
    COMPUTED = "computed"  # the sum or count of the listed rows (no total printed)
    FUZZY = "fuzzy"  # a label only resembling the component's
    POSITIONAL = "positional"  # where such a figure usually stands

    @property
    def certain(self) -> bool:
        return self not in (Basis.FUZZY, Basis.POSITIONAL)


class Component(BaseModel):
    """One figure of a data form: (A) 인구수, (B) CCTV 수, the B/A ratio, a total, an O/X."""

    id: str | None = None  # the catalogue component id, once matched
    label: str  # the header or row label as printed
    value: ClaimValue = None
    unit: str | None = None
    text: str = ""  # the cell as printed
    location: Location | None = None
    basis: Basis | None = None  # how it was located (None: not recorded, treated as fuzzy)
    cells: list[Location] = Field(default_factory=list)  # every cell it was read from

    @property
    def certain(self) -> bool:
        return self.basis is not None and self.basis.certain


class FieldValue(BaseModel):
    """One cell of a listed item's row, as printed."""

    name: str  # the column header
    text: str
    location: Location | None = None


class ListedItem(BaseModel):
    """One row of an indicator's item list (an award, a session, an API …)."""

    list_id: str | None = None  # the catalogue list id, once matched
    number: int | None = None  # the No. column
    name: str | None = None
    kind: str | None = None  # the category column: 기관/개인, 국내/국외, 계획/규정 …
    date: PartialDate | None = None
    span: DateSpan | None = None
    date_text: str | None = None  # the date cell as printed
    amount: Decimal | None = None
    amount_unit: str | None = None
    org: str | None = None
    text: str = ""  # the whole row as printed
    cells: list[FieldValue] = Field(default_factory=list)
    location: Location | None = None


class IndicatorClaim(BaseModel):
    """An indicator row as claimed: the summary-table cell plus its data form."""

    code: str
    name_as_printed: str | None = None
    value: ClaimValue = None  # the primary value (catalogue `value_rule`)
    unit: str | None = None
    text: str | None = None  # the summary cell as printed
    evidence_pages: EvidencePages | None = None
    components: list[Component] = Field(default_factory=list)
    items: list[ListedItem] = Field(default_factory=list)
    declared_span: DateSpan | None = None  # the two-year span the form declares
    declared_span_text: str | None = None
    source: Location | None = None  # the summary-table row
    form_source: Location | None = None  # the data form
    notes: list[str] = Field(default_factory=list)
    # how the summary value was read: LABEL when the row's printed code is the indicator's
    # and the cell parsed without assumption; FUZZY when the code was inferred or the value
    # read with an assumption (the notes say which)
    value_basis: Basis | None = None
    # how the row's indicator was identified: LABEL when its printed code is the indicator's,
    # FUZZY when the code was inferred from the name (None: not recorded)
    code_basis: Basis | None = None

    @property
    def value_certain(self) -> bool:
        return self.value_basis is not None and self.value_basis.certain

    def component(self, cid: str) -> Component | None:
        return next((c for c in self.components if c.id == cid), None)

    def entry(self) -> IndicatorEntry:
        """The row as `findings.json` lists it."""
        value = self.value
        if isinstance(value, Decimal):  # JSON has no decimals: integral figures stay integers
            value = int(value) if value == value.to_integral_value() else float(value)  # type: ignore[assignment]
        return IndicatorEntry(code=self.code, value=value, unit=self.unit, text=self.text,
                              evidence_pages=self.evidence_pages.raw if self.evidence_pages
                              else None, source=self.source)


class Achievement(BaseModel):
    """A dated achievement cited in a qualitative self-assessment."""

    text: str
    date: PartialDate | None = None
    span: DateSpan | None = None
    location: Location | None = None


class QualitativeClaim(BaseModel):
    """One 소분류 row of the qualitative self-assessment ('2.3 리빙랩 | 발전단계 | …'), or a
    whole 중분류 when the table gives its stage on the 중분류 row without 소분류 rows."""

    unit: str  # the catalogue 중분류 (unit) id once matched, else the printed name
    unit_as_printed: str | None = None  # the 중분류 heading (or first row) as printed
    item: str | None = None  # the 소분류 row as printed ('1.1 전담 공무원'); None: a 중분류 row
    item_number: str | None = None  # the catalogue 소분류 number ('2.3') once matched
    item_name: str | None = None  # the catalogue 소분류 name ('리빙랩') once matched
    item_source: Location | None = None  # where the 소분류 row's label is printed
    stage: Stage | None = None  # the stage claimed
    stage_text: str | None = None  # as printed ('요건충족 단계')
    narrative: str = ""
    achievements: list[Achievement] = Field(default_factory=list)
    source: Location | None = None  # the stage cell (a merged one for all rows it covers)
    notes: list[str] = Field(default_factory=list)

    @property
    def item_label(self) -> str | None:
        """'2.3 리빙랩' (the catalogue's wording once matched, else as printed)."""
        if self.item_number is not None and self.item_name is not None:
            return f"{self.item_number} {self.item_name}"
        return self.item


Purpose = Literal["new", "grade_upgrade", "grade_maintenance"]


class StatedCertification(BaseModel):
    """One earlier certification the application's 인증 실적 states ('2023년 스마트도시 인증
    3등급')."""

    year: int | None = None
    grade: int | None = None
    text: str  # the piece as printed
    location: Location | None = None


class UnclaimedForm(BaseModel):
    """A 자료구축양식 no summary row claims, with the indicator its title names."""

    code: str | None = None  # the catalogue code, when the title names one
    code_basis: Basis | None = None  # LABEL: the code is printed; FUZZY: matched by wording
    title: str = ""
    location: Location | None = None


class Submission(BaseModel):
    """An application as delivered: who applies, as what, with which documents and claims."""

    id: str  # stable, derived from the content (not from a path)
    ruleset: str = "city-2025"
    # the certification program the documents belong to when it is not `ruleset`'s (a
    # service bundle in a city run): nothing of this program's rules or score applies
    other_program: str | None = None
    applicant: str | None = None  # 누리시
    applicant_kind: str | None = None  # 시/군/구/광역시 … when stated
    city_type_claimed: str | None = None  # 대도시 / 중소도시 as printed
    population: int | None = Field(default=None, ge=0)
    population_text: str | None = None
    selected_areas: list[str] = Field(default_factory=list)  # as printed ('문화 관광')
    # True: no document states them; guessed from the indicator codes the proposal uses
    selected_areas_inferred: bool = False
    selected_areas_source: Location | None = None  # where the application lists them
    # how the applicant's name was read: LABEL from a labelled cell ('기관명'), POSITIONAL
    # from large print on a cover (None: not recorded)
    applicant_basis: Basis | None = None
    purpose: Purpose | None = None  # renewal conditions depend on it
    purpose_source: Location | None = None  # where the application states it
    # the application's 인증 실적 (별지 제1호서식): None when not read; [] with the text when
    # it states none ('해당 없음')
    certification_history_text: str | None = None
    certification_history: list[StatedCertification] = Field(default_factory=list)
    certification_history_source: Location | None = None
    previous_renewals: int | None = Field(default=None, ge=0)
    # the 2-year span the application states for all 2-year indicators (신청 개요)
    declared_span: DateSpan | None = None
    declared_span_text: str | None = None
    declared_span_source: Location | None = None
    documents: list[Document] = Field(default_factory=list)
    indicators: list[IndicatorClaim] = Field(default_factory=list)
    qualitative: list[QualitativeClaim] = Field(default_factory=list)
    unclaimed_forms: list[UnclaimedForm] = Field(default_factory=list)
    source: Location | None = None  # where the applicant's name was read
    city_type_source: Location | None = None  # where the claimed 신청 유형 is printed
    population_source: Location | None = None  # where the application's 인구 is printed
    notes: list[str] = Field(default_factory=list)

    def indicator(self, code: str) -> IndicatorClaim | None:
        key = match_key(code).upper()
        return next((i for i in self.indicators if match_key(i.code).upper() == key), None)

    def documents_of(self, kind: DocumentKind) -> list[Document]:
        return [d for d in self.documents if d.kind == kind]

    def summary(self) -> SubmissionSummary:
        """The `submission` block of `findings.json`."""
        return SubmissionSummary(id=self.id, applicant=self.applicant,
                                 city_type_claimed=self.city_type_claimed,
                                 population=self.population,
                                 selected_areas=list(self.selected_areas),
                                 documents=[d.summary() for d in self.documents])
