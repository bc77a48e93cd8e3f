"""The base of the service-certification rules (seed 003, rule set `service-2023`): a
`ServiceRule` checks a `ServiceSubmission` against a `ServiceRuleSet`, as a `Rule` checks a
city `Submission` against a city `RuleSet`. Same `RuleSpec`, same findings, same certainty
contract (`uncertain=` turns an error into a warning that says what was not certain);
registered apart in `validators/service_registry.py` (`SERVICE_RULES`).
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from smartcert.core.findings import Finding
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.catalogue import ServiceRuleSet
from smartcert.schemas.service_claims import ServiceSubmission
from smartcert.validators.rule import SpecRule
from smartcert.validators.support.evidence_index import EvidenceIndex, build_index


@dataclass(frozen=True)
class ServiceContext:
    """What service rules may consult besides the submission: the rule set and the extracts
    of the 근거자료 (empty = not given). One per submission run; views are built once."""

    ruleset: ServiceRuleSet
    evidence: tuple[DocumentExtract, ...] = ()

    @cached_property
    def evidence_index(self) -> EvidenceIndex:
        """The evidence pages with their text, numbers and dates (empty without evidence)."""
        return build_index(self.evidence)


class ServiceRule(SpecRule):
    """A rule of the service program; `indicator` in its findings is the 세부평가항목
    (S-code) or 인증지표 the finding is about."""

    @abstractmethod
    def check(self, sub: ServiceSubmission, ctx: ServiceContext) -> Iterator[Finding]:
        """Findings for this submission; bad data is a finding, never an exception."""
