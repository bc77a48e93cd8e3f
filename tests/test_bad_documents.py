"""The bad-input catalogue: documents that break the libraries, each through every entry
point (the `extract` and `validate` commands, the batch flow's extract step). Each ends as a
finding on its own document, the rest of the bundle goes through, nothing crashes."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from smartcert.cli import main
from smartcert.extractors.api import extract_file
from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.models import DocumentStatus
from tests.builders.bad_pdf import cyclic_page_tree, lying_page_count

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "samples" / "bundles" / "chorong-word"

BAD: dict[str, Callable[[Path], Path]] = {
    "cyclic-page-tree": cyclic_page_tree,
    "lying-page-count": lying_page_count,
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_extract_file_makes_a_finding(kind: str, tmp_path: Path) -> None:
    doc = extract_file(BAD[kind](tmp_path / f"{kind}.pdf"), ExtractSettings(ocr=False))
    assert doc.status is DocumentStatus.FAILED
    (f,) = doc.findings
    assert f.rule == "intake.extractor-failed" and f.locations[0].file == f"{kind}.pdf"


@pytest.mark.parametrize("kind", sorted(BAD))
def test_the_extract_command_writes_the_record(kind: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    src = BAD[kind](tmp_path / f"{kind}.pdf")
    assert main(["extract", str(src), "--out", str(tmp_path / "out"), "--no-ocr"]) == 0
    record = json.loads((tmp_path / "out" / f"{kind}.pdf.extract.json").read_text("utf-8"))
    assert record["status"] == "failed"
    assert "Traceback" not in capsys.readouterr().err  # the operator's log has it, not the screen


def test_validate_goes_through_the_rest_of_the_bundle(tmp_path: Path) -> None:
    bundle = tmp_path / "chorong-word"
    shutil.copytree(BUNDLE, bundle)
    for kind, make in BAD.items():
        make(bundle / f"붙임_{kind}.pdf")
    assert main(["validate", str(bundle), "--out", str(tmp_path / "out"), "--no-ocr"]) == 0
    report = json.loads((tmp_path / "out" / "chorong-word" / "findings.json").read_text("utf-8"))
    failed = sorted(f["locations"][0]["file"] for f in report["findings"]
                    if f["rule"] == "intake.extractor-failed")
    assert failed == sorted(f"붙임_{k}.pdf" for k in BAD)
    assert len(report["indicators"]) == 53  # the bundle's own documents were all read
