"""Run the real pipeline on the planted bundles and score the findings against the manifest.

A planted defect is caught when a finding has its rule id and its indicator (any
severity). False positives: error findings on a clean bundle. Unexplained errors: error
findings on a planted bundle whose (rule, indicator) matches no planted defect there.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from samples.planted.manifest import CATEGORIES, Defect, PlantedBundle
from samples.planted.render import CITIES
from smartcert.core.findings import Finding, Severity
from smartcert.extractors.base import ExtractSettings
from smartcert.pipelines.batch import run_submission
from smartcert.pipelines.cache import ExtractCache

BUNDLES = Path(__file__).resolve().parent / "bundles"


@dataclass
class BundleResult:
    bundle: PlantedBundle
    findings: list[Finding]
    seconds: float
    caught: dict[str, bool] = field(default_factory=dict)  # defect id -> caught
    unexplained: list[Finding] = field(default_factory=list)  # errors no defect explains


def _key(f: Finding) -> tuple[str, str | None]:
    return f.rule, f.indicator


def score_bundle(bundle: PlantedBundle, findings: list[Finding], seconds: float) -> BundleResult:
    res = BundleResult(bundle, findings, seconds)
    keys = {_key(f) for f in findings}
    planted = {(d.rule, d.indicator) for d in bundle.defects}
    res.caught = {d.id: (d.rule, d.indicator) in keys for d in bundle.defects}
    res.unexplained = [
        f for f in findings if f.severity is Severity.ERROR and _key(f) not in planted
    ]
    return res


def scanned(bundle: PlantedBundle, cities: Path = CITIES) -> bool:
    """Whether the base city submits its evidence scanned (style 'scan', pureun): such a
    bundle is read with OCR on, as an evaluator's run reads it."""
    raw = json.loads((cities / f"{bundle.base}.json").read_text(encoding="utf-8"))
    return raw.get("style") == "scan"


def run_bundle(
    bundle: PlantedBundle, out_root: Path, cache: ExtractCache, root: Path = BUNDLES
) -> BundleResult:
    source = root / bundle.name
    if not source.is_dir():
        raise FileNotFoundError(f"{source}: render it with `python -m samples.planted`")
    t = time.perf_counter()
    # OCR only where the evidence is scanned: the other bundles have text layers, and OCR
    # is the slow part (~1 min for pureun's scans; the cache reads each file once per run)
    run = run_submission(source, out_root, ExtractSettings(ocr=scanned(bundle)), cache=cache)
    assert run.report is not None
    return score_bundle(bundle, list(run.report.findings), time.perf_counter() - t)


@dataclass(frozen=True)
class CategoryFigures:
    category: str
    planted: int
    caught: int
    unexplained: int  # error findings of this category on planted bundles, unexplained

    @property
    def recall(self) -> float | None:
        return self.caught / self.planted if self.planted else None


def defects(results: list[BundleResult]) -> list[tuple[Defect, bool]]:
    return [(d, r.caught[d.id]) for r in results for d in r.bundle.defects]


def by_category(results: list[BundleResult]) -> list[CategoryFigures]:
    pairs = defects(results)
    unexplained = [f for r in results if not r.bundle.clean for f in r.unexplained]
    return [
        CategoryFigures(
            category=c,
            planted=sum(1 for d, _ in pairs if d.category == c),
            caught=sum(1 for d, ok in pairs if d.category == c and ok),
            unexplained=sum(1 for f in unexplained if f.category.value == c),
        )
        for c in CATEGORIES
    ]


def false_positives(results: list[BundleResult]) -> list[Finding]:
    """Error findings on the clean bundles."""
    return [
        f
        for r in results
        if r.bundle.clean
        for f in r.findings
        if f.severity is Severity.ERROR
    ]


def missed(results: list[BundleResult]) -> list[Defect]:
    return [d for d, ok in defects(results) if not ok]
