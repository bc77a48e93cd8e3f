"""The service-certification samples (samples/service, seed 003): `smartcert validate`'s
pipeline over every bundle, per producer (painter, LibreOffice).

    .venv/bin/python -m benchmarks.service

Prints per producer: the bundles, the provisional totals equal to the truth's (the points
the documents support), planted defects found (by rule id, as error or warning), found at
their planted severity and found as errors, error findings and warnings on the clean
bundles, and error findings on planted bundles that no planted defect explains. Writes
benchmarks/results/service.json. The bundles come from `python -m samples.service`
(committed).
"""

from __future__ import annotations

import json
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from samples.service.manifest import BUNDLES, TRUTH, raw
from smartcert.extractors.base import ExtractSettings
from smartcert.pipelines.batch import run_submission
from smartcert.pipelines.cache import ExtractCache

PRODUCERS = ("painter", "libreoffice")
RESULTS = Path(__file__).resolve().parent / "results" / "service.json"


@dataclass
class Scored:
    entry: dict[str, Any]  # the manifest's (producer, defects)
    report: dict[str, Any]  # findings.json
    truth: dict[str, Any]
    seconds: float

    @property
    def name(self) -> str:
        return str(self.entry["name"])

    def has(self, rule: str, *severities: str) -> bool:
        return any(f["rule"] == rule and f["severity"] in severities
                   for f in self.report["findings"])  # fmt: skip

    def of(self, severity: str) -> list[dict[str, Any]]:
        return [f for f in self.report["findings"] if f["severity"] == severity]


def run_bundle(entry: dict[str, Any], out: Path, cache: ExtractCache) -> Scored:
    source = BUNDLES / entry["name"]
    if not source.is_dir():
        raise FileNotFoundError(f"{source}: render it with `python -m samples.service`")
    truth = json.loads((TRUTH / f"{entry['name']}.json").read_text(encoding="utf-8"))
    t = time.perf_counter()
    run = run_submission(source, out, ExtractSettings(ocr=False), cache=cache)
    seconds = time.perf_counter() - t
    report = json.loads((run.out_dir / "findings.json").read_text(encoding="utf-8"))
    return Scored(entry, report, truth, seconds)


def _listed(pairs: list[tuple[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    return [{"bundle": b, "rule": f["rule"], "message": f["message"]} for b, f in pairs]


def producer_figures(scores: list[Scored]) -> dict[str, Any]:
    defects = [(s, d) for s in scores for d in s.entry["defects"]]
    clean = [s for s in scores if not s.entry["defects"]]
    planted = [s for s in scores if s.entry["defects"]]
    totals = [{"bundle": s.name, "program": s.report["program"],
               "provisional": s.report["score"]["total"], "truth": s.truth["total"]["supported"],
               "passed": s.report["score"]["passed"],
               "truth_passed": s.truth["outcome"]["supported"]["pass"]}
              for s in scores]  # fmt: skip

    def as_planted(s: Scored, d: dict[str, Any]) -> bool:
        return s.has(d["rule"], d.get("severity", "error"))

    def unexplained(s: Scored) -> list[dict[str, Any]]:
        rules = {d["rule"] for d in s.entry["defects"]}
        return [f for f in s.of("error") if f["rule"] not in rules]

    return {
        "bundles": [s.name for s in scores],
        "totals": {"equal": sum(1 for t in totals if t["provisional"] == t["truth"]
                                and t["program"] == "service-2023"
                                and t["passed"] == t["truth_passed"]),
                   "bundles": len(totals),
                   "per_bundle": totals},
        "defects": {"planted": len(defects),
                    "found": sum(1 for s, d in defects if s.has(d["rule"], "error", "warning")),
                    "found_as_planted": sum(1 for s, d in defects if as_planted(s, d)),
                    "planted_as_error": sum(1 for _, d in defects
                                            if d.get("severity", "error") == "error"),
                    "found_as_error": sum(1 for s, d in defects if s.has(d["rule"], "error")),
                    "not_as_planted": [{"bundle": s.name, "id": d["id"], "rule": d["rule"],
                                        "severity": d.get("severity", "error")}
                                       for s, d in defects if not as_planted(s, d)]},
        "clean_errors": _listed([(s.name, f) for s in clean for f in s.of("error")]),
        "clean_warnings": _listed([(s.name, f) for s in clean for f in s.of("warning")]),
        "unexplained_errors": _listed([(s.name, f) for s in planted for f in unexplained(s)]),
        "seconds": round(sum(s.seconds for s in scores), 1),
    }  # fmt: skip


def show(name: str, fig: dict[str, Any]) -> None:
    t, d = fig["totals"], fig["defects"]
    print(f"## {name} ({len(fig['bundles'])} bundles: {', '.join(fig['bundles'])})")
    print(
        f"provisional total equals truth (and the same pass verdict): {t['equal']}/{t['bundles']}"
    )
    for x in t["per_bundle"]:
        mark = "" if x["provisional"] == x["truth"] else "  <-- differs"
        print(f"  {x['bundle']}: {x['provisional']:g} (truth {x['truth']:g}){mark}")
    print(
        f"planted defects found: {d['found']}/{d['planted']}; at their planted severity: "
        f"{d['found_as_planted']}/{d['planted']} ({d['planted_as_error']} planted as errors, "
        f"{d['found_as_error']} found as errors)"
    )
    for m in d["not_as_planted"]:
        print(f"  not found as {m['severity']}: {m['bundle']} {m['id']} {m['rule']}")
    for key, label in (
        ("clean_errors", "error findings on clean bundles"),
        ("clean_warnings", "warnings on clean bundles"),
        ("unexplained_errors", "unexplained error findings on planted bundles"),
    ):
        print(f"{label}: {len(fig[key])}")
        for f in fig[key]:
            print(f"  {f['bundle']}: {f['rule']}: {f['message']}")
    print()


def main() -> None:
    t = time.perf_counter()
    entries = raw()
    with tempfile.TemporaryDirectory() as out:
        cache = ExtractCache(Path(out) / ".cache")
        scores = [run_bundle(e, Path(out), cache) for e in entries]
    data: dict[str, Any] = {"generated": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    for producer in PRODUCERS:
        fig = producer_figures([s for s in scores if s.entry["producer"] == producer])
        data[producer] = fig
        show(producer, fig)
    data["seconds"] = round(time.perf_counter() - t, 1)
    print(f"{len(scores)} bundles in {data['seconds']} s")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(RESULTS)


if __name__ == "__main__":
    main()
