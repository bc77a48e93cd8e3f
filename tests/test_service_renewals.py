"""Certified services and their 2-year re-review (재검토): the registry transcribed from the
2022 results release, who is due when, the rule set a re-review runs under, and a stored
service application re-reviewed end to end (found by the service's name, what changed)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

import smartcert.pipelines.steps as steps
from smartcert.pipelines.batch import validate_one
from smartcert.pipelines.runtime import RunConfig
from smartcert.renewals.policy import Review, due_for_revalidation, expired_without_renewal
from smartcert.renewals.registry import RegistryError
from smartcert.renewals.revalidate import RenewalStatus, Revalidation, revalidate_service
from smartcert.renewals.service_policy import REVIEW_SOURCES, service_review_for
from smartcert.renewals.service_registry import (
    SERVICE_REGISTRY_FILE,
    ServiceRegistry,
    load_service_registry,
    parse_service_registry,
)
from smartcert.schemas.catalogue import load_service_ruleset
from smartcert.store import Store, service_lineage
from smartcert.validators.service_registry import SERVICE_RULES
from tests.shared_paths import SEEDS, require

ROOT = Path(__file__).resolve().parent.parent
SERVICE_BUNDLES = ROOT / "samples" / "service" / "bundles"
SAMPLE_SERVICE = "다온 스마트 공영주차 안내 서비스"  # service-l1-*'s service, as its forms print it


def _seed_line(seed: str, line: int) -> str:
    return (require(SEEDS / seed).read_text("utf-8").splitlines())[line - 1]


def test_the_four_services_certified_in_2022() -> None:
    reg = load_service_registry()
    assert sorted(c.service for c in reg.certifications) == sorted(
        ["스마트 시티패스", "스마트 통합주차정보시스템", "스마트 파킹 서비스", "IoT 공유주차 서비스"])
    count = next(t for t in reg.totals if t.what == "certified services 2022")
    assert count.value == len(reg.certifications)
    assert all(c.year == 2022 and c.announced_on == date(2022, 9, 29) for c in reg.certifications)
    holders = {c.service: c.holder for c in reg.certifications}
    assert holders["스마트 시티패스"] == "부천시 협의체" and holders["스마트 파킹 서비스"] == "㈜대흥정보"
    assert holders["IoT 공유주차 서비스"] is None  # not printed: not guessed


def test_every_quote_is_printed_on_its_line() -> None:
    reg = load_service_registry()
    refs = [*(s for c in reg.certifications for s in c.sources), *reg.validity.sources,
            *(t.source for t in reg.totals), *REVIEW_SOURCES]
    for ref in refs:
        assert ref.quote in _seed_line(ref.seed, ref.line) or (
            ref.end_line is not None and ref.quote.split()[0] in _seed_line(ref.seed, ref.line)
        ), ref.cite()


def test_fields_are_the_calls_fields() -> None:
    names = {f.name for f in load_service_ruleset().eligibility.fields.eligible}
    assert {c.field for c in load_service_registry().certifications} <= names


def _data() -> dict[str, Any]:
    return yaml.safe_load(SERVICE_REGISTRY_FILE.read_text("utf-8"))


def test_broken_rows_are_each_named() -> None:
    data = _data()
    rows = data["certifications"]
    rows[1]["id"] = rows[0]["id"]  # duplicate, and not '<year>:<service>'
    rows[2]["ruleset"] = "city-2022"
    rows[3]["sources"][0]["seed"] = "999_unknown.txt"
    with pytest.raises(RegistryError) as e:
        parse_service_registry(data)
    text = "\n".join(e.value.problems)
    assert "duplicate id '2022:스마트 시티패스'" in text
    assert "id must be '2022:스마트 통합주차정보시스템'" in text
    assert "is not 'service-YYYY'" in text and "999_unknown.txt" in text


def test_re_review_falls_in_2024() -> None:
    reg = load_service_registry()
    # no certification date is printed: the two years end somewhere in 2024
    assert {(reg.expiry(c).earliest, reg.expiry(c).latest) for c in reg.certifications} == {
        (date(2024, 1, 1), date(2024, 12, 31))}
    assert len(due_for_revalidation(reg, date(2024, 10, 1), 30)) == 4
    assert due_for_revalidation(reg, date(2023, 6, 1), 90) == []
    assert len(expired_without_renewal(reg, date(2025, 1, 2))) == 4
    assert expired_without_renewal(reg, date(2024, 12, 31)) == []


def test_a_re_review_runs_under_the_service_call_in_force() -> None:
    reg = load_service_registry()
    cert = reg.by_name("스마트시티패스")[0]  # spacing aside
    choice = service_review_for(cert, registry=reg)
    rs = load_service_ruleset("service-2023")
    assert (choice.ruleset, choice.review, choice.program) == ("service-2023", Review.REQUALIFY,
                                                                "service")
    assert choice.clause == rs.levels.validity.clause and choice.can_score
    assert choice.renewal_number == 1 and not choice.treated_as_new
    assert any("service-2022" in n for n in choice.notes)  # the 2022 criteria are not seeded
    missing = service_review_for(cert, registry=reg, current="service-1999")
    assert not missing.loadable and not missing.can_score


def _with_sample_service(year: int) -> ServiceRegistry:
    """The seeded registry's header with one certified service: the sample's."""
    data = _data()
    row = dict(data["certifications"][0], id=f"{year}:{SAMPLE_SERVICE}", service=SAMPLE_SERVICE,
               holder="㈜누리모빌리티", partners=[], year=year, announced_on=None)
    data["covers"] = {"from_year": 2022, "to_year": year}
    data["certifications"] = [row]
    return parse_service_registry(data)


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory, prefect_harness: None):  # type: ignore[no-untyped-def]
    """The planted L1 application stored by a release whose service rules lacked the
    self-score sum check (as an older release would)."""
    tmp = tmp_path_factory.mktemp("service-renewal")
    config = RunConfig.make(tmp / "intake", tmp / "data", ocr=False)
    older = tuple(r for r in SERVICE_RULES if r.spec.id != "arithmetic.self-score-sum")
    assert len(older) == len(SERVICE_RULES) - 1
    mp = pytest.MonkeyPatch()
    real = steps.run_service_rules
    mp.setattr(steps, "run_service_rules", lambda sub, ctx: real(sub, ctx, older))
    try:
        validate_one(SERVICE_BUNDLES / "service-l1-planted", config)
    finally:
        mp.undo()
    return tmp, config


def test_stored_under_the_services_name(stored) -> None:  # type: ignore[no-untyped-def]
    tmp, _ = stored
    store = Store.open(None, tmp / "data")
    subs = store.submissions_of(service_lineage(SAMPLE_SERVICE))
    assert len(subs) == 1 and subs[0].applicant == "㈜누리모빌리티"


def test_a_certified_service_re_reviewed(stored) -> None:  # type: ignore[no-untyped-def]
    tmp, config = stored
    reg = _with_sample_service(2024)
    cert = due_for_revalidation(reg, date(2026, 6, 1), 365)[0]
    choice = service_review_for(cert, registry=reg)
    store = Store.open(None, tmp / "data")
    on = Revalidation(store=store, run_id=_run(store), out_dir=tmp / "renewals",
                      analyse=steps.analyse_step, analyse_service=steps.service_step,
                      settings=config.extract_settings())
    item = revalidate_service(cert, choice, on)
    assert item.status is RenewalStatus.REVALIDATED, item.message
    assert item.report is not None and item.report.program == "service-2023"
    assert item.report.submission.service_name == SAMPLE_SERVICE
    assert item.report.score.passed is not None  # the provisional pass verdict is given
    assert item.diff is not None and not item.diff.first_run
    assert [f.rule for f in item.diff.new_findings] == ["arithmetic.self-score-sum"]
    out = tmp / "renewals" / SAMPLE_SERVICE
    changes = json.loads((out / "changes.json").read_text("utf-8"))
    assert [f["rule"] for f in changes["new_findings"]] == ["arithmetic.self-score-sum"]
    assert (out / "report.html").is_file()


def test_a_service_with_nothing_stored_is_said_so(stored) -> None:  # type: ignore[no-untyped-def]
    tmp, config = stored
    reg = load_service_registry()
    cert = reg.certifications[0]
    store = Store.open(None, tmp / "data")
    on = Revalidation(store=store, run_id=_run(store), out_dir=tmp / "renewals",
                      analyse=steps.analyse_step, analyse_service=steps.service_step,
                      settings=config.extract_settings())
    item = revalidate_service(cert, service_review_for(cert, registry=reg), on)
    assert item.status is RenewalStatus.NO_SUBMISSION and cert.service in item.message


def _run(store: Store) -> str:
    from smartcert.store import RunKind

    return store.start_run(RunKind.RENEWAL, load_service_ruleset(), program="service-2023")


def test_the_nightly_flow_takes_both_programs(stored, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import smartcert.pipelines.renewal_flow as flow

    tmp, _ = stored
    monkeypatch.setattr(flow, "load_service_registry", lambda: _with_sample_service(2024))
    result = flow.renewal_revalidation(str(tmp / "nightly"), today="2026-06-01",
                                       within_days=30, data_dir=str(tmp / "data"))
    services = [i for i in result.items if i.choice.program == "service"]
    assert [i.certification for i in services] == [f"2024:{SAMPLE_SERVICE}"]
    assert services[0].status is RenewalStatus.REVALIDATED
    assert any(i.choice.program == "city" for i in result.items)  # the 2024 cities, too
    cities_only = flow.renewal_revalidation(str(tmp / "nightly-cities"), today="2026-06-01",
                                            within_days=30, data_dir=str(tmp / "data"),
                                            service_program=None)
    assert all(i.choice.program == "city" for i in cities_only.items)
