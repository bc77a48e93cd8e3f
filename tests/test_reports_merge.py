"""The merge of the pipeline's finding groups: the same finding said twice is read once;
findings that differ in what they say are all kept, and each keeps its own verdict key."""

from __future__ import annotations

from smartcert.core.findings import Category, Finding, Location, Severity
from smartcert.reports.merge import merge_findings
from smartcert.store.identity import finding_keys

APP = Location(file="1. 공모신청서_누리시.pdf", page=1)


def fact(name: str) -> Finding:
    return Finding(rule="completeness.missing-applicant-fact", category=Category.COMPLETENESS,
                   severity=Severity.ERROR, message=f"신청서에서 '{name}'을(를) 찾지 못했습니다",
                   expected=name, locations=[APP])


def test_findings_that_say_different_things_are_all_kept() -> None:
    merged = merge_findings([fact("인구수"), fact("선택 분야")])
    assert [f.expected for f in merged] == ["인구수", "선택 분야"]


def test_the_same_finding_from_two_steps_is_kept_once() -> None:
    empty = Finding(rule="intake.empty-file", category=Category.INTAKE, severity=Severity.ERROR,
                    message="빈 파일입니다: 4. 근거자료.pdf",
                    locations=[Location(file="4. 근거자료.pdf")])
    assert merge_findings([empty], [empty.model_copy()], [fact("인구수")]) == [empty, fact("인구수")]


def test_kept_findings_get_distinct_stable_verdict_keys() -> None:
    merged = merge_findings([fact("인구수"), fact("선택 분야")])
    keys = finding_keys("applicant:누리시", "city-2025", merged)
    assert len(set(keys)) == 2
    # the order a run lists them in does not change which key each one gets
    again = finding_keys("applicant:누리시", "city-2025", list(reversed(merged)))
    assert dict(zip(keys, merged, strict=True)) == dict(zip(reversed(again), merged, strict=True))
