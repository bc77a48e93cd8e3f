"""Ctrl-C on `smartcert intake` as a terminal sends it (SIGINT to the whole process group):
the command ends within seconds with one Korean line and exit code 130, the run is marked
`interrupted`, and no screen of connection errors follows (the embedded Prefect API runs in
a session of its own, so the interrupt does not kill it first)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from smartcert.store import RunStatus, Store
from tests.conftest import NO_LINGER

ROOT = Path(__file__).resolve().parent.parent
SMARTCERT = Path(sys.executable).parent / "smartcert"


@pytest.mark.slow
def test_ctrl_c_ends_the_batch_within_seconds(tmp_path: Path) -> None:
    batch, out = tmp_path / "batch", tmp_path / "out"
    for name in ("chorong-word", "nuri-hwp"):
        shutil.copytree(ROOT / "samples" / "bundles" / name, batch / name)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "SMARTCERT_"))}
    env |= NO_LINGER
    proc = subprocess.Popen([str(SMARTCERT), "intake", str(batch), "--out", str(out),
                             "--no-ocr"], env=env, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    end = time.monotonic() + 600
    while not list(out.glob("*/extract/*.json")):  # documents are being read
        assert proc.poll() is None, proc.stdout.read().decode()  # type: ignore[union-attr]
        assert time.monotonic() < end, "extraction never started"
        time.sleep(0.1)
    os.killpg(proc.pid, signal.SIGINT)  # what the terminal does on Ctrl-C
    start = time.monotonic()
    output, _ = proc.communicate(timeout=120)
    took = time.monotonic() - start
    text = output.decode()
    assert proc.returncode == 130, text
    assert took < 60, f"{took:.0f} s after Ctrl-C"
    assert "중단했습니다" in text and "Traceback" not in text and "connection" not in text.lower()
    assert len(text.splitlines()) <= 10, text
    (run,) = Store.open(None, out / ".smartcert").runs()
    assert run.status is RunStatus.INTERRUPTED
