"""What every rule-set model shares: frozen, and a misspelt key in the YAML is an error,
not a silently missing fact."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class CatalogueModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CatalogueError(Exception):
    """The rule-set data is broken; `problems` names every problem found."""

    def __init__(self, ruleset: str, problems: list[str]) -> None:
        self.ruleset = ruleset
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"rule set {ruleset!r}: {len(self.problems)} problem(s)\n{lines}")


class RulesetIdentity:
    """The identity every rule set reads off its `meta` (a city call's, a service call's)."""

    meta: Any

    @property
    def id(self) -> str:
        return str(self.meta.id)

    @property
    def version(self) -> str:
        return str(self.meta.version)

    @property
    def complete(self) -> bool:
        return bool(self.meta.complete)
