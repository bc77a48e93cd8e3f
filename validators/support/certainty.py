"""What a rule used that was not located with certainty, said in Korean for `uncertain=`.

A finding is an error only when every value it rests on was read with certainty: a form
figure whose `basis` is certain (the form's letter, its labels, its total row, its own 지표
row, or a sum of its rows), a summary value parsed without assumptions, evidence read from a
text layer. Anything else is named here, and the rule reports a warning that says what to
check (`RuleSpec.finding(uncertain=...)`). Never used to quiet a certain finding.
"""

from __future__ import annotations

from smartcert.schemas.catalogue.indicators import Indicator
from smartcert.schemas.claims import Basis, Component, IndicatorClaim
from smartcert.schemas.mapping.values import primary_value

# why a component's reading is a guess, by how it was located
_WHY = {
    Basis.FUZZY: "값은 양식의 항목명과 비슷한 칸에서 추정함",
    Basis.POSITIONAL: "값의 위치가 양식과 일치하지 않아 추정함",
    None: "값을 읽은 위치가 기록되지 않음",
}
_SHARED_LETTER = "값은 양식의 두 표에 같은 글자가 있어 어느 칸인지 추정함"


def figure_name(comp: Component, ind: Indicator | None) -> str:
    """'(A)' when the form letters the figure, else its label as printed."""
    spec = ind.form.component(comp.id) if ind and ind.form and comp.id else None
    if spec is not None and spec.letter:
        return f"({spec.letter})"
    return f"'{comp.label or (spec.label if spec else '')}'"


class Doubts:
    """Collects what was uncertain for one finding; `text` is the `uncertain=` argument."""

    def __init__(self, ind: Indicator | None = None) -> None:
        self._ind = ind
        self._figures: dict[str, list[str]] = {}  # why → the figures it applies to
        self._notes: list[str] = []

    def component(self, *comps: Component | None) -> Doubts:
        for comp in comps:
            if comp is None:
                continue
            if not comp.certain:
                why = _WHY.get(comp.basis, _WHY[None])
            elif self._shared_letter(comp):
                why = _SHARED_LETTER
            else:
                continue
            names = self._figures.setdefault(why, [])
            name = figure_name(comp, self._ind)
            if name not in names:
                names.append(name)
        return self

    def _shared_letter(self, comp: Component) -> bool:
        """Read by a letter the form prints on two of its figures (C-5-1's totals table and
        its yearly table both have an (A) and a (B)): the letter alone does not say which."""
        form = self._ind.form if self._ind is not None else None
        spec = form.component(comp.id) if form is not None and comp.id else None
        if comp.basis is not Basis.LETTER or form is None or spec is None or not spec.letter:
            return False
        return sum(c.letter == spec.letter for c in form.components) > 1

    def summary(self, claim: IndicatorClaim) -> Doubts:
        """The summary value, when reading it took an assumption (a unit supplied, one of
        several figures chosen …): the notes the mapping's own reader gives for the cell."""
        if claim.text and self._ind is not None:
            notes = primary_value(claim.text, self._ind).notes
            if notes:
                self.note(f"요약표 값 '{claim.text}'은(는) {', '.join(notes)}")
        return self

    def note(self, text: str | None) -> Doubts:
        if text and text not in self._notes:
            self._notes.append(text)
        return self

    @property
    def text(self) -> str | None:
        parts = [f"{', '.join(names)} {why}" for why, names in self._figures.items()]
        return "; ".join([*parts, *self._notes]) or None
