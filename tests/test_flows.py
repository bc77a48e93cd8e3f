"""The Prefect flow runs the same steps as the CLI, on Prefect's local test harness."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def harness():  # type: ignore[no-untyped-def]
    from prefect.testing.utilities import prefect_test_harness

    # the ephemeral server starts in ~10 s idle; on a loaded 2-core machine it needs longer
    with prefect_test_harness(server_startup_timeout=180):
        yield


def test_batch_intake_flow_writes_findings(tmp_path: Path, harness: None) -> None:
    from pipelines.flows import batch_intake

    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copytree(ROOT / "samples" / "bundles" / "nuri-hwp", batch / "nuri-hwp")
    results = batch_intake(str(batch), str(tmp_path / "out"))
    assert [r["applicant"] for r in results] == ["누리시"]
    report = json.loads((tmp_path / "out" / "nuri-hwp" / "findings.json").read_text("utf-8"))
    assert len(report["indicators"]) == 53


def test_prefect_yaml_points_at_a_real_flow() -> None:
    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    for dep in spec["deployments"]:
        module, name = dep["entrypoint"].split(":")
        assert (ROOT / module).exists()
        mod = __import__(module.removesuffix(".py").replace("/", "."), fromlist=[name])
        assert getattr(mod, name).name == dep["name"]
