"""Models of the service call's scoring structure (items.yaml): 인증지표 → 평가항목 →
세부평가항목 (the S-pages) → criteria (the printed rows, 1.2.2.1 …) → scoring ladder steps.

The ladder is data: each step is the seed's condition text with its points and, where the
condition is machine-checkable, structured `params`. Param vocabulary (all optional):

    window             a periods.yaml window id (within_3_years, last_2_years, …)
    confidence_level   survey design, 0.95          error_margin      survey design, 0.05
    aware_ratio_min    [num, den]: share of respondents aware of the service (S-111)
    mean_score_min     survey mean on the 5-point scale (S-112)
    rating_min         app-store rating out of 5 (S-112)
    outlet_tier        press outlet tier 가/나/다 (items.yaml press_tiers)
    improvement_percent_min   quantified improvement vs before, % (S-121)
    ip_kinds           kinds of IP that earn the step (S-122)
    rnd_staff_min      full-time dedicated R&D staff, executives excluded (S-122)
    full_time_jobs_min / part_time_jobs_min   local hires (S-123)
    annual_income_min_won     income to residents, annualised (S-123)
    hire_share_min     share of disabled / 65+ among new local hires (S-123 bonus)
    fnpv_positive / public_funding / analyses   financial feasibility (S-133)
    types_min          number of kinds of information / statistics provided
    formats_min / datasets_min / external_datasets_min   data formats and sets (S-311)
    certificates / valid_at / expired   accessibility certificate (S-312)
    checked_share_min  share of the 47 MOIS weaknesses checked (S-331)
    share_min          a share (0–1) of linked services (S-232)
    services_min / units_min   linked services or units counted
    spatial_unit_max_m / time_unit   unit of the statistics (S-235)
    per                what one deduction counts (S-322, S-323)
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from smartcert.schemas.catalogue.base import CatalogueModel

Combine = Literal["sum", "max"]  # how an item's criteria make its score
# how a criterion's steps make its score: the highest step met; the sum of the steps met
# (capped at the criterion's points); its points less each deduction (floor 0); or a share
# of another level's score set by the committee
Scoring = Literal["highest", "sum", "deduct", "derived"]


class Step(CatalogueModel):
    """One rung of a scoring ladder."""

    condition: str  # the seed's words
    points: float  # awarded (deducted, for `deduct`); a ceiling when `committee`
    params: dict[str, Any] = Field(default_factory=dict)
    committee: bool = False  # decided by the 평가위원회 (의결/재량/과반 동의)
    bonus: bool = False  # '배점 외' points added on top of the ladder (item cap still holds)
    discrepancy: str | None = None  # these points depend on a reading (ruleset.yaml)
    line: int


class Criterion(CatalogueModel):
    """A printed row of 참고1 / the 자체평가표 (or one scoring type of an S-page)."""

    id: str  # unique within its item
    row: str  # '1.2.2.1': the row of 참고1 and the 자체평가표 it scores
    text: str
    points: float
    field: str | None = None  # '교통' / '환경·에너지': a 특화지표 alternative of the row
    scoring: Scoring = "highest"
    params: dict[str, Any] = Field(default_factory=dict)  # conditions shared by its steps
    steps: list[Step] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)  # 증빙) lines of the criterion
    line: int
    clause: str


class Derived(CatalogueModel):
    """S-221 / S-231: a share of the lower level's 구성 및 기능 score, set by the committee."""

    level: str  # 'L1' / 'L2'
    share: float  # 0.5 ('5할')
    aggregate: Literal["mean"] = "mean"  # arithmetic mean over the linked services
    units_min: int = 2  # '2개 이상의 단위 서비스가 네트워크로 연계'
    text: str
    clause: str


class SubItem(CatalogueModel):
    """A 세부평가항목: one S-page of the seed (S-111 … S-332)."""

    code: str  # 'S-111'
    number: str  # '1.1.1'
    group: str  # its 평가항목 number, '1.1'
    name: str
    aliases: list[str] = Field(default_factory=list)
    points: int
    line: int  # the S-page's first line in the seed
    end_line: int
    method: str  # 평가방법, summarised
    combine: Combine = "sum"
    criteria: list[Criterion] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)  # the page's 제출서류
    evidence_line: int | None = None
    committee_only: bool = False  # no applicant input; the committee sets the score
    derived: Derived | None = None
    clause: str

    def criteria_for(self, field: str | None = None) -> list[Criterion]:
        """The criteria scored for an applicant of `field` (교통 / 환경·에너지): the other
        field's 특화지표 alternative drops out. None keeps every criterion."""
        return [c for c in self.criteria if field is None or c.field in (None, field)]


class EvalItem(CatalogueModel):
    """A 평가항목 (1.1 삶의 질 개선 … 3.3 보안성)."""

    number: str
    indicator: str  # its 인증지표 number
    name: str
    aliases: list[str] = Field(default_factory=list)
    points: int
    level: str | None = None  # the level (L1/L2/L3) a 구성 및 기능 block scores
    clause: str


class CertIndicator(CatalogueModel):
    """A 인증지표 (평가분야): 스마트도시 부합성, 구성 및 기능, 운영."""

    number: str  # '1'
    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    points: int
    minimum: int  # 과락
    minimum_clause: str
    choose_one: bool = False  # 구성 및 기능: one 평가항목, the applicant's level, is scored
    printed_count: int | None = None  # the '(11개 항목)' the 평가기준 table prints
    clause: str


class PressEntry(CatalogueModel):
    text: str  # the line as printed
    names: list[str] = Field(default_factory=list)  # outlets it names
    line: int


class PressTier(CatalogueModel):
    """A press outlet tier (S-111 해설): 가군 3, 나군 2, 다군 1."""

    tier: str  # '가'
    name: str  # '가군'
    points: int
    entries: list[PressEntry] = Field(default_factory=list)
    rest: bool = False  # '가군과 나군에 속하지 않은 모든 언론사'
    clause: str

    @property
    def names(self) -> list[str]:
        return [n for e in self.entries for n in e.names]


class Items(CatalogueModel):
    indicators: list[CertIndicator]
    eval_items: list[EvalItem]
    press_tiers: list[PressTier] = Field(default_factory=list)
    press_note: str = ""
