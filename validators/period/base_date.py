from __future__ import annotations

from collections.abc import Iterator

from smartcert.core.findings import Finding, Location, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.core.values import PartialDate, parse_date
from smartcert.schemas.catalogue.indicators import Indicator
from smartcert.schemas.claims import Basis, IndicatorClaim, Submission
from smartcert.schemas.mapping.form_notes import BASE_DATE_NOTE
from smartcert.schemas.mapping.ocr_read import joined, ocr_read
from smartcert.validators.rule import CheckContext, Rule
from smartcert.validators.support.window import month


def accepted_dates(ind: Indicator) -> list[PartialDate]:
    """The base dates the call prints for the form: `form.base_date`, and under a base
    period rule its base and the alternatives the call also prints (C-2-2: '23년 and '24년)."""
    texts = [ind.form.base_date if ind.form is not None else None]
    rule = ind.period_rule
    if rule is not None and rule.kind == "base":
        texts += [rule.base, *rule.alternatives]
    dates = [d for t in texts if t and (d := month(t)) is not None]
    return list(dict.fromkeys(dates))


def _agrees(printed: PartialDate, expected: PartialDate) -> bool:
    """Equal at the coarser precision: '24년 기준 agrees with 2024-12; '24.06 does not."""
    if printed.year != expected.year:
        return False
    return printed.month is None or expected.month is None or printed.month == expected.month


def _notes(claim: IndicatorClaim) -> Iterator[tuple[str, Location | None, bool]]:
    """(note, where, under a 비고 header) for every base-date note the form prints: the
    mapping's text components and the cells of the listed rows (C-2-2's rows carry it)."""
    seen: set[tuple[str, Location | None]] = set()
    found = [(c.text, c.location, c.basis is Basis.LABEL) for c in claim.components
             if c.id is None and c.value is None]
    found += [(cell.text, cell.location, "비고" in cell.name)
              for it in claim.items for cell in it.cells]
    for text, where, labelled in found:
        text = text.strip()
        if BASE_DATE_NOTE.fullmatch(text) and (text, where) not in seen:
            seen.add((text, where))
            yield text, where, labelled


class BaseDate(Rule):
    """A form whose call prints its base date in the 비고 column (C-1-4 "'25.06 기준", C-1-7
    "'24.12기준", C-2-2 "'23년 기준" or "'24년 기준": the call prints both) must not print
    another base date there: its figures would be as of another date than the call asks.
    A form that prints no base date is not reported — the 비고 cell is the call's example,
    and an absent note contradicts nothing. A note outside a 비고 column only warns."""

    spec = RuleSpec(
        id="period.base-date",
        severity=Severity.ERROR,
        template="지표 {code}의 자료는 {base} 기준이어야 하나 양식에 “{note}”(으)로 적혀 있습니다",
        clause="지침 V.제출서류 및 양식 > 지표별 자료구축양식 (비고: C-1-4 '25.06 기준, C-1-7 "
               "'24.12기준, C-2-2 '23년/'24년 기준)",
        example={"code": "C-1-4", "base": "2025-06", "note": "'24.06 기준"},
    )

    def check(self, sub: Submission, ctx: CheckContext) -> Iterator[Finding]:
        for claim in sub.indicators:
            ind = ctx.ruleset.get(claim.code)
            accepted = accepted_dates(ind) if ind is not None else []
            if not accepted:
                continue
            expected = " 또는 ".join(str(d) for d in accepted)
            # one finding per note, at every cell that prints it (C-2-2: one per row)
            wrong: dict[str, tuple[list[Location | None], bool]] = {}
            for note, where, labelled in _notes(claim):
                m = BASE_DATE_NOTE.fullmatch(note)
                printed = parse_date(m.group("date").strip()) if m else None
                if printed is None or any(_agrees(printed, d) for d in accepted):
                    continue
                places, all_labelled = wrong.get(note, ([], True))
                wrong[note] = ([*places, where or claim.form_source], all_labelled and labelled)
            for note, (places, labelled) in wrong.items():
                yield self.finding(
                    indicator=claim.code, claimed=note, expected=expected, locations=places,
                    code=claim.code, base=expected, note=note,
                    uncertain=joined(None if labelled else "기준일이 비고 칸이 아닌 칸에 적혀 있음",
                                     ocr_read(sub.documents, places)))
