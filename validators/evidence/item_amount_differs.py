from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from smartcert.core.findings import Finding, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.core.textmatch import best_match, contains, key
from smartcert.core.values.dates import find_dates
from smartcert.core.values.mention import MentionKind
from smartcert.core.values.numbers import parse_value
from smartcert.schemas.claims import ListedItem, Submission
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.evidence_grading import grade
from smartcert.validators.support.evidence_index import (
    CLAUSE,
    EvidencePage,
    numbers_in,
    ocr_folded,
)
from smartcert.validators.support.evidence_items import WINDOW, searchable


def _million_won(text: str) -> Decimal | None:
    return parse_value(text).million_won()


def _claimed(item: ListedItem) -> Decimal | None:
    if item.amount is None:
        return None
    return _million_won(f"{item.amount}{item.amount_unit or ''}")


def _row_amount(page: EvidencePage, name: str, header: str) -> str | None:
    """The cell under the column headed like the form's amount field (e.g. '민투예산') in
    the evidence table row naming the item; tables print amounts without units."""
    for table in page.tables:
        grid = table.grid()
        if len(grid) < 2:
            continue
        heads = [h or "" for h in grid[0]]
        col = best_match(header, heads, threshold=80.0)
        if col is None:
            continue
        for row in grid[1:]:
            if any(cell and contains(cell, name, 90.0) and len(key(cell)) <= 2 * len(key(name))
                   for cell in row):
                return row[col.index]
    return None


def _money_near(page: EvidencePage, line: int) -> list[tuple[str, Decimal]]:
    """Amounts with their units (백만원, 천원, 원, 억 …) printed with the item; an OCR'd page
    is also read without the usual OCR confusions (`ocr_folded`)."""
    from smartcert.core.values.nlp import find_mentions  # spaCy and Kiwi: first use only

    text = "\n".join(page.lines[line:line + WINDOW + 1])
    out = []
    for t in [text, ocr_folded(text)] if page.ocr else [text]:
        for m in find_mentions(t):
            if m.kind is MentionKind.MONEY:
                amount = _million_won(m.text)
                if amount is not None:
                    out.append((m.text, amount))
    return out


def _bare_near(page: EvidencePage, line: int, header: str, claimed: Decimal) -> list[str]:
    """An OCR'd table reaches the rules as lines, its grid lost ('216' under '민 투 예산'):
    when the page prints the form's amount header, the figures printed after the item's
    name (dates left out) are amounts in the form's unit. The row's other cells (No., a
    count) and the next row's No. are told apart by size: only figures of the claimed
    amount's order of magnitude, whole when it is whole, are compared."""
    if not page.ocr or not header or page.find_name(header) is None:
        return []
    out = []
    for text in page.lines[line + 1:line + WINDOW + 1]:
        folded = ocr_folded(text)
        for m in find_dates(folded, strict=False):
            folded = folded[:m.start] + " " * (m.end - m.start) + folded[m.end:]
        for n in numbers_in(folded):
            if claimed / 10 < n < claimed * 10 and (n == n.to_integral_value()
                                                    or claimed != claimed.to_integral_value()):
                out.append(text.strip())
                break
    return out


class ItemAmountDiffers(Rule):
    """The item is in the evidence, but the amount printed with it there is another one
    (compared in 백만원 after reading units: '12억 5천만원' = 1,250백만원; on a scan, figures
    without a unit under the form's amount header are in the form's unit)."""

    spec = RuleSpec(
        id="evidence.item-amount-differs",
        severity=Severity.WARNING,
        template="지표 {code}의 '{item}' 금액이 양식({claimed_amount})과 근거자료({shown_amount})에서 "
                 "다릅니다",
        clause=CLAUSE,
        example={"code": "B-4-3", "item": "스마트시티 챌린지 사업", "claimed_amount": "358백만원",
                 "shown_amount": "385백만원"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim in sub.indicators:
            ind = ctx.ruleset.get(claim.code)
            field = next((f for lst in (ind.form.lists if ind and ind.form else [])
                          if (f := lst.field_with("amount"))), None)
            header = field.name if field else ""
            for item in claim.items:
                name, claimed = searchable(item), _claimed(item)
                if name is None or claimed is None or item.amount is None:
                    continue
                seen = ctx.evidence_items.find(claim, name)
                if seen is None or seen.line is None:
                    continue
                page = seen.page
                shown = self._shown(page, seen.line, name, item, claimed, header)
                if shown is None:
                    continue
                pages_read = grade([page])
                if pages_read is None:
                    continue
                claimed_text = f"{item.amount}{item.amount_unit or ''}"
                yield pages_read.apply(self.finding(
                    indicator=claim.code, code=claim.code, item=name,
                    claimed_amount=claimed_text, shown_amount=shown, claimed=claimed_text,
                    expected=shown, locations=[item.location or claim.form_source, page.location],
                    uncertain=pages_read.doubt))

    @staticmethod
    def _shown(page: EvidencePage, line: int, name: str, item: ListedItem, claimed: Decimal,
               header: str) -> str | None:
        """What the evidence prints for the item's amount when it differs, else None."""
        if item.amount is None:
            return None
        cell = _row_amount(page, name, header) if header else None
        if cell is not None:
            printed = numbers_in(cell, ocr=page.ocr)
            same = {(item.amount * Decimal(10) ** k).normalize() for k in (-6, -3, 0, 3, 6)}
            return None if not printed or printed & same else cell.strip()
        near = _money_near(page, line)
        if near:
            return None if any(amount == claimed for _, amount in near) else near[0][0]
        bare = _bare_near(page, line, header, item.amount)
        if not bare or any(item.amount.normalize() in numbers_in(t, ocr=True) for t in bare):
            return None
        return bare[0]
