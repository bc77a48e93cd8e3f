"""Crash safety: `smartcert intake` killed with SIGKILL mid-batch and run again completes the
batch with no lost and no duplicated documents or findings (writes are keyed by content)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import text

from smartcert.extractors.base import ExtractSettings
from smartcert.pipelines.batch import run_batch
from smartcert.store import Store
from tests.conftest import NO_LINGER
from tests.test_local_api_orphan import assert_gone_within, server_of

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "bundles"
SMARTCERT = Path(sys.executable).parent / "smartcert"


def _batch(tmp: Path) -> Path:
    batch = tmp / "batch"
    batch.mkdir()
    for name in ("chorong-word", "nuri-hwp"):
        shutil.copytree(SAMPLES / name, batch / name)
    with zipfile.ZipFile(batch / "solnae-split.zip", "w") as z:  # a zip: intake unpacks it
        for f in sorted((SAMPLES / "solnae-split").iterdir()):
            z.write(f, f"solnae-split/{f.name}")
    return batch


def _intake(batch: Path, out: Path) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "SMARTCERT_"))}
    env |= NO_LINGER
    env["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
    # its own process group: the kill takes the extraction workers with it (the embedded
    # Prefect API has a session of its own and ends itself once the command is gone)
    return subprocess.Popen([str(SMARTCERT), "intake", str(batch), "--out", str(out),
                             "--no-ocr"], env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait_for(predicate, proc: subprocess.Popen[bytes], timeout: float) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        if proc.poll() is not None:
            pytest.fail(f"intake ended before the kill point: {proc.stderr.read().decode()}")  # type: ignore[union-attr]
        time.sleep(0.05)
    pytest.fail("kill point not reached")


def _keys(report: dict) -> list[tuple]:
    return sorted((f["rule"], f["indicator"], f["claimed"], json.dumps(f["locations"]))
                  for f in report["findings"])


@pytest.mark.slow
def test_sigkill_mid_batch_then_rerun_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    batch, out = _batch(tmp_path), tmp_path / "out"
    proc = _intake(batch, out)
    # mid-batch: the second submission's documents are being extracted
    _wait_for(lambda: any((out / "nuri-hwp" / "extract").glob("*.json")), proc, 600)
    server = server_of(proc.pid)  # the embedded Prefect API, in a session of its own
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(60)
    assert not (out / "solnae-split.zip" / "findings.json").exists()  # really mid-batch
    assert_gone_within(server, 10)  # the API does not outlive the killed command

    rerun = _intake(batch, out)
    _, err = rerun.communicate(timeout=900)
    assert rerun.returncode == 0, err.decode()

    ref = run_batch(batch, tmp_path / "ref", ExtractSettings(ocr=False))  # never interrupted
    store = Store.open(None, out / ".smartcert")
    with store.engine.connect() as c:
        def count(sql: str) -> int:
            return int(c.execute(text(sql)).scalar_one())

        assert count("select count(*) from submissions") == 3
        assert count("select count(*) from results") == 3
        assert count("select count(*) from documents") == 12  # 4 per submission
        dupes = count("select count(*) from (select result_id, finding_key from findings "
                      "group by result_id, finding_key having count(*) > 1) d")
        assert dupes == 0
        stored = count("select count(*) from findings")
        statuses = [r[0] for r in c.execute(text("select status from runs order by started_at"))]
    assert statuses == ["running", "complete"]  # the killed run stays visible as interrupted
    total = 0
    for run in ref:
        got = json.loads((out / run.source.name / "findings.json").read_text("utf-8"))
        assert run.report is not None
        want = json.loads(run.report.model_dump_json())
        assert _keys(got) == _keys(want), run.source.name
        assert got["indicators"] == want["indicators"]
        total += len(got["findings"])
    assert stored == total
