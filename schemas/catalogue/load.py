"""Loading a rule set: read its folder, build the RuleSet, run every self-check, cache.

Each city rule set is a folder `schemas/rulesets/<id>/` of YAML files read by the same
loader; `city-2025` is the current call, `city-2023` (first simplified renewals) a partial
sibling. Folders of another program kind (`program: service`) have their own loader
(`programs.py`) and are not listed here: callers of `load_ruleset` expect a city RuleSet.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from smartcert.schemas.catalogue import snapshot
from smartcert.schemas.catalogue.base import CatalogueError
from smartcert.schemas.catalogue.checks_sections import check_ruleset
from smartcert.schemas.catalogue.read import RULESETS_DIR, program_kinds, read_folder
from smartcert.schemas.catalogue.ruleset import RuleSet

DEFAULT_RULESET = "city-2025"


def load_ruleset_from(folder: Path) -> RuleSet:
    """Load and check a rule-set folder (uncached); raises CatalogueError with every problem."""
    parsed = read_folder(folder)
    s = parsed.sections
    if s.get("ruleset.yaml") is None or s.get("structure.yaml") is None:
        raise CatalogueError(folder.name, parsed.problems)
    rs = RuleSet(meta=s["ruleset.yaml"], structure=s["structure.yaml"],
                 indicators=parsed.indicators, qualitative=s.get("qualitative.yaml"),
                 grades=s.get("grades.yaml"), applicants=s.get("applicants.yaml"),
                 periods=s.get("periods.yaml"), documents=s.get("documents.yaml"),
                 forms=s.get("forms.yaml"),
                 folder=str(folder))
    problems = parsed.problems + check_ruleset(rs, folder.name)
    if problems:
        raise CatalogueError(folder.name, problems)
    return rs


def load_ruleset(ruleset_id: str = DEFAULT_RULESET) -> RuleSet:
    """The rule set `ruleset_id` from `schemas/rulesets/` (validated once, then cached: in
    the process, and checked across processes as a snapshot, `catalogue.snapshot`)."""
    return _load_cached(ruleset_id)


@cache
def _load_cached(ruleset_id: str) -> RuleSet:
    folder = RULESETS_DIR / ruleset_id
    kind = program_kinds().get(ruleset_id)
    if kind is None:
        raise CatalogueError(ruleset_id, [f"no rule set folder {folder}"])
    if kind != "city":
        raise CatalogueError(ruleset_id, [
            f"a {kind} rule set, not a city one: load it with load_service_ruleset"])
    return snapshot.load_checked(folder, load_ruleset_from)


def available_rulesets() -> list[str]:
    """Ids of the city rule sets shipped in `schemas/rulesets/` (folders with a ruleset.yaml
    of program kind city); every program: `available_programs()`."""
    return sorted(i for i, kind in program_kinds().items() if kind == "city")
