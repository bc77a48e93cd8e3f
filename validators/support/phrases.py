"""A phrase found in printed text whatever the spacing, and with a modifier before its head
noun: '스마트도시계획' in '부산광역시 스마트도시계획(2023~2027)' (one token to the Korean
tokenizer there) and in '스마트도시 기본계획'.

The phrase's words (Kiwi tokens) are matched on a key without spaces or punctuation; up to
`MODIFIER` syllables may stand between the last word, when it is a noun of two or more
syllables, and the words before it (기본, 종합, 중장기 …계획). Text is matched cell by
cell ('a | b' rows): a phrase never spans two cells.
"""

from __future__ import annotations

import re
from functools import lru_cache

MODIFIER = 3  # syllables allowed before the head noun: 기본, 종합, 중장기
_NOT_KEY = re.compile(r"[\W_]+")
_CELL = re.compile(r"\s*\|\s*")


def _key(text: str) -> str:
    return _NOT_KEY.sub("", text).lower()


@lru_cache(maxsize=1024)
def _pattern(phrase: str) -> re.Pattern[str] | None:
    from smartcert.core.values.nlp import korean_nlp  # spaCy and Kiwi load on first use

    words = [w for w in (_key(t.text) for t in korean_nlp().make_doc(phrase)) if w]
    if not words:
        return None
    *head, last = words
    gap = f"[가-힣]{{0,{MODIFIER}}}" if head and len(last) >= 2 else ""
    return re.compile(re.escape("".join(head)) + gap + re.escape(last))


def find_phrase(phrase: str, text: str) -> str | None:
    """The words of `text` that read as `phrase` (as printed), or None."""
    pattern = _pattern(phrase)
    if pattern is None:
        return None
    for cell in _CELL.split(text):
        # key characters with their offsets in the cell, to give back the printed words
        kept = [(i, ch.lower()) for i, ch in enumerate(cell) if not _NOT_KEY.fullmatch(ch)]
        m = pattern.search("".join(ch for _, ch in kept))
        if m:
            return cell[kept[m.start()][0]:kept[m.end() - 1][0] + 1]
    return None
