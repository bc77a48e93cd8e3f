"""SERVICE-certification samples (samples/service, the 2023 서비스 인증 call, seed 003):
the painter's bundles regenerate byte-identically (LibreOffice's are checked in
tests/test_service_variants.py), every truth file's self-scores add up for its level,
clean bundles are consistent and pass, the planted defects use the findings contract's
categories, and the PDFs carry the labels of the call's forms."""

from __future__ import annotations

import filecmp
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import fitz
import pytest

from samples.service.bundle import build
from samples.service.catalogue import BY_S, GROUPS, PASS_TOTAL, items_for
from samples.service.manifest import BUNDLES, CATEGORIES, TRUTH, load, raw
from smartcert.validators.service_registry import SERVICE_RULES

ENTRIES = raw()
NAMES = [e["name"] for e in ENTRIES]
CLEAN = [e["name"] for e in ENTRIES if not e["defects"]]
PLANTED = [e["name"] for e in ENTRIES if e["defects"]]
PAINTER = [e["name"] for e in ENTRIES if e["producer"] == "painter"]
# printed labels of each form (spaces removed: the Hancom-style PDFs draw words apart)
LABELS = {
    "application": [
        "[별지제3호서식]", "스마트도시서비스인증신청서", "신청기관", "사업자(법인)등록번호",
        "서비스명칭", "신청분야", "신청서비스수준", "인증실적", "운영기관의장귀하", "(인)",
        "신청인제출서류", "처리절차",
    ],
    "proposal": [
        "스마트도시서비스인증평가제안서", "기관유형", "인증분야", "작성책임자", "서비스개요",
        "제출한제반서류의내용이사실과다름이없음을확인하며", "Ⅱ.평가항목별내용", "자체평가산출근거",
    ],
    "self_assessment": [
        "스마트서비스인증자체평가표", "1.스마트도시부합성(30점)", "평가항목중택1", "3.운영(20점)",
        "평가항목및배점", "평가결과판정", "자체평가점수", "과락", "합계",
    ],
    "evidence": ["근거자료", "근거자료조견표", "제출서류(지침)"],
    "joint_confirmation": ["[별지제5호서식]", "공동참여기관확인서", "대표신청인", "공동신청인"],
    "privacy_consent": [
        "[붙임1]", "신청자개인정보수집및이용동의서", "개인정보보호법제15조제1항,제3항",
        "한국건설기술연구원장귀하",
    ],
}  # fmt: skip


@cache
def truth(name: str) -> dict[str, Any]:
    return json.loads((TRUTH / f"{name}.json").read_text(encoding="utf-8"))


def defects(name: str) -> list[dict[str, Any]]:
    return next(e["defects"] for e in ENTRIES if e["name"] == name)


@cache
def page_text(name: str, file: str, page: int) -> str:
    with fitz.open(BUNDLES / name / file) as doc:
        return re.sub(r"\s+", "", doc[page - 1].get_text())


def doc_text(name: str, file: str) -> str:
    with fitz.open(BUNDLES / name / file) as doc:
        return re.sub(r"\s+", "", "".join(p.get_text() for p in doc))


def subs(t: dict[str, Any], group: str | None = None) -> list[dict[str, Any]]:
    return [s for i in t["items"] if group in (None, i["group"]) for s in i["sub_items"]]


def test_regenerates_byte_identically(tmp_path: Path) -> None:
    for b in load():
        if b.producer == "painter":
            build(b, tmp_path / "bundles", tmp_path / "truth")
    assert sorted(p.name for p in BUNDLES.iterdir() if p.is_dir()) == sorted(NAMES)
    for name in PAINTER:
        committed, fresh = BUNDLES / name, tmp_path / "bundles" / name
        files = sorted(p.name for p in committed.iterdir())
        assert files == sorted(p.name for p in fresh.iterdir()), name
        for f in files:
            assert filecmp.cmp(committed / f, fresh / f, shallow=False), f"{name}/{f} differs"
        assert (TRUTH / f"{name}.json").read_bytes() == (
            tmp_path / "truth" / f"{name}.json"
        ).read_bytes()


@pytest.mark.parametrize("name", NAMES)
def test_self_scores_add_up_per_level(name: str) -> None:
    t = truth(name)
    rules = {d["rule"] for d in defects(name)}
    level = t["service"]["level"]
    assert t["program"] == "service-2023"
    assert [i["code"] for i in t["items"]] == [it.s for it in items_for(level)]
    for i in t["items"]:
        assert i["self_score"] == sum(s["self_score"] for s in i["sub_items"])
        assert i["points"] == BY_S[i["code"]].points
    for g, (_, points, cutoff) in GROUPS.items():
        rows = subs(t, g)
        sub = t["subtotals"][g]
        assert sum(s["points"] for s in rows) == sub["points"] == points
        assert sub["self_rows"] == sum(s["self_score"] for s in rows)
        assert sub["supported"] == sum(s["supported"] for s in rows)
        assert sub["cutoff"] == cutoff
        # a printed 계 differs from its rows only where the manifest plants it
        if sub["printed"] != sub["self_rows"]:
            assert "arithmetic.self-score-sum" in rules, (name, g)
    total = t["total"]
    assert total["printed"] == sum(v["printed"] for v in t["subtotals"].values())
    assert total["self_rows"] == sum(s["self_score"] for s in subs(t))
    over = [s["code"] for s in subs(t) if s["self_score"] > s["points"]]
    assert bool(over) == ("arithmetic.self-score-over-points" in rules)
    assert all(s["supported"] <= s["points"] for s in subs(t))


@pytest.mark.parametrize("name", CLEAN)
def test_clean_bundles_are_consistent_and_pass(name: str) -> None:
    t = truth(name)
    assert not t["planted"]
    assert all(s["self_score"] == s["supported"] for s in subs(t))
    for g, v in t["subtotals"].items():
        assert v["printed"] == v["self_rows"] == v["supported"] >= v["cutoff"], g
    assert t["total"]["printed"] >= PASS_TOTAL
    for side in ("self", "supported"):
        assert t["outcome"][side]["pass"] and not t["outcome"][side]["cutoff_failed"]
    assert all(s["within_3_years"] and s["sample_ok"] for s in t["surveys"])
    assert all(c["valid_at_deadline"] for c in t["certificates"])
    kinds = {d["kind"] for d in t["documents"]}
    assert {"application", "proposal", "self_assessment", "evidence", "privacy_consent"} <= kinds
    assert ("joint_confirmation" in kinds) == bool(t["joint_applicants"])


def test_the_three_clean_bundles_cover_the_call() -> None:
    got = {
        (truth(n)["service"]["level"], truth(n)["service"]["field"], truth(n)["applicant"]["kind"])
        for n in CLEAN
    }
    assert got == {
        ("L1", "교통", "company"),
        ("L2", "환경·에너지", "local_government"),
        ("L3", "교통", "public_institution"),
    }
    assert truth("service-l2-clean")["joint_applicants"][0]["kind"] == "company"


def test_planted_defects_use_the_fixed_categories() -> None:
    ids = [d["id"] for e in ENTRIES for d in e["defects"]]
    assert len(ids) == len(set(ids))
    for e in ENTRIES:
        for d in e["defects"]:
            assert d["category"] in CATEGORIES, d["id"]
            assert d["rule"].split(".")[0] == d["category"], d["id"]
    # each names a service rule that exists (tests/test_service_pipeline.py: each is found)
    known = {r.spec.id for r in SERVICE_RULES}
    assert not [d["rule"] for name in PLANTED for d in defects(name) if d["rule"] not in known]


@pytest.mark.parametrize("name", PLANTED)
def test_planted_defects_show_in_the_truth(name: str) -> None:
    t = truth(name)
    by_code = {s["code"]: s for s in subs(t)}
    assert t["planted"] == [d["id"] for d in defects(name)]
    for d in defects(name):
        if d["sub"]:  # the applicant's score stays; the documents support less
            s = by_code[d["sub"]]
            assert s["self_score"] > s["supported"], d["id"]
    survey = {s["item"]: s for s in t["surveys"]}
    assert not survey["S-111"]["within_3_years"] and survey["S-111"]["sample_ok"]
    assert survey["S-112"]["within_3_years"] and not survey["S-112"]["sample_ok"]
    assert survey["S-112"]["n"] < 385
    assert not t["certificates"][0]["valid_at_deadline"]
    assert "privacy_consent" not in {d["kind"] for d in t["documents"]}
    assert not any("동의서" in p.name for p in (BUNDLES / name).iterdir())


@pytest.mark.parametrize("name", NAMES)
def test_pdfs_carry_the_form_labels(name: str) -> None:
    t = truth(name)
    assert sorted(d["file"] for d in t["documents"]) == sorted(
        p.name for p in (BUNDLES / name).iterdir()
    )
    for d in t["documents"]:
        text = doc_text(name, d["file"])
        missing = [lab for lab in LABELS[d["kind"]] if lab not in text]
        assert not missing, (d["file"], missing)
        if d["kind"] in ("proposal", "evidence"):
            assert all(i["code"] in text for i in t["items"]), d["file"]
    checked = truth(name)["service"]["field"]
    app = next(d["file"] for d in t["documents"] if d["kind"] == "application")
    form_field = {"교통": "교통", "환경·에너지": "환경·에너지·수자원"}[checked]
    assert f"[√]{form_field}" in doc_text(name, app)


@pytest.mark.parametrize("name", NAMES)
def test_truth_pages_hold_what_they_say(name: str) -> None:
    t = truth(name)
    for f in t["facts"]:
        assert f["printed"], f["name"]
        for loc in f["printed"]:
            assert re.sub(r"\s+", "", f["text"]) in page_text(name, loc["file"], loc["page"]), (
                f["name"],
                loc,
            )
    sa = next(d["file"] for d in t["documents"] if d["kind"] == "self_assessment")
    verdict = page_text(name, sa, t["total"]["self_assessment_page"])
    assert "평가결과판정" in verdict and f"{t['total']['printed']:g}" in verdict
    a = t["applicant"]
    assert a["name"] in page_text(name, a["file"], a["page"])
    for i in t["items"]:
        ev = next(d["file"] for d in t["documents"] if d["kind"] == "evidence")
        for e in i["evidence"]:
            assert f"[{i['code']}]" in page_text(name, ev, e["pages"][0]), (i["code"], e)
