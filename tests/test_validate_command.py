"""`smartcert validate` on every sample bundle: findings.json keeps the contract, and every
indicator of the truth is there with the right primary value, unit and source."""

from __future__ import annotations

import json
import math
import shutil
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from smartcert.cli import main

ROOT = Path(__file__).resolve().parent.parent
TRUTHS = sorted((ROOT / "samples" / "truth").glob("*.json"))
CATEGORIES = {"intake", "completeness", "arithmetic", "consistency", "period", "evidence",
              "duplicate", "exclusion", "eligibility"}


@cache
def run(bundle: str, out: str) -> dict[str, Any]:
    assert main(["validate", str(ROOT / "samples" / "bundles" / bundle), "--out", out]) == 0
    return json.loads((Path(out) / bundle / "findings.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def outdir(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("validate"))


@pytest.fixture(params=TRUTHS, ids=lambda p: p.stem)
def truth(request: pytest.FixtureRequest) -> dict[str, Any]:
    return json.loads(request.param.read_text(encoding="utf-8"))


def test_findings_json_has_the_contract_shape(truth: dict[str, Any], outdir: str) -> None:
    r = run(truth["bundle"], outdir)
    assert set(r) >= {"schema_version", "program", "submission", "indicators", "findings", "score"}
    assert r["schema_version"] == 1 and r["program"] == "city-2025"
    assert set(r["submission"]) >= {"id", "applicant", "city_type_claimed", "population",
                                    "selected_areas", "documents"}
    assert r["submission"]["id"].startswith("sub-")
    for d in r["submission"]["documents"]:
        assert set(d) >= {"file", "sha256", "kind", "pages", "status"}
    for i in r["indicators"]:
        assert set(i) >= {"code", "value", "unit", "text", "evidence_pages", "source"}
    for f in r["findings"]:
        assert f["category"] in CATEGORIES and f["rule"].startswith(f["category"] + ".")
        assert f["severity"] in {"error", "warning", "info"} and f["message"]
    score = r["score"]
    assert score["provisional"] is True and score["method"] and "잠정" in score["note"]
    assert score["total"] == score["quantitative"] + score["qualitative"]
    assert score["grade"] in {1, 2, 3, 4, 5}


def test_applicant_facts_are_right(truth: dict[str, Any], outdir: str) -> None:
    s = run(truth["bundle"], outdir)["submission"]
    assert s["applicant"] == truth["applicant"]["name"]
    assert s["city_type_claimed"] == truth["city_type"]
    assert s["population"] == truth["population"]
    assert sorted(s["selected_areas"]) == sorted(truth["selected_areas"])


def _same(a: Any, b: Any) -> bool:
    if isinstance(b, bool) or b is None or isinstance(a, bool) or a is None:
        return a == b
    return math.isclose(float(a), float(b), rel_tol=0, abs_tol=1e-9)


def test_every_truth_indicator_is_extracted_right(truth: dict[str, Any], outdir: str) -> None:
    got = {i["code"]: i for i in run(truth["bundle"], outdir)["indicators"]}
    wrong = []
    for t in truth["indicators"]:
        g = got.get(t["code"])
        if g is None:
            wrong.append((t["code"], "missing"))
            continue
        src = g["source"] or {}
        where_ok = (src.get("file") == t["file"]
                    and (src.get("page") == t.get("page") if "page" in t
                         else (src.get("sheet"), src.get("cell")) == (t["sheet"], t["cell"])))
        if not (_same(g["value"], t["value"]) and g["unit"] == t["unit"] and where_ok):
            wrong.append((t["code"], g["value"], t["value"], g["unit"], t["unit"], src))
    assert not wrong, f"{len(wrong)}/{len(truth['indicators'])} wrong: {wrong[:8]}"


def test_clean_samples_have_no_error_findings(truth: dict[str, Any], outdir: str) -> None:
    errors = [f for f in run(truth["bundle"], outdir)["findings"] if f["severity"] == "error"]
    assert not errors, [f["message"] for f in errors]


def test_a_bundle_without_its_evidence_is_reported(tmp_path: Path) -> None:
    src = ROOT / "samples" / "bundles" / "nuri-hwp"
    bundle = tmp_path / "누리시-근거누락"
    shutil.copytree(src, bundle)
    for p in bundle.glob("4. *"):
        p.unlink()
    assert main(["validate", str(bundle), "--out", str(tmp_path / "out")]) == 0
    r = json.loads((tmp_path / "out" / bundle.name / "findings.json").read_text("utf-8"))
    rules = {f["rule"] for f in r["findings"]}
    assert "completeness.missing-document" in rules
    assert len(r["indicators"]) == 53  # the rest of the bundle is still read


def test_every_missing_document_is_reported_once_each(tmp_path: Path) -> None:
    # the merge once kept one finding per (rule, indicator, locations): two missing documents
    # (no indicator, no location) came out as one
    src = ROOT / "samples" / "bundles" / "nuri-hwp"
    bundle = tmp_path / "누리시-두문서누락"
    shutil.copytree(src, bundle)
    for p in [*bundle.glob("3. *"), *bundle.glob("4. *")]:
        p.unlink()
    assert main(["validate", str(bundle), "--out", str(tmp_path / "out")]) == 0
    r = json.loads((tmp_path / "out" / bundle.name / "findings.json").read_text("utf-8"))
    missing = [f for f in r["findings"] if f["rule"] == "completeness.missing-document"]
    assert len(missing) == 2, [f["message"] for f in missing]
    said = " ".join(f["message"] for f in missing)
    assert "자체평가표" in said and "근거자료" in said
