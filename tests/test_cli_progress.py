"""The command's progress display (issue 14): bars for the documents read and the pages OCR'd,
fed by events the work appends to a file from whichever process does it — the command
itself, an isolation worker, a Dask worker — and drawn only on a terminal or when asked
(`--progress bar`); without them, plain Korean lines."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import fitz
import pytest

from smartcert.cli import main
from smartcert.cli.progress import Display
from smartcert.extractors.progress import emit_to
from tests.builders.hwp_pdf import put_words
from tests.conftest import NO_LINGER

ROOT = Path(__file__).resolve().parent.parent
CHORONG = ROOT / "samples" / "bundles" / "chorong-word"
SMARTCERT = Path(sys.executable).parent / "smartcert"
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def scanned_letter(path: Path, pages: int) -> Path:
    """An image-only PDF (a scanned 공문, `pages` pages): every page needs OCR."""
    doc = fitz.open()
    for n in range(1, pages + 1):
        src = fitz.open()
        sheet = src.new_page(width=595, height=842)
        put_words(sheet, 72, 120, f"스마트도시 인증 관련 공문 {n}쪽", 16)
        put_words(sheet, 72, 160, "담당 부서 스마트도시과", 14)
        pix = sheet.get_pixmap(dpi=150, colorspace=fitz.csGRAY)
        page = doc.new_page(width=595, height=842)
        page.insert_image(page.rect, pixmap=pix)
    doc.save(path)
    return path


def bundle_with_scan(folder: Path, name: str = "chorong-scan") -> Path:
    """초롱시's four documents and a two-page scanned letter."""
    bundle = folder / name
    shutil.copytree(CHORONG, bundle)
    scanned_letter(bundle / "[초롱시]협조공문_스캔.pdf", 2)
    return bundle


def final_rows(err: str) -> dict[str, str]:
    """The last drawn line of each bar, by its label (escape sequences removed)."""
    rows: dict[str, str] = {}
    for line in _ANSI.sub("", err).replace("\r", "\n").splitlines():
        label = line.split("━")[0].strip()
        if "━" in line and label:
            rows[label] = line
    return rows


def test_the_display_draws_on_a_terminal_and_reaches_its_totals(tmp_path: Path) -> None:
    """`auto` draws on a pseudo-terminal; events of two submissions (one with OCR pages)
    bring every bar to its total, and the events file is gone afterwards."""
    leader, follower = os.openpty()
    chunks: list[bytes] = []

    def drain() -> None:  # read as it is written: a full terminal buffer would block rich
        while True:
            try:
                chunk = os.read(leader, 1 << 16)
            except OSError:  # EIO: the terminal's other end is closed and all was read
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain)
    reader.start()
    with os.fdopen(follower, "w", encoding="utf-8") as tty:
        display = Display("auto", tmp_path / "progress", submissions=2, stream=tty)
        with display:
            assert display.enabled and display.events is not None
            events = display.events
            emit_to(events, "files", sub="누리시", n=2)
            emit_to(events, "files", sub="가람시", n=1)
            for sub in ("누리시", "가람시", "누리시"):
                emit_to(events, "doc", sub=sub)
            for _ in range(3):
                emit_to(events, "ocr")
    reader.join(timeout=10)
    os.close(leader)
    rows = final_rows(b"".join(chunks).decode("utf-8", "replace"))
    assert "2/2" in rows["제출물"] and "3/3" in rows["문서 읽기"] and "3/3" in rows["OCR 쪽"]
    assert not events.exists()


def test_no_bars_and_no_events_off_a_terminal(tmp_path: Path) -> None:
    with open(os.devnull, "w") as null, Display("auto", tmp_path, stream=null) as display:
        assert not display.enabled and display.events is None
    assert not list(tmp_path.iterdir())


@pytest.mark.slow
def test_validate_shows_documents_and_ocr_pages_to_their_totals(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`--progress bar` off a terminal: the bars reach 5/5 documents and the 2 scanned pages,
    read in the isolation worker and counted here. Without it (not a terminal), the same run
    (`--fresh`: not given back from the last one) from the cache prints plain lines and no
    escape sequence."""
    bundle = bundle_with_scan(tmp_path)
    out = tmp_path / "out"
    assert main(["validate", str(bundle), "--out", str(out), "--progress", "bar"]) == 0
    err = capsys.readouterr().err
    rows = final_rows(err)
    assert "5/5" in rows["문서 읽기"], rows
    assert "2/2" in rows["OCR 쪽"], rows
    assert "findings.json: 초롱시" in err
    assert not list((out / ".work" / "progress").iterdir())  # the events file is removed

    assert main(["validate", str(bundle), "--out", str(out), "--fresh"]) == 0
    plain = capsys.readouterr().err
    assert "\x1b[" not in plain and "━" not in plain
    assert "[5/5] [초롱시]협조공문_스캔.pdf" in plain and "findings.json: 초롱시" in plain


def run_command(*argv: str) -> subprocess.CompletedProcess[str]:
    """The installed command in a process of its own, as an operator runs it: Prefect keeps
    process-wide clients, so one process serves one `smartcert intake`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "SMARTCERT_"))}
    env |= NO_LINGER
    return subprocess.run([str(SMARTCERT), *argv], env=env, capture_output=True, text=True,
                          timeout=900, check=False)


@pytest.mark.slow
def test_intake_bars_follow_the_work_on_dask_workers(tmp_path: Path) -> None:
    """Through the batch-intake flow with the documents on a Dask worker process (which
    reads each in an isolation worker of its own): the events cross both processes, and
    every bar reaches its total; a line per finished submission comes with them."""
    batch, out = tmp_path / "batch", tmp_path / "out"
    bundle_with_scan(batch)
    shutil.copytree(ROOT / "samples" / "bundles" / "saebyeol-sheet", batch / "saebyeol-sheet")
    done = run_command("intake", str(batch), "--out", str(out), "--dask-workers", "1",
                       "--progress", "bar")  # stderr is a pipe: bars only when asked
    assert done.returncode == 0, done.stderr
    rows = final_rows(done.stderr)
    assert "2/2" in rows["제출물"], rows
    assert "9/9" in rows["문서 읽기"], rows
    assert "2/2" in rows["OCR 쪽"], rows
    plain = _ANSI.sub("", done.stderr)
    assert "[1/2] chorong-scan: 문서 5건 읽음, OCR 2쪽" in plain
    assert "[2/2] saebyeol-sheet: 문서 4건 읽음" in plain
    assert not list((out / ".work" / "progress").iterdir())
