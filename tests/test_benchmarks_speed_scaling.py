"""The speed and scaling benchmarks' own machinery: what they time and build is right.

Fast: no engine is run; the bundle copies and evidence PDFs are built from the samples.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import fitz
import pytest

from benchmarks import scaling
from benchmarks.scaling import build_evidence, make_batch, sample_bundles
from benchmarks.speed import TARGET_RATIO, FileTiming, engines, targets
from benchmarks.speed_engines import OdlRun, Timed, per_file_seconds, tree_cpu
from benchmarks.speed_paired import Round, best_cli, best_odl, paired_rounds, summary
from smartcert.pipelines import api_lease

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "bundles"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_batch_copies_are_byte_distinct_and_read_the_same(tmp_path: Path) -> None:
    sources = [SAMPLES / "garam-docx", SAMPLES / "garam-hwpx", SAMPLES / "hanbit-xlsx"]
    copied = make_batch(tmp_path / "batch", 5, sources)
    assert copied == ["garam-docx", "garam-hwpx", "hanbit-xlsx", "garam-docx", "garam-hwpx"]
    folders = sorted((tmp_path / "batch").iterdir())
    assert [f.name for f in folders] == ["01-garam-docx", "02-garam-hwpx", "03-hanbit-xlsx",
                                         "04-garam-docx", "05-garam-hwpx"]
    files = [f for d in folders for f in sorted(d.iterdir())]
    originals = {_digest(p) for s in sources for p in s.iterdir()}
    digests = [_digest(f) for f in files]
    # garam-docx and garam-hwpx share three PDFs; no copy may share bytes with any file
    assert len(set(digests)) == len(files)
    assert not originals & set(digests)
    for f in files:
        src = next(s for s in sources if f.parent.name.endswith(s.name)) / f.name
        if f.suffix == ".pdf":
            with fitz.open(f) as copy, fitz.open(src) as orig:
                assert not copy.is_repaired
                assert [p.get_text() for p in copy] == [p.get_text() for p in orig]
        else:
            with zipfile.ZipFile(f) as copy, zipfile.ZipFile(src) as orig:
                assert copy.namelist() == orig.namelist()
                assert all(copy.read(n) == orig.read(n) for n in orig.namelist())


def test_sample_bundles_are_the_folders() -> None:
    names = [p.name for p in sample_bundles()]
    assert "nuri-hwp" in names and "pureun-scan" in names
    assert not any(n.endswith(".zip") for n in names)


def test_evidence_repeats_its_pages(tmp_path: Path) -> None:
    src = next((SAMPLES / "nuri-hwp").glob("4.*.pdf"))
    assert build_evidence(src, tmp_path / "e.pdf", 130) == 130
    with fitz.open(tmp_path / "e.pdf") as doc, fitz.open(src) as orig:
        n = orig.page_count
        assert doc.page_count == 130
        assert doc[n].get_text() == orig[0].get_text()
        assert doc[129].get_text() == orig[129 - 2 * n].get_text()
        assert doc[129].get_text().strip()  # text pages: nothing to OCR


def test_odl_per_file_seconds_from_write_times() -> None:
    # written out of input order; the first write carries the JVM's start
    got = per_file_seconds([(105.0, "001"), (103.5, "000"), (109.0, "002")],
                           started=100.0, start_s=1.0)
    assert got == {"000": 2.5, "001": 1.5, "002": 4.0}


def _row(group: str, pages: int, ours: float, floor: float, plumber: float,
         odl: float) -> FileTiming:
    return FileTiming("f", group, pages, 0, ours, floor, ours, floor, plumber, plumber, odl)


def test_engines_and_targets_compare_the_same_pages() -> None:
    rows = [_row("samples", 100, 3.0, 1.0, 20.0, 12.0),
            _row("real", 50, 1.0, 0.25, 10.0, 6.0),
            FileTiming("scan", "scan", 2, 2, 4.0, 0.01)]
    odl = OdlRun(total=Timed(20.0, 18.0), start=Timed(2.0, 2.0))
    eng = engines(rows, odl, cli=Timed(8.0, 6.0))
    all_ = eng["all, good text layer"]
    assert all_["pages"] == 150  # the scan is in no text-layer group
    assert all_["smartcert"]["vs_floor"] == pytest.approx(4.0 / 1.25)
    assert all_["smartcert"]["pages_per_s"] == pytest.approx(150 / 4.0, abs=0.1)
    assert all_["odl"]["seconds"] == pytest.approx(18.0)
    assert all_["odl"]["cpu_seconds"] == pytest.approx(16.0)  # JVM start taken off
    assert all_["odl_with_start"]["seconds"] == pytest.approx(20.0)
    assert "odl_with_start" not in eng["real PDFs, good text layer"]
    # the ODL targets are the paired rounds' medians, not these per-file sums
    paired = summary([Round(odl, Timed(6.0, 9.0), Timed(8.0, 12.0)),
                      Round(OdlRun(total=Timed(30.0, 27.0), start=Timed(2.0, 2.0)),
                            Timed(7.0, 9.0), Timed(10.0, 12.0)),
                      Round(odl, Timed(4.5, 9.0), Timed(5.0, 12.0))])
    t = targets(eng, paired)
    assert t["smartcert_vs_floor"]["wall"] == pytest.approx(3.2)
    assert t["smartcert_vs_floor"]["wall"] <= TARGET_RATIO
    assert t["smartcert_vs_odl"]["wall"] == pytest.approx(4.0)  # of 3.0, 4.0, 4.0; not 4.5
    assert t["smartcert_vs_odl"]["cpu"] == pytest.approx(round(16.0 / 9.0, 2))
    assert t["cli_vs_odl_with_start"]["wall"] == pytest.approx(3.0)  # of 2.5, 3.0, 4.0
    assert t["cli_vs_odl_with_start"]["cpu"] == pytest.approx(18.0 / 12.0)
    assert "median of 3 paired rounds" in t["smartcert_vs_odl"]["target"]


def test_paired_rounds_alternate_and_pair_their_own_runs() -> None:
    log: list[str] = []
    clock = iter(range(1, 100))

    def odl() -> OdlRun:
        log.append("odl")
        n = next(clock)
        return OdlRun(total=Timed(10.0 + n, 10.0), start=Timed(1.0, 1.0))

    def ours() -> Timed:
        log.append("ours")
        return Timed(float(next(clock)), 1.0)

    def cli() -> Timed:
        log.append("cli")
        return Timed(2.0, 1.0)

    rounds = paired_rounds(3, odl, ours, cli)
    assert log == ["odl", "ours", "cli", "cli", "ours", "odl", "odl", "ours", "cli"]
    # round 1: ODL 11 s (10 without its start) over smartcert's 2 s, in that round
    assert rounds[0].in_process() == Timed(5.0, 9.0)
    assert rounds[1].in_process() == Timed((14.0 - 1.0) / 3.0, 9.0)
    assert rounds[0].command() == Timed(11.0 / 2.0, 10.0)
    assert best_odl(rounds) is rounds[0].odl  # least wall time, start included
    assert best_cli(rounds) == Timed(2.0, 1.0)
    spread = summary(rounds)["in_process"]
    assert spread["rounds"] == 3
    assert spread["wall"] == pytest.approx(round((14.0 - 1.0) / 3.0, 2))
    assert spread["wall_min"] <= spread["wall"] <= spread["wall_max"]


def test_paired_rounds_stop_calling_a_failed_peer() -> None:
    calls: list[int] = []

    def broken() -> OdlRun:
        calls.append(1)
        return OdlRun(error="OpenDataLoader not available: no Java")

    rounds = paired_rounds(4, broken, lambda: Timed(1.0, 1.0), None)
    assert len(calls) == 1 and len(rounds) == 4
    assert all(r.in_process() is None and r.command() is None for r in rounds)
    assert best_odl(rounds) is not None and best_odl(rounds).error is not None
    assert summary(rounds)["in_process"] is None
    assert paired_rounds(2, None, lambda: Timed(1.0, 1.0), None)[0].odl is None


def test_tree_cpu_counts_a_live_child() -> None:
    busy = ("import sys, time\nt = time.process_time()\n"
            "while time.process_time() - t < 0.6: pass\n"
            "print('done', flush=True)\nsys.stdin.read()\n")
    before = tree_cpu()
    child = subprocess.Popen([sys.executable, "-c", busy], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "done"
        assert tree_cpu() - before >= 0.5  # still running: read from /proc, not rusage
    finally:
        child.kill()
        child.wait()


def test_measure_times_the_command_not_the_memory_polls(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The wall time is taken when the command ends, not at the next memory poll: with
    polls 5 s apart, a 0.05 s command is still timed well under them; and the peak
    memory of a command is seen."""
    monkeypatch.setattr(scaling, "POLL_S", 5.0)
    quick = scaling.measure(["/bin/sleep", "0.05"])
    assert quick["exit_code"] == 0 and quick["seconds"] < 2.0
    monkeypatch.setattr(scaling, "POLL_S", 0.05)
    big = scaling.measure([sys.executable, "-c",
                           "import time; x = bytearray(200 << 20); time.sleep(0.5)"])
    assert big["peak_rss_mb"] >= 200


def test_stop_server_ends_the_recorded_server_and_waits(tmp_path: Path) -> None:
    """The 'server ended' phase really pays a server's start: the lingering one is gone
    before the command runs again (here a stand-in process in the record)."""
    folder = tmp_path / ".smartcert" / api_lease.FOLDER
    folder.mkdir(parents=True)
    server = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        api_lease.write_record(folder, server.pid, "http://127.0.0.1:1/api", "k")
        waiter = threading.Thread(target=server.wait)  # its parent reaps it, as init would
        waiter.start()
        scaling.stop_server(tmp_path)
        assert api_lease.started_at(server.pid) is None
        waiter.join(10)
        scaling.stop_server(tmp_path)  # nothing running: nothing to do
    finally:
        server.kill()
        server.wait()


def test_the_batch_of_one_is_judged_on_its_median_round() -> None:
    from benchmarks.scaling import median_round, rounds_for, targets

    def rnd(cold: float, warm: float) -> dict[str, dict[str, float]]:
        return {"cold": {"seconds": cold}, "warm": {"seconds": warm}}

    rounds = [rnd(10.0, 2.5), rnd(14.0, 2.1), rnd(12.0, 2.0)]  # 0.25, 0.15, 0.167
    assert median_round(rounds) is rounds[2]
    assert median_round(rounds[:2]) is rounds[1]  # even: the lower of the two
    assert (rounds_for(1), rounds_for(10)) == (3, 1)
    one = {"bundles": 1, **median_round(rounds), "rounds": [0.25, 0.15, 0.167]}
    got = targets({"bundles": [one], "evidence": []})
    line = got["unchanged batch of 1: at most 1/5 of cold"]
    assert line["met"] and line["value"].startswith("0.17 of cold (median of 3 rounds")
