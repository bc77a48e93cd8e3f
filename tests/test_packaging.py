"""`pip install .` puts one name into site-packages: `smartcert`, with every layer and the
data files the code reads (rule sets, report templates) inside it."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_the_wheel_installs_one_top_level_package(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path),
                    str(ROOT)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("smartcert-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"smartcert"}
    for layer in ("core", "intake", "extractors", "schemas", "validators", "scoring", "reports",
                  "store", "renewals", "pipelines"):
        assert f"smartcert/{layer}/__init__.py" in names, layer
    assert "smartcert/schemas/rulesets/city-2025/indicators.yaml" in names
    assert "smartcert/reports/html/report.html.j2" in names
    assert "smartcert/renewals/data/registry.yaml" in names
