"""The requirements table (schemas/rulesets/city-2025/requirements.yaml → docs/requirements.md):
every requirement has a status that says how, every rule it names exists, every indicator
`rules:` entry is covered by a requirement, and every entry of a checked requirement is read
by code while a call-style bundle is validated."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from smartcert.cli import main
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.catalogue.indicators import Indicator, IndicatorRule
from smartcert.schemas.catalogue.requirements import (
    Requirement,
    Requirements,
    Status,
    load_requirements,
)
from smartcert.validators.catalogue import all_rules
from smartcert.validators.requirements_page import COMMAND, PAGE, render

ROOT = Path(__file__).resolve().parent.parent
REQS = load_requirements("city-2025")
RS = load_ruleset("city-2025")
# two clean call-style bundles whose optional areas between them hold every indicator that
# declares an entry (C-4-2/C-5-1: 주거·교육; C-8-2: 보건복지)
BUNDLES = ("lo-chorong-clean", "painter-hanbit-clean")


def declared_entries() -> set[str]:
    return {f"{ind.code}.{r.id}" for ind in RS.indicators for r in ind.rules}


def test_the_page_is_up_to_date() -> None:
    assert PAGE.read_text(encoding="utf-8") == render(REQS), f"stale: run `{COMMAND}`"


def test_a_requirement_without_a_status_or_its_how_is_refused() -> None:
    base = {"id": "E9", "section": "1.1", "text": "…", "lines": [21]}
    with pytest.raises(ValidationError, match="status"):
        Requirement.model_validate(base)
    for status, missing in (("checked", "rules"), ("aid", "where"), ("not-checkable", "why")):
        with pytest.raises(ValidationError, match=missing):
            Requirement.model_validate({**base, "status": status})


def test_the_yaml_covers_the_call_section_by_section() -> None:
    raw = yaml.safe_load((ROOT / "schemas/rulesets/city-2025/requirements.yaml").read_text("utf-8"))
    assert Requirements.model_validate(raw) == REQS
    per_section = {s.id: [r for r in REQS.requirements if r.section == s.id] for s in REQS.sections}
    assert all(per_section.values()), "a section without requirements"
    # the reading of the call found 89 checkable requirements; none may silently disappear
    assert len(REQS.requirements) >= 89


def test_every_rule_named_is_in_the_catalogue() -> None:
    known = {e.spec.id for e in all_rules()}
    unknown = [f"{r.id}: {rid}" for r in REQS.requirements for rid in r.rules if rid not in known]
    assert not unknown


def test_every_declared_entry_is_covered_by_a_requirement() -> None:
    covered = {e for r in REQS.requirements for e in r.entries}
    assert not sorted(declared_entries() - covered), "entries without a requirement"
    assert not sorted(covered - declared_entries()), "requirements naming entries that do not exist"


@pytest.fixture(scope="module")
def entries_read(tmp_path_factory: pytest.TempPathFactory) -> Iterator[set[str]]:
    """The entries code read (through `Indicator.rule`, the one reader) while validating."""
    read: set[str] = set()
    original = Indicator.rule

    def recording(self: Indicator, rid: str) -> IndicatorRule | None:
        entry = original(self, rid)
        if entry is not None:
            read.add(f"{self.code}.{rid}")
        return entry

    out = tmp_path_factory.mktemp("requirements")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Indicator, "rule", recording)
        for name in BUNDLES:
            assert main(["validate", str(ROOT / "samples/callforms/bundles" / name),
                         "--out", str(out)]) == 0
    yield read


def test_every_entry_of_a_checked_requirement_has_a_consumer(entries_read: set[str]) -> None:
    checked = {e for r in REQS.requirements if r.status is Status.CHECKED for e in r.entries}
    assert not sorted(checked - entries_read), "declared, claimed as checked, read by no code"


def test_entries_read_by_code_are_not_claimed_uncheckable(entries_read: set[str]) -> None:
    # an entry some rule enforces must be listed under a checked requirement
    idle = {e for r in REQS.requirements if r.status is not Status.CHECKED for e in r.entries}
    assert not sorted(idle & entries_read)
