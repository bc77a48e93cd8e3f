"""Letter labels and formulas printed in forms: '(A)', '(B/A) * 100', '(A+B/C)', '4,060 (A)'.

The call prints a data form's figures as letters (a label row under the headers) and the
indicator as a formula over them; municipalities replace the letters with figures, write
the figures in a row above, or beside the letter in the same cell. A formula is never a
value: '(B/A) * 100' holds no figure 100.
"""

from __future__ import annotations

import re

# letters, parentheses, operators and the scaling constants of a formula; nothing else
_FORMULA_CHARS = re.compile(r"[A-Z()+\-*/×÷xX=.,%0-9]+")
_WORD = re.compile(r"[A-Z]{2}")  # 'CCTV', 'API': words, not letter labels
_CONSTANT = re.compile(r"(?<![\d.,])(?:100|1,?000|10,?000)(?![\d.,])")
_LETTER = re.compile(r"\(\s*([A-Z])\s*\)")
# a letter expression in parentheses, with the scaling that may follow it: '(B/A)*100'
_EXPRESSION = re.compile(
    r"\(\s*[A-Z](?:\s*[-+*/×÷]\s*\(?\s*[A-Z]\s*\)?)*\s*\)(?:\s*[*×xX]\s*100(?![\d.,]))?")


def is_formula_label(text: str) -> bool:
    """'(A)', 'B', '(B/A) * 100', '(A+B)/C', 'B/A×100': letters and operators only (a
    scaling constant allowed), at least one letter; never a figure."""
    s = re.sub(r"\s+", "", text)
    if s in ("O", "X"):  # O/X: a flag, the commonest single capital in a form
        return False
    if not s or not _FORMULA_CHARS.fullmatch(s) or _WORD.search(s.replace("X", "")):
        return False
    letters = re.sub(r"[^A-Z]", "", s.replace("×", "").replace("x", ""))
    if not letters:
        return False
    # every digit run is a scaling constant after an operator, or there are none
    rest = _CONSTANT.sub("", s)
    return not re.search(r"\d", rest)


def letter_beside(text: str) -> str | None:
    """The letter written beside a figure in one cell: '4,060 (A)' → 'A', '(B) 12' → 'B'."""
    found = {m.group(1) for m in _LETTER.finditer(text)}
    if len(found) != 1 or is_formula_label(text):
        return None
    without = _LETTER.sub("", text)
    return found.pop() if re.search(r"\d", without) else None


def has_label_beside(text: str) -> bool:
    """A figure with its letter or formula label in the same cell: '4,060 (A)',
    '66.67 (B/A)*100'."""
    return not is_formula_label(text) and bool(_EXPRESSION.search(text))


def without_letters(text: str) -> str:
    """The cell's text with its letter and formula labels removed: '4,060 (A)' → '4,060',
    '66.67 (B/A)*100' → '66.67'."""
    return _EXPRESSION.sub(" ", text).strip()
