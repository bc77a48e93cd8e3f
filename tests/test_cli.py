"""The command people use: Korean help for every option, a version, every operational
mistake one Korean line and exit code 2 before any work starts, Ctrl-C a Korean line with
the run marked interrupted, a crash one Korean line with the traceback in the log."""

from __future__ import annotations

import argparse
import re
import socket
import time
from pathlib import Path

import pytest

import smartcert.pipelines.spine as spine
from smartcert.cli import build_parser, main
from smartcert.store import RunStatus, Store

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "samples" / "bundles" / "chorong-word"
HANGUL = re.compile(r"[가-힣]")


def _parsers(p: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    out = [p]
    for a in p._actions:
        if isinstance(a, argparse._SubParsersAction):
            for sp in a.choices.values():
                out += _parsers(sp)
    return out


def test_every_option_has_korean_help() -> None:
    parsers = _parsers(build_parser())
    assert len(parsers) == 8  # smartcert, its 5 commands, verdicts import, renewals run
    for p in parsers:
        for a in p._actions:
            assert a.help and HANGUL.search(a.help), (p.prog, a.option_strings or a.dest)
        assert "사용법:" in p.format_help() and "usage:" not in p.format_help()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0 and capsys.readouterr().out.startswith("smartcert ")


def _one_korean_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    last = err[-1]
    assert "오류" in last and HANGUL.search(last) and "Traceback" not in "\n".join(err)
    return last


@pytest.mark.parametrize(("argv", "words"), [
    (["validate", "{tmp}/없는폴더", "--out", "{tmp}/out"], "제출물이 없습니다"),
    (["validate", "{tmp}/a.pdf", "--out", "{tmp}/out"], "폴더나 .zip"),
    (["validate", str(BUNDLE), "--out", "{tmp}/a.pdf"], "파일입니다"),
    (["validate", str(BUNDLE), "--out", "{tmp}/out", "--program", "city-1999"], "없습니다"),
    (["validate", str(BUNDLE), "--out", "{tmp}/out", "--program", "service-2023"],
     "service 규칙 세트"),
    (["validate", str(BUNDLE), "--out", "{tmp}/out", "--store-url", "::nope"], "URL"),
    (["intake", "{tmp}", "--out", "{tmp}/out"], "접수 폴더"),
    (["intake", "{tmp}/a.pdf", "--out", "{tmp}/out"], "폴더가 아닙니다"),
    (["extract", "{tmp}/없음.pdf", "--out", "{tmp}/out"], "없습니다"),
    (["verdicts", "import", "{tmp}/a.pdf"], ".xlsx"),
    (["renewals", "run", "--out", "{tmp}/out", "--today", "2026-02-30"], "--today"),
    (["renewals", "run", "--out", "{tmp}/out", "--service-program", "city-2025"],
     "city 규칙 세트"),
    (["intake", str(BUNDLE.parent), "--out", "{tmp}/out", "--dask-address", "dask:8786"],
     "--dask-address: Dask 스케줄러 주소는 tcp://호스트:포트 형식이어야"),
    (["validate", str(BUNDLE), "--out", "{tmp}/out", "--max-submission-mb", "9000"],
     "--max-submission-mb(9,000)가 --max-inflated-mb(8,192)보다 클 수 없습니다"),
])
def test_operational_mistakes_exit_2_before_any_work(
        argv: list[str], words: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4\n")
    args = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    assert main(args) == 2
    assert words in _one_korean_line(capsys)
    assert not (tmp_path / "out").exists()  # nothing started


@pytest.mark.parametrize("argv", [
    ["validate"], ["validate", "x", "--out", "y", "--ocr-dpi", "5"], ["nope"],
    ["intake", "x", "--out", "y", "--parallel", "0"], ["validate", "x", "--out", "y", "--bogus"],
])
def test_argument_mistakes_are_korean_too(argv: list[str],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as e:
        main(argv)
    assert e.value.code == 2
    line = _one_korean_line(capsys)
    assert not re.search(r"required|invalid|unrecognized|expected", line), line


def test_ctrl_c_marks_the_run_interrupted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted(*a: object, **k: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(spine, "run_submission", interrupted)
    assert main(["validate", str(BUNDLE), "--out", str(tmp_path / "out"), "--no-ocr"]) == 130
    assert "중단했습니다" in capsys.readouterr().err
    (run,) = Store.open(None, tmp_path / "out" / ".smartcert").runs()
    assert run.status is RunStatus.INTERRUPTED


def test_a_crash_is_one_korean_line_and_the_log_keeps_the_traceback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*a: object, **k: object) -> None:
        raise ValueError("a bug")

    monkeypatch.setattr(spine, "run_submission", broken)
    assert main(["validate", str(BUNDLE), "--out", str(tmp_path / "out"), "--no-ocr"]) == 1
    err = capsys.readouterr().err
    assert "내부 오류" in err and "ValueError: a bug" in err and "Traceback" not in err
    assert "Traceback" in (tmp_path / "out" / "smartcert.log").read_text("utf-8")


def test_a_scheduler_that_does_not_answer_is_one_korean_line_within_seconds(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--dask-address is checked in the preflight, before Prefect starts: a connection
    attempt of at most 2 s."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # free once closed: nothing listens there
    start = time.monotonic()
    assert main(["intake", str(BUNDLE.parent), "--out", str(tmp_path / "out"),
                 "--dask-address", f"tcp://127.0.0.1:{port}"]) == 2
    assert time.monotonic() - start < 10  # the submissions are listed too; no Prefect
    line = _one_korean_line(capsys)
    assert line.startswith(f"smartcert: 오류: --dask-address: Dask 스케줄러 tcp://127.0.0.1:{port}에 "
                           "연결할 수 없습니다"), line
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_a_submission_whose_scans_could_not_be_read_gets_a_warning_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Without Tesseract the scanned letter is not read: the run completes (exit 0, as the
    store records it complete and findings.json says what was not read) and says so."""
    from tests.test_cli_progress import bundle_with_scan

    monkeypatch.setenv("SMARTCERT_TESSERACT", str(tmp_path / "no-tesseract"))
    bundle = bundle_with_scan(tmp_path)
    assert main(["validate", str(bundle), "--out", str(tmp_path / "out")]) == 0
    (line,) = [x for x in capsys.readouterr().err.splitlines() if "경고: OCR" in x]
    assert line.startswith("chorong-scan: 경고: OCR을 할 수 없어 점수가 확정되지 않았습니다: "
                           "[초롱시]협조공문_스캔.pdf — Tesseract(kor+eng)가 설치되어 있지 않습니다"), line
    (run,) = Store.open(None, tmp_path / "out" / ".smartcert").runs()
    assert run.status is RunStatus.COMPLETE


def test_the_console_script_runs_main_and_freezes_the_heap_after(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`smartcert` is `console`: main's exit code, and the heap frozen only once main has
    returned (the interpreter's last collections skipped as the process ends)."""
    import gc
    import tomllib

    import smartcert.cli as cli

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert scripts["smartcert"] == "smartcert.cli:console"
    events: list[str] = []
    monkeypatch.setattr(cli, "main", lambda: events.append("main") or 3)
    monkeypatch.setattr(gc, "freeze", lambda: events.append("freeze"))
    assert cli.console() == 3
    assert events == ["main", "freeze"]
