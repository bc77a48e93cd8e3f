"""Mask resident registration numbers (주민등록번호) and Korean phone numbers in any text
that goes into a human report (HTML, XLSX). Applied to every string taken from the
documents, before escaping: the committee never needs them, and reports get forwarded.
"""

from __future__ import annotations

import re

_SEP = r"[ \t]*[-‐‑–—.]?[ \t]*"  # dash variants, a dot, or spaces (or nothing)

# YYMMDD + 7 digits whose first is the sex/century digit (1–8, foreigners 5–8); the date
# part must be a real month/day so an arbitrary 13-digit figure is left alone
_RRN = re.compile(
    r"(?<![\d])\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
    r"[ \t]*[-‐‑–—]?[ \t]*[1-8]\d{6}(?![\d])"
)

# mobile 010/011/016–019, Seoul 02, area 031–064, 070 (VoIP), 050x (safe numbers);
# the domestic prefix may be written as +82 with or without its leading 0
_PREFIX = r"(?:01[016789]|02|0[3-6][1-5]|070|050\d)"
_INTL = r"(?:\+|00)82[ \t-]*(?:\(0\))?[ \t-]*(?:1[016789]|2|[3-6][1-5]|70|50\d)"
_PHONE = re.compile(
    rf"(?<![\d+])(?P<prefix>{_PREFIX}|{_INTL})(?P<sep>{_SEP})\d{{3,4}}{_SEP}\d{{4}}(?![\d])"
)

RRN_MASK = "******-*******"


def _phone(m: re.Match[str]) -> str:
    # keep the prefix: the reader still sees it was a (mobile/landline) number
    sep = m.group("sep").strip() or "-"
    return f"{m.group('prefix')}{sep}****{sep}****"


def mask_personal(text: str) -> str:
    """`text` with 주민등록번호 and phone numbers replaced by asterisks."""
    if not text or not any(ch.isdigit() for ch in text):
        return text
    text = _RRN.sub(RRN_MASK, text)
    return _PHONE.sub(_phone, text)


def mask_opt(text: str | None) -> str | None:
    return None if text is None else mask_personal(text)
