"""Letter labels and formulas as the call prints them in its forms: never figures."""

from __future__ import annotations

import pytest

from smartcert.core.values.formula import (
    has_label_beside,
    is_formula_label,
    letter_beside,
    without_letters,
)


@pytest.mark.parametrize("text", ["(A)", "(B/A) * 100", "(A+B/C)", "(A+B)/C", "B/A×100",
                                  "(A-B/A)*100", "(B)/(A) X 100", "A", "(C)"])
def test_labels_and_formulas_are_labels(text: str) -> None:
    assert is_formula_label(text)
    assert letter_beside(text) is None and not has_label_beside(text)


@pytest.mark.parametrize("text", ["O", "X", "CCTV", "100", "12", "88.5%", "2024년", "합계(A+B)",
                                  "4,060 (A)", "66.67 (B/A)*100"])
def test_figures_flags_and_words_are_not(text: str) -> None:
    assert not is_formula_label(text)


@pytest.mark.parametrize(("text", "letter", "figure"), [
    ("4,060 (A)", "A", "4,060"), ("(B) 12", "B", "12"), ("66.67 (B/A)*100", None, "66.67"),
    ("12.5 (B/A) × 100", None, "12.5")])
def test_a_figure_beside_its_label_keeps_the_figure(text: str, letter: str | None,
                                                  figure: str) -> None:
    assert has_label_beside(text)
    assert letter_beside(text) == letter
    assert without_letters(text) == figure


def test_a_unit_note_is_not_a_label() -> None:
    assert not has_label_beside("2023 (단위: 명)") and letter_beside("2023 (단위: 명)") is None
