"""Recall on the planted-defect set (samples/planted, issue #4): the real pipeline over
each committed planted bundle and the clean bundle; every planted defect must be caught by
its rule at its indicator, and the clean bundle must carry no error finding. The scanned
bundle (planted-pureun-scan) is read with OCR on (~1 min, once per run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from samples.planted.manifest import CATEGORIES, load
from samples.planted.score import (
    BundleResult,
    by_category,
    false_positives,
    missed,
    run_bundle,
    scanned,
    score_bundle,
)
from smartcert.core.findings import Category, Finding, Severity
from smartcert.pipelines.cache import ExtractCache
from smartcert.validators.catalogue import all_rules

BUNDLES = load()


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> list[BundleResult]:
    out = tmp_path_factory.mktemp("planted")
    cache = ExtractCache(out / ".cache")
    return [run_bundle(b, out, cache) for b in BUNDLES]


def test_manifest_has_two_defects_per_category_and_a_clean_bundle() -> None:
    defects = [d for b in BUNDLES for d in b.defects]
    counts = {c: sum(1 for d in defects if d.category == c) for c in CATEGORIES}
    assert all(n >= 2 for n in counts.values()), counts
    assert any(b.clean for b in BUNDLES)


def test_the_scanned_bundle_is_read_with_ocr_and_only_it() -> None:
    assert [b.name for b in BUNDLES if scanned(b)] == ["planted-pureun-scan"]


def test_every_expected_rule_exists() -> None:
    known = {e.spec.id for e in all_rules()}
    unknown = [(d.id, d.rule) for b in BUNDLES for d in b.defects if d.rule not in known]
    assert not unknown


def test_recall_is_one(results: list[BundleResult]) -> None:
    lost = missed(results)
    assert not lost, "planted defects not caught:\n" + "\n".join(
        f"  {d.id} {d.rule} {d.indicator}: {d.description}" for d in lost
    )
    assert all(f.recall == 1.0 for f in by_category(results) if f.planted)


def test_no_error_findings_on_the_clean_bundle(results: list[BundleResult]) -> None:
    fps = false_positives(results)
    assert not fps, "error findings on the clean bundle:\n" + "\n".join(
        f"  {f.rule} {f.indicator}: {f.message}" for f in fps
    )


def test_no_unexplained_errors_on_planted_bundles(results: list[BundleResult]) -> None:
    extra = [(r.bundle.name, f) for r in results if not r.bundle.clean for f in r.unexplained]
    assert not extra, "error findings no planted defect explains:\n" + "\n".join(
        f"  {name}: {f.rule} {f.indicator}: {f.message}" for name, f in extra
    )


def test_defects_on_scanned_evidence_are_errors_or_say_the_ocr_was_uncertain(
        results: list[BundleResult]) -> None:
    # what a rule read on an OCR'd page may be the OCR's: no error then, but a warning that
    # says so (an info hint only under LOW_OCR_CONFIDENCE, which these pages are not)
    checked = 0
    for r in (r for r in results if scanned(r.bundle)):
        for d in r.bundle.defects:
            hits = [f for f in r.findings if (f.rule, f.indicator) == (d.rule, d.indicator)]
            assert any(f.severity is Severity.ERROR or (
                f.severity is Severity.WARNING and "OCR로 읽어" in f.message) for f in hits), \
                f"{d.id}: {[(f.severity.value, f.message) for f in hits]}"
            checked += 1
    assert checked == 4


def _finding(rule: str, indicator: str | None, severity: Severity = Severity.ERROR) -> Finding:
    return Finding(rule=rule, category=Category(rule.split(".")[0]), severity=severity,
                   indicator=indicator, message="시험용")


def test_scoring_counts_misses_and_unexplained_errors() -> None:
    # the scoring itself can fail: wrong indicator = missed, an unplanted error = unexplained
    bundle = next(b for b in BUNDLES if b.defects)
    first, *rest = bundle.defects
    findings = [_finding(d.rule, d.indicator) for d in rest]
    findings += [_finding(first.rule, "Z-9-9"), _finding("arithmetic.count-mismatch", "X-1-1"),
                 _finding("completeness.form-missing", "X-1-1", Severity.WARNING)]
    res = score_bundle(bundle, findings, 0.0)
    assert [d.id for d in missed([res])] == [first.id]
    assert [(f.rule, f.indicator) for f in res.unexplained] == [
        (first.rule, "Z-9-9"), ("arithmetic.count-mismatch", "X-1-1")]


def test_bundles_are_rendered() -> None:
    root = Path(__file__).resolve().parent.parent / "samples" / "planted" / "bundles"
    missing = [b.name for b in BUNDLES if not (root / b.name).is_dir()]
    assert not missing, f"run `python -m samples.planted`: {missing}"
