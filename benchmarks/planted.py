"""Recall on the planted-defect set: the real pipeline over samples/planted/bundles.

    .venv/bin/python -m benchmarks.planted

Prints planted / caught / recall and unexplained error findings per category (findings
contract order), the false positives on the clean bundle, and writes
benchmarks/results/planted.json. The bundles come from `python -m samples.planted`.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path
from typing import Any

from samples.planted.manifest import load
from samples.planted.score import (
    BundleResult,
    by_category,
    false_positives,
    missed,
    run_bundle,
    scanned,
)
from smartcert.pipelines.cache import ExtractCache

RESULTS = Path(__file__).resolve().parent / "results" / "planted.json"


def _fmt(recall: float | None) -> str:
    return "—" if recall is None else f"{recall:.2f}"


def report(results: list[BundleResult], seconds: float) -> dict[str, Any]:
    cats = by_category(results)
    planted = sum(c.planted for c in cats)
    caught = sum(c.caught for c in cats)
    return {
        "generated": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "bundles": [
            {"name": r.bundle.name, "base": r.bundle.base, "clean": r.bundle.clean,
             "ocr": scanned(r.bundle),
             "defects": len(r.bundle.defects), "caught": sum(r.caught.values()),
             "errors": sum(1 for f in r.findings if f.severity.value == "error"),
             "unexplained_errors": len(r.unexplained), "seconds": round(r.seconds, 2)}
            for r in results
        ],
        "categories": {
            c.category: {"planted": c.planted, "caught": c.caught, "recall": c.recall,
                         "unexplained_errors": c.unexplained}
            for c in cats
        },
        "total": {"planted": planted, "caught": caught,
                  "recall": caught / planted if planted else None,
                  "unexplained_errors": sum(c.unexplained for c in cats),
                  "clean_false_positives": len(false_positives(results))},
        "missed": [{"id": d.id, "rule": d.rule, "indicator": d.indicator} for d in missed(results)],
        "false_positives": [{"rule": f.rule, "indicator": f.indicator, "message": f.message}
                            for f in false_positives(results)],
        "seconds": round(seconds, 1),
    }


def main() -> None:
    t = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        cache = ExtractCache(Path(out) / ".cache")
        results = [run_bundle(b, Path(out), cache) for b in load()]
    data = report(results, time.perf_counter() - t)
    print("| category | planted | caught | recall | unexplained errors |")
    print("| --- | --- | --- | --- | --- |")
    for name, c in data["categories"].items():
        print(f"| {name} | {c['planted']} | {c['caught']} | {_fmt(c['recall'])} | "
              f"{c['unexplained_errors']} |")
    tot = data["total"]
    print(f"| **all** | {tot['planted']} | {tot['caught']} | {_fmt(tot['recall'])} | "
          f"{tot['unexplained_errors']} |")
    print(f"\nclean bundle: {tot['clean_false_positives']} error findings (false positives)")
    for m in data["missed"]:
        print(f"missed: {m['id']} {m['rule']} {m['indicator']}")
    print(f"{len(results)} bundles in {data['seconds']} s")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(RESULTS)


if __name__ == "__main__":
    main()
