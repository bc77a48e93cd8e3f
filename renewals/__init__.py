"""Renewals (재인증·타당성 검토): the certification registry, who is due, which rule set a
renewal is reviewed under, and what changed between two runs of a submission.

    from smartcert.renewals import load_registry, due_for_revalidation, ruleset_for, diff_reports
    reg = load_registry()
    for cert in due_for_revalidation(reg, date.today(), within_days=90):
        choice = ruleset_for(cert, "maintain", registry=reg)   # RulesetChoice
        ...                                                    # re-run under choice.ruleset
        diff = diff_reports(last_report, new_report)           # ReportDiff
        diff.summary_lines()                                   # Korean lines

The re-run itself (stored extraction results → report → diff, stored) is
`renewals.revalidate.revalidate`; it needs the store, so it is not imported here.
"""

from smartcert.renewals.diff import (
    IndicatorChange,
    ReportDiff,
    ScoreChange,
    SeverityChange,
    diff_reports,
)
from smartcert.renewals.policy import (
    Purpose,
    Review,
    RulesetChoice,
    due_for_revalidation,
    expired_without_renewal,
    is_superseded,
    ruleset_for,
)
from smartcert.renewals.registry import (
    Certification,
    ExpiryWindow,
    Kind,
    Registry,
    RegistryError,
    SourceRef,
    load_registry,
)
from smartcert.renewals.service_policy import service_review_for
from smartcert.renewals.service_registry import (
    ServiceCertification,
    ServiceRegistry,
    load_service_registry,
)

__all__ = [
    "Certification",
    "ExpiryWindow",
    "IndicatorChange",
    "Kind",
    "Purpose",
    "Registry",
    "RegistryError",
    "ReportDiff",
    "Review",
    "RulesetChoice",
    "ScoreChange",
    "ServiceCertification",
    "ServiceRegistry",
    "SeverityChange",
    "SourceRef",
    "diff_reports",
    "due_for_revalidation",
    "expired_without_renewal",
    "is_superseded",
    "load_registry",
    "load_service_registry",
    "ruleset_for",
    "service_review_for",
]
