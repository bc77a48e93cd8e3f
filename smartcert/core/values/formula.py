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


# a figure first, its label after: '4,060 (A)', '66.67 (B/A)*100', '885.43 (B)+(D) / (A)+(C) *100'
_FIGURE_FIRST = re.compile(r"^\s*([-+]?\d[\d,]*(?:\.\d+)?\s*[%‰]?\s*[가-힣]{0,3})\s*(\S.*)$")
# a letter first, the figure after: '(A) 4,060'
_LETTER_FIRST = re.compile(r"^\s*(\(\s*[A-Z]\s*\))\s*(\S.*)$")


def split_label(text: str) -> tuple[str, str] | None:
    """(figure, label) of a cell holding a figure with its letter or formula beside it, else
    None: '4,060 (A)' → ('4,060', '(A)'), '(A) 4,060' → ('4,060', '(A)')."""
    m = _FIGURE_FIRST.match(text)
    if m and is_formula_label(m.group(2)):
        return m.group(1).strip(), m.group(2).strip()
    m = _LETTER_FIRST.match(text)
    if m and re.search(r"\d", m.group(2)) and not is_formula_label(m.group(2)):
        return m.group(2).strip(), m.group(1).strip()
    return None


def letter_beside(text: str) -> str | None:
    """The letter written beside a figure in one cell: '4,060 (A)' → 'A', '(B) 12' → 'B';
    None for a formula beside it ('66.67 (B/A)*100') or no label."""
    split = split_label(text)
    if split is None:
        return None
    m = re.fullmatch(r"\(\s*([A-Z])\s*\)", split[1])
    return m.group(1) if m else None


def has_label_beside(text: str) -> bool:
    """A figure with its letter or formula label in the same cell."""
    return split_label(text) is not None


def without_letters(text: str) -> str:
    """The figure of a cell with its label beside it: '66.67 (B/A)*100' → '66.67'."""
    split = split_label(text)
    return split[0] if split is not None else text
