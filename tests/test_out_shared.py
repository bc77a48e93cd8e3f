"""One output folder, never shared silently: a second command writing into an --out that
another is writing is refused (one Korean line, exit 2), the lock goes with its holder
however it ends, and a submission whose name another source's results already use says
whose results it overwrites."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from smartcert.cli import main
from smartcert.cli.outlock import OutLock, lock_path
from smartcert.cli.preflight import UsageProblem
from smartcert.pipelines.outsource import SOURCE_RECORD, claim, recorded_source
from tests.conftest import NO_LINGER

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "samples" / "bundles" / "chorong-word"
SMARTCERT = Path(sys.executable).parent / "smartcert"
REUSED = "바뀐 것이 없어"
OVERWRITES = "덮어씁니다"


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "SMARTCERT_"))}
    return env | NO_LINGER | {"PREFECT_SERVER_ANALYTICS_ENABLED": "false"}


def _busy_line(pid: int, out: Path) -> re.Pattern[str]:
    return re.compile(rf"smartcert: 오류: 다른 smartcert 실행\(pid {pid}, "
                      r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d 시작\)이 이 결과 폴더\("
                      rf"{re.escape(str(out))}\)를 쓰고 있습니다 — 끝난 뒤 다시 실행하거나 "
                      r"다른 --out을 지정하세요")


def _wait_for_holder(lock: Path, proc: subprocess.Popen[bytes]) -> None:
    end = time.monotonic() + 120
    while True:
        try:
            if json.loads(lock.read_text("utf-8") or "null")["pid"] == proc.pid:
                return
        except (OSError, ValueError, TypeError, KeyError):
            pass
        assert proc.poll() is None, proc.communicate()[0].decode()
        assert time.monotonic() < end, "the first command never took the lock"
        time.sleep(0.05)


@pytest.mark.slow
def test_a_second_command_into_a_busy_out_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    first = subprocess.Popen([str(SMARTCERT), "validate", str(BUNDLE), "--out", str(out),
                              "--no-ocr", "--progress", "plain"], env=_env(),
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        _wait_for_holder(lock_path(out), first)
        # a second process, as an operator in another terminal would start it
        second = subprocess.run([str(SMARTCERT), "validate", str(BUNDLE), "--out", str(out),
                                 "--no-ocr", "--progress", "plain"], env=_env(),
                                capture_output=True, timeout=120)
        # and every other command that writes into --out, here in this process
        pdf = next(BUNDLE.glob("*.pdf"))
        others = [["extract", str(pdf), "--out", str(out), "--no-ocr"],
                  ["intake", str(BUNDLE.parent), "--out", str(out), "--no-ocr"],
                  ["renewals", "run", "--out", str(out), "--today", "2026-11-23"]]
        codes = [main(argv) for argv in others]
        err = capsys.readouterr().err
        assert first.poll() is None, "the first run ended before the second was refused"
    finally:
        output = first.communicate(timeout=600)[0].decode()
    assert second.returncode == 2, second.stderr.decode()
    (line,) = second.stderr.decode().splitlines()
    assert _busy_line(first.pid, out).fullmatch(line), line
    assert codes == [2, 2, 2]
    assert [bool(_busy_line(first.pid, out).fullmatch(ln)) for ln in err.splitlines()] == [True] * 3
    assert not list(out.glob("*.pdf.extract.json"))  # the refused extract wrote nothing

    # the first went on undisturbed, and its lock went with it
    assert first.returncode == 0, output
    assert "chorong-word/findings.json: 초롱시" in output and "오류:" not in output
    assert main(["validate", str(BUNDLE), "--out", str(out), "--no-ocr",
                 "--progress", "plain"]) == 0
    assert REUSED in capsys.readouterr().err


def test_the_lock_goes_with_a_killed_holder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from smartcert.cli.outlock import OutLock; "
         "lock = OutLock.take(sys.argv[1]); print('held', flush=True); time.sleep(120)",
         str(out)], stdout=subprocess.PIPE, cwd=ROOT)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
        with pytest.raises(UsageProblem) as refused:
            OutLock.take(out)
        assert _busy_line(holder.pid, out).fullmatch(f"smartcert: 오류: {refused.value}")
    finally:
        holder.send_signal(signal.SIGKILL)  # a crash: nothing of ours runs on the way out
        holder.wait(timeout=30)
    # the kernel dropped it; the stale file is no obstacle (and it is held again, by us)
    with OutLock.take(out), pytest.raises(UsageProblem, match=f"pid {os.getpid()},"):
        OutLock.take(out)
    OutLock.take(out).release()


def test_the_source_record_is_written_once_per_source(tmp_path: Path) -> None:
    out_dir, a, b = tmp_path / "out" / "초롱시", tmp_path / "A" / "초롱시", tmp_path / "B" / "초롱시"
    assert claim(out_dir, a) is None and recorded_source(out_dir) == a.resolve()
    record = out_dir / SOURCE_RECORD
    before = record.stat().st_mtime_ns, record.read_bytes()
    time.sleep(0.01)
    assert claim(out_dir, a) is None  # the same source: the folder is left as it was
    assert (record.stat().st_mtime_ns, record.read_bytes()) == before
    assert claim(out_dir, b) == a.resolve() and recorded_source(out_dir) == b.resolve()
    assert [p.name for p in out_dir.iterdir()] == [SOURCE_RECORD]  # no temporary left


@pytest.mark.slow
def test_another_source_of_the_same_name_says_whose_results_it_overwrites(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = Path(shutil.copytree(BUNDLE, tmp_path / "A" / "chorong-word"))
    b = Path(shutil.copytree(BUNDLE, tmp_path / "B" / "chorong-word"))
    evidence = next(b.glob("*근거자료*.pdf"))  # B's own version: another result
    evidence.write_bytes(evidence.read_bytes() + b"\n% B's copy\n")
    out = tmp_path / "out"

    def validate(bundle: Path) -> list[str]:
        assert main(["validate", str(bundle), "--out", str(out), "--no-ocr",
                     "--progress", "plain"]) == 0
        return capsys.readouterr().err.splitlines()

    def warnings(lines: list[str]) -> list[str]:
        return [ln for ln in lines if OVERWRITES in ln]

    assert warnings(validate(a)) == []
    assert recorded_source(out / "chorong-word") == a.resolve()
    assert warnings(validate(b)) == [
        f"chorong-word: 경고: 결과 폴더 {out / 'chorong-word'}에 있던 {a.resolve()}의 결과를 "
        f"{b.resolve()}의 결과로 덮어씁니다 (이름이 같은 다른 제출물)"]
    assert recorded_source(out / "chorong-word") == b.resolve()
    log = (out / "smartcert.log").read_text("utf-8")
    assert f"{a.resolve()}의 결과를 {b.resolve()}의 결과로 덮어씁니다" in log

    again = validate(b)  # the record is part of B's untouched outputs: reused, no warning
    assert any(REUSED in ln for ln in again) and warnings(again) == []
    (back,) = warnings(validate(a))
    assert f"{b.resolve()}의 결과를 {a.resolve()}의 결과로" in back
