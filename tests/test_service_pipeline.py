"""A service-certification bundle through `smartcert validate`: routed by its content to the
service-2023 rule set, read, checked and scored provisionally under it (seed 003); a city
bundle beside it is unaffected (tests/test_validate_command.py)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from samples.service.manifest import raw
from smartcert.cli import main

ROOT = Path(__file__).resolve().parent.parent
BUNDLES = ROOT / "samples" / "service" / "bundles"
TRUTH = ROOT / "samples" / "service" / "truth"
PLANTED = {b["name"]: b["defects"] for b in raw() if b["defects"]}


@cache
def validated(bundle: str, out: str) -> dict[str, Any]:
    assert main(["validate", str(BUNDLES / bundle), "--out", out]) == 0
    return json.loads((Path(out) / bundle / "findings.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(tmp_path_factory.mktemp("service"))


@pytest.mark.parametrize("bundle", ["service-l1-clean", "service-l2-clean", "service-l3-clean"])
def test_a_clean_bundle_of_each_level_passes_under_its_own_program(bundle: str, out: str) -> None:
    r = validated(bundle, out)
    truth = json.loads((TRUTH / f"{bundle}.json").read_text(encoding="utf-8"))
    assert r["program"] == "service-2023"
    assert r["submission"]["applicant"] == truth["applicant"]["name"]
    assert [f["rule"] for f in r["findings"] if f["severity"] != "info"] == []
    score = r["score"]
    assert score["pass_mark"] == 70 and score["passed"] is True and score["shortfalls"] == []
    assert score["method"] == "service-provisional" and score["grade"] is None
    assert truth["outcome"]["supported"]["pass"] is True


@pytest.mark.parametrize("bundle", ["service-l1-clean", "service-l2-clean", "service-l3-clean",
                                    "service-l1-planted"])
def test_the_provisional_total_is_what_the_documents_support(bundle: str, out: str) -> None:
    # the scorer reads each ladder from the facts the proposal cites; the samples' truth
    # reads them from the facts they were drawn with (same readings: the rule set's)
    truth = json.loads((TRUTH / f"{bundle}.json").read_text(encoding="utf-8"))
    assert validated(bundle, out)["score"]["total"] == truth["total"]["supported"]


def test_every_planted_defect_is_found_at_its_severity(out: str) -> None:
    r = validated("service-l1-planted", out)
    found = {(f["rule"], f["severity"]) for f in r["findings"]}
    lost = [f"{d['id']} {d['rule']}" for d in PLANTED["service-l1-planted"]
            if (d["rule"], d.get("severity", "error")) not in found]
    assert not lost
    errors = {f["rule"] for f in r["findings"] if f["severity"] == "error"}
    planted = {d["rule"] for d in PLANTED["service-l1-planted"]}
    assert errors <= planted, errors - planted  # nothing unexplained


def test_the_service_report_is_written_and_stored(out: str) -> None:
    validated("service-l1-planted", out)
    html = (Path(out) / "service-l1-planted" / "report.html").read_text(encoding="utf-8")
    assert "arithmetic.self-score-over-points" in html
    # the service program's header: its title and the pass verdict, no city grade or areas
    assert "스마트도시서비스 인증 제출 검토 보고서" in html and 'id="score-outcome"' in html
    assert "통과 (70점 이상 통과, 과락 없음)" in html and 'id="score-grade"' not in html
    assert (Path(out) / "service-l1-planted" / "findings.xlsx").is_file()
