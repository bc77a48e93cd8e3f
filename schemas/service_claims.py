"""What a service-certification submission claims (seed 003): the 신청서 ([별지 제3호서식]),
the 평가제안서's cover and the facts it cites, the 자체평가표's self-score per printed row,
and the documents. Extractors fill nothing here directly: `schemas/mapping/service/` maps
`DocumentExtract`s into these; validators and scoring compare them with the `service-2023`
rule set (`schemas/catalogue/service/`). Every claim keeps the `Location` it was read at
and its printed text next to what was parsed from it, as `schemas/claims.py` does for cities.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, Field

from smartcert.core.findings import Location
from smartcert.core.values.periods import PartialDate
from smartcert.schemas.claims import Basis, DocumentStatus


class ServiceDocumentKind(StrEnum):
    """The documents of a service application (seed 003 documents.yaml kinds)."""

    APPLICATION = "application"  # 신청서 [별지 제3호서식]
    PROPOSAL = "proposal"  # 평가제안서
    SELF_ASSESSMENT = "self_assessment"  # 자체평가표
    EVIDENCE = "evidence"  # 근거자료
    CONSENT = "consent"  # 개인정보 수집·이용 동의서
    JOINT_CONFIRMATION = "joint_confirmation"  # 공동참여기관 확인서 [별지 제5호서식]
    OTHER = "other"


class ServiceDocument(BaseModel):
    file: str
    sha256: str
    kind: ServiceDocumentKind = ServiceDocumentKind.OTHER
    pages: int | None = Field(default=None, ge=0)
    status: DocumentStatus = DocumentStatus.OK
    media_type: str | None = None
    # pages without a usable text layer, as `claims.Document` has them: OCR'd (a value read
    # there is not certain) or not read at all
    ocr_pages: list[int] = Field(default_factory=list)
    unread_pages: list[int] = Field(default_factory=list)

    @property
    def unsure_pages(self) -> list[int]:
        return sorted({*self.ocr_pages, *self.unread_pages})


class PrintedChoice(BaseModel):
    """A ticked box of the form ('[V] 교통'), as printed and as the catalogue id."""

    text: str  # the box's label as printed
    id: str | None = None  # the catalogue id once matched ('교통', 'L2')
    location: Location | None = None
    basis: Basis | None = None  # LABEL: the ticked box read; FUZZY: inferred elsewhere


class SelfScore(BaseModel):
    """One printed row of the 자체평가표 with the applicant's self-score."""

    row: str  # as printed ('1.1.1.1')
    item: str | None = None  # the 세부평가항목 code once matched ('S-111')
    criterion: str | None = None  # the catalogue criterion row it counts as
    text: str = ""  # the row's wording as printed
    points_printed: Decimal | None = None  # 배점 as printed
    score: Decimal | None = None  # 자체평가 점수
    score_text: str = ""
    location: Location | None = None


class Subtotal(BaseModel):
    """A printed subtotal: an 인증지표 ('1', '2.1' …, '3') or the total ('total')."""

    group: str
    value: Decimal | None = None
    text: str = ""
    location: Location | None = None


class CitedFact(BaseModel):
    """A fact the proposal cites for a ladder: a survey's sample and date, a rating, an
    article with its outlet, a certificate's validity, counts of staff or jobs …"""

    item: str | None = None  # the 세부평가항목 it is cited for ('S-111')
    kind: str  # survey, rating, press, patent, rnd_staff, jobs, income, fnpv, certificate,
    #            security_check, … (the ladder params vocabulary of items.py)
    text: str  # as printed
    number: Decimal | None = None  # the figure (sample size, rating, count, won …)
    date: PartialDate | None = None  # when (survey date, article date, valid-until …)
    label: str | None = None  # what the figure is ('표본 수', '유효기간', '매체')
    location: Location | None = None
    # the other cells of a listed row by their header ('매체분류': '가군', '제목': …)
    attributes: dict[str, str] = Field(default_factory=dict)


class ServiceSubmission(BaseModel):
    """A service-certification application as delivered."""

    id: str
    ruleset: str = "service-2023"
    applicant: str | None = None  # 기관명
    applicant_kind: str | None = None  # 기업 / 지자체 / 공공기관 (the cover's 기관유형)
    # the cover's ticked 기관유형 as printed ('중소기업(벤처·이노비즈)'), id = applicant kind id
    applicant_kind_choice: PrintedChoice | None = None
    business_no: str | None = None
    representative: str | None = None
    service_name: str | None = None  # 명칭 (한글)
    service_name_en: str | None = None
    field: PrintedChoice | None = None  # 신청 분야 (교통, 환경·에너지 …)
    level: PrintedChoice | None = None  # 신청 서비스 수준 (L1/L2/L3)
    joint: bool = False  # a 공동참여기관 확인서 is among the documents
    partners: list[str] = Field(default_factory=list)
    application_date: PartialDate | None = None  # 신청일 as printed
    track_record: str | None = None  # 인증 실적 as printed
    author: str | None = None  # 평가제안서 표지 작성책임자 성명
    author_position: str | None = None  # … 직위
    documents: list[ServiceDocument] = Field(default_factory=list)
    self_scores: list[SelfScore] = Field(default_factory=list)
    subtotals: list[Subtotal] = Field(default_factory=list)
    verdict: list[Subtotal] = Field(default_factory=list)  # the printed 평가결과 판정 block
    facts: list[CitedFact] = Field(default_factory=list)
    source: Location | None = None  # where the applicant facts were read
    locations: dict[str, Location] = Field(default_factory=dict)  # fact name → where read
    notes: list[str] = Field(default_factory=list)

    def documents_of(self, kind: ServiceDocumentKind) -> list[ServiceDocument]:
        return [d for d in self.documents if d.kind == kind]

    def subtotal(self, group: str) -> Subtotal | None:
        return next((s for s in self.subtotals if s.group == group), None)

    def scores_of(self, item: str) -> list[SelfScore]:
        return [s for s in self.self_scores if s.item == item]
