"""The renewal re-validation flow on the seeded registry with a fixed 'today': cities due
are re-run from their stored submissions under the rule set that applies, and what
changed since the last run is reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import smartcert.pipelines.steps as steps
from smartcert.pipelines.batch import validate_one
from smartcert.pipelines.runtime import RunConfig
from smartcert.renewals.revalidate import RenewalStatus
from smartcert.store import RunStatus, Store
from smartcert.validators.period.item_outside_window import ItemOutsideWindow
from smartcert.validators.registry import RULES

ROOT = Path(__file__).resolve().parent.parent
RENEWAL_SAMPLES = ROOT / "samples" / "renewals" / "bundles"
TODAY = "2026-11-23"  # the 2024 certifications' validity ends within 30 days


@pytest.fixture(scope="module")
def renewal_run(tmp_path_factory: pytest.TempPathFactory, prefect_harness: None):  # type: ignore[no-untyped-def]
    """오산시 and 고양시 stored from an earlier run whose rule catalogue lacked the
    period rule (as an older release would), then the nightly flow."""
    from smartcert.pipelines.renewal_flow import renewal_revalidation

    tmp = tmp_path_factory.mktemp("renewal")
    config = RunConfig.make(tmp / "intake", tmp / "data", ocr=False)
    older = tuple(r for r in RULES if r is not ItemOutsideWindow)
    mp = pytest.MonkeyPatch()
    real = steps.run_rules
    mp.setattr(steps, "run_rules", lambda sub, ctx: real(sub, ctx, older))
    try:
        for name in ("osan-2024", "goyang-2024"):
            validate_one(RENEWAL_SAMPLES / name, config)
    finally:
        mp.undo()
    result = renewal_revalidation(str(tmp / "renewals"), today=TODAY, within_days=30,
                                  data_dir=str(tmp / "data"))
    return tmp, result


def test_due_cities_get_the_rule_set_that_applies(renewal_run) -> None:  # type: ignore[no-untyped-def]
    _, result = renewal_run
    items = {i.certification: i for i in result.items}
    assert len(items) == 11 and all(c.startswith("2024:") for c in items)
    # 오산 was re-certified in 2024: its next grade-keeping review is the second → 2025 call
    osan = items["2024:경기 오산시"]
    assert osan.choice.ruleset == "city-2025" and osan.status is RenewalStatus.REVALIDATED
    # 고양 was first certified in 2024: a first, simplified review under the 2023 criteria,
    # which the project holds only in part — reported as such, not faked
    goyang = items["2024:경기 고양시"]
    assert goyang.choice.ruleset == "city-2023"
    assert goyang.status is RenewalStatus.RULESET_INCOMPLETE and "누락" in goyang.message
    # a city with nothing stored is said so
    assert any(i.status is RenewalStatus.NO_SUBMISSION for i in items.values())


def test_what_changed_since_the_last_run(renewal_run) -> None:  # type: ignore[no-untyped-def]
    tmp, result = renewal_run
    osan = next(i for i in result.items if i.certification == "2024:경기 오산시")
    assert osan.diff is not None and not osan.diff.first_run
    assert [(f.rule, f.indicator) for f in osan.diff.new_findings] == [
        ("period.item-outside-window", "A-1-2")]
    assert osan.diff.resolved_findings == []
    assert any("period.item-outside-window" in line or "A-1-2" in line
               for line in osan.diff.summary_lines())
    changes = json.loads((tmp / "renewals" / "오산시" / "changes.json").read_text("utf-8"))
    assert [f["rule"] for f in changes["new_findings"]] == ["period.item-outside-window"]
    assert (tmp / "renewals" / "오산시" / "report.html").is_file()


def test_the_renewal_run_is_stored(renewal_run) -> None:  # type: ignore[no-untyped-def]
    tmp, result = renewal_run
    store = Store.open(None, tmp / "data")
    run = store.get_run(result.run_id)
    assert run is not None and run.kind == "renewal" and run.status is RunStatus.PARTIAL
    reports = store.reports_for("applicant:오산시")
    assert [r.run_id for r in reports][-1] == result.run_id and len(reports) == 2
