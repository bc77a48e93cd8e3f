"""Each completeness rule fires on a hand-built submission with the defect and stays silent
on the same submission without it.

Fires/silent are asserted through the `rule_probe` fixture, which records them: the final
'rule coverage' test fails for a registered rule not shown both ways (tests/rule_coverage.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from smartcert.core.findings import Location
from smartcert.schemas.catalogue import load_ruleset
from smartcert.schemas.claims import (
    Document,
    DocumentKind,
    IndicatorClaim,
    Submission,
    parse_evidence_pages,
)
from smartcert.validators.rule import CheckContext
from smartcert.validators.run import run_rules
from tests.rule_coverage import RuleProbe

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


def test_clean_submission_has_no_completeness_findings() -> None:
    assert run_rules(clean(), ctx()) == []


def test_missing_document(rule_probe: RuleProbe) -> None:
    sub = clean()
    sub.documents = [d for d in sub.documents if d.kind is not DocumentKind.EVIDENCE]
    (f,) = rule_probe.fires("completeness.missing-document", sub, ctx())
    assert "근거자료" in f.message and f.severity == "error"
    # the kind counts, not the file name: evidence under another name is there
    sub.documents.append(Document(file="별첨 증빙 모음.pdf", sha256="1" * 64,
                                  kind=DocumentKind.EVIDENCE))
    rule_probe.silent("completeness.missing-document", sub, ctx())


def test_missing_indicator_points_at_the_summary(rule_probe: RuleProbe) -> None:
    sub = clean()
    sub.indicators = [c for c in sub.indicators if c.code != "A-2-3"]
    (f,) = rule_probe.fires("completeness.missing-indicator", sub, ctx())
    assert f.indicator == "A-2-3" and f.locations == [SUMMARY]
    assert "리빙랩" in f.message


def test_missing_summary_is_one_finding_not_fifty(rule_probe: RuleProbe) -> None:
    sub = clean()
    sub.indicators = []
    assert len(rule_probe.fires("completeness.missing-summary", sub, ctx())) == 1
    rule_probe.silent("completeness.missing-indicator", sub, ctx())


def test_missing_summary_needs_the_proposal_and_no_rows(rule_probe: RuleProbe) -> None:
    rule_probe.silent("completeness.missing-summary", clean(), ctx())
    sub = clean()
    sub.indicators = []
    sub.documents = [d for d in sub.documents
                     if d.kind is not DocumentKind.QUANTITATIVE_PROPOSAL]
    # no proposal at all is completeness.missing-document's finding, not a missing summary
    rule_probe.silent("completeness.missing-summary", sub, ctx())


def test_unknown_row_is_kept_and_reported(rule_probe: RuleProbe) -> None:
    sub = clean()
    rule_probe.silent("completeness.unknown-row", sub, ctx())  # every code is in the catalogue
    sub.indicators.append(IndicatorClaim(code="A-9-9", name_as_printed="스마트 가로등 설치 수",
                                         text="12개", source=SUMMARY))
    (f,) = rule_probe.fires("completeness.unknown-row", sub, ctx())
    assert f.severity == "warning" and "A-9-9" in f.message


@pytest.mark.parametrize("text", ["", "00건"])
def test_empty_or_template_value(text: str, rule_probe: RuleProbe) -> None:
    sub = clean()
    claim = next(c for c in sub.indicators if c.code == "A-1-2")
    claim.text, claim.value = text, None
    (f,) = rule_probe.fires("completeness.empty-value", sub, ctx())
    assert f.indicator == "A-1-2" and f.locations == [claim.source]


def test_free_text_row_needs_text_but_no_number(rule_probe: RuleProbe) -> None:
    sub = clean()
    rule_probe.silent("completeness.empty-value", sub, ctx())  # C-x 자체 설정 지표 hold prose
    claim = next(c for c in sub.indicators if c.code == "C-1-8")
    claim.text = ""
    found = rule_probe.fires("completeness.empty-value", sub, ctx())
    assert [f.indicator for f in found] == ["C-1-8"]


def test_empty_evidence_pages_but_not_for_an_x(rule_probe: RuleProbe) -> None:
    sub = clean()
    claim = next(c for c in sub.indicators if c.code == "B-2-2")
    claim.evidence_pages = parse_evidence_pages("")
    found = rule_probe.fires("completeness.empty-evidence-pages", sub, ctx())
    assert [f.indicator for f in found] == ["B-2-2"]
    claim.value, claim.text = False, "X"  # not achieved: nothing to prove
    rule_probe.silent("completeness.empty-evidence-pages", sub, ctx())


def test_selected_area_without_its_indicators(rule_probe: RuleProbe) -> None:
    sub = clean()
    edu = {i.code for i in RS.indicators if i.area == RS.area("교육").id}
    sub.indicators = [c for c in sub.indicators if c.code not in edu]
    (f,) = rule_probe.fires("completeness.area-without-indicators", sub, ctx())
    assert "교육" in f.message
    # one row of the area is enough (the others are completeness.missing-indicator's)
    sub.indicators.append(next(c for c in clean().indicators if c.code in edu))
    rule_probe.silent("completeness.area-without-indicators", sub, ctx())


def test_missing_applicant_fact_names_each_fact(rule_probe: RuleProbe) -> None:
    sub = clean()
    rule_probe.silent("completeness.missing-applicant-fact", sub, ctx())  # all four read
    sub.city_type_claimed, sub.population = None, None
    found = rule_probe.fires("completeness.missing-applicant-fact", sub, ctx())
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
