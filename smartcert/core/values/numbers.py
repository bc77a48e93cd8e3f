"""Numbers, units and yes/no marks as written in summary tables.

`parse_number` reads one plain numeral; `parse_value` reads a whole cell
("국내 12건, 국외 3건", "1만명 당 3.21", "15억 3천만원", "계획 수립 O (승인 X)").
Exact arithmetic throughout (Decimal). Unreadable input gives None / an empty value,
never an exception.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation, localcontext

from smartcert.core.values._text import nfkc
from smartcert.core.values.dates import find_dates
from smartcert.core.values.models import Flag, ParsedValue, Part, Per
from smartcert.core.values.units import (
    PERCENT_UNITS,
    UNIT_WORDS,
    canonical_unit,
    scale_factor,
    split_scale,
    split_unit,
)

__all__ = ["parse_number", "parse_value", "to_million_won"]

_NUMBER_RE = re.compile(r"([-+−–△]?)\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")

# A numeral as it may appear in a cell; strictness (thousands grouping) is checked after.
_NUM = r"\d+(?:,\d+)*(?:\.\d+)?"
_SCALE = r"(?:[십백천]?[만억조]|[십백천])"
_UNITS = "|".join(re.escape(u) for u in UNIT_WORDS)
# Template figures written with letters or circles: "OO건", "○○명".
_LETTER_PLACEHOLDER = r"[Oo○◯ㅇ]{2,}"
_FLAG_WORDS = "아니오|아니요|있음|없음|Yes|YES|No|NO|예|유|무|O|X|Y|N|○|◯|●|×|✕|✖|✗|✘|✓|✔"
_TRUE_WORDS = frozenset({"있음", "Yes", "YES", "예", "유", "O", "Y", "○", "◯", "●", "✓", "✔"})
_NOT_WORD = r"A-Za-z가-힣○◯●ㅇ"
_UNFILLED_FLAG = r"(?:O\s*/\s*X|○\s*/\s*×|예\s*/\s*아니오|유\s*/\s*무|Y\s*/\s*N)"

_TOKEN_RE = re.compile(
    rf"""
    (?P<flagph>(?<![{_NOT_WORD}]){_UNFILLED_FLAG}(?![{_NOT_WORD}]))
  | (?P<qty>
        (?P<sign>(?<![0-9A-Za-z.,])[-+−–△])?\s*
        (?P<body>(?<![0-9A-Za-z.,])
            (?:(?:{_NUM}\s*{_SCALE}\s*)+(?:{_NUM})?
              |{_NUM}
              |{_LETTER_PLACEHOLDER}(?=\s*(?:{_UNITS}))))
        (?!\d|[.,]\d)
        \s*(?P<unit>{_UNITS})?)
  | (?P<flag>(?<![{_NOT_WORD}])(?:{_FLAG_WORDS})(?![{_NOT_WORD}]))
    """,
    re.X,
)
_PER_RE = re.compile(
    rf"(?<![0-9A-Za-z.,])(?P<num>{_NUM})?\s*(?P<scale>{_SCALE})?\s*"
    r"(?P<unit>명|인|km2|km|가구|세대|개소|개|대|건)?\s*당(?![가-힣])"
)
_GROUP_RE = re.compile(rf"({_NUM})\s*({_SCALE})?")
_LABEL_SPLIT_RE = re.compile(r"[,;:()\[\]{}/·ㆍ]")
_LABEL_STRIP = " \t\r\n-–—=:·*•"


def parse_number(text: str) -> Decimal | None:
    """'1,234' → 1234, '12.34' → 12.34, '−3' / '△3' → -3, fullwidth digits via NFKC; else None."""
    m = _NUMBER_RE.fullmatch(nfkc(text).strip()) if text else None
    if m is None:
        return None
    sign, integer, fraction = m.groups()
    negative = sign not in ("", "+")
    try:
        value = Decimal(integer.replace(",", "") + (fraction or ""))
    except InvalidOperation:  # pragma: no cover - the regex admits only digits
        return None
    return -value if negative else value


def _is_placeholder(numeral: str) -> bool:
    """'00', '000', '0.00', '0,000', 'OO' are template slots; a lone '0' is a real zero."""
    digits = re.sub(r"[^0-9]", "", numeral)
    if not digits:
        return True  # letters/circles
    return len(digits) >= 2 and set(digits) == {"0"}


def _korean_amount(body: str) -> tuple[Decimal, str] | None:
    """Value and written scale of "15억 3천만" (→ 1530000000, "") or "1,250백만" (→ 1250, "백만").

    One group keeps its scale in the unit (as written); several groups are summed the
    Korean way: 십/백/천 add up inside a block that 만/억/조 closes.
    """
    groups = [(m.group(1), m.group(2) or "") for m in _GROUP_RE.finditer(body)]
    numbers = [parse_number(n) for n, _ in groups]
    if not groups or any(n is None for n in numbers):
        return None
    if len(groups) == 1:
        number = numbers[0]
        return (number, groups[0][1]) if number is not None else None
    total, block, last_big = Decimal(0), Decimal(0), None
    with localcontext() as ctx:
        ctx.prec = 60
        for number, (_, scale) in zip(numbers, groups, strict=True):
            split = split_scale(scale)
            if split is None or number is None:
                return None
            small, big = split
            block += number * small
            if big is not None:
                if last_big is not None and big >= last_big:
                    return None  # "3만 5억": scales must fall
                total += block * big
                block, last_big = Decimal(0), big
        return total + block, ""


def _label(between: str) -> str | None:
    piece = _LABEL_SPLIT_RE.split(between)[-1].strip(_LABEL_STRIP)
    return piece or None


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _quantity(m: re.Match[str], label: str | None) -> Part | None:
    body, unit_word = m.group("body"), m.group("unit")
    unit = canonical_unit(unit_word) if unit_word else None
    text = m.group("qty").strip()
    if re.fullmatch(_LETTER_PLACEHOLDER, body) or _is_placeholder(re.sub(_SCALE, "", body)):
        scale = "".join(re.findall(r"[십백천만억조]", body))
        return Part(label=label, unit=(scale + unit) if unit else None, text=text, placeholder=True)
    amount = _korean_amount(body)
    if amount is None:
        return None  # malformed numeral ("1,2345"): not a figure
    number, scale = amount
    if m.group("sign") and m.group("sign") != "+":
        number = -number
    unit_text = (scale + unit) if unit else None
    if scale and unit is None:
        factor = scale_factor(scale)  # "15억" with no unit: a plain number
        if factor is None:
            return None
        number *= factor
    if unit_text is not None and split_unit(unit_text) is None:
        return None
    return Part(label=label, number=number, unit=unit_text, text=text)


def _per(text: str) -> tuple[Per, tuple[int, int]] | None:
    for m in _PER_RE.finditer(text):
        num, scale, unit = m.group("num"), m.group("scale"), m.group("unit")
        if not (num or scale or unit):
            continue
        base = parse_number(num) if num else Decimal(1)
        split = split_scale(scale or "")
        if base is None or split is None:
            continue
        amount = base * split[0] * (split[1] or 1)
        per = Per(
            amount=amount, unit=canonical_unit(unit) if unit else None, text=m.group(0).strip()
        )
        return per, (m.start(), m.end())
    return None


def parse_value(text: str) -> ParsedValue:
    """Read a summary-table value. Never raises; unreadable text gives an empty reading."""
    s = nfkc(text or "")
    found = _per(s)
    per, masked = (found[0], [found[1]]) if found else (None, [])
    masked += [(d.start, d.end) for d in find_dates(s)]
    scan = _mask(s, masked)
    parts: list[Part] = []
    flags: list[Flag] = []
    unfilled_flag = False
    previous_end = 0
    for m in _TOKEN_RE.finditer(scan):
        label = _label(scan[previous_end : m.start()])
        previous_end = m.end()
        if m.group("flagph"):
            unfilled_flag = True
            flags.append(Flag(label=label, value=None))
        elif m.group("flag"):
            flags.append(Flag(label=label, value=m.group("flag") in _TRUE_WORDS))
        else:
            part = _quantity(m, label)
            if part is not None:
                parts.append(part)
    placeholder = unfilled_flag or any(p.placeholder for p in parts)
    units = {p.unit for p in parts}
    unit = units.pop() if len(units) == 1 else None
    number = None
    if len(parts) == 1 and not placeholder:
        number = parts[0].number
    elif parts and not placeholder and unit is not None and unit not in PERCENT_UNITS:
        # "국내 12건, 국외 3건": same counted unit, the figure is the sum
        with localcontext() as ctx:
            ctx.prec = 60
            number = sum((p.number for p in parts if p.number is not None), Decimal(0))
    boolean = flags[0].value if flags else None
    return ParsedValue(
        text=text or "",
        number=number,
        unit=unit,
        parts=tuple(parts),
        per=per,
        boolean=boolean,
        flags=tuple(flags),
        placeholder=placeholder,
    )


def to_million_won(value: ParsedValue | str) -> Decimal | None:
    """Any money expression in 백만원: '1,250백만원' → 1250, '15억 3천만원' → 1530, '5,000원' → 0.005."""
    parsed = parse_value(value) if isinstance(value, str) else value
    return parsed.million_won()
