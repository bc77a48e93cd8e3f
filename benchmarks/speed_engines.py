"""The engines `benchmarks/speed.py` times beside smartcert, and how time is taken.

* PyMuPDF `page.get_text()` — the floor: no text extraction can be cheaper.
* pdfplumber `page.extract_tables()` — its default table finding, page by page.
* OpenDataLoader PDF — one JVM over all files (`convert` takes a list). Its per-file time
  is the gap between the write times of its JSON outputs (it reads the files one after
  the other and writes each one's JSON when done); the JVM's start is measured apart, on
  a blank page, and taken off the first file.

Every time is taken twice: wall clock, and CPU time of this process and all its
descendants (`tree_cpu`: smartcert's extraction worker, the JVM) — the machine is shared,
and CPU time is what another job's load disturbs least.
"""

from __future__ import annotations

import contextlib
import io
import json
import resource
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from subprocess import CalledProcessError
from typing import Any

import psutil


@dataclass(frozen=True)
class Timed:
    wall: float
    cpu: float


def tree_cpu() -> float:
    """CPU seconds of this process and its descendants, alive or already reaped."""
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = time.process_time() + reaped.ru_utime + reaped.ru_stime
    for child in psutil.Process().children(recursive=True):
        try:
            t = child.cpu_times()
        except psutil.Error:  # ended between the listing and the read
            continue
        # a grandchild a live child has reaped is in that child's children_* times
        total += t.user + t.system + t.children_user + t.children_system
    return total


def timed(fn: Callable[[], Any]) -> tuple[Timed, Any]:
    cpu0, wall0 = tree_cpu(), time.perf_counter()
    out = fn()
    wall = time.perf_counter() - wall0
    return Timed(wall, tree_cpu() - cpu0), out


def best_of(fn: Callable[[], Any], repeat: int) -> tuple[Timed, Any]:
    """The best wall time and the best CPU time of `repeat` calls (each its own best)."""
    wall, cpu, out = float("inf"), float("inf"), None
    for _ in range(repeat):
        t, out = timed(fn)
        wall, cpu = min(wall, t.wall), min(cpu, t.cpu)
    return Timed(wall, cpu), out


def floor_pages(pdf: Path) -> int:
    import fitz

    with fitz.open(pdf) as doc:
        for page in doc:
            page.get_text()
        return doc.page_count


def pdfplumber_pages(pdf: Path) -> int:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        for page in doc.pages:
            page.extract_tables()
            page.close()  # pdfplumber keeps each page's layout objects otherwise
        return len(doc.pages)


@dataclass
class OdlRun:
    """One `opendataloader_pdf.convert` over all files, in one JVM."""

    total: Timed = Timed(0.0, 0.0)  # the whole call, JVM start included
    start: Timed = Timed(0.0, 0.0)  # a call on a blank page: JVM start and set-up
    seconds: dict[Path, float] = field(default_factory=dict)  # per file, start excluded
    pages: dict[Path, int] = field(default_factory=dict)  # as ODL counted them
    error: str | None = None

    @property
    def without_start(self) -> Timed:
        return Timed(max(0.0, self.total.wall - self.start.wall),
                     max(0.0, self.total.cpu - self.start.cpu))


def _odl_convert(inputs: list[Path], out_dir: Path) -> None:
    import opendataloader_pdf

    # quiet mode relays the JAR's stdout (a summary line) to ours: keep the report clean
    with contextlib.redirect_stdout(io.StringIO()):
        opendataloader_pdf.convert(input_path=[str(p) for p in inputs], output_dir=str(out_dir),
                                   format="json", quiet=True, image_output="off")


def _blank_pdf(path: Path) -> Path:
    import fitz

    with fitz.open() as doc:
        doc.new_page()
        doc.save(path)
    return path


def per_file_seconds(written: list[tuple[float, str]], started: float,
                     start_s: float) -> dict[str, float]:
    """Seconds per output stem from (write time, stem) pairs: the gap since the previous
    write, the first one's since `started` less the JVM start `start_s`."""
    out: dict[str, float] = {}
    prev = started
    for k, (when, stem) in enumerate(sorted(written)):
        gap = when - prev
        out[stem] = max(0.0, gap - start_s) if k == 0 else gap
        prev = when
    return out


def odl_once(files: list[Path]) -> OdlRun:
    """One `opendataloader_pdf.convert` over all files (one JVM), and one on a blank page
    before it for the JVM's start; an error instead when Java or the JAR is missing."""
    run = OdlRun()
    if not files:
        run.error = "no file"
        return run
    with tempfile.TemporaryDirectory(prefix="speed-odl-") as tmp:
        work = Path(tmp)
        (work / "in").mkdir()
        # numbered links: two bundles' files of the same name would write the same JSON
        links = {f"{i:03d}": f for i, f in enumerate(files)}
        for stem, f in links.items():
            (work / "in" / f"{stem}.pdf").symlink_to(f.resolve())
        try:
            run.start, _ = timed(lambda: _odl_convert([_blank_pdf(work / "blank.pdf")],
                                                      work / "blank-out"))
            started = time.time()  # the clock file write times are on
            run.total, _ = timed(lambda: _odl_convert(
                [work / "in" / f"{stem}.pdf" for stem in links], work / "out"))
        except (ImportError, OSError, CalledProcessError) as exc:
            # no Java, or the JAR failing, makes the peer unavailable, not the benchmark broken
            run.error = f"OpenDataLoader not available: {type(exc).__name__}: {exc}"
            return run
        written = [(p.stat().st_mtime_ns / 1e9, p.stem) for p in (work / "out").glob("*.json")]
        for stem, seconds in per_file_seconds(written, started, run.start.wall).items():
            if stem in links:
                run.seconds[links[stem]] = seconds
                data = json.loads((work / "out" / f"{stem}.json").read_text(encoding="utf-8"))
                run.pages[links[stem]] = int(data.get("number of pages", 0))
    missing = [f.name for f in files if f not in run.seconds]
    if missing:
        run.error = f"OpenDataLoader wrote no output for {', '.join(missing)}"
    return run
