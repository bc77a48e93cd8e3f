"""Mask resident registration numbers (주민등록번호) and Korean phone numbers in whatever
smartcert writes: the report (findings.json, the store, HTML, XLSX), the extraction records
under the output folder, reviewers' comments and the crops. The committee never needs them,
and reports get forwarded. The extraction cache keeps the documents' own text.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from pydantic import BaseModel

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


# both patterns need two digits in a row (a date's YY, a prefix 02/010/+82): text without
# them is most of a document, passed over at a regex scan's cost
_TWO_DIGITS = re.compile(r"\d\d")


def mask_personal(text: str) -> str:
    """`text` with 주민등록번호 and phone numbers replaced by asterisks."""
    if not text or _TWO_DIGITS.search(text) is None:
        return text
    text = _RRN.sub(RRN_MASK, text)
    return _PHONE.sub(_phone, text)


def personal_matches(text: str) -> list[str]:
    """The 주민등록번호 and phone numbers printed in `text`, as printed."""
    if not text or _TWO_DIGITS.search(text) is None:
        return []
    return [m.group(0) for pattern in (_RRN, _PHONE) for m in pattern.finditer(text)]


def mask_opt(text: str | None) -> str | None:
    return None if text is None else mask_personal(text)


# identifiers and places: masking them would break the links between records and files
_KEEP = frozenset({"file", "sha256", "rule", "id", "code", "program", "kind", "status",
                   "cell", "sheet", "ref", "key", "media_type", "method", "category",
                   "severity", "indicator"})

M = TypeVar("M", bound=BaseModel)


def mask_model(model: M) -> M:
    """A copy of `model` with every text field masked (`mask_personal`), nested models and
    lists included; identifiers and places (`_KEEP`) are left as they are."""
    updates: dict[str, Any] = {}
    for name in type(model).model_fields:
        if name in _KEEP:
            continue
        value = getattr(model, name)
        masked = _mask_value(value)
        if masked is not value:
            updates[name] = masked
    return model.model_copy(update=updates) if updates else model


def _mask_value(value: Any) -> Any:
    if isinstance(value, str):
        out = mask_personal(value)
        return value if out == value else out
    if isinstance(value, BaseModel):
        return mask_model(value)
    if isinstance(value, list):
        items = [_mask_value(v) for v in value]
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    return value
