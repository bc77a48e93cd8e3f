"""Finding and lineage identities (store/identity.py): what keeps a key, what changes it."""

from __future__ import annotations

import pytest

from smartcert.core.findings import Finding, Location
from smartcert.store.identity import finding_key, finding_keys, lineage_key

LINEAGE = "applicant:솔내군"


def _finding(**over: object) -> Finding:
    base: dict[str, object] = {
        "rule": "period.item-outside-window", "category": "period", "severity": "error",
        "indicator": "A-1-2", "message": "표창이 신고 기간 밖입니다", "claimed": "2022.11.03",
        "expected": "2023-01-01..2024-12-31",
        "locations": [Location(file="제안서.pdf", page=7, bbox=(60.1, 300.0, 540.0, 318.2))],
    }
    return Finding.model_validate({**base, **over})


KEY = finding_key(LINEAGE, "city-2025", _finding())


@pytest.mark.parametrize("change", [
    {"message": "표창 일자가 기간을 벗어났습니다"},
    {"expected": "2023-01..2024-12"},
    {"severity": "warning"},
    {"locations": [Location(file="제안서.pdf", page=7, bbox=(61.0, 301.2, 539.0, 318.0))]},
    {"locations": [Location(file="제안서.pdf", page=7)]},
    {"claimed": "2022. 11. 03"},  # spacing as extracted is not part of the claim
    {"locations": [Location(file="제안서.pdf", page=7), Location(file="제안서.pdf", page=7)]},
])
def test_key_ignores_wording_geometry_and_grading(change: dict[str, object]) -> None:
    assert finding_key(LINEAGE, "city-2025", _finding(**change)) == KEY


@pytest.mark.parametrize("change", [
    {"rule": "period.span-too-long"},
    {"indicator": "A-1-3"},
    {"claimed": "2022.11.04"},
    {"claimed": None},
    {"locations": [Location(file="제안서.pdf", page=8)]},
    {"locations": [Location(file="근거자료.pdf", page=7)]},
    {"locations": []},
])
def test_key_changes_with_what_the_finding_is(change: dict[str, object]) -> None:
    assert finding_key(LINEAGE, "city-2025", _finding(**change)) != KEY


def test_key_depends_on_lineage_and_program() -> None:
    assert finding_key("applicant:누리시", "city-2025", _finding()) != KEY
    assert finding_key(LINEAGE, "city-2023", _finding()) != KEY


def test_keys_of_a_report_are_distinct_and_order_independent() -> None:
    a = _finding(locations=[Location(file="제안서.pdf", page=7, bbox=(1, 1, 2, 2))])
    b = _finding(locations=[Location(file="제안서.pdf", page=7, bbox=(1, 5, 2, 6))])
    c = _finding(indicator="B-1-1")
    keys = finding_keys(LINEAGE, "city-2025", [a, b, c])
    assert len(set(keys)) == 3
    assert keys[0] == KEY  # the first of twins keeps the plain key
    assert finding_keys(LINEAGE, "city-2025", [c, b, a]) == keys[::-1]


def test_lineage_prefers_applicant_then_source_then_content() -> None:
    assert lineage_key("누리 시", "nuri-hwp", "sub-1") == lineage_key("누리시", None, "sub-2")
    assert lineage_key("누리시", None, "sub-1") == "applicant:누리시"
    assert lineage_key(None, "pureun-scan.zip", "sub-1") == lineage_key(None, "pureun-scan", "x")
    assert lineage_key(None, "pureun-scan", "sub-1") == "source:pureun-scan"
    assert lineage_key("", " ", "sub-1") == "content:sub-1"
    # a folder named like a city is not that city
    assert lineage_key(None, "누리시", "sub-1") != lineage_key("누리시", None, "sub-1")
