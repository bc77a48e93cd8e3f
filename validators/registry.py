"""Every rule, registered explicitly (no module scanning). Order = report order."""

from __future__ import annotations

from smartcert.validators.arithmetic.count_mismatch import CountMismatch
from smartcert.validators.arithmetic.ratio_mismatch import RatioMismatch
from smartcert.validators.arithmetic.total_mismatch import TotalMismatch
from smartcert.validators.arithmetic.two_part_mismatch import TwoPartMismatch
from smartcert.validators.completeness.approval_not_stated import ApprovalNotStated
from smartcert.validators.completeness.area_without_indicators import AreaWithoutIndicators
from smartcert.validators.completeness.empty_evidence_pages import EmptyEvidencePages
from smartcert.validators.completeness.empty_value import EmptyValue
from smartcert.validators.completeness.list_not_in_annex import ListNotInAnnex
from smartcert.validators.completeness.missing_applicant_fact import MissingApplicantFact
from smartcert.validators.completeness.missing_document import MissingDocument
from smartcert.validators.completeness.missing_evidence_index import MissingEvidenceIndex
from smartcert.validators.completeness.missing_indicator import MissingIndicator
from smartcert.validators.completeness.missing_summary import MissingSummary
from smartcert.validators.completeness.proposal_order import ProposalOrder
from smartcert.validators.completeness.result_missing import ResultMissing
from smartcert.validators.completeness.unknown_row import UnknownRow
from smartcert.validators.consistency.population_differs import PopulationDiffers
from smartcert.validators.consistency.service_not_listed import ServiceNotListed
from smartcert.validators.consistency.shared_figure_differs import SharedFigureDiffers
from smartcert.validators.consistency.summary_vs_form import SummaryVsForm
from smartcert.validators.duplicate.contradictory_figures import ContradictoryFigures
from smartcert.validators.duplicate.cross_indicator_item import CrossIndicatorItem
from smartcert.validators.duplicate.same_item_twice import SameItemTwice
from smartcert.validators.eligibility.applicant_kind import ApplicantKind
from smartcert.validators.eligibility.certification_history import CertificationHistory
from smartcert.validators.eligibility.optional_area_count import OptionalAreaCount
from smartcert.validators.eligibility.type_vs_population import TypeVsPopulation
from smartcert.validators.eligibility.unselected_area import UnselectedArea
from smartcert.validators.evidence.figure_not_on_page import FigureNotOnPage
from smartcert.validators.evidence.item_amount_differs import ItemAmountDiffers
from smartcert.validators.evidence.item_date_differs import ItemDateDiffers
from smartcert.validators.evidence.item_not_found import ItemNotFound
from smartcert.validators.evidence.page_out_of_range import PageOutOfRange
from smartcert.validators.exclusion.analysis_report import AnalysisReport
from smartcert.validators.exclusion.candidate import Candidate
from smartcert.validators.exclusion.future_organisation import FutureOrganisation
from smartcert.validators.exclusion.indirect_budget import IndirectBudget
from smartcert.validators.exclusion.model_civil_servant import ModelCivilServant
from smartcert.validators.exclusion.not_in_own_name import NotInOwnName
from smartcert.validators.exclusion.not_kpi_kind import NotKpiKind
from smartcert.validators.exclusion.not_open_api import NotOpenApi
from smartcert.validators.exclusion.not_smart_city_named import NotSmartCityNamed
from smartcert.validators.exclusion.other import OtherExclusion
from smartcert.validators.exclusion.own_smart_city_plan import OwnSmartCityPlan
from smartcert.validators.exclusion.planned import Planned
from smartcert.validators.exclusion.private_unmanaged import PrivateUnmanaged
from smartcert.validators.exclusion.qualitative_plan import QualitativePlan
from smartcert.validators.exclusion.unrelated_field import UnrelatedField
from smartcert.validators.period.achievement_after_cutoff import AchievementAfterCutoff
from smartcert.validators.period.base_date import BaseDate
from smartcert.validators.period.base_year import BaseYear
from smartcert.validators.period.item_outside_window import ItemOutsideWindow
from smartcert.validators.period.items_exceed_two_years import ItemsExceedTwoYears
from smartcert.validators.period.plan_not_current import PlanNotCurrent
from smartcert.validators.period.qualitative_before_2023 import QualitativeBefore2023
from smartcert.validators.period.service_introduced_outside import ServiceIntroducedOutside
from smartcert.validators.period.span_ends_too_late import SpanEndsTooLate
from smartcert.validators.period.span_starts_too_early import SpanStartsTooEarly
from smartcert.validators.period.span_too_long import SpanTooLong
from smartcert.validators.rule import Rule

RULES: tuple[type[Rule], ...] = (
    MissingDocument,
    MissingApplicantFact,
    MissingSummary,
    MissingIndicator,
    UnknownRow,
    EmptyValue,
    EmptyEvidencePages,
    AreaWithoutIndicators,
    ApprovalNotStated,
    ResultMissing,
    ListNotInAnnex,
    ProposalOrder,
    MissingEvidenceIndex,
    # arithmetic: figures against their own components
    RatioMismatch,
    TotalMismatch,
    CountMismatch,
    TwoPartMismatch,
    # consistency: the same fact in two places
    SummaryVsForm,
    PopulationDiffers,
    ServiceNotListed,
    SharedFigureDiffers,
    # period: the 2-year window, cut-off and base dates
    SpanTooLong,
    SpanStartsTooEarly,
    SpanEndsTooLate,
    ItemOutsideWindow,
    ItemsExceedTwoYears,
    AchievementAfterCutoff,
    BaseYear,
    BaseDate,
    PlanNotCurrent,
    ServiceIntroducedOutside,
    QualitativeBefore2023,
    # evidence: the 근거자료 must show what is claimed
    PageOutOfRange,
    FigureNotOnPage,
    ItemNotFound,
    ItemDateDiffers,
    ItemAmountDiffers,
    # duplicate
    SameItemTwice,
    CrossIndicatorItem,
    ContradictoryFigures,
    # exclusion: what the call says does not count
    Candidate,
    ModelCivilServant,
    Planned,
    AnalysisReport,
    OwnSmartCityPlan,
    FutureOrganisation,
    OtherExclusion,
    # exclusion: the per-indicator conditions of the rule set's `rules:` entries
    UnrelatedField,
    NotSmartCityNamed,
    NotInOwnName,
    NotKpiKind,
    NotOpenApi,
    IndirectBudget,
    PrivateUnmanaged,
    QualitativePlan,
    # eligibility
    ApplicantKind,
    TypeVsPopulation,
    OptionalAreaCount,
    UnselectedArea,
    CertificationHistory,
)


def rule_by_id(rule_id: str) -> type[Rule]:
    for r in RULES:
        if r.spec.id == rule_id:
            return r
    raise KeyError(rule_id)
