"""Run `smartcert validate`'s pipeline (pipelines.batch.run_submission, OCR off) on the
call-style bundles and score it against the manifest and the truth files.

Values read right: truth indicators with a primary value (free-text 자체 설정 지표 have
none) whose mapped value equals it. A planted defect is found when a finding carries its
rule id and indicator (error or warning), found as an error when that finding is an error.
Unexplained errors: error findings on a planted bundle whose (rule, indicator) matches no
defect planted there.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from samples.callforms.manifest import BUNDLES, TRUTH, CallBundle, Defect
from smartcert.core.findings import Finding, Severity
from smartcert.extractors.base import ExtractSettings
from smartcert.pipelines.batch import run_submission
from smartcert.pipelines.cache import ExtractCache
from smartcert.schemas.claims import Submission

Reported = (Severity.ERROR, Severity.WARNING)


@dataclass(frozen=True)
class ValueMiss:
    code: str
    printed: str
    truth: Any
    read: Any


@dataclass
class BundleScore:
    bundle: CallBundle
    findings: list[Finding]
    seconds: float
    values: int = 0  # truth indicators with a primary value
    misses: list[ValueMiss] = field(default_factory=list)

    @property
    def values_right(self) -> int:
        return self.values - len(self.misses)

    def found(self, d: Defect, severities: tuple[Severity, ...] = Reported) -> bool:
        return any(f.rule == d.rule and f.indicator == d.indicator and f.severity in severities
                   for f in self.findings)  # fmt: skip

    def found_as_planted(self, d: Defect) -> bool:
        """Found at the severity the manifest plants it for: an error, or a warning for a
        judgement the call leaves to people (an error there would be a false certainty)."""
        return self.found(d, (Severity(d.severity),))

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.WARNING]

    @property
    def unexplained(self) -> list[Finding]:
        planted = {(d.rule, d.indicator) for d in self.bundle.defects}
        return [f for f in self.errors if (f.rule, f.indicator) not in planted]


def same(read: Any, truth: Any) -> bool:
    if isinstance(truth, bool) or truth is None:
        return read is truth
    return isinstance(read, Decimal) and read == Decimal(str(truth))


def value_misses(submission: Submission, truth: dict[str, Any]) -> tuple[int, list[ValueMiss]]:
    wanted = [t for t in truth["indicators"] if t["value"] is not None]
    misses = []
    for t in wanted:
        claim = submission.indicator(t["code"])
        read = None if claim is None else claim.value
        if not same(read, t["value"]):
            misses.append(ValueMiss(t["code"], t["text"], t["value"], read))
    return len(wanted), misses


def run_bundle(bundle: CallBundle, out_root: Path, cache: ExtractCache,
               root: Path = BUNDLES, truth_root: Path = TRUTH) -> BundleScore:  # fmt: skip
    source = root / bundle.name
    if not source.is_dir():
        raise FileNotFoundError(f"{source}: render it with `python -m samples.callforms`")
    truth = json.loads((truth_root / f"{bundle.name}.json").read_text(encoding="utf-8"))
    t = time.perf_counter()
    run = run_submission(source, out_root, ExtractSettings(ocr=False), cache=cache)
    assert run.report is not None and run.analysed is not None
    score = BundleScore(bundle, list(run.report.findings), time.perf_counter() - t)
    score.values, score.misses = value_misses(run.analysed.mapped.submission, truth)
    return score


def describe(f: Finding) -> str:
    return f"{f.rule} {f.indicator}: {f.message}"
