"""Renewal samples (samples/renewals): previous submissions of registry municipalities.
The real pipeline (OCR off) must read each bundle's applicant, kind, city type and
population as the manifest says, and report no error finding but the planted ones."""

from __future__ import annotations

import filecmp
from pathlib import Path
from typing import Any

import pytest
import yaml

from samples.planted.render import render
from samples.renewals.manifest import BUNDLES, RenewalBundle, load
from smartcert.core.findings import Severity
from smartcert.extractors.base import ExtractSettings
from smartcert.pipelines.batch import run_submission
from smartcert.pipelines.cache import ExtractCache
from smartcert.pipelines.steps import SubmissionRun

ROOT = Path(__file__).resolve().parent.parent
REGISTRY = ROOT / "renewals" / "data" / "registry.yaml"
RENEWALS = load()
IDS = [rb.name for rb in RENEWALS]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, SubmissionRun]:
    out = tmp_path_factory.mktemp("renewals")
    cache = ExtractCache(out / ".cache")
    return {
        rb.name: run_submission(BUNDLES / rb.name, out, ExtractSettings(ocr=False), cache=cache)
        for rb in RENEWALS
    }


def _registry_row(cert_id: str) -> dict[str, Any]:
    rows = yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))["certifications"]
    hit = [r for r in rows if r["id"] == cert_id]
    assert len(hit) == 1, f"{cert_id} is not (once) in {REGISTRY}"
    return hit[0]


def test_manifest_covers_a_renewal_and_a_first_certification() -> None:
    kinds = sorted(_registry_row(rb.registry)["kind"] for rb in RENEWALS)
    assert kinds == ["first", "renewal"]
    assert sum(len(rb.bundle.defects) for rb in RENEWALS) <= 1
    assert all(rb.bundle.base != "pureun" for rb in RENEWALS)  # no OCR needed


@pytest.mark.parametrize("rb", RENEWALS, ids=IDS)
def test_identity_matches_the_registry_row(rb: RenewalBundle) -> None:
    row = _registry_row(rb.registry)
    assert row["municipality"].split()[-1] == rb.expect.applicant
    assert row["applicant_type"] == rb.expect.city_type
    # the call's rule for a 시: 500,000 or more is a 대도시
    big = rb.expect.population >= 500_000
    assert rb.expect.kind == "시" and (rb.expect.city_type == "대도시") == big


@pytest.mark.parametrize("rb", RENEWALS, ids=IDS)
def test_pipeline_reads_the_applicant(rb: RenewalBundle, runs: dict[str, SubmissionRun]) -> None:
    run = runs[rb.name]
    assert run.report is not None and run.analysed is not None
    summary, submission = run.report.submission, run.analysed.submission
    assert summary.applicant == rb.expect.applicant
    assert submission.applicant_kind == rb.expect.kind
    assert summary.city_type_claimed == rb.expect.city_type
    assert summary.population == rb.expect.population


@pytest.mark.parametrize("rb", RENEWALS, ids=IDS)
def test_only_the_planted_errors(rb: RenewalBundle, runs: dict[str, SubmissionRun]) -> None:
    report = runs[rb.name].report
    assert report is not None
    errors = sorted(
        (f.rule, f.indicator) for f in report.findings if f.severity is Severity.ERROR
    )
    assert errors == sorted((d.rule, d.indicator) for d in rb.bundle.defects)


def test_bundles_regenerate_byte_identically(tmp_path: Path) -> None:
    for rb in RENEWALS:
        committed = BUNDLES / rb.name
        assert committed.is_dir(), f"run `python -m samples.renewals`: {rb.name}"
        fresh = render(rb.bundle, tmp_path)
        names = sorted(p.name for p in committed.iterdir())
        assert names == sorted(p.name for p in fresh.iterdir())
        _, diff, errors = filecmp.cmpfiles(committed, fresh, names, shallow=False)
        assert not diff and not errors, f"{rb.name}: {diff + errors} differ"
