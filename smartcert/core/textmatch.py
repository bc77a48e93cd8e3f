"""Korean-aware fuzzy matching of labels, headings and indicator names.

Text is compared on its match key (NFKC, dashes unified, whitespace removed) and, for
scoring, on its jamo: '방법' and '방범' differ in one final consonant out of six jamo,
not in one syllable of two, so a typo in a form still matches its catalogue name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from smartcert.core.normalize import match_key

_S_BASE, _S_END = 0xAC00, 0xD7A3
_L = [chr(c) for c in range(0x1100, 0x1113)]
_V = [chr(c) for c in range(0x1161, 0x1176)]
_T = ["", *[chr(c) for c in range(0x11A8, 0x11C3)]]


@lru_cache(maxsize=65536)
def jamo(text: str) -> str:
    """Hangul syllables decomposed into conjoining jamo; other characters unchanged."""
    out: list[str] = []
    for ch in text:
        o = ord(ch)
        if _S_BASE <= o <= _S_END:
            i = o - _S_BASE
            out += [_L[i // 588], _V[(i % 588) // 28], _T[i % 28]]
        else:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=65536)
def key(text: str) -> str:
    return jamo(match_key(text))


def similarity(a: str, b: str) -> float:
    """0–100: how alike two labels are, on their jamo keys."""
    return fuzz.ratio(key(a), key(b))


def contains(haystack: str, needle: str, threshold: float = 90.0) -> bool:
    """Does `needle` appear (fuzzily) inside `haystack`? For headings in page text."""
    n, h = key(needle), key(haystack)
    if not n:
        return False
    if n in h:
        return True
    return len(h) >= len(n) and fuzz.partial_ratio(n, h) >= threshold


@dataclass(frozen=True)
class Match:
    choice: str
    score: float
    index: int


def best_match(text: str, choices: Sequence[str], threshold: float = 85.0) -> Match | None:
    """The most similar choice at or above `threshold`, or None."""
    keys = [key(c) for c in choices]
    hit = process.extractOne(key(text), keys, scorer=fuzz.ratio, score_cutoff=threshold)
    if hit is None:
        return None
    _, score, index = hit
    return Match(choices[index], float(score), int(index))


def any_contains(haystack: str, needles: Iterable[str], threshold: float = 90.0) -> bool:
    return any(contains(haystack, n, threshold) for n in needles)
