"""Score smartcert and its peers on the real Hancom PDFs, all in one run.

    python -m benchmarks.hancom.run [--systems smartcert,pdfplumber,...] [--repeat N]

Writes `benchmarks/results/hancom.json` and `hancom.md` and prints the markdown. Each
system runs on each document in turn (same machine, same run) after one warm-up call
on the smallest PDF; times are wall clock, best of `--repeat`. A system that cannot
run is reported with its error and the run exits 1 after writing the others' figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from benchmarks.hancom.metrics import PRF, StructureScore, bag_score, structure_score
from benchmarks.hancom.peers import SYSTEMS, SystemRun, jvm_startup_seconds
from benchmarks.hancom.truth import DOCUMENTS, REAL_DIR, TRUTH_DIR, Truth

RESULTS_DIR = Path(__file__).resolve().parents[1] / "results"
BASELINE = Path(__file__).resolve().parent / "baseline.json"
# issue #2's bar: smartcert's cell F1 on this document, whatever the baseline says
HARD_FLOOR = {"2022년 국립국어원 업무계획": 0.90}
TOLERANCE = 0.02  # run-to-run noise is nil (deterministic), this absorbs library updates
PACKAGES = ("smartcert", "pdfplumber", "pymupdf", "opendataloader-pdf", "python-hwpx")


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version(), "cpus": str(os.cpu_count())}
    for name in PACKAGES:
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "not installed"
    return out


def run_system(name: str, pdf: Path, repeat: int) -> SystemRun:
    best: SystemRun | None = None
    for _ in range(repeat):
        run = SYSTEMS[name](pdf)
        if run.error:
            return run
        if best is None or run.seconds < best.seconds:
            best = run
    assert best is not None
    return best


def score_entry(run: SystemRun, truth: Truth) -> dict[str, Any]:
    if run.error:
        return {"error": run.error}
    bag = bag_score(run.grids, truth.tables)
    struct = structure_score(run.grids, truth.tables, truth.ignored)
    return {
        "pages": run.pages,
        "seconds": round(run.seconds, 3),
        "pages_per_second": round(run.pages_per_second, 3),
        "tables_found": len(run.grids),
        "bag": bag.as_dict(),
        "structure": struct.cells.as_dict(),
        "exact": struct.exact,
        "truth_tables": struct.n_tables,
        "exact_share": round(struct.exact_share, 4),
        "per_table": struct.per_table,
    }


def _overall(entries: list[dict[str, Any]]) -> dict[str, Any]:
    if any("error" in e for e in entries):
        return {"error": next(e["error"] for e in entries if "error" in e)}
    bag, struct = PRF(), StructureScore()
    pages = seconds = 0.0
    for e in entries:
        bag += PRF(e["bag"]["tp"], e["bag"]["n_pred"], e["bag"]["n_truth"])
        s = e["structure"]
        struct += StructureScore(
            PRF(s["tp"], s["n_pred"], s["n_truth"]), e["exact"], e["truth_tables"]
        )
        pages, seconds = pages + e["pages"], seconds + e["seconds"]
    return {
        "pages": int(pages),
        "seconds": round(seconds, 3),
        "pages_per_second": round(pages / seconds, 3) if seconds else 0.0,
        "bag": bag.as_dict(),
        "structure": struct.cells.as_dict(),
        "exact": struct.exact,
        "truth_tables": struct.n_tables,
        "exact_share": round(struct.exact_share, 4),
    }


def _row(name: str, e: dict[str, Any]) -> str:
    if "error" in e:
        return f"| {name} | — | — | — | — | — | — | {e['error']} |"
    s, b = e["structure"], e["bag"]
    return (
        f"| {name} | **{s['f1']:.3f}** | {s['precision']:.3f} | {s['recall']:.3f} "
        f"| {b['f1']:.3f} | {e['exact']}/{e['truth_tables']} | {e['pages_per_second']:.2f} | |"
    )


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


def markdown(result: dict[str, Any]) -> str:
    head = (
        "| system | cell F1 | P | R | crude F1 | exact tables | pages/s | note |\n"
        "| --- | --- | --- | --- | --- | --- | --- | --- |"
    )
    parts = [f"Hancom real-document table benchmark ({result['generated']})", ""]
    sections = [("All documents", result["overall"])] + [
        (f"{doc} ({_n(d['pages'], 'page')}, {_n(d['truth_tables'], 'table')})", d["systems"])
        for doc, d in result["documents"].items()
    ]
    for title, systems in sections:
        parts += [f"**{title}**", "", head]
        parts += [_row(name, e) for name, e in systems.items()]
        parts.append("")
    if "opendataloader_jvm_startup_s" in result:
        odl = result["overall"]["opendataloader"]
        parts.append(
            "OpenDataLoader starts a JVM per document: "
            f"{result['opendataloader_jvm_startup_s']} s on a blank page, included in its "
            f"pages/s; without it, {odl['pages_per_second_excl_jvm']} pages/s overall."
        )
    parts.append(
        "cell F1/P/R: structure-aware (text + spans at the aligned anchor); crude F1: "
        "multiset of cell texts per document. Texts compared with all whitespace removed."
    )
    return "\n".join(parts) + "\n"


def run(systems: list[str], repeat: int = 1, real_dir: Path = REAL_DIR) -> dict[str, Any]:
    result: dict[str, Any] = {
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "versions": _versions(),
        "repeat": repeat,
        "documents": {},
        "overall": {},
    }
    per_system: dict[str, list[dict[str, Any]]] = {s: [] for s in systems}
    smallest = min(
        (real_dir / pdf for pdf, _ in DOCUMENTS.values()), key=lambda p: p.stat().st_size
    )
    for name in systems:  # warm-up: imports and caches are not per-page costs
        SYSTEMS[name](smallest)
    for doc, (pdf_name, _) in DOCUMENTS.items():
        truth = Truth.load(TRUTH_DIR / f"{doc}.json")
        entry: dict[str, Any] = {
            "pdf": pdf_name,
            "truth_tables": len(truth.tables),
            "pages": 0,
            "systems": {},
        }
        for name in systems:
            scored = score_entry(run_system(name, real_dir / pdf_name, repeat), truth)
            entry["systems"][name] = scored
            entry["pages"] = max(entry["pages"], scored.get("pages", 0))
            per_system[name].append(scored)
        result["documents"][doc] = entry
    result["overall"] = {name: _overall(entries) for name, entries in per_system.items()}
    odl = result["overall"].get("opendataloader", {"error": "not run"})
    if "error" not in odl:
        startup = jvm_startup_seconds()
        result["opendataloader_jvm_startup_s"] = round(startup, 3)
        net = odl["seconds"] - startup * len(DOCUMENTS)
        odl["pages_per_second_excl_jvm"] = round(odl["pages"] / net, 3) if net > 0 else None
    return result


def make_baseline(result: dict[str, Any], tolerance: float = TOLERANCE) -> dict[str, Any]:
    """smartcert's figures minus `tolerance` (never below the hard floor), with the peers'."""
    docs = {}
    for doc, entry in result["documents"].items():
        e = entry["systems"]["smartcert"]
        if "error" in e:
            raise SystemExit(f"cannot write a baseline: {e['error']}")
        docs[doc] = {
            "cell_f1": max(round(e["structure"]["f1"] - tolerance, 3), HARD_FLOOR.get(doc, 0.0)),
            "crude_f1": round(e["bag"]["f1"] - tolerance, 3),
            "exact_share": max(round(e["exact_share"] - tolerance, 3), 0.0),
        }
    peers = {
        name: o["structure"]["f1"]
        for name, o in result["overall"].items()
        if name != "smartcert" and "error" not in o
    }
    return {
        "measured": result["generated"],
        "versions": result["versions"],
        "tolerance": tolerance,
        "hard_floor": {doc: {"cell_f1": f} for doc, f in HARD_FLOOR.items()},
        "documents": docs,
        "peers_overall_cell_f1": peers,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated")
    parser.add_argument("--repeat", type=int, default=1, help="best-of-N timing")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR)
    parser.add_argument(
        "--write-baseline",
        action="store_true",
        help=f"also write {BASELINE.name} from smartcert's figures (needs all systems)",
    )
    args = parser.parse_args(argv)
    systems = [s for s in args.systems.split(",") if s]
    unknown = set(systems) - set(SYSTEMS)
    if unknown:
        parser.error(f"unknown systems: {', '.join(sorted(unknown))}")
    result = run(systems, max(1, args.repeat))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "hancom.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    text = markdown(result)
    (args.out / "hancom.md").write_text(text, encoding="utf-8")
    print(text)
    if args.write_baseline:
        baseline = make_baseline(result)
        BASELINE.write_text(json.dumps(baseline, ensure_ascii=False, indent=1) + "\n", "utf-8")
        print(f"wrote {BASELINE}")
    failed = [n for n, e in result["overall"].items() if "error" in e]
    for name in failed:
        print(f"FAILED {name}: {result['overall'][name]['error']}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
