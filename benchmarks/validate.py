"""Validating an already-extracted bundle: mapping + every registered rule, timed.

    .venv/bin/python -m benchmarks.validate [--repeat 5]

Extraction is done once first (and cached); the timed part starts from the
`DocumentExtract`s, as a re-run after a corrected rule or a reviewer's request would.
Kiwi/spaCy start-up (once per process, ~2 s) is reported apart. The first run of a
bundle is reported too: label-matching caches warm up across bundles of a batch.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from smartcert.core.values.nlp import korean_nlp
from smartcert.pipelines.batch import run_submission
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.mapping import map_submission
from smartcert.validators.registry import RULES
from smartcert.validators.rule import CheckContext
from smartcert.validators.run import run_rules

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    rs = load_ruleset("city-2025")
    t = time.perf_counter()
    korean_nlp()
    print(f"Kiwi/spaCy start-up (once per process): {time.perf_counter() - t:.2f} s")
    print(f"rules: {len(RULES)}\n")
    print(f"| bundle | indicators | first run s | map s | rules s | total s (best of {args.repeat}) |")
    print("| --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as out:
        for bundle in sorted(p for p in (ROOT / "samples" / "bundles").iterdir() if p.is_dir()):
            run = run_submission(bundle, Path(out))
            best = (9e9, 0.0, 0.0)
            first = None
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                mapped = map_submission(run.intake.submission_id, run.extracts, rs)
                t1 = time.perf_counter()
                run_rules(mapped.submission, CheckContext(
                    ruleset=rs, summary_location=mapped.summary_location,
                    evidence_page_count=mapped.evidence_page_count,
                    evidence=tuple(mapped.evidence)))
                t2 = time.perf_counter()
                first = first if first is not None else t2 - t0
                if t2 - t0 < best[0]:
                    best = (t2 - t0, t1 - t0, t2 - t1)
            print(f"| {bundle.name} | {len(mapped.submission.indicators)} | {first:.3f} | "
                  f"{best[1]:.3f} | {best[2]:.3f} | {best[0]:.3f} |")


if __name__ == "__main__":
    main()
