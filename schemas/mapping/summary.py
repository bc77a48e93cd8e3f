"""The 정량지표 요약표 → one `IndicatorClaim` per data row.

Each row is identified by its code (normalised: 'A–1–2', 'A-1 -2', 'Ａ－１－２'), or — when
the code is missing, mistyped or unknown — by its name (exact wording, then fuzzy), using
the 분류 column's area and the neighbouring rows' codes for the shared '지자체 자체 설정
지표'. The 작성 지표 요약 cell gives the primary value by the catalogue's value rule, the
증빙 페이지 cell the evidence references. Rows that fit no indicator are kept (with a
note) and reported, never dropped.
"""

from __future__ import annotations

from smartcert.core.findings import Finding, Location
from smartcert.core.textmatch import similarity
from smartcert.core.values import parse_value
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.catalogue.indicators import Indicator
from smartcert.schemas.claims import Basis, IndicatorClaim, parse_evidence_pages
from smartcert.schemas.mapping import rules as R
from smartcert.schemas.mapping.identify import area_of, candidates, choose, clean_name, is_self_set
from smartcert.schemas.mapping.settings import MAPPING
from smartcert.schemas.mapping.summary_table import SummaryRow, rows
from smartcert.schemas.mapping.tables import cell_location, flat, row_location
from smartcert.schemas.mapping.values import PrimaryValue, primary_value


def _row_source(doc: DocumentExtract, row: SummaryRow) -> Location:
    return row_location(doc, row.view, row.row, prefer=row.summary)


def _cell_loc(doc: DocumentExtract, row: SummaryRow, which: str) -> list[Location]:
    cell = row.summary if which == "summary" else row.evidence
    if cell is None:
        return [_row_source(doc, row)]
    return [cell_location(doc, row.table, cell)]


def _identify(rs: RuleSet, rows_: list[SummaryRow], i: int, known: list[str | None],
              doc: DocumentExtract, findings: list[Finding]) -> tuple[Indicator | None, list[str]]:
    row = rows_[i]
    loc = [_row_source(doc, row)]
    notes: list[str] = []
    near = [known[i - 1] if i > 0 else None, known[i + 1] if i + 1 < len(known) else None]
    taken = {c for j, c in enumerate(known) if c and j != i}
    area = area_of(rs, row.categories)
    ind = rs.get(row.code) if row.code else None
    if ind is not None:
        other = _named_otherwise(rs, row, ind, area, taken, near)
        if other is not None:
            notes.append(f"지표코드 {row.code_text}이(가) 지표명과 맞지 않아 {other.code}(으)로 봄")
            findings.append(R.CODE_NAME_MISMATCH.finding(
                indicator=other.code, locations=loc, claimed=row.code_text, expected=other.code,
                code=row.code_text, name=row.name, other=other.code))
            return other, notes
        return ind, notes
    problem = (f"'{row.code_text}'(으)로 기재되어 인증기준에 없습니다" if row.code_text
               else "없습니다")
    found, _ = candidates(rs, row.name) if row.name else ([], 0.0)
    ind = choose(found, area, taken, near)
    if ind is None:
        return None, notes
    printed = f"'{row.code_text}'" if row.code_text else "없음"
    notes.append(f"지표코드 {printed}: 지표명으로 {ind.code}에 대응")
    findings.append(R.INDICATOR_CODE_INFERRED.finding(
        indicator=ind.code, locations=loc, claimed=row.code_text or None, expected=ind.code,
        problem=problem, name=row.name, code=ind.code))
    return ind, notes


def _named_otherwise(rs: RuleSet, row: SummaryRow, ind: Indicator, area: str | None,
                     taken: set[str], near: list[str | None]) -> Indicator | None:
    """The indicator the row's name clearly is when that is not the printed code's one
    ('C-3-3' printed on the row of '2년간 도시 데이터를 활용한 정책 수립 건수')."""
    if not row.name or is_self_set(row.name):
        return None
    found, score = candidates(rs, row.name)
    if not found or score < MAPPING.name_contradicts_code or ind in found:
        return None
    own = max(similarity(clean_name(row.name), clean_name(a.text)) for a in ind.all_names())
    if own >= MAPPING.name_fits_code:
        return None
    return choose(found, area, taken, near)


def _check_cells(doc: DocumentExtract, row: SummaryRow, claim: IndicatorClaim,
                 pv: PrimaryValue, ind: Indicator, findings: list[Finding]) -> None:
    # a blank cell and a blank 증빙 페이지 are judged by validators/completeness on the claim
    text = claim.text or ""
    code = claim.code
    # an unfilled template ('00건') is completeness.empty-value, judged by the validators
    if text and not pv.readable and not parse_value(text).placeholder:
        findings.append(R.UNREADABLE_VALUE.finding(
            indicator=code, locations=_cell_loc(doc, row, "summary"), claimed=text,
            expected=ind.summary_format, code=code, text=text,
            format=ind.summary_format or "값", why=", ".join(pv.notes) or "형식 불일치"))
    ev = claim.evidence_pages
    if ev is None:
        return
    if ev.unparsed:
        findings.append(R.UNPARSED_EVIDENCE_PAGES.finding(
            indicator=code, locations=_cell_loc(doc, row, "evidence"), claimed=ev.raw,
            code=code, text=ev.raw, pieces=", ".join(ev.unparsed)))


def map_summary(doc: DocumentExtract, ruleset: RuleSet) -> tuple[list[IndicatorClaim],
                                                                 list[Finding]]:
    """Claims for every summary row of a 정량지표 평가제안서 extraction, plus findings."""
    found_rows = list(rows(doc))
    if not found_rows:  # completeness.missing-summary (validators) reports it once
        return [], []
    findings: list[Finding] = []
    known: list[str | None] = [r.code if r.code and ruleset.get(r.code) else None
                               for r in found_rows]
    claims: list[IndicatorClaim] = []
    seen: dict[str, int] = {}
    for i, row in enumerate(found_rows):
        ind, notes = _identify(ruleset, found_rows, i, known, doc, findings)
        known[i] = ind.code if ind else None
        text = flat(row.summary.text) if row.summary is not None else ""
        pv = primary_value(text, ind)
        notes += list(pv.notes) if text else []
        source = _row_source(doc, row)
        if ind is None:
            label = row.code_text or row.name or text
            # kept as a claim; completeness.unknown-row (validators) reports it
            notes.append(f"인증기준의 지표와 일치하지 않는 행: {label}")
        claim = IndicatorClaim(
            code=ind.code if ind else (row.code or row.code_text or "?"),
            name_as_printed=row.name or None, value=pv.value, unit=pv.unit, text=text or None,
            evidence_pages=(parse_evidence_pages(row.evidence.text)
                            if row.evidence is not None else None),
            source=source, notes=notes,
            code_basis=None if ind is None else (
                Basis.LABEL if row.code == ind.code else Basis.FUZZY),
            value_basis=Basis.LABEL if (ind is not None and row.code == ind.code
                                        and pv.readable and not pv.notes) else Basis.FUZZY)
        claims.append(claim)
        if ind is None:
            continue
        if ind.code in seen:
            findings.append(R.DUPLICATE_INDICATOR_ROW.finding(
                indicator=ind.code, locations=[claims[seen[ind.code]].source or source, source],
                code=ind.code))
        else:
            seen[ind.code] = i
        _check_cells(doc, row, claim, pv, ind, findings)
    return claims, findings
