"""Renewals: the registry against the seeds' own list, due selection, rule-set choice."""

from __future__ import annotations

import copy
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
import yaml

from smartcert.renewals import (
    Kind,
    Purpose,
    RegistryError,
    Review,
    due_for_revalidation,
    expired_without_renewal,
    load_registry,
    ruleset_for,
)
from smartcert.renewals.policy import (
    CURRENT_SOURCES,
    SIMPLIFIED_SOURCES,
    VALIDITY_SOURCE,
    scorability,
)
from smartcert.renewals.registry import REGISTRY_FILE, parse_registry
from smartcert.schemas.catalogue import CatalogueError, load_ruleset
from tests.shared_paths import SEEDS, require

ROOT = Path(__file__).resolve().parents[1]
BRIEF = "000_b49b5e264b10d91f.txt"

# Seed 000, lines 217–251 (표 1 스마트도시 인증 현황), verbatim but for trailing spaces; the
# copy lets the count tests run where the seeds are absent, and test_excerpt_is_the_seed
# keeps it honest where they are present.
TABLE_FIRST_LINE = 217
TABLE = """\
구분 인증 지자체

2021년(8곳)
대도시(5곳) 서울특별시, 대전광역시, 대구광역시, 경기 부천시, 경기 안양시

중소도시(3곳) 서울 강남구, 서울 구로구, 서울 성동구

2022년(9곳)
대도시(4곳) 인천광역시, 경기 수원시, 경기 시흥시, 경남 김해시

중소도시(5곳) 강원 강릉시, 경기 오산시, 서울 강동구, 서울 서초구, 대구 달서구

2023년

신규인증(7곳)
대도시(3곳) 서울특별시(등급 상향), 울산광역시, 경기 성남시

중소도시(4곳) 서울 관악구, 서울 송파구, 서울 종로구, 대구 수성구

재인증(7곳)
대도시(4곳) 대전광역시, 대구광역시, 경기 부천시, 경기 안양시

중소도시(3곳) 서울 강남구, 서울 구로구, 서울 성동구

2024년

추가인증(4곳)
대도시(1곳) 경기 고양시

중소도시(3곳) 세종특별자치시, 경기 의정부시, 서울 동대문구

재인증(7곳)
대도시(2곳) 인천광역시, 경남 김해시

중소도시(5곳) 강원 강릉시, 경기 오산시, 서울 강동구, 서울 서초구, 대구 달서구"""


def _seed_lines(name: str) -> list[str]:
    return require(SEEDS / name).read_text(encoding="utf-8").splitlines()


def parse_table(text: str) -> list[tuple[int, str, str, str, int]]:
    """(year, kind, applicant type, municipality, line) from the table's own words; every
    printed '(N곳)' count is checked against the names that follow it."""
    rows: list[tuple[int, str, str, str, int]] = []
    year, kind, heading_count = 0, "first", None
    per_heading: Counter[tuple[int, str]] = Counter()
    for offset, raw in enumerate(text.splitlines()):
        line = raw.strip()
        if m := re.fullmatch(r"(\d{4})년(?:\((\d+)곳\))?", line):
            year, kind = int(m[1]), "first"
            heading_count = int(m[2]) if m[2] else None
            if heading_count is not None:
                per_heading[(year, kind)] = 0
        elif m := re.fullmatch(r"(신규인증|추가인증|재인증)\((\d+)곳\)", line):
            kind = "renewal" if m[1] == "재인증" else "first"
            heading_count = int(m[2])
        elif m := re.fullmatch(r"(대도시|중소도시)\((\d+)곳\) (.+)", line):
            names = [n.strip() for n in m[3].split(",")]
            assert len(names) == int(m[2]), line
            for name in names:
                k = kind
                if (up := re.fullmatch(r"(.+)\(등급 상향\)", name)) is not None:
                    name, k = up[1], "upgrade"
                rows.append((year, k, m[1], name, TABLE_FIRST_LINE + offset))
            per_heading[(year, kind)] += len(names)
            if heading_count is not None and per_heading[(year, kind)] > heading_count:
                raise AssertionError(f"more names than '({heading_count}곳)' in {year} {kind}")
    return rows


SEED_ROWS = parse_table(TABLE)


@pytest.fixture(scope="module")
def reg():
    return load_registry()


def test_excerpt_is_the_seed():
    lines = _seed_lines(BRIEF)
    start = TABLE_FIRST_LINE - 1
    seed = [x.rstrip() for x in lines[start:start + len(TABLE.splitlines())]]
    assert seed == TABLE.splitlines()


def test_rows_per_year_match_the_seed_table(reg):
    counts = Counter(c.year for c in reg.certifications)
    assert counts == Counter(r[0] for r in SEED_ROWS)
    assert counts == {2021: 8, 2022: 9, 2023: 14, 2024: 11}


def test_every_seed_row_is_in_the_registry_and_nothing_else(reg):
    ours = {(c.year, c.kind.value, c.applicant_type, c.municipality) for c in reg.certifications}
    assert ours == {r[:4] for r in SEED_ROWS}
    assert len(reg.certifications) == len(SEED_ROWS) == 42


def test_rows_cite_the_line_that_lists_them(reg):
    line_of = {(r[0], r[3]): r[4] for r in SEED_ROWS}
    for c in reg.certifications:
        brief = [s for s in c.sources if s.seed == BRIEF]
        assert [s.line for s in brief] == [line_of[(c.year, c.municipality)]], c.id


def test_every_quote_is_printed_where_cited(reg):
    refs = [s for c in reg.certifications for s in c.sources]
    refs += [*reg.validity.sources, *(t.source for t in reg.totals)]
    refs += [VALIDITY_SOURCE, *SIMPLIFIED_SOURCES, *CURRENT_SOURCES]
    for ref in refs:
        lines = _seed_lines(ref.seed)
        text = " ".join(x.strip() for x in lines[ref.line - 1:(ref.end_line or ref.line)])
        assert ref.quote in re.sub(r"\s+", " ", text), ref.cite()


def test_2022_rows_are_also_in_the_press_release(reg):
    for c in reg.by_year()[2022]:
        assert [s.line for s in c.sources if s.seed.startswith("004_")] == [15, 2], c.id


def test_the_seed_totals_hold_with_the_upgrade_counted_as_a_renewal(reg):
    totals = {t.what: t.value for t in reg.totals}
    distinct = {c.municipality for c in reg.certifications}
    assert len(distinct) == totals["distinct certified municipalities 2021–2024"] == 27
    renewed = [c for c in reg.certifications if c.kind is not Kind.FIRST]
    assert Counter(c.kind for c in renewed) == {Kind.RENEWAL: 14, Kind.UPGRADE: 1}
    assert len(renewed) == totals["re-certifications 2023–2024"] == 15


def test_renewal_history_two_years_apart(reg):
    for c in reg.certifications:
        if c.kind is Kind.FIRST:
            assert c.previous is None
            continue
        prev = reg.get(c.previous)
        assert prev is not None and prev.municipality == c.municipality
        assert c.year - prev.year == reg.validity.years == 2
    assert [x.id for x in reg.chain(reg.get("2024:인천광역시"))] == [
        "2022:인천광역시", "2024:인천광역시"]


def test_unpublished_facts_stay_null(reg):
    for c in reg.certifications:
        assert c.grade is None and c.certified_on is None and c.valid_until is None, c.id
        assert (c.announced_on == date(2022, 9, 29)) == (c.year == 2022)
        assert c.ruleset == f"city-{c.year}"


def test_expiry_is_the_year_two_years_on(reg):
    w = reg.expiry(reg.get("2021:서울특별시"))
    assert (w.earliest, w.latest, w.basis) == (date(2023, 1, 1), date(2023, 12, 31), "year")


def _raw() -> dict:
    return yaml.safe_load(REGISTRY_FILE.read_text(encoding="utf-8"))


def test_loader_lists_every_problem():
    data = copy.deepcopy(_raw())
    rows = data["certifications"]
    rows.append(copy.deepcopy(rows[0]))  # duplicate id
    rows[1].update(certified_on=date(2021, 9, 1), valid_until=date(2021, 8, 1))
    rows[2]["grade"] = 5
    rows[3]["applicant_type"] = "광역도시"
    rows[4].update(kind="renewal")  # a renewal without previous
    rows[5]["previous"] = "2019:없는시"
    rows[6]["sources"][0]["seed"] = "999_unknown.txt"
    with pytest.raises(RegistryError) as e:
        parse_registry(data)
    text = "\n".join(e.value.problems)
    for words in ("duplicate id '2021:서울특별시'", "valid_until 2021-08-01 is not after",
                  "unknown grade 5", "unknown applicant type '광역도시'",
                  "a renewal needs the certification it follows",
                  "previous '2019:없는시' is not in the registry", "not declared in `seeds`"):
        assert words in text
    assert len(e.value.problems) >= 7


def test_loader_reports_bad_rows_without_stopping():
    data = copy.deepcopy(_raw())
    data["certifications"][0]["year"] = "이천이십일"
    data["certifications"][1]["kind"] = "renewed"
    with pytest.raises(RegistryError) as e:
        parse_registry(data)
    assert any(p.startswith("2021:서울특별시: year") for p in e.value.problems)
    assert any(p.startswith("2021:대전광역시: kind") for p in e.value.problems)


# ── due for re-validation ──

def _ids(certs) -> set[str]:
    return {c.id for c in certs}


def _year_rows(year: int) -> set[str]:
    return {f"{r[0]}:{r[3]}" for r in SEED_ROWS if r[0] == year}


@pytest.mark.parametrize(("today", "within", "years"), [
    (date(2026, 11, 23), 30, [2024]),
    (date(2026, 10, 24), 30, [2024]),  # horizon 2026-11-23 lies in the 2026 window
    (date(2026, 12, 31), 0, [2024]),  # the window's last day
    (date(2027, 1, 1), 0, []),  # the 2024 window is over, nothing later is registered
    (date(2025, 12, 2), 29, [2023]),  # horizon 2025-12-31
    (date(2025, 12, 2), 30, [2023, 2024]),  # horizon 2026-01-01 reaches the 2024 rows
    (date(2023, 6, 1), 200, []),  # 2021 rows are all renewed or upgraded in 2023
])
def test_due_selection(reg, today, within, years):
    want = set().union(*(_year_rows(y) for y in years)) if years else set()
    assert _ids(due_for_revalidation(reg, today, within)) == want


def test_due_selection_skips_renewed_but_keeps_the_unrenewed(reg):
    due = _ids(due_for_revalidation(reg, date(2024, 12, 1), 30))
    assert due == {"2022:경기 수원시", "2022:경기 시흥시"}


def test_due_selection_with_a_known_date():
    data = copy.deepcopy(_raw())
    row = next(r for r in data["certifications"] if r["id"] == "2024:경기 고양시")
    row["certified_on"] = date(2024, 11, 25)
    reg = parse_registry(data)
    cert = reg.get("2024:경기 고양시")
    assert reg.expiry(cert).earliest == reg.expiry(cert).latest == date(2026, 11, 25)
    assert cert not in due_for_revalidation(reg, date(2026, 11, 23), 1)
    assert cert in due_for_revalidation(reg, date(2026, 11, 23), 2)
    assert cert not in due_for_revalidation(reg, date(2026, 11, 26), 365)


def test_due_selection_rejects_negative_days(reg):
    with pytest.raises(ValueError):
        due_for_revalidation(reg, date(2026, 11, 23), -1)


def test_expired_without_renewal(reg):
    gone = _ids(expired_without_renewal(reg, date(2026, 11, 23)))
    assert gone == _year_rows(2023) | {"2022:경기 수원시", "2022:경기 시흥시"}


# ── which rule set a renewal is reviewed under ──

def test_first_renewal_is_simplified_under_2023_and_cannot_score(reg):
    choice = ruleset_for(reg.get("2024:경기 고양시"), Purpose.MAINTAIN, registry=reg)
    assert (choice.ruleset, choice.review, choice.renewal_number) == (
        "city-2023", Review.SIMPLIFIED, 1)
    assert not choice.treated_as_new and "평가 간소화" in choice.clause
    assert [s.line for s in choice.sources] == [127, 130]
    assert "간소화" in choice.reason and "city-2023" in choice.reason
    assert choice.loadable and not choice.complete and not choice.can_score
    assert choice.missing == load_ruleset("city-2023").meta.missing
    assert choice.missing and "점수를 산정할 수 없음" in choice.status
    with pytest.raises(CatalogueError):
        choice.load()
    assert choice.load(require_complete=False).id == "city-2023"


def test_second_renewal_is_a_new_certification_under_the_current_call(reg):
    choice = ruleset_for(reg.get("2024:인천광역시"), "maintain", registry=reg)
    assert (choice.ruleset, choice.review, choice.renewal_number) == ("city-2025", Review.FULL, 2)
    assert choice.treated_as_new and "현행기준 적용" in choice.clause
    assert [s.line for s in choice.sources] == [132, 134]
    assert choice.can_score and choice.missing == []
    assert any("산입" in n for n in choice.notes)  # the counting of the 2024 re-certification


def test_grade_upgrade_uses_the_current_call(reg):
    choice = ruleset_for(reg.get("2024:경기 고양시"), "upgrade", registry=reg)
    assert (choice.ruleset, choice.review, choice.renewal_number) == (
        "city-2025", Review.FULL, None)
    assert "등급상향" in choice.reason and choice.can_score


def test_an_upgrade_restarts_the_renewal_count(reg):
    choice = ruleset_for(reg.get("2023:서울특별시"), "maintain", registry=reg)
    assert (choice.ruleset, choice.renewal_number) == ("city-2023", 1)


def test_unknown_purpose_and_rule_set_without_renewal_rules(reg):
    cert = reg.get("2024:경기 고양시")
    with pytest.raises(ValueError):
        ruleset_for(cert, "등급하향", registry=reg)
    with pytest.raises(ValueError, match="no renewal rules"):
        ruleset_for(cert, "maintain", registry=reg, current="city-2023")


def test_a_rule_set_that_does_not_exist_is_reported_not_raised():
    info = scorability("city-2021")
    assert not info.loadable and not info.can_score
    assert info.missing and "불러올 수 없어" in info.status


def test_choosing_for_an_already_renewed_certification_says_so(reg):
    choice = ruleset_for(reg.get("2021:대전광역시"), "maintain", registry=reg)
    assert any("2023:대전광역시" in n for n in choice.notes)
