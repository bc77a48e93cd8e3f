"""The call-style test bed (samples/callforms): `smartcert validate`'s pipeline over every
bundle, scored per producer (LibreOffice, painter).

    .venv/bin/python -m benchmarks.callforms

Prints per producer: values read right (truth indicators whose mapped primary value equals
the truth), planted defects found (as error or warning, by rule id and indicator) and
found as errors, error findings and warnings on the clean bundles, and error findings on
planted bundles that no planted defect explains. Writes benchmarks/results/callforms.json.
The bundles come from `python -m samples.callforms` (committed).
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path
from typing import Any

from samples.callforms.manifest import load
from samples.callforms.score import BundleScore, run_bundle
from smartcert.core.findings import Finding, Severity
from smartcert.pipelines.cache import ExtractCache

AS_ERROR = (Severity.ERROR,)
RESULTS = Path(__file__).resolve().parent / "results" / "callforms.json"


def _listed(findings: list[tuple[str, Finding]]) -> list[dict[str, Any]]:
    return [{"bundle": b, "rule": f.rule, "indicator": f.indicator, "message": f.message}
            for b, f in findings]  # fmt: skip


def producer_figures(scores: list[BundleScore]) -> dict[str, Any]:
    values = sum(s.values for s in scores)
    right = sum(s.values_right for s in scores)
    defects = [(s, d) for s in scores for d in s.bundle.defects]
    clean = [s for s in scores if s.bundle.clean]
    planted = [s for s in scores if not s.bundle.clean]
    return {
        "bundles": [s.bundle.name for s in scores],
        "values": {"right": right, "total": values,
                   "share": right / values if values else None,
                   "misses": [{"bundle": s.bundle.name, "code": m.code, "printed": m.printed,
                               "truth": m.truth, "read": None if m.read is None else str(m.read)}
                              for s in scores for m in s.misses]},
        "defects": {"planted": len(defects),
                    "found": sum(1 for s, d in defects if s.found(d)),
                    "found_as_error": sum(1 for s, d in defects if s.found(d, AS_ERROR)),
                    "planted_as_error": sum(1 for _, d in defects if d.severity == "error"),
                    "found_as_planted": sum(1 for s, d in defects if s.found_as_planted(d)),
                    "missed": [{"bundle": s.bundle.name, "id": d.id, "rule": d.rule,
                                "indicator": d.indicator} for s, d in defects if not s.found(d)],
                    "not_as_planted": [{"bundle": s.bundle.name, "id": d.id, "rule": d.rule,
                                        "indicator": d.indicator, "severity": d.severity}
                                       for s, d in defects if not s.found_as_planted(d)]},
        "clean_errors": _listed([(s.bundle.name, f) for s in clean for f in s.errors]),
        "clean_warnings": _listed([(s.bundle.name, f) for s in clean for f in s.warnings]),
        "unexplained_errors": _listed([(s.bundle.name, f) for s in planted for f in s.unexplained]),
        "seconds": round(sum(s.seconds for s in scores), 1),
    }  # fmt: skip


def show(name: str, fig: dict[str, Any]) -> None:
    v, d = fig["values"], fig["defects"]
    share = "—" if v["share"] is None else f"{100 * v['share']:.1f} %"
    print(f"## {name} ({', '.join(fig['bundles'])})")
    print(f"values read right: {v['right']}/{v['total']} ({share})")
    for m in v["misses"]:
        print(f"  value {m['bundle']} {m['code']}: printed {m['printed']!r}, truth {m['truth']}, "
              f"read {m['read']}")
    print(f"planted defects found: {d['found']}/{d['planted']}; at their planted severity: "
          f"{d['found_as_planted']}/{d['planted']} ({d['planted_as_error']} planted as errors, "
          f"{d['found_as_error']} found as errors)")
    for m in d["not_as_planted"]:
        print(f"  not found as {m['severity']}: {m['bundle']} {m['id']} {m['rule']} "
              f"{m['indicator']}")
    for key, label in (("clean_errors", "error findings on clean bundles"),
                       ("clean_warnings", "warnings on clean bundles"),
                       ("unexplained_errors", "unexplained error findings on planted bundles")):
        print(f"{label}: {len(fig[key])}")
        for f in fig[key]:
            print(f"  {f['bundle']}: {f['rule']} {f['indicator']}: {f['message']}")
    print()


def main() -> None:
    t = time.perf_counter()
    bundles = load()
    with tempfile.TemporaryDirectory() as out:
        cache = ExtractCache(Path(out) / ".cache")
        scores = [run_bundle(b, Path(out), cache) for b in bundles]
    data: dict[str, Any] = {"generated": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    for producer in ("libreoffice", "painter"):
        fig = producer_figures([s for s in scores if s.bundle.producer == producer])
        data[producer] = fig
        show(producer, fig)
    data["seconds"] = round(time.perf_counter() - t, 1)
    print(f"{len(scores)} bundles in {data['seconds']} s")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(RESULTS)


if __name__ == "__main__":
    main()
