"""What every rule declares: a stable id, its severity, a Korean message template and the
clause of the call it enforces. Shared by the mapping (`schemas/mapping/rules.py`) and the
validators (`validators/`), so one catalogue page lists them all."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from schemas.findings import Category, Finding, Location, Severity


@dataclass(frozen=True)
class RuleSpec:
    id: str  # 'category.name', e.g. 'completeness.missing-indicator'
    severity: Severity
    template: str  # Korean, str.format fields
    clause: str  # where the call says so: '지침 V.제출서류 및 양식 > 정량지표 요약표'
    example: dict[str, str] = field(default_factory=dict)  # fields for the catalogue page

    def __post_init__(self) -> None:
        Category(self.id.split(".", 1)[0])  # the id must start with a contract category
        if not self.clause:
            raise ValueError(f"{self.id}: every rule cites the clause it enforces")

    @property
    def category(self) -> Category:
        return Category(self.id.split(".", 1)[0])

    def finding(
        self,
        *,
        indicator: str | None = None,
        claimed: str | None = None,
        expected: str | None = None,
        locations: Iterable[Location | None] = (),
        **fields: object,
    ) -> Finding:
        return Finding(
            rule=self.id, category=self.category, severity=self.severity,
            indicator=indicator, message=self.template.format(**fields),
            claimed=claimed, expected=expected,
            locations=[loc for loc in locations if loc is not None],
        )


@dataclass(frozen=True)
class MessageTemplate:
    """Severity and Korean message of a rule whose id is an enum member: the intake rules
    (`intake/rules.py`) and the reading rules (`extractors/findings.py`). They concern the
    files themselves, so they cite no clause of the call."""

    severity: Severity
    template: str
