"""Every rule, registered explicitly (no module scanning). Order = report order."""

from __future__ import annotations

from validators.completeness.area_without_indicators import AreaWithoutIndicators
from validators.completeness.empty_evidence_pages import EmptyEvidencePages
from validators.completeness.empty_value import EmptyValue
from validators.completeness.missing_applicant_fact import MissingApplicantFact
from validators.completeness.missing_document import MissingDocument
from validators.completeness.missing_indicator import MissingIndicator
from validators.completeness.missing_summary import MissingSummary
from validators.completeness.unknown_row import UnknownRow
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
)


def rule_by_id(rule_id: str) -> type[Rule]:
    for r in RULES:
        if r.spec.id == rule_id:
            return r
    raise KeyError(rule_id)
