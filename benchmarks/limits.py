"""Time and peak memory on the largest inputs, with the limits at their defaults.

    python -m benchmarks.limits [--cases NAME,...] [--inputs DIR]

The inputs are generated (into `--inputs`, default a folder under the system temp dir, kept
between runs; nothing is committed):

- `pdf-5000-no-ocr` / `pdf-5000-ocr`: a 5,000-page image-only PDF, read with OCR off, and
  with OCR on under the default budget (pages per document 2,000, OCR pages 300);
- `page-14400`: one 14,400 × 14,400 pt scanned page, OCR on (pixel limit 40 MP);
- `xlsx-1m`: a one-sheet workbook of 1,048,576 rows × 5 columns (cells, streaming);
- `zip-lying`: 100 members of 1 GiB of zeros each (~1 MiB compressed) whose headers lie
  about their compressed and file sizes and whose CRC fails;
- `zip-crc`: 10 members of 1 GiB each at ~100:1 (under the ratio limit) whose CRC fails:
  each is refused only once inflated, and the inflated bytes of the submission are capped.

Each case runs in a fresh process: `extract_file` (documents: read in a worker process
under the time and memory limits) or `open_submission` (zips). Peak memory is the larger
of that process's and its children's (the extraction worker, Tesseract) maximum resident
set size. Writes `benchmarks/results/limits.json`.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from samples.generator.big_workbook import raw_workbook

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "limits.json"
GiB = 1 << 30


# -- inputs --------------------------------------------------------------------------------
def scan_pdf(path: Path, pages: int, side: float | None = None) -> Path:
    """Image-only pages (one image, shared): every page needs OCR."""
    import fitz

    src = fitz.open()
    page = src.new_page(width=400, height=120)
    page.insert_text((20, 60), "Scan page: smart city evidence", fontsize=18)
    pix = page.get_pixmap(dpi=150, colorspace=fitz.csGRAY)
    doc = fitz.open()
    xref = 0
    for _ in range(pages):
        w, h = (side, side) if side else (595.0, 842.0)
        p = doc.new_page(width=w, height=h)
        xref = (p.insert_image(p.rect, xref=xref, keep_proportion=False) if xref
                else p.insert_image(p.rect, pixmap=pix, keep_proportion=False))
    doc.save(path)
    return path


def _deflated(chunk: bytes, total: int) -> bytes:
    comp = zlib.compressobj(6, zlib.DEFLATED, -15)
    parts = [comp.compress(chunk) for _ in range(total // len(chunk))]
    return b"".join(parts) + comp.flush()


def raw_zip(path: Path, stream: bytes, members: int, *, size: int, lie: bool) -> Path:
    """`members` copies of one raw deflate stream; every CRC is wrong, and with `lie` the
    headers claim a compressed size far beyond the stream and a 1,000-byte file."""
    packed, declared = (0x7FFF0000, 1000) if lie else (len(stream), size)
    crc = 0x1234_5678
    entries = []
    with path.open("wb") as f:
        for i in range(members):
            name = f"자료{i:03d}.pdf".encode()
            entries.append((name, f.tell()))
            f.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, 0, crc, packed,
                                declared, len(name), 0) + name)
            f.write(stream)
        start = f.tell()
        for name, offset in entries:
            f.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 8, 0, 0, crc,
                                packed, declared, len(name), 0, 0, 0, 0, 0, offset) + name)
        end = f.tell()
        f.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, members, members, end - start,
                            start, 0))
    return path


def _sparse_chunk() -> bytes:
    """1 MiB that deflates ~100:1 (below the 200:1 ratio limit)."""
    rnd = random.Random(14)
    chunk = bytearray(1 << 20)
    for i in range(0, len(chunk), 400):
        chunk[i] = rnd.randrange(256)
    return bytes(chunk)


def make_input(case: str, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if case.startswith("pdf-5000"):
        path = folder / "스캔 5000쪽.pdf"
        return path if path.exists() else scan_pdf(path, 5_000)
    if case == "page-14400":
        path = folder / "14400pt.pdf"
        return path if path.exists() else scan_pdf(path, 1, side=14_400)
    if case == "xlsx-1m":
        path = folder / "1048576행.xlsx"
        return path if path.exists() else raw_workbook(path, 1_048_576, 5, labelled=True)
    if case == "zip-lying":
        path = folder / "lying.zip"
        return path if path.exists() else raw_zip(
            path, _deflated(bytes(1 << 20), GiB), 100, size=GiB, lie=True)
    if case == "zip-crc":
        path = folder / "crc.zip"
        return path if path.exists() else raw_zip(
            path, _deflated(_sparse_chunk(), GiB), 10, size=GiB, lie=False)
    raise ValueError(case)


CASES = ("pdf-5000-no-ocr", "pdf-5000-ocr", "page-14400", "xlsx-1m", "zip-lying", "zip-crc")


# -- one case, in its own process ----------------------------------------------------------
def _peaks_mb() -> dict[str, float]:
    """Maximum resident set size of this process (the caller: intake, or the receiver of
    the extraction) and of its largest child (the extraction worker, Tesseract)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"peak_rss_mb": round(max(own, children), 1), "caller_rss_mb": round(own, 1),
            "worker_rss_mb": round(children, 1)}


def run_case(case: str, path: Path) -> dict[str, Any]:
    started = time.perf_counter()
    if case.startswith("zip"):
        from smartcert.intake.bundle import open_submission

        with tempfile.TemporaryDirectory() as work:
            result = open_submission(path, Path(work))
            seconds = time.perf_counter() - started
            rules = Counter(f.rule for f in result.findings)
            out = {"kept_files": len(result.files)}
    else:
        from smartcert.extractors import isolate
        from smartcert.extractors.api import extract_file
        from smartcert.extractors.base import ExtractSettings

        doc = extract_file(path, ExtractSettings(ocr=case != "pdf-5000-no-ocr"))
        seconds = time.perf_counter() - started
        isolate._POOL.shutdown()  # reap the worker: its peak joins RUSAGE_CHILDREN
        rules = Counter(f.rule for f in doc.findings)
        out = {"status": doc.status.value, "pages": len(doc.pages),
               "ocr_pages": sum(p.ocr for p in doc.pages),
               "table_cells": sum(len(t.cells) for t in doc.tables)}
    return {"case": case, "input": path.name, "input_mb": round(path.stat().st_size / 2**20, 1),
            "seconds": round(seconds, 1), **_peaks_mb(), **out,
            "findings": dict(sorted(rules.items()))}


def _table(rows: list[dict[str, Any]]) -> str:
    lines = [f"{'case':<16} {'input MB':>9} {'seconds':>8} {'peak MB':>8}  outcome"]
    for r in rows:
        if "error" in r:
            lines.append(f"{r['case']:<16} {'':>9} {'':>8} {'':>8}  ERROR {r['error']}")
            continue
        limit_rules = {k: v for k, v in r["findings"].items()
                       if k not in ("intake.ocr-skipped", "intake.ocr-no-text",
                                    "intake.ocr-low-confidence")}
        what = ", ".join(f"{k.removeprefix('intake.')}×{v}" for k, v in limit_rules.items())
        extra = (f"{r['pages']} pages, {r['ocr_pages']} OCR'd, {r['table_cells']:,} cells; "
                 if "pages" in r else f"{r['kept_files']} kept; ")
        lines.append(f"{r['case']:<16} {r['input_mb']:>9} {r['seconds']:>8} "
                     f"{r['peak_rss_mb']:>8}  {extra}{what}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", default=",".join(CASES))
    ap.add_argument("--inputs", type=Path,
                    default=Path(tempfile.gettempdir()) / "smartcert-bench-limits")
    ap.add_argument("--run", nargs=2, metavar=("CASE", "PATH"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.run:
        print(json.dumps(run_case(args.run[0], Path(args.run[1])), ensure_ascii=False))
        return 0
    rows: list[dict[str, Any]] = []
    for case in args.cases.split(","):
        made = time.perf_counter()
        path = make_input(case, args.inputs)
        print(f"{case}: input ready ({time.perf_counter() - made:.0f} s)", file=sys.stderr)
        proc = subprocess.run([sys.executable, "-m", "benchmarks.limits", "--run", case,
                               str(path)], capture_output=True, text=True, cwd=ROOT,
                              check=False)
        try:
            rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        except (IndexError, json.JSONDecodeError):
            rows.append({"case": case, "error": (proc.stderr or "?").strip()[-300:]})
        print(_table(rows[-1:]).splitlines()[-1], file=sys.stderr)
    print(_table(rows))
    import platform

    from smartcert.extractors.limits import Limits
    from smartcert.intake.limits import IntakeLimits

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores",
        "limits": {**vars(Limits()), **{f"intake.{k}": v for k, v in vars(IntakeLimits()).items()}},
        "cases": rows,
    }, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"→ {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
