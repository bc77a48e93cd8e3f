"""`smartcert extract` writes a document while the workers read the next ones, a file per
core: the records and their lines still come in the order given, no more workers than
cores are started, and a write that fails stops the command at that document, the ones
before it written, one Korean line, exit 1."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

import smartcert.reports.jsonfile as jsonfile
from smartcert.cli import main
from smartcert.extractors import isolate
from smartcert.extractors.api import reads_in_parts

ROOT = Path(__file__).resolve().parents[1]
NURI = ROOT / "samples" / "bundles" / "nuri-hwp"
FILES = [NURI / "1. 공모신청서_누리시.pdf", NURI / "3. 정성지표 자체평가표_누리시.pdf",
         NURI / "2. 정량지표 평가제안서_누리시.pdf"]


def test_records_and_lines_come_in_the_order_given(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    given = [FILES[2], FILES[0], FILES[1]]
    assert main(["extract", *map(str, given), "--out", str(tmp_path), "--no-ocr"]) == 0
    lines = [ln for ln in capsys.readouterr().err.splitlines() if ".extract.json" in ln]
    assert [ln.split(".extract.json")[0] for ln in lines] == [
        str(tmp_path / f.name) for f in given]
    for f in given:
        record = tmp_path / f"{f.name}.extract.json"
        assert record.read_bytes().startswith(b"{") and record.read_bytes().endswith(b"}\n")


def test_a_failed_write_stops_at_its_document(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    real = jsonfile.write_model

    def full_disk_on_the_second(model: object, path: Path) -> Path:
        if path.name.startswith(FILES[1].name):
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(model, path)  # type: ignore[arg-type]

    monkeypatch.setattr(jsonfile, "write_model", full_disk_on_the_second)
    assert main(["extract", *map(str, FILES), "--out", str(tmp_path), "--no-ocr"]) == 1
    written = sorted(p.name for p in tmp_path.glob("*.extract.json"))
    assert written == [f"{FILES[0].name}.extract.json"]
    err = capsys.readouterr().err
    assert "작업을 계속할 수 없습니다" in err and "No space left on device" in err


def test_side_by_side_reading_starts_no_more_workers_than_cores(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        started_workers: list[int]) -> None:
    """Small forms around long PDFs, in the order a bundle gives them: a file per core, a
    long PDF in parts on the cores then free, and a reading that finds both workers busy
    waits for one (`isolate.worker_cap`): no extra worker (a process and its imports) is
    started beside the prestarted ones, and the records keep the order given."""
    monkeypatch.setattr(isolate, "cores", lambda: 2)
    isolate._POOL.shutdown()  # this process's earlier tests may have left workers
    given = [FILES[0], FILES[2], FILES[1], NURI / "4. 근거자료_누리시.pdf"]
    assert [reads_in_parts(f) for f in given] == [False, True, False, True]
    assert main(["extract", *map(str, given), "--out", str(tmp_path), "--no-ocr"]) == 0
    assert len(started_workers) == 2
    lines = [ln for ln in capsys.readouterr().err.splitlines() if ".extract.json" in ln]
    assert [ln.split(".extract.json")[0] for ln in lines] == [
        str(tmp_path / f.name) for f in given]


def test_a_failed_write_leaves_the_files_not_started_unread(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The command reads a few documents ahead of the one it writes, never the whole list:
    when a write fails, the files not yet started are not read at all."""
    from smartcert.extractors import api

    by_name: dict[str, Path] = {}
    for f in sorted((ROOT / "samples" / "bundles").rglob("*.pdf")):
        if f.stat().st_size < 200_000:  # forms read whole, quickly
            by_name.setdefault(f.name, f)
    given = list(by_name.values())[:12]
    assert len(given) == 12
    real_read = api.extract_file
    read: list[str] = []

    def counted(path: Path, *args: object) -> object:
        read.append(path.name)
        return real_read(path, *args)  # type: ignore[arg-type]

    def full_disk(model: object, path: Path) -> Path:
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(api, "extract_file", counted)
    monkeypatch.setattr(jsonfile, "write_model", full_disk)
    assert main(["extract", *map(str, given), "--out", str(tmp_path), "--no-ocr"]) == 1
    assert given[0].name in read and len(read) < len(given)
    assert not list(tmp_path.glob("*.extract.json"))
    assert "No space left on device" in capsys.readouterr().err
