"""Check boxes as forms print them: which box of a printed group is ticked.

The call's forms print a choice as a row of boxes, '[  ] 행정  [  ] 교통 …' (신청서, seed 003
lines 677–689) or '□ 지자체 □ 대기업 …' (평가제안서 표지, lines 824–832). Applicants tick one
as '[V]', '[v]', '[√]', '[✓]', '[O]', '[■]', '■', '☑', '▣' … and leave the others '[ ]',
'□', '☐'. A box's label is the text up to the next box. What was read is kept as printed:
a box whose mark this module does not know as a tick still counts as ticked when its
brackets are not empty, since an applicant only writes inside the box they choose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from smartcert.core.normalize import match_key

# marks that tick a box on their own (no brackets): filled squares and check marks
TICK_GLYPHS = "■◼▣☑☒✓✔√✅●◉"
# empty boxes printed on their own
EMPTY_GLYPHS = "□☐◻❏❑○◯"
# marks written inside a box: square brackets take any short mark but a word ('[주]');
# parentheses only these, so '(주)', '(1)' and '(L1)' stay text
PAREN_MARKS = "VvOoXx√✓✔■●◉"
_BOX = re.compile(
    r"[\[［]\s*([^\[\]［］]{0,3}?)\s*[\]］]"
    rf"|[(（]\s*([{PAREN_MARKS}]?)\s*[)）]"
    rf"|([{TICK_GLYPHS}{EMPTY_GLYPHS}])")
_NOT_MARKS = re.compile(r"^(?:[가-힣]+|L\d|\d{2,})$")
# marks known to tick a box when written inside it; another mark ('[1]', an OCR slip)
# still ticks it, but a finding built on it says the mark was unusual
KNOWN_MARKS = frozenset("VvOoXx√✓✔■●◉◼▣☑☒✗✘○◯")


@dataclass(frozen=True)
class Box:
    """One printed box and the label after it."""

    mark: str  # as printed: '[√]', '■', '[ ]', '□'
    ticked: bool
    label: str  # the text after the box, up to the next box, trimmed
    start: int  # offset of the box in the text it was read from
    depth: int = 0  # 1 inside a parenthesis: '중소기업(□ 벤처·이노비즈 □ 기타)'
    known: bool = True  # the mark is a usual tick or an empty box


def _label(text: str) -> str:
    # '중소기업(' before a nested box, '기타)' after the last one: unbalanced parentheses
    # belong to the layout, not to the label
    s = " ".join(text.split()).strip(" ,·/")
    if s.endswith("("):
        s = s[:-1].strip()
    while s.endswith(")") and s.count(")") > s.count("("):
        s = s[:-1].strip()
    return s


def boxes(text: str) -> list[Box]:
    """Every box of `text` with its label, in printed order. Text before the first box
    (a row label such as '신청 분야') is not a box's label."""
    found: list[tuple[int, int, str, bool]] = []
    unusual: set[int] = set()
    for m in _BOX.finditer(text or ""):
        if m.group(3) is not None:
            glyph = m.group(3)
            found.append((m.start(), m.end(), glyph, glyph in TICK_GLYPHS))
            continue
        inner = (m.group(1) if m.group(1) is not None else m.group(2)).strip()
        if inner and _NOT_MARKS.match(inner):
            continue
        ticked = bool(inner) and inner not in EMPTY_GLYPHS and inner not in "-_"
        if ticked and not (len(inner) == 1 and inner in KNOWN_MARKS):
            unusual.add(m.start())
        found.append((m.start(), m.end(), m.group(0), ticked))
    out = []
    for i, (start, end, mark, ticked) in enumerate(found):
        stop = found[i + 1][0] if i + 1 < len(found) else len(text)
        out.append(Box(mark=" ".join(mark.split()), ticked=ticked,
                       label=_label(text[end:stop]), start=start,
                       depth=_depth(text, found, start), known=start not in unusual))
    return [b for b in out if match_key(b.label)]


def _depth(text: str, found: list[tuple[int, int, str, bool]], at: int) -> int:
    """Open parentheses before offset `at`, the boxes' own brackets left out."""
    depth, pos = 0, 0
    for start, end, _, _ in [*found, (len(text), len(text), "", False)]:
        for ch in text[pos:min(start, at)]:
            depth += 1 if ch in "(（" else -1 if ch in ")）" else 0
            depth = max(depth, 0)
        if start >= at:
            break
        pos = end
    return depth
