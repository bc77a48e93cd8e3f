"""Each indicator's 자료구축양식 → the claim's components, listed items and declared span.

`map_forms` finds the forms of a proposal extraction (`form_locate`), gives each to its
summary claim, and fills the claim in place: `form_source` (the form's 지표 row, or its
summary cell in a workbook), `declared_span` (the "('23~'24년)" the title states),
`components` (`form_components`) and `items` (`form_items`). A form nobody claims and a
claim without its form are reported; nothing raises on bad data.
"""

from __future__ import annotations

import re
from decimal import Decimal

from smartcert.core.findings import Finding, Location
from smartcert.core.values import MentionKind, find_dates
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.catalogue.indicators import Indicator
from smartcert.schemas.claims import Basis, Component, IndicatorClaim, ListedItem, UnclaimedForm
from smartcert.schemas.mapping import rules as R
from smartcert.schemas.mapping.form_cells import described_cells
from smartcert.schemas.mapping.form_components import from_summary_cell, from_tables
from smartcert.schemas.mapping.form_items import column_sum, read_items
from smartcert.schemas.mapping.form_locate import FormBlock, assign, locate, named_indicator
from smartcert.schemas.mapping.form_notes import base_date_notes
from smartcert.schemas.mapping.settings import MAPPING
from smartcert.schemas.mapping.tables import flat, label_score
from smartcert.schemas.mapping.unread import absence_doubt, doc_doubt, unsure_pages

_PERIOD_WORDS = ("기간", "기준기간", "실적기간")


def _declared_span(form: FormBlock) -> tuple[str | None, object | None]:
    """The two-year span the form states: in its title, else in a '…기간: …' note."""
    texts = [form.title_text] + [ln.text for ln in form.lines
                                 if any(w in ln.text for w in _PERIOD_WORDS)]
    for text in texts:
        for m in find_dates(text):
            if m.kind == MentionKind.SPAN:
                return m.text, m.value
        # "('23~'24년)": a year-only span the strict finder leaves to the lenient one
        for m in find_dates(re.sub(r"[()]", " ", text), strict=False):
            if m.kind == MentionKind.SPAN:
                return m.text, m.value
    return None, None


def _cells(rows: list[ListedItem], header: str) -> list[Location]:
    """Where a column's figures stand, row by row (what a computed sum was read from)."""
    out = []
    for it in rows:
        cell = next((c for c in it.cells if label_score(c.name, [header]) >= MAPPING.label),
                    None)
        if cell is not None and cell.location is not None:
            out.append(cell.location)
    return out


def _list_sums(ind: Indicator, items: list[ListedItem], have: set[str]) -> list[Component]:
    """Components a list adds up to (road lengths → A) when no table cell states them, and
    the column totals of other counted fields (C-11-1: 전담공무원, 관제요원 …, id None)."""
    out: list[Component] = []
    for lst in ind.form.lists if ind.form else []:
        rows = [it for it in items if it.list_id == lst.id]
        for f in lst.fields:
            if f.sums_to in have or (f.sums_to is None and f.role not in ("count", "amount")):
                continue
            total = column_sum(rows, f.name)
            if f.sums_to is None:
                if total is not None:
                    out.append(Component(id=None, label=f.name, value=total, unit=f.unit,
                                         basis=Basis.COMPUTED, cells=_cells(rows, f.name)))
                continue
            comp = ind.form.component(f.sums_to) if ind.form else None
            if total is not None and comp is not None:
                out.append(Component(id=comp.id, label=f"{f.name} 합계", value=total,
                                     unit=comp.unit, text="", basis=Basis.COMPUTED,
                                     cells=_cells(rows, f.name)))
                have.add(comp.id)
        if lst.count_to and lst.count_to not in have:
            comp = ind.form.component(lst.count_to) if ind.form else None
            if rows and comp is not None:
                out.append(Component(id=comp.id, label=f"{lst.label} 수",
                                     value=Decimal(len(rows)), unit=comp.unit, text="",
                                     basis=Basis.COMPUTED,
                                     cells=[it.location for it in rows if it.location]))
                have.add(comp.id)
    return out


def _fill(doc: DocumentExtract, ruleset: RuleSet, ind: Indicator | None, claim: IndicatorClaim,
          form: FormBlock) -> None:
    claim.form_source = form.source(doc)
    claim.declared_span_text, span = _declared_span(form)
    claim.declared_span = span  # type: ignore[assignment]
    items, _ = read_items(doc, ind, form.data)
    claim.items = items
    if ind is None:
        return
    printed = template.tables if (template := ruleset.form_template(ind.code)) else ()
    cells = described_cells(form.data, printed)
    comps = from_tables(doc, ind, cells)
    have = {c.id for c in comps if c.id}
    comps += from_summary_cell(doc, ind, form, have)
    have |= {c.id for c in comps if c.id}
    comps += _list_sums(ind, items, have)
    comps += base_date_notes(doc, cells)  # the '25.06 기준 of a 비고 cell
    order = {c.id: n for n, c in enumerate(ind.form.components)} if ind.form else {}
    claim.components = sorted(comps, key=lambda c: order.get(c.id or "", len(order)))


def map_forms(doc: DocumentExtract, ruleset: RuleSet, claims: list[IndicatorClaim],
              unclaimed: list[UnclaimedForm] | None = None) -> list[Finding]:
    """Fill `claims` (from `map_summary`) from the proposal's data forms; return findings.
    Forms no summary row claims are appended to `unclaimed`, with the indicator their title
    names, so a form of an area the applicant did not select stays visible."""
    forms = locate(doc)
    if not claims:
        return []  # no summary rows: `completeness.summary-table-missing` already says so
    # a form or a summary row absent may stand on a page not read from its text layer
    no_form = doc_doubt(doc, "그 쪽의 자료구축양식을")
    if not forms:
        located = [c.source for c in claims[:1] if c.source is not None]
        return [R.NO_DATA_FORMS.finding(locations=located or [Location(file=doc.file)],
                                        uncertain=no_form)]
    given = assign(doc, ruleset, forms, claims)
    first = min((loc.page for form in forms if (loc := form.source(doc)).page), default=None)
    no_row = absence_doubt([p for p in unsure_pages(doc) if first is None or p < first],
                           "그 쪽의 요약표 행을")
    findings: list[Finding] = []
    for f, form in enumerate(forms):
        k = given.get(f)
        if k is None:
            title = form.title_text or flat(form.text.text if form.text else "")
            findings.append(R.FORM_UNMATCHED.finding(locations=[form.source(doc)],
                                                     claimed=title or None, title=title,
                                                     uncertain=no_row))
            if unclaimed is not None:
                code, printed = named_indicator(ruleset, form)
                unclaimed.append(UnclaimedForm(
                    code=code, title=title, location=form.source(doc),
                    code_basis=None if code is None else (
                        Basis.LABEL if printed else Basis.FUZZY)))
            continue
        _fill(doc, ruleset, ruleset.get(claims[k].code), claims[k], form)
    with_form = set(given.values())
    for k, claim in enumerate(claims):
        ind = ruleset.get(claim.code)
        if k in with_form or ind is None or ind.form is None or ind.form.free:
            continue
        findings.append(R.FORM_MISSING.finding(indicator=claim.code,
                                               locations=[claim.source] if claim.source else [],
                                               code=claim.code, uncertain=no_form))
    return findings
