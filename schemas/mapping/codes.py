"""Indicator codes as municipalities type them: 'A-1-2', 'A–1–2', 'A-1 -2', 'Ａ－１－２', 'a.1.2'.

`match_key` already folds NFKC, unifies dashes and drops whitespace; this module adds the
separators people use instead of dashes and splits a code glued to a name in one cell.
"""

from __future__ import annotations

import re
import unicodedata

from smartcert.core.normalize import match_key

# group letter, then two numbers separated by any dash/dot/underscore; the key has no spaces
_CODE = r"([A-Za-z])[-._·ㆍ]?(\d{1,2})[-._·ㆍ](\d{1,2})"
_CODE_FULL = re.compile(rf"{_CODE}[-.]*")  # trailing punctuation: "A-1-2.", "C-11-2-"
# a code at the start of a cell, then the name: 'A-1-2 2년간 …', '[A-1-2] …', 'A-1-2. …'
_CODE_LEAD = re.compile(
    r"^\s*[\[(【]?\s*([A-Za-z])\s*[-‐‑‒–—―−－._·ㆍ]?\s*(\d{1,2})\s*[-‐‑‒–—―−－._·ㆍ]\s*(\d{1,2})"
    r"\s*[\])】]?\s*[-.:)]*\s*"
)


def normalise_code(text: str | None) -> str | None:
    """The canonical 'A-1-2' when the whole cell is code-shaped (known or not), else None."""
    if not text:
        return None
    m = _CODE_FULL.fullmatch(match_key(text))
    if m is None:
        return None
    return f"{m.group(1).upper()}-{int(m.group(2))}-{int(m.group(3))}"


def split_code(text: str | None) -> tuple[str | None, str]:
    """(code, rest) for a cell that may start with a code: 'A–1–2 표창 건수' → ('A-1-2', '표창 건수')."""
    if not text:
        return None, ""
    whole = normalise_code(text)
    if whole is not None:
        return whole, ""
    s = unicodedata.normalize("NFKC", text)
    m = _CODE_LEAD.match(s)
    if m is None or not s[m.end():].strip():
        return None, text.strip()
    code = f"{m.group(1).upper()}-{int(m.group(2))}-{int(m.group(3))}"
    return code, s[m.end():].strip()


def looks_like_code(text: str | None) -> bool:
    """A cell that tries to be a code (even a mistyped one: 'A-l-2', 'A-12', 'A1-2-')."""
    if not text:
        return False
    key = match_key(text)
    return bool(re.fullmatch(r"[A-Ca-c][-._]?[0-9lIO|]{1,2}[-._]?[0-9lIO|]{0,2}[-._]?", key))
