"""Which criterion a printed 자체평가표 row counts as.

The seed's form numbers some rows differently from 참고1 and the S-pages (1.3.4.1 for
1.3.3.1, 2.2.5.x for 2.2.4.x, 2.3.6.x for 2.3.5.x), prints an extra 2.2.2.2 '이용자 소유의
인프라를 제3자에게 공유' that no criterion scores (its 2.2.2.3 is the criterion 2.2.2.2) and
omits 3.2.4.1 (ruleset.yaml: numbering-slips, self-assessment-l2-rows,
self-assessment-operation). An applicant may print the form as issued or renumber it by
참고1. So a printed number is read two ways — as the form's row (documents.yaml
`self_assessment.rows`) and as a criterion row of the same number — and where the two
disagree the row's printed wording decides; without wording, whether the document
prints the form's extra row (2.2.2.3) does.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from smartcert.core.normalize import match_key
from smartcert.schemas.catalogue.service import ServiceRuleSet


@dataclass(frozen=True)
class RowReading:
    criterion: str | None  # the criterion row it counts as; None: not scored / unknown
    item: str | None  # its S-code
    known: bool  # the rule set knows the printed row (as the form's or a criterion's)
    how: str  # 'form', 'criterion', 'wording' (English, for logs)


def _likeness(text: str, refs: list[str]) -> float:
    k = match_key(text)
    return max((fuzz.ratio(k, match_key(r)) for r in refs), default=0.0)


def _item(rs: ServiceRuleSet, row: str | None) -> str | None:
    hits = rs.criteria_of_row(row) if row else []
    return hits[0][0].code if hits else None


def read_row(rs: ServiceRuleSet, printed: str, text: str, form_layout: bool) -> RowReading:
    """`form_layout`: the document prints the form's own extra rows (e.g. 2.2.2.3)."""
    form = rs.self_row(printed)
    direct = printed if rs.criteria_of_row(printed) else None
    if form is None and direct is None:
        return RowReading(None, None, False, "unknown")
    if form is None or form.row == direct:
        return RowReading(direct, _item(rs, direct), True, "criterion")
    if direct is None:
        return RowReading(form.row, _item(rs, form.row), True, "form")
    # both readings exist and differ ('2.2.2.2': the form's unscored row or criterion 2.2.2.2)
    if match_key(text):
        as_form = _likeness(text, [form.text])
        as_criterion = _likeness(text, [c.text for _, c in rs.criteria_of_row(direct)])
        if as_form != as_criterion:
            row = form.row if as_form > as_criterion else direct
            return RowReading(row, _item(rs, row), True, "wording")
    row = form.row if form_layout else direct
    return RowReading(row, _item(rs, row), True, "form" if form_layout else "criterion")


def form_only_rows(rs: ServiceRuleSet) -> set[str]:
    """Printed numbers only the form's layout has beside a criterion of another number:
    seeing one in a document says it follows the form ('2.2.2.3')."""
    out = set()
    for r in rs.documents.self_assessment.rows:
        if r.row is not None and r.row != r.printed and not rs.criteria_of_row(r.printed):
            out.add(r.printed)
    return out
