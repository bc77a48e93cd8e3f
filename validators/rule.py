"""A rule: a `RuleSpec` (id, severity, Korean template, clause of the call) and a check
over a Submission that yields findings (never raises on bad data). Rules are plain classes
registered explicitly in `validators/registry.py`, one per module of `validators/<category>/`;
what several rules share is in `validators/support/`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

from smartcert.core.findings import Finding, Location
from smartcert.core.rulespec import RuleSpec
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.certifications import RegistryRecords
from smartcert.schemas.claims import Submission
from smartcert.validators.support.evidence_index import EvidenceIndex, build_index
from smartcert.validators.support.evidence_items import ItemFinder
from smartcert.validators.support.window import CallPeriods


@dataclass(frozen=True)
class CheckContext:
    """What rules may consult besides the submission itself: the inputs below, and typed
    views of them that are built on first use and then shared by every rule of the run.

    One context is made per submission run, so a view is computed once per submission and
    dies with it. The inputs are frozen so that a view can never go stale; `cached_property`
    stores into the instance `__dict__` directly, which a frozen dataclass allows."""

    ruleset: RuleSet
    summary_location: Location | None = None  # the summary table (요약표), when found
    evidence_page_count: int | None = None
    # the extracts of the 근거자료 (evidence) documents, for the evidence rules; empty = not given
    evidence: tuple[DocumentExtract, ...] = ()
    # the certification registry's rows of this applicant; None = the registry not consulted
    certifications: RegistryRecords | None = None

    @cached_property
    def evidence_index(self) -> EvidenceIndex:
        """The evidence pages with their text, numbers and dates (empty without evidence)."""
        return build_index(self.evidence)

    @cached_property
    def evidence_items(self) -> ItemFinder:
        """Where listed items are shown in the evidence, each looked up once."""
        return ItemFinder(self.evidence_index)

    @cached_property
    def periods(self) -> CallPeriods:
        """The rule set's period facts (`periods.yaml`) as dates."""
        return CallPeriods.of(self.ruleset)


class SpecRule(ABC):
    """What every rule shares, whatever it checks (a city `Submission` here, a
    `ServiceSubmission` in `validators/support/service_rule.py`): its `RuleSpec`, and
    findings made from it."""

    spec: ClassVar[RuleSpec]

    def finding(
        self,
        *,
        indicator: str | None = None,
        claimed: str | None = None,
        expected: str | None = None,
        locations: Iterable[Location | None] = (),
        uncertain: str | None = None,
        **fields: object,
    ) -> Finding:
        """`uncertain`: what the rule used that was not located with certainty (an error
        then becomes a warning that says so: `RuleSpec.finding`)."""
        return self.spec.finding(indicator=indicator, claimed=claimed, expected=expected,
                                 locations=locations, uncertain=uncertain, **fields)


class Rule(SpecRule):
    @abstractmethod
    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        """Findings for this submission; bad data is a finding, never an exception."""
