"""The rules of the smart city SERVICE certification (seed 003, rule set `service-2023`),
registered explicitly apart from the city rules (`validators/registry.py`): they check a
`ServiceSubmission` in a `ServiceContext`. Each lives in its category's folder with a
`service_` module prefix. Order = report order.

    findings = run_service_rules(sub, ServiceContext(ruleset=load_service_ruleset("service-2023")))
"""

from __future__ import annotations

from collections.abc import Iterable

from smartcert.core.findings import Finding
from smartcert.schemas.service_claims import ServiceSubmission
from smartcert.validators.arithmetic.service_self_score_over_points import (
    ServiceSelfScoreOverPoints,
)
from smartcert.validators.arithmetic.service_self_score_sum import ServiceSelfScoreSum
from smartcert.validators.completeness.service_missing_document import ServiceMissingDocument
from smartcert.validators.completeness.service_missing_self_score import (
    ServiceMissingSelfScore,
)
from smartcert.validators.consistency.service_level_blocks import ServiceLevelBlocks
from smartcert.validators.eligibility.service_applicant_kind import ServiceApplicantKind
from smartcert.validators.eligibility.service_fails_cutoff import ServiceFailsCutoff
from smartcert.validators.eligibility.service_field import ServiceField
from smartcert.validators.eligibility.service_level import ServiceLevel
from smartcert.validators.evidence.service_survey_sample import ServiceSurveySample
from smartcert.validators.period.service_certificate_expired import ServiceCertificateExpired
from smartcert.validators.period.service_fact_outside_window import ServiceFactOutsideWindow
from smartcert.validators.support.service_rule import ServiceContext, ServiceRule

SERVICE_RULES: tuple[type[ServiceRule], ...] = (
    # completeness: the documents and the self-assessment's rows
    ServiceMissingDocument,
    ServiceMissingSelfScore,
    # arithmetic: self-scores against their points and the printed 계
    ServiceSelfScoreOverPoints,
    ServiceSelfScoreSum,
    # consistency: the level ticked against the block scored
    ServiceLevelBlocks,
    # period: the windows of the cited facts, the certificate at the deadline
    ServiceFactOutsideWindow,
    ServiceCertificateExpired,
    # evidence: what the cited survey must show
    ServiceSurveySample,
    # eligibility: who and what may be certified, and whether the self-assessment passes
    ServiceField,
    ServiceLevel,
    ServiceApplicantKind,
    ServiceFailsCutoff,
)


def service_rule_by_id(rule_id: str) -> type[ServiceRule]:
    for r in SERVICE_RULES:
        if r.spec.id == rule_id:
            return r
    raise KeyError(rule_id)


def run_service_rules(sub: ServiceSubmission, ctx: ServiceContext,
                      rules: Iterable[type[ServiceRule]] = SERVICE_RULES) -> list[Finding]:
    """Every service rule's findings for one submission, in registry order."""
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(rule().check(sub, ctx))
    return findings
