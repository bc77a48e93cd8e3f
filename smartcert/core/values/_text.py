"""Text helpers shared by the value parsers.

`fold` is NFKC applied per character *only where it keeps the length*, so an offset
into the folded text is an offset into the original: the scanners match on the fold
and report positions in what the document actually says.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Opening/closing quotes used for two-digit years ('23, ‘23, ’23) plus prime and backtick.
APOSTROPHES = "'‘’`′"
# Range separators in submissions; the fullwidth tilde folds to "~", the fullwidth minus to "-".
RANGE_SEPARATORS = "~∼〜-–—"
# Minus signs; △ is the Korean accounting minus (△3 = -3).
MINUS_SIGNS = "-−–△"


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    folded = unicodedata.normalize("NFKC", char)
    return folded if len(folded) == 1 else char


def fold(text: str) -> str:
    """Length-preserving NFKC: fullwidth digits and punctuation become ASCII, offsets hold."""
    if text.isascii():
        return text
    return "".join(map(_fold_char, text))


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)
