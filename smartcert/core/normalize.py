"""Text normalisation shared by every extractor: printed text is kept, a key is matched."""

from __future__ import annotations

import re
import unicodedata

_WS = re.compile(r"\s+")
# Dashes and tildes that Hancom and Excel users mix freely in codes and ranges ('A–1–2').
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−－"})


def match_key(text: str) -> str:
    """The form used for matching: NFKC, unified dashes, all whitespace removed.

    Letter-spaced labels ('지 표 명') and glued words ('지표명') get the same key.
    """
    return _WS.sub("", unicodedata.normalize("NFKC", text).translate(_DASHES))


def tidy(text: str) -> str:
    """Printed text with runs of spaces folded and line ends trimmed (content unchanged)."""
    lines = (" ".join(part for part in line.split(" ") if part) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def decode_font_name(name: str) -> str:
    """Hancom exports name fonts with raw EUC-KR bytes ('INPILL+\\xc8\\xde…' = 휴먼명조)."""
    if not name:
        return name
    base = name.split("+", 1)[1] if "+" in name[:8] else name
    if any(0x80 <= ord(ch) <= 0xFF for ch in base) and all(ord(ch) <= 0xFF for ch in base):
        try:
            return base.encode("latin-1").decode("cp949")
        except UnicodeDecodeError:
            return base
    return base
