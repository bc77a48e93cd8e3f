"""Each completeness rule fires on a hand-built submission with the defect and stays silent
on the same submission without it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from schemas.catalogue import load_ruleset
from schemas.claims import Document, DocumentKind, IndicatorClaim, Submission, parse_evidence_pages
from schemas.findings import Location
from validators.registry import RULES, rule_by_id
from validators.rule import CheckContext
from validators.run import run_rules

RS = load_ruleset("city-2025")
SUMMARY = Location(file="2. 정량지표 평가제안서.pdf", page=3)
AREAS = ["행정", "교육", "환경에너지"]


def _claim(code: str) -> IndicatorClaim:
    ind = RS.indicator(code)
    kind = ind.value_rule.kind if ind.value_rule else "free_text"
    value, text = {
        "free_text": (None, "스마트 가로등 설치율 45%"),
        "bool": (True, "O"),
    }.get(kind, (Decimal(3), "3건"))
    return IndicatorClaim(code=code, value=value, text=text,
                          evidence_pages=parse_evidence_pages("12-15"),
                          source=Location(file=SUMMARY.file, page=3))


def clean() -> Submission:
    docs = [Document(file=f, sha256="0" * 64, kind=k) for f, k in [
        ("1. 공모신청서.pdf", DocumentKind.APPLICATION),
        ("2. 정량지표 평가제안서.pdf", DocumentKind.QUANTITATIVE_PROPOSAL),
        ("3. 정성지표 자체평가표.pdf", DocumentKind.QUALITATIVE_SELF_ASSESSMENT),
        ("4. 근거자료.pdf", DocumentKind.EVIDENCE)]]
    claims = [_claim(i.code) for i in RS.indicators_for(AREAS)]
    return Submission(id="sub-test", applicant="누리시", city_type_claimed="중소도시",
                      population=412345, selected_areas=AREAS, documents=docs,
                      indicators=claims)


def ctx() -> CheckContext:
    return CheckContext(ruleset=RS, summary_location=SUMMARY)


def fired(rule_id: str, sub: Submission) -> list:
    return list(rule_by_id(rule_id)().check(sub, ctx()))


def test_clean_submission_has_no_completeness_findings() -> None:
    assert run_rules(clean(), ctx()) == []


def test_missing_document() -> None:
    sub = clean()
    sub.documents = [d for d in sub.documents if d.kind is not DocumentKind.EVIDENCE]
    (f,) = fired("completeness.missing-document", sub)
    assert "근거자료" in f.message and f.severity == "error"


def test_missing_indicator_points_at_the_summary() -> None:
    sub = clean()
    sub.indicators = [c for c in sub.indicators if c.code != "A-2-3"]
    (f,) = fired("completeness.missing-indicator", sub)
    assert f.indicator == "A-2-3" and f.locations == [SUMMARY]
    assert "리빙랩" in f.message


def test_missing_summary_is_one_finding_not_fifty() -> None:
    sub = clean()
    sub.indicators = []
    assert len(fired("completeness.missing-summary", sub)) == 1
    assert fired("completeness.missing-indicator", sub) == []


def test_unknown_row_is_kept_and_reported() -> None:
    sub = clean()
    sub.indicators.append(IndicatorClaim(code="A-9-9", name_as_printed="스마트 가로등 설치 수",
                                         text="12개", source=SUMMARY))
    (f,) = fired("completeness.unknown-row", sub)
    assert f.severity == "warning" and "A-9-9" in f.message


@pytest.mark.parametrize("text", ["", "00건"])
def test_empty_or_template_value(text: str) -> None:
    sub = clean()
    claim = next(c for c in sub.indicators if c.code == "A-1-2")
    claim.text, claim.value = text, None
    (f,) = fired("completeness.empty-value", sub)
    assert f.indicator == "A-1-2" and f.locations == [claim.source]


def test_free_text_row_needs_text_but_no_number() -> None:
    sub = clean()
    assert fired("completeness.empty-value", sub) == []  # C-x 자체 설정 지표 hold prose
    claim = next(c for c in sub.indicators if c.code == "C-1-8")
    claim.text = ""
    assert [f.indicator for f in fired("completeness.empty-value", sub)] == ["C-1-8"]


def test_empty_evidence_pages_but_not_for_an_x() -> None:
    sub = clean()
    claim = next(c for c in sub.indicators if c.code == "B-2-2")
    claim.evidence_pages = parse_evidence_pages("")
    assert [f.indicator for f in fired("completeness.empty-evidence-pages", sub)] == ["B-2-2"]
    claim.value, claim.text = False, "X"  # not achieved: nothing to prove
    assert fired("completeness.empty-evidence-pages", sub) == []


def test_selected_area_without_its_indicators() -> None:
    sub = clean()
    edu = {i.code for i in RS.indicators if i.area == RS.area("교육").id}
    sub.indicators = [c for c in sub.indicators if c.code not in edu]
    (f,) = fired("completeness.area-without-indicators", sub)
    assert "교육" in f.message


def test_every_rule_is_tested_here() -> None:
    text = Path(__file__).read_text(encoding="utf-8")
    assert all(r.spec.id in text for r in RULES if r.spec.id.startswith("completeness."))


def test_missing_applicant_fact_names_each_fact() -> None:
    sub = clean()
    sub.city_type_claimed, sub.population = None, None
    found = fired("completeness.missing-applicant-fact", sub)
    assert len(found) == 2
    assert any("대도시/중소도시" in f.message for f in found)
    assert all(f.locations[0].file.startswith(("1.", "2.")) for f in found)


def test_every_registered_rule_tolerates_an_unknown_row() -> None:
    """Unknown rows are kept as claims; no rule may stop the run on them."""
    sub = clean()
    sub.indicators += [
        IndicatorClaim(code="D-9-9", name_as_printed="스마트 반려동물 돌봄 서비스 수",
                       value=Decimal(3), text="3개", source=SUMMARY),
        IndicatorClaim(code="?", name_as_printed="드론 배송 시범 운영 실적", text="12건",
                       source=SUMMARY),
    ]
    found = run_rules(sub, ctx())
    assert sorted(f.claimed for f in found if f.rule == "completeness.unknown-row") == [
        "? 드론 배송 시범 운영 실적", "D-9-9 스마트 반려동물 돌봄 서비스 수"]
