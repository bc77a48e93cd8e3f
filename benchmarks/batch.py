"""Batch intake through the Prefect flow, as an operator runs it (`smartcert intake`):

    .venv/bin/python -m benchmarks.batch [--no-ocr] [--dask-workers 2]

A batch of every committed bundle (7 samples + the CP949 zip, 6 planted-defect bundles,
2 renewal samples: 16 submissions) is taken in four ways, each a fresh `smartcert intake`
process with its own data directory unless said:
- cold, serial: nothing cached (one document task at a time);
- cached re-run: the same data directory again (every file's extraction cached);
- cold, Dask: a local Dask cluster of N worker processes runs the document tasks, one
  submission at a time, then N submissions at once (`--parallel N`).
Wall time and the peak resident memory of the whole process tree (the CLI, Prefect's
ephemeral server, Dask workers, Tesseract) sampled every 0.2 s. Results are written to
benchmarks/results/batch.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "samples" / "bundles", ROOT / "samples" / "planted" / "bundles",
           ROOT / "samples" / "renewals" / "bundles"]
SMARTCERT = Path(sys.executable).parent / "smartcert"


def make_batch(target: Path) -> int:
    target.mkdir(parents=True)
    n = 0
    for src in SOURCES:
        for entry in sorted(src.iterdir()):
            dest = target / f"{src.parent.name}-{entry.name}"
            if entry.is_dir():
                shutil.copytree(entry, dest)
            else:
                shutil.copy2(entry, dest)
            n += 1
    return n


def _tree_rss(proc: psutil.Process) -> int:
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            continue
    return total


def run_intake(batch: Path, out: Path, args: list[str]) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "SMARTCERT_"))}
    env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    start = time.perf_counter()
    proc = subprocess.Popen([str(SMARTCERT), "intake", str(batch), "--out", str(out), *args],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    ps, peak = psutil.Process(proc.pid), 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(ps))
        time.sleep(0.2)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(proc.stderr.read().decode() if proc.stderr else "intake failed")
    return {"seconds": round(wall, 1), "peak_rss_mb": round(peak / 2**20)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-ocr", action="store_true")
    ap.add_argument("--dask-workers", type=int, default=2)
    a = ap.parse_args()
    common = ["--no-ocr"] if a.no_ocr else []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        n = make_batch(work / "batch")
        results = {"submissions": n, "ocr": not a.no_ocr, "cpus": os.cpu_count()}
        print(f"batch of {n} submissions", file=sys.stderr)
        results["cold_serial"] = run_intake(work / "batch", work / "serial", common)
        print("cold, serial:", results["cold_serial"], file=sys.stderr)
        results["cached_rerun"] = run_intake(work / "batch", work / "serial", common)
        print("cached re-run:", results["cached_rerun"], file=sys.stderr)
        results[f"cold_dask_{a.dask_workers}"] = run_intake(
            work / "batch", work / "dask", [*common, "--dask-workers", str(a.dask_workers)])
        print(f"cold, Dask {a.dask_workers} workers:", results[f"cold_dask_{a.dask_workers}"],
              file=sys.stderr)
        w = a.dask_workers
        results[f"cold_dask_{w}_parallel_{w}"] = run_intake(
            work / "batch", work / "dask-parallel", [*common, "--dask-workers", str(w),
                                                     "--parallel", str(w)])
        print(f"cold, Dask {w} workers, {w} submissions at once:",
              results[f"cold_dask_{w}_parallel_{w}"], file=sys.stderr)
    out = ROOT / "benchmarks" / "results" / "batch.json"
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
