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
import threading
import time
from dataclasses import dataclass
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


@dataclass(frozen=True)
class Run:
    wall: float  # seconds, from start to the command's end
    peak_rss: int  # bytes: the process tree's largest resident set seen
    returncode: int
    stderr: str  # its end, for a failure's message


def timed_run(cmd: list[str], env: dict[str, str], poll_s: float = 0.2) -> Run:
    """Run `cmd`; its memory is polled beside it every `poll_s`, its end waited for here,
    so the wall time is the command's, not rounded up to the next poll."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:  # a pipe could fill up while nobody reads it
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        peaks, done = [0], threading.Event()
        poller = threading.Thread(target=_poll_rss,
                                  args=(psutil.Process(proc.pid), peaks, done, poll_s))
        poller.start()
        proc.wait()
        wall = time.perf_counter() - start
        done.set()
        poller.join()
        err.seek(0)
        tail = err.read().decode(errors="replace")[-2000:]
    return Run(wall, peaks[0], proc.returncode, tail)


def _poll_rss(ps: psutil.Process, peaks: list[int], done: threading.Event,
              poll_s: float) -> None:
    while not done.is_set():
        try:
            peaks[0] = max(peaks[0], _tree_rss(ps))
        except psutil.Error:  # the command ended between two looks
            return
        done.wait(poll_s)


def command_env(**extra: str) -> dict[str, str]:
    """The environment a timed command runs in: the caller's own Prefect and smartcert
    settings left out (the command's defaults are what is measured), analytics off."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "SMARTCERT_"))}
    return env | {"PREFECT_SERVER_ANALYTICS_ENABLED": "false"} | extra


def run_intake(batch: Path, out: Path, args: list[str]) -> dict[str, float]:
    run = timed_run([str(SMARTCERT), "intake", str(batch), "--out", str(out), *args],
                    command_env())
    if run.returncode != 0:
        raise SystemExit(run.stderr or "intake failed")
    return {"seconds": round(run.wall, 1), "peak_rss_mb": round(run.peak_rss / 2**20)}


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
