"""Every rule, registered explicitly (no module scanning). Order = report order."""

from __future__ import annotations

from validators.arithmetic.count_mismatch import CountMismatch
from validators.arithmetic.ratio_mismatch import RatioMismatch
from validators.arithmetic.total_mismatch import TotalMismatch
from validators.arithmetic.two_part_mismatch import TwoPartMismatch
from validators.completeness.area_without_indicators import AreaWithoutIndicators
from validators.completeness.empty_evidence_pages import EmptyEvidencePages
from validators.completeness.empty_value import EmptyValue
from validators.completeness.missing_applicant_fact import MissingApplicantFact
from validators.completeness.missing_document import MissingDocument
from validators.completeness.missing_indicator import MissingIndicator
from validators.completeness.missing_summary import MissingSummary
from validators.completeness.unknown_row import UnknownRow
from validators.consistency.population_differs import PopulationDiffers
from validators.consistency.summary_vs_form import SummaryVsForm
from validators.duplicate.contradictory_figures import ContradictoryFigures
from validators.duplicate.cross_indicator_item import CrossIndicatorItem
from validators.duplicate.same_item_twice import SameItemTwice
from validators.eligibility.optional_area_count import OptionalAreaCount
from validators.eligibility.type_vs_population import TypeVsPopulation
from validators.evidence.figure_not_on_page import FigureNotOnPage
from validators.evidence.item_amount_differs import ItemAmountDiffers
from validators.evidence.item_date_differs import ItemDateDiffers
from validators.evidence.item_not_found import ItemNotFound
from validators.evidence.page_out_of_range import PageOutOfRange
from validators.exclusion.analysis_report import AnalysisReport
from validators.exclusion.candidate import Candidate
from validators.exclusion.future_organisation import FutureOrganisation
from validators.exclusion.model_civil_servant import ModelCivilServant
from validators.exclusion.other import OtherExclusion
from validators.exclusion.own_smart_city_plan import OwnSmartCityPlan
from validators.exclusion.planned import Planned
from validators.period.achievement_after_cutoff import AchievementAfterCutoff
from validators.period.base_year import BaseYear
from validators.period.item_outside_window import ItemOutsideWindow
from validators.period.items_exceed_two_years import ItemsExceedTwoYears
from validators.period.qualitative_before_2023 import QualitativeBefore2023
from validators.period.span_ends_too_late import SpanEndsTooLate
from validators.period.span_starts_too_early import SpanStartsTooEarly
from validators.period.span_too_long import SpanTooLong
from validators.rule import Rule

RULES: tuple[type[Rule], ...] = (
    MissingDocument,
    MissingApplicantFact,
    MissingSummary,
    MissingIndicator,
    UnknownRow,
    EmptyValue,
    EmptyEvidencePages,
    AreaWithoutIndicators,
    # arithmetic: figures against their own components
    RatioMismatch,
    TotalMismatch,
    CountMismatch,
    TwoPartMismatch,
    # consistency: the same fact in two places
    SummaryVsForm,
    PopulationDiffers,
    # period: the 2-year window, cut-off and base dates
    SpanTooLong,
    SpanStartsTooEarly,
    SpanEndsTooLate,
    ItemOutsideWindow,
    ItemsExceedTwoYears,
    AchievementAfterCutoff,
    BaseYear,
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
    # eligibility
    TypeVsPopulation,
    OptionalAreaCount,
)


def rule_by_id(rule_id: str) -> type[Rule]:
    for r in RULES:
        if r.spec.id == rule_id:
            return r
    raise KeyError(rule_id)
