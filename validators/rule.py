"""A rule: a `RuleSpec` (id, severity, Korean template, clause of the call) and a check
over a Submission that yields findings (never raises on bad data). Rules are plain classes
registered explicitly in `validators/registry.py`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from extractors.models import DocumentExtract
from schemas.catalogue import RuleSet
from schemas.claims import Submission
from schemas.findings import Finding, Location
from schemas.rulespec import RuleSpec


@dataclass(frozen=True)
class CheckContext:
    """What rules may consult besides the submission itself."""

    ruleset: RuleSet
    summary_location: Location | None = None  # the summary table (요약표), when found
    evidence_page_count: int | None = None
    # the extracts of the 근거자료 (evidence) documents, for the evidence rules; empty = not given
    evidence: tuple[DocumentExtract, ...] = ()


class Rule(ABC):
    spec: ClassVar[RuleSpec]

    @abstractmethod
    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        """Findings for this submission; bad data is a finding, never an exception."""

    def finding(
        self,
        *,
        indicator: str | None = None,
        claimed: str | None = None,
        expected: str | None = None,
        locations: Iterable[Location | None] = (),
        **fields: object,
    ) -> Finding:
        return self.spec.finding(indicator=indicator, claimed=claimed, expected=expected,
                                 locations=locations, **fields)
