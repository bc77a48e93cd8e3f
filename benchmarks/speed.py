"""Pages per second of smartcert's extraction beside the floor and two peers, in one run.

    python -m benchmarks.speed [--repeat N] [--rounds N] [--no-scan] [--no-peers]

For every PDF under `samples/bundles/` and in `../shared/real-hancom/` (identical files
once), in one run:
- the floor, PyMuPDF `fitz.open` + `page.get_text()` of the same pages;
- smartcert's `extract_file` (text, tables, checks, OCR where needed; called in this
  process, after a warm-up call on the largest file, reading in its worker processes as every entry point
  does: a long PDF in parts, a worker per free core, `extractors/pdf/parts.py`), the same
  with `page_workers=1` (one worker, one core a file) — each file the best of `--repeat N`;
- on the files with a good text layer: pdfplumber `page.extract_tables()` (in this
  process), and `--rounds N` paired rounds (`benchmarks/speed_paired.py`), each one
  OpenDataLoader PDF call (one JVM over all files, with and without the JVM's start; see
  `benchmarks/speed_engines.py`), one in-process smartcert pass over all files and one
  `smartcert extract` as a user runs it (one process, start-up included), back to back.
Wall time is the headline; CPU time of this process and its descendants is reported
beside it (the machine is shared). Targets (issue 15), on pages with a good text layer:
smartcert at most 5x the floor's time (per-file timings), and at least 3x OpenDataLoader's
throughput (the median of the paired rounds' ratios).
A file any page of which is OCR'd or has no usable text layer is reported in the OCR
group, since its time cannot be split by page; unless `--no-scan`, an image-only copy of
two real pages is added so that group is never empty. Writes
`benchmarks/results/speed.json` and `speed.md`; exits 1 when smartcert is over 5x the
floor (wall time).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.speed_engines import (
    OdlRun,
    Timed,
    best_of,
    floor_pages,
    odl_once,
    pdfplumber_pages,
    timed,
)
from benchmarks.speed_paired import Round, best_cli, best_odl, paired_rounds, summary
from benchmarks.speed_paired import markdown as paired_markdown

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "bundles"
RESULTS_DIR = ROOT / "benchmarks" / "results"
TARGET_RATIO = 5.0  # smartcert's time over the floor's, at most
TARGET_VS_ODL = 3.0  # smartcert's pages/s over OpenDataLoader's, at least
TEXT_GROUPS = {  # group name -> FileTiming.group values it takes (text-layer files only)
    "samples, good text layer": ("samples",),
    "real PDFs, good text layer": ("real",),
    "all, good text layer": ("samples", "real"),
}
ALL = "all, good text layer"
DEFAULT_ROUNDS = 5  # paired rounds against OpenDataLoader: the verdict is on their median


@dataclass
class FileTiming:
    file: str
    group: str  # "samples", "real" or "scan"
    pages: int
    ocr_pages: int  # pages OCR'd or without a good text layer
    smartcert_s: float
    floor_s: float
    smartcert_cpu_s: float = 0.0
    floor_cpu_s: float = 0.0
    pdfplumber_s: float | None = None  # peers: files with a good text layer only
    pdfplumber_cpu_s: float | None = None
    odl_s: float | None = None  # from its output write times, JVM start excluded
    one_worker_s: float | None = None  # smartcert with `page_workers=1`: one core a file
    one_worker_cpu_s: float | None = None

    @property
    def ocr(self) -> bool:
        return self.ocr_pages > 0


def time_file(pdf: Path, group: str, repeat: int, peers: bool) -> FileTiming | str:
    """The timing, or why the file is left out (a broken or locked sample is no speed case)."""
    from smartcert.extractors.api import extract_file
    from smartcert.extractors.base import ExtractSettings

    name = str(pdf.relative_to(SAMPLES)) if pdf.is_relative_to(SAMPLES) else pdf.name
    ours, doc = best_of(lambda: extract_file(pdf), repeat)
    if doc.status not in ("ok", "partial") or not doc.pages:
        return f"{name} left out: extraction status {doc.status}"
    ocr_pages = sum(1 for p in doc.pages if p.ocr or p.text_layer != "good")
    try:
        floor, n = best_of(lambda: floor_pages(pdf), repeat)
    except RuntimeError as exc:  # PyMuPDF's errors (FileDataError, ...) derive from it
        return f"{name} left out: PyMuPDF cannot read it ({exc})"
    row = FileTiming(name, group, n, ocr_pages, ours.wall, floor.wall, ours.cpu, floor.cpu)
    if not row.ocr:
        one = ExtractSettings(page_workers=1)
        single, _ = best_of(lambda: extract_file(pdf, one), repeat)
        row.one_worker_s, row.one_worker_cpu_s = single.wall, single.cpu
    if peers and not row.ocr:
        plumber, _ = best_of(lambda: pdfplumber_pages(pdf), repeat)
        row.pdfplumber_s, row.pdfplumber_cpu_s = plumber.wall, plumber.cpu
    return row


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
    ours_cpu, floor_cpu = sum(r.smartcert_cpu_s for r in rows), sum(r.floor_cpu_s for r in rows)
    return {
        "files": len(rows),
        "pages": pages,
        "smartcert_s": round(ours, 3),
        "floor_s": round(floor, 4),
        "smartcert_pages_per_s": round(pages / ours, 2) if ours else None,
        "floor_pages_per_s": round(pages / floor, 1) if floor else None,
        "ratio": round(ours / floor, 2) if floor else None,
        "smartcert_cpu_s": round(ours_cpu, 3),
        "floor_cpu_s": round(floor_cpu, 4),
        "cpu_ratio": round(ours_cpu / floor_cpu, 2) if floor_cpu else None,
    }


def cli_runner(files: list[Path]) -> Callable[[], Timed] | None:
    """`smartcert extract` as a user runs it: one process for all files, start-up included.
    CPU: the process and its extraction workers, all reaped when it ends. None when the
    command is not installed beside this interpreter."""
    exe = Path(sys.executable).with_name("smartcert")
    if not files or not exe.exists():
        return None
    return lambda: _cli_once(exe, files)


def _cli_once(exe: Path, files: list[Path]) -> Timed:
    with tempfile.TemporaryDirectory(prefix="speed-cli-") as tmp:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(
            [str(exe), "extract", *map(str, files), "--out", tmp],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,  # its per-file summary lines; kept for a failure's message
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return Timed(wall, cpu)


def summarise(rows: list[FileTiming]) -> dict[str, dict[str, Any]]:
    groups = {name: [r for r in rows if r.group in kinds and not r.ocr]
              for name, kinds in TEXT_GROUPS.items()}
    groups["OCR (files with any OCR page)"] = [r for r in rows if r.ocr]
    return {name: _summary(g) for name, g in groups.items() if g}


def _figures(pages: int, t: Timed, floor: Timed) -> dict[str, Any]:
    return {
        "seconds": round(t.wall, 3),
        "cpu_seconds": round(t.cpu, 3),
        "pages_per_s": round(pages / t.wall, 1) if t.wall else None,
        "cpu_pages_per_s": round(pages / t.cpu, 1) if t.cpu else None,
        "vs_floor": round(t.wall / floor.wall, 2) if floor.wall else None,
        "vs_floor_cpu": round(t.cpu / floor.cpu, 2) if floor.cpu else None,
    }


def engines(rows: list[FileTiming], odl: OdlRun | None,
            cli: Timed | None) -> dict[str, dict[str, Any]]:
    """Per text-layer group: every engine's time on the group's files and its ratio to the
    floor. ODL's CPU time and its start-included figure exist for the whole set only."""
    out: dict[str, dict[str, Any]] = {}
    for name, kinds in TEXT_GROUPS.items():
        g = [r for r in rows if r.group in kinds and not r.ocr]
        if not g:
            continue
        pages = sum(r.pages for r in g)
        floor = Timed(sum(r.floor_s for r in g), sum(r.floor_cpu_s for r in g))
        entry: dict[str, Any] = {
            "files": len(g),
            "pages": pages,
            "floor": _figures(pages, floor, floor),
            "smartcert": _figures(pages, Timed(sum(r.smartcert_s for r in g),
                                               sum(r.smartcert_cpu_s for r in g)), floor),
        }
        if all(r.one_worker_s is not None for r in g):
            entry["smartcert_one_worker"] = _figures(pages, Timed(
                sum(r.one_worker_s or 0.0 for r in g),
                sum(r.one_worker_cpu_s or 0.0 for r in g)), floor)
        if all(r.pdfplumber_s is not None for r in g):
            entry["pdfplumber"] = _figures(pages, Timed(
                sum(r.pdfplumber_s or 0.0 for r in g),
                sum(r.pdfplumber_cpu_s or 0.0 for r in g)), floor)
        if odl is not None and odl.error is None:
            wall = sum(r.odl_s or 0.0 for r in g)
            cpu = odl.without_start.cpu if name == ALL else 0.0
            entry["odl"] = _figures(pages, Timed(wall, cpu), floor)
            if name == ALL:
                entry["odl_with_start"] = _figures(pages, odl.total, floor)
        if cli is not None and name == ALL:
            entry["smartcert_cli"] = _figures(pages, cli, floor)
        out[name] = entry
    return out


def _verdict(value: float | None, target: float, at_most: bool) -> str:
    if value is None:
        return "n/a"
    met = value <= target if at_most else value >= target
    return f"{value:.2f}x {'met' if met else 'MISSED'}"


def targets(eng: dict[str, dict[str, Any]], paired: dict[str, Any]) -> dict[str, Any]:
    """The issue's targets on all pages with a good text layer, by wall and CPU time: the
    floor's from the per-file timings, OpenDataLoader's from the paired rounds' medians."""
    a = eng.get(ALL)
    if a is None:
        return {}

    def median_of(key: str, kind: str) -> float | None:
        spread = paired.get(key)
        return None if spread is None else spread[kind]

    n = (paired.get("in_process") or {}).get("rounds", 0)
    return {
        "smartcert_vs_floor": {"target": f"<= {TARGET_RATIO}x the floor's time",
                               "wall": a["smartcert"]["vs_floor"],
                               "cpu": a["smartcert"]["vs_floor_cpu"]},
        "smartcert_vs_odl": {"target": f">= {TARGET_VS_ODL}x OpenDataLoader's pages/s "
                                       "(in-process smartcert; JVM start excluded; "
                                       f"median of {n} paired rounds)",
                             "wall": median_of("in_process", "wall"),
                             "cpu": median_of("in_process", "cpu")},
        "cli_vs_odl_with_start": {"target": f">= {TARGET_VS_ODL}x, both start-up included "
                                            "(smartcert extract CLI against one JVM; "
                                            f"median of {n} paired rounds)",
                                  "wall": median_of("command", "wall"),
                                  "cpu": median_of("command", "cpu")},
    }


ENGINE_LABELS = {
    "floor": "PyMuPDF `get_text()` (the floor)",
    "smartcert": "smartcert `extract_file` (warm; a long PDF in parts on the free cores)",
    "smartcert_one_worker": "smartcert `extract_file`, one worker a file (`page_workers=1`)",
    "smartcert_cli": "`smartcert extract` CLI (start-up included)",
    "odl": "OpenDataLoader PDF (one JVM, start excluded)",
    "odl_with_start": "OpenDataLoader PDF (one JVM, start included)",
    "pdfplumber": "pdfplumber `extract_tables()`",
}


def _cell(f: dict[str, Any] | None, cpu: bool = False) -> str:
    if f is None:
        return "—"
    rate, ratio = (f["cpu_pages_per_s"], f["vs_floor_cpu"]) if cpu else (f["pages_per_s"],
                                                                        f["vs_floor"])
    return "—" if rate is None or ratio is None else f"{rate:,.1f} ({ratio:.1f}x)"


def engines_markdown(eng: dict[str, dict[str, Any]]) -> list[str]:
    names = list(eng)
    head = [f"{n.split(',')[0]} ({eng[n]['files']} files, {eng[n]['pages']} p.)" for n in names]
    lines = [
        "Engines side by side on the same files: pages/s (time vs the floor's)",
        "",
        f"| engine | {' | '.join(head)} | all, by CPU time |",
        "| --- |" + " --- |" * (len(names) + 1),
    ]
    for key, label in ENGINE_LABELS.items():
        if not any(key in eng[n] for n in names):
            continue
        cells = [_cell(eng[n].get(key)) for n in names]
        cpu = eng.get(ALL, {}).get(key)
        cpu_cell = "—" if cpu is None or not cpu["cpu_seconds"] else _cell(cpu, cpu=True)
        lines.append(f"| {label} | {' | '.join(cells)} | {cpu_cell} |")
    return lines


def _x(ratio: float | None) -> str:
    return "—" if ratio is None else f"{ratio}x"


def markdown(result: dict[str, Any]) -> str:
    lines = [
        f"smartcert extraction speed ({result['generated']}, best of {result['repeat']})",
        "",
        "Targets (issue 15), all PDFs with a good text layer; wall time is the headline, "
        "CPU time beside it:",
        "",
        "| target | wall time | CPU time |",
        "| --- | --- | --- |",
    ]
    for t in result["targets"].values():
        at_most = t["target"].startswith("<=")
        goal = TARGET_RATIO if at_most else TARGET_VS_ODL
        lines.append(f"| {t['target']} | {_verdict(t['wall'], goal, at_most)} "
                     f"| {_verdict(t['cpu'], goal, at_most)} |")
    lines += ["", *paired_markdown(result["paired"]), ""]
    lines += ["", *engines_markdown(result["engines"]), ""]
    lines += [
        "smartcert against the floor, by group (wall time; CPU ratio beside)",
        "",
        "| group | files | pages | smartcert pages/s | floor pages/s | ratio | CPU ratio "
        "| target |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, s in result["groups"].items():
        ocr = name.startswith("OCR") or name.startswith("smartcert extract")
        met = "n/a" if ocr else ("met" if s["ratio"] <= TARGET_RATIO else "MISSED")
        lines.append(
            f"| {name} | {s['files']} | {s['pages']} | {s['smartcert_pages_per_s']} "
            f"| {s['floor_pages_per_s']} | {s['ratio']}x | {_x(s.get('cpu_ratio'))} | {met} |"
        )
    lines += ["", "| file | pages | OCR pages | smartcert s | floor s | ratio "
                  "| pdfplumber s | ODL s |"]
    lines.append("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in result["files"]:
        ratio = r["smartcert_s"] / r["floor_s"] if r["floor_s"] else float("nan")
        plumber = "—" if r["pdfplumber_s"] is None else f"{r['pdfplumber_s']:.3f}"
        odl = "—" if r["odl_s"] is None else f"{r['odl_s']:.3f}"
        lines.append(
            f"| {r['file']} | {r['pages']} | {r['ocr_pages']} | {r['smartcert_s']:.3f} "
            f"| {r['floor_s']:.4f} | {ratio:.1f}x | {plumber} | {odl} |"
        )
    lines += ["", *result["notes"]]
    return "\n".join(lines) + "\n"


def distinct(paths: list[Path], notes: list[str]) -> list[Path]:
    """Each file's bytes once: the samples share some PDFs between bundles."""
    seen: dict[str, Path] = {}
    out = []
    for p in paths:
        digest = hashlib.sha256(p.read_bytes()).hexdigest()
        if digest in seen:
            notes.append(f"{p.relative_to(p.parents[1])} left out: same bytes as "
                         f"{seen[digest].relative_to(seen[digest].parents[1])}")
            continue
        seen[digest] = p
        out.append(p)
    return out


def odl_rows(rows: list[FileTiming], files: dict[str, Path], notes: list[str],
             odl: OdlRun | None, runs: int) -> OdlRun | None:
    """Each text-layer file's OpenDataLoader seconds from its best run (least wall time,
    JVM start included: the same best-of-N smartcert's per-file figures are taken as)."""
    if odl is None:
        return None
    if odl.error is not None:
        notes.append(odl.error)
        return odl
    good = [r for r in rows if not r.ocr]
    for r in good:
        r.odl_s = odl.seconds[files[r.file]]
        if odl.pages[files[r.file]] != r.pages:
            notes.append(f"OpenDataLoader counted {odl.pages[files[r.file]]} pages in "
                         f"{r.file}, PyMuPDF {r.pages}")
    notes.append(f"OpenDataLoader: one JVM over {len(good)} files, {odl.total.wall:.1f} s "
                 f"(best of {runs} runs); "
                 f"JVM start and set-up (a blank page) {odl.start.wall:.1f} s wall, "
                 f"{odl.start.cpu:.1f} s CPU, taken off for 'start excluded'.")
    return odl


def rounds_for(good: list[Path], count: int, peers: bool) -> list[Round]:
    """The paired rounds (`speed_paired`) over the files with a good text layer."""
    from smartcert.extractors.api import extract_file

    def smartcert_pass() -> Timed:
        t, _ = timed(lambda: [extract_file(f) for f in good])
        return t

    return paired_rounds(count, (lambda: odl_once(good)) if peers else None, smartcert_pass,
                         cli_runner(good))


def run(repeat: int, scan: bool, real_dir: Path, peers: bool = True,
        rounds: int = DEFAULT_ROUNDS) -> dict[str, Any]:
    from smartcert.extractors.api import extract_file

    notes = [
        "floor: PyMuPDF fitz.open + page.get_text() of the same pages, same run.",
        "ratio: engine time / floor time; target <= 5x for smartcert on good text-layer pages.",
        "wall: perf_counter. CPU: this process and its descendants (smartcert's extraction "
        "worker; the JVM, all its threads, JIT and GC included).",
        "in process: floor, smartcert extract_file (its worker reads), pdfplumber; ODL: one "
        "`opendataloader_pdf.convert` call (one JVM) over all text-layer files; its per-file "
        "seconds are the gaps between its JSON outputs' write times.",
    ]
    samples = distinct(sorted(SAMPLES.rglob("*.pdf")), notes) if SAMPLES.is_dir() else []
    real = distinct(sorted(real_dir.glob("*.pdf")), notes) if real_dir.is_dir() else []
    if not samples:
        notes.append(f"no sample PDFs under {SAMPLES.relative_to(ROOT)} yet.")
    if not real:
        notes.append(f"no real PDFs in {real_dir}.")
    todo = [(p, "samples") for p in samples] + [(p, "real") for p in real]
    if not todo:
        raise SystemExit("no PDF to time")
    # warm-up: imports, fonts and the worker processes' start are not per-page costs; the
    # largest file is read in parts, so every worker a part needs is started here
    extract_file(max((p for p, _ in todo), key=lambda p: p.stat().st_size))
    if peers:
        pdfplumber_pages(todo[0][0])  # the same for pdfplumber
    rows: list[FileTiming] = []
    files: dict[str, Path] = {}
    for pdf, group in todo:
        timing = time_file(pdf, group, repeat, peers)
        if isinstance(timing, str):
            notes.append(timing)
            continue
        rows.append(timing)
        files[timing.file] = pdf
    if scan:
        with tempfile.TemporaryDirectory(prefix="speed-scan-") as tmp:
            made = make_scan(real, Path(tmp) / "scan-of-real-pages.pdf")
            timing = time_file(made, "scan", repeat, False) if made else "no real PDF to scan"
            if isinstance(timing, FileTiming):
                rows.append(timing)
            else:
                notes.append(timing)
    groups = summarise(rows)
    good = [files[r.file] for r in rows if not r.ocr and r.file in files]
    played = rounds_for(good, rounds, peers)
    odl = odl_rows(rows, files, notes, best_odl(played), len(played))
    cli = best_cli(played)
    paired = summary(played)
    if cli is not None:
        floor = sum(r.floor_s for r in rows if not r.ocr)
        pages = sum(r.pages for r in rows if not r.ocr)
        groups["smartcert extract CLI, good text layer (one process, start-up included)"] = {
            "files": len(good),
            "pages": pages,
            "smartcert_s": round(cli.wall, 3),
            "floor_s": round(floor, 4),
            "smartcert_pages_per_s": round(pages / cli.wall, 2),
            "floor_pages_per_s": round(pages / floor, 1) if floor else None,
            "ratio": round(cli.wall / floor, 2) if floor else None,
            "smartcert_cpu_s": round(cli.cpu, 3),
        }
    eng = engines(rows, odl, cli)
    return {
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "repeat": repeat,
        "targets": targets(eng, paired),
        "paired": paired,
        "engines": eng,
        "groups": groups,
        "files": [asdict(r) for r in rows],
        "notes": notes,
    }


def main(argv: list[str] | None = None) -> int:
    from benchmarks.hancom.truth import REAL_DIR

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=1, help="best-of-N timing")
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS,
                        help="paired rounds against OpenDataLoader (speed_paired)")
    parser.add_argument("--no-scan", action="store_true", help="skip the image-only sample")
    parser.add_argument("--no-peers", action="store_true",
                        help="skip pdfplumber and OpenDataLoader")
    parser.add_argument("--real-dir", type=Path, default=REAL_DIR)
    parser.add_argument("--out", type=Path, default=RESULTS_DIR)
    args = parser.parse_args(argv)
    result = run(max(1, args.repeat), not args.no_scan, args.real_dir, not args.no_peers,
                 max(1, args.rounds))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "speed.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    text = markdown(result)
    (args.out / "speed.md").write_text(text, encoding="utf-8")
    print(text)
    good = result["groups"].get(ALL)
    return 0 if good is None or good["ratio"] <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
