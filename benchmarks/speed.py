"""Pages per second of smartcert's extraction against the floor, plain PyMuPDF text.

    python -m benchmarks.speed [--repeat N] [--no-scan]

For every PDF under `samples/bundles/` and in `../shared/real-hancom/`, in one run:
smartcert's `extract_file` (text, tables, checks, OCR where needed; in process, after
one warm-up call) and the floor, `fitz.open` + `page.get_text()` of the same pages.
The ratio is smartcert's time over the floor's (target: <= 5x on pages with a good
text layer). A file any page of which is OCR'd or has no usable text layer is
reported in the OCR group, since its time cannot be split by page; unless
`--no-scan`, an image-only copy of two real pages is added so that group is never
empty. Writes `benchmarks/results/speed.json` and `speed.md`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "bundles"
RESULTS_DIR = ROOT / "benchmarks" / "results"
TARGET_RATIO = 5.0


@dataclass
class FileTiming:
    file: str
    group: str  # "samples", "real" or "scan"
    pages: int
    ocr_pages: int  # pages OCR'd or without a good text layer
    smartcert_s: float
    floor_s: float

    @property
    def ocr(self) -> bool:
        return self.ocr_pages > 0


def _best(fn: Any, repeat: int) -> tuple[float, Any]:
    best, out = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - start)
    return best, out


def floor_seconds(pdf: Path, repeat: int) -> tuple[float, int]:
    import fitz

    def plain() -> int:
        with fitz.open(pdf) as doc:
            for page in doc:
                page.get_text()
            return doc.page_count

    return _best(plain, repeat)


def time_file(pdf: Path, group: str, repeat: int) -> FileTiming | str:
    """The timing, or why the file is left out (a broken or locked sample is no speed case)."""
    from smartcert.extractors.api import extract_file

    name = str(pdf.relative_to(SAMPLES)) if pdf.is_relative_to(SAMPLES) else pdf.name
    seconds, doc = _best(lambda: extract_file(pdf), repeat)
    if doc.status not in ("ok", "partial") or not doc.pages:
        return f"{name} left out: extraction status {doc.status}"
    ocr_pages = sum(1 for p in doc.pages if p.ocr or p.text_layer != "good")
    try:
        floor, n = floor_seconds(pdf, repeat)
    except RuntimeError as exc:  # PyMuPDF's errors (FileDataError, ...) derive from it
        return f"{name} left out: PyMuPDF cannot read it ({exc})"
    return FileTiming(name, group, n, ocr_pages, seconds, floor)


def make_scan(real: list[Path], out: Path, dpi: int = 200) -> Path | None:
    """An image-only PDF of the first page of up to two real PDFs (no text layer)."""
    import fitz

    if not real:
        return None
    with fitz.open() as scan:
        for pdf in real[:2]:
            with fitz.open(pdf) as src:
                pix = src[0].get_pixmap(dpi=dpi, colorspace=fitz.csGRAY)
                page = scan.new_page(width=src[0].rect.width, height=src[0].rect.height)
                page.insert_image(page.rect, pixmap=pix)
        scan.save(out)
    return out


def _summary(rows: list[FileTiming]) -> dict[str, Any]:
    pages = sum(r.pages for r in rows)
    ours, floor = sum(r.smartcert_s for r in rows), sum(r.floor_s for r in rows)
    return {
        "files": len(rows),
        "pages": pages,
        "smartcert_s": round(ours, 3),
        "floor_s": round(floor, 4),
        "smartcert_pages_per_s": round(pages / ours, 2) if ours else None,
        "floor_pages_per_s": round(pages / floor, 1) if floor else None,
        "ratio": round(ours / floor, 2) if floor else None,
    }


def cli_seconds(files: list[Path]) -> float | None:
    """`smartcert extract` as a user runs it: one process for all files, start-up included."""
    exe = Path(sys.executable).with_name("smartcert")
    if not files or not exe.exists():
        return None
    with tempfile.TemporaryDirectory(prefix="speed-cli-") as tmp:
        start = time.perf_counter()
        subprocess.run(
            [str(exe), "extract", *map(str, files), "--out", tmp],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,  # its per-file summary lines; kept for a failure's message
        )
        return time.perf_counter() - start


def summarise(rows: list[FileTiming]) -> dict[str, dict[str, Any]]:
    groups = {
        "samples, good text layer": [r for r in rows if r.group == "samples" and not r.ocr],
        "real PDFs, good text layer": [r for r in rows if r.group == "real" and not r.ocr],
        "all, good text layer": [r for r in rows if not r.ocr],
        "OCR (files with any OCR page)": [r for r in rows if r.ocr],
    }
    return {name: _summary(g) for name, g in groups.items() if g}


def markdown(result: dict[str, Any]) -> str:
    lines = [
        f"smartcert extraction speed ({result['generated']}, best of {result['repeat']})",
        "",
        "| group | files | pages | smartcert pages/s | floor pages/s | ratio | target |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, s in result["groups"].items():
        ocr = name.startswith("OCR") or name.startswith("smartcert extract")
        met = "n/a" if ocr else ("met" if s["ratio"] <= TARGET_RATIO else "MISSED")
        lines.append(
            f"| {name} | {s['files']} | {s['pages']} | {s['smartcert_pages_per_s']} "
            f"| {s['floor_pages_per_s']} | {s['ratio']}x | {met} |"
        )
    lines += ["", "| file | pages | OCR pages | smartcert s | floor s | ratio |"]
    lines.append("| --- | --- | --- | --- | --- | --- |")
    for r in result["files"]:
        ratio = r["smartcert_s"] / r["floor_s"] if r["floor_s"] else float("nan")
        lines.append(
            f"| {r['file']} | {r['pages']} | {r['ocr_pages']} | {r['smartcert_s']:.3f} "
            f"| {r['floor_s']:.4f} | {ratio:.1f}x |"
        )
    lines += ["", *result["notes"]]
    return "\n".join(lines) + "\n"


def run(repeat: int, scan: bool, real_dir: Path) -> dict[str, Any]:
    from smartcert.extractors.api import extract_file

    samples = sorted(SAMPLES.rglob("*.pdf")) if SAMPLES.is_dir() else []
    real = sorted(real_dir.glob("*.pdf")) if real_dir.is_dir() else []
    notes = [
        "floor: PyMuPDF fitz.open + page.get_text() of the same pages, same run.",
        "ratio: smartcert time / floor time; target <= 5x on good text-layer pages.",
    ]
    if not samples:
        notes.append(f"no sample PDFs under {SAMPLES.relative_to(ROOT)} yet.")
    if not real:
        notes.append(f"no real PDFs in {real_dir}.")
    todo = [(p, "samples") for p in samples] + [(p, "real") for p in real]
    if not todo:
        raise SystemExit("no PDF to time")
    extract_file(todo[0][0])  # warm-up: imports, fonts, models are not per-page costs
    rows: list[FileTiming] = []
    good: list[Path] = []  # files with a good text layer throughout, for the CLI run
    for pdf, group in todo:
        timing = time_file(pdf, group, repeat)
        if isinstance(timing, str):
            notes.append(timing)
            continue
        rows.append(timing)
        if not timing.ocr:
            good.append(pdf)
    if scan:
        with tempfile.TemporaryDirectory(prefix="speed-scan-") as tmp:
            made = make_scan(real, Path(tmp) / "scan-of-real-pages.pdf")
            timing = time_file(made, "scan", repeat) if made else "no real PDF to scan"
            if isinstance(timing, FileTiming):
                rows.append(timing)
            else:
                notes.append(timing)
    groups = summarise(rows)
    cli = cli_seconds(good)
    if cli is not None:
        floor = sum(r.floor_s for r in rows if not r.ocr)
        pages = sum(r.pages for r in rows if not r.ocr)
        groups["smartcert extract CLI, good text layer (one process, start-up included)"] = {
            "files": len(good),
            "pages": pages,
            "smartcert_s": round(cli, 3),
            "floor_s": round(floor, 4),
            "smartcert_pages_per_s": round(pages / cli, 2),
            "floor_pages_per_s": round(pages / floor, 1) if floor else None,
            "ratio": round(cli / floor, 2) if floor else None,
        }
    return {
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "repeat": repeat,
        "groups": groups,
        "files": [asdict(r) for r in rows],
        "notes": notes,
    }


def main(argv: list[str] | None = None) -> int:
    from benchmarks.hancom.truth import REAL_DIR

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=1, help="best-of-N timing")
    parser.add_argument("--no-scan", action="store_true", help="skip the image-only sample")
    parser.add_argument("--real-dir", type=Path, default=REAL_DIR)
    parser.add_argument("--out", type=Path, default=RESULTS_DIR)
    args = parser.parse_args(argv)
    result = run(max(1, args.repeat), not args.no_scan, args.real_dir)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "speed.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    text = markdown(result)
    (args.out / "speed.md").write_text(text, encoding="utf-8")
    print(text)
    good = result["groups"].get("all, good text layer")
    return 0 if good is None or good["ratio"] <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
