"""A rule: a stable id, its category, severity, Korean message template and the clause of
the call it enforces, and a check over a Submission that yields findings (never raises on
bad data). Rules are plain classes registered explicitly in `validators/registry.py`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import ClassVar

from schemas.catalogue import RuleSet
from schemas.claims import Submission
from schemas.findings import Category, Finding, Location, Severity


@dataclass(frozen=True)
class RuleSpec:
    id: str  # 'category.name', e.g. 'completeness.missing-indicator'
    severity: Severity
    template: str  # Korean, str.format fields
    clause: str  # where the call says so: '지침 V.제출서류 및 양식 > 정량지표 요약표'
    example: dict[str, str] = field(default_factory=dict)  # fields for the catalogue page

    @property
    def category(self) -> Category:
        return Category(self.id.split(".", 1)[0])

    def __post_init__(self) -> None:
        Category(self.id.split(".", 1)[0])  # the id must start with a contract category
        if not self.clause:
            raise ValueError(f"{self.id}: every rule cites the clause it enforces")


@dataclass(frozen=True)
class CheckContext:
    """What rules may consult besides the submission itself."""

    ruleset: RuleSet
    summary_location: Location | None = None  # the summary table (요약표), when found
    evidence_page_count: int | None = None


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
        s = self.spec
        return Finding(
            rule=s.id, category=s.category, severity=s.severity,
            indicator=indicator, message=s.template.format(**fields),
            claimed=claimed, expected=expected,
            locations=[loc for loc in locations if loc is not None],
        )
