"""What every rule declares: a stable id, its severity, a Korean message template and the
clause of the call it enforces. Every rule of every layer is a `RuleSpec` constant in the
module of the layer that raises it; `validators/catalogue.py` lists them all."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from smartcert.core.findings import Category, Finding, Location, Severity


@dataclass(frozen=True)
class RuleSpec:
    id: str  # 'category.name', e.g. 'completeness.missing-indicator'
    severity: Severity
    template: str  # Korean, str.format fields
    # where the call says so: '지침 V.제출서류 및 양식 > 정량지표 요약표'. None only for intake
    # rules: they concern the files themselves, not a clause of the call.
    clause: str | None = None
    example: dict[str, str] = field(default_factory=dict)  # fields for the catalogue page

    def __post_init__(self) -> None:
        category = Category(self.id.split(".", 1)[0])  # the id starts with a contract category
        if category is Category.INTAKE:
            if self.clause is not None and not self.clause.strip():
                raise ValueError(f"{self.id}: a clause is None or cites something")
        elif not (self.clause and self.clause.strip()):
            raise ValueError(f"{self.id}: every rule but intake cites the clause it enforces")

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
        uncertain: str | None = None,
        **fields: object,
    ) -> Finding:
        """The finding of this rule. `uncertain` says (in Korean) which value the rule used
        was not located with certainty: an error is then reported as a warning, the rule id
        unchanged, and every message ends with it ('… (확인 필요: (A) 값의 위치를 추정함)')."""
        message, severity = self.template.format(**fields), self.severity
        if uncertain:
            message = f"{message} (확인 필요: {uncertain})"
            if severity is Severity.ERROR:
                severity = Severity.WARNING
        return Finding(
            rule=self.id, category=self.category, severity=severity,
            indicator=indicator, message=message,
            claimed=claimed, expected=expected,
            locations=[loc for loc in locations if loc is not None],
        )
