"""A cell's value as Excel DISPLAYS it, from the value and its number format code.

Covers what submissions use: General, fixed decimals, thousands separators, percent,
scaling commas, scientific, literal text ('#,##0"원"'), currency/locale tags, the
Korean accounting format ('_-* #,##0_-;\\-* #,##0_-;_-* "-"_-;_-@_-'), and date/time
codes. Padding ('_x') and fill ('*x') only move ink in Excel, so the result is stripped.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from smartcert.extractors.xlsx_dates import format_datetime, is_date_code

_CONDITION = re.compile(r"^\[(<=|>=|<>|<|>|=)(-?\d+(?:\.\d+)?)\]")


def split_sections(code: str) -> list[str]:
    """Split a format code on ';' outside quotes, brackets and escapes."""
    out, cur, i = [], [], 0
    while i < len(code):
        ch = code[i]
        if ch == '"':
            j = code.find('"', i + 1)
            j = len(code) - 1 if j < 0 else j
            cur.append(code[i : j + 1])
            i = j + 1
            continue
        if ch == "[":
            j = code.find("]", i + 1)
            j = len(code) - 1 if j < 0 else j
            cur.append(code[i : j + 1])
            i = j + 1
            continue
        if ch in "\\_*" and i + 1 < len(code):
            cur.append(code[i : i + 2])
            i += 2
            continue
        if ch == ";":
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    out.append("".join(cur))
    return out


def _tokens(section: str) -> list[tuple[str, str]]:
    """(kind, text): lit | ph (0 # ?) | dot | comma | pct | exp (E+/E-) | at | general."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(section):
        ch = section[i]
        if ch == '"':
            j = section.find('"', i + 1)
            j = len(section) if j < 0 else j
            out.append(("lit", section[i + 1 : j]))
            i = j + 1
        elif ch == "\\" and i + 1 < len(section):
            out.append(("lit", section[i + 1]))
            i += 2
        elif ch == "_" and i + 1 < len(section):
            out.append(("lit", " "))
            i += 2
        elif ch == "*" and i + 1 < len(section):
            i += 2
        elif ch == "[":
            j = section.find("]", i + 1)
            j = len(section) if j < 0 else j
            tag = section[i + 1 : j]
            if tag.startswith("$"):  # [$₩-412]: a currency symbol and a locale
                out.append(("lit", tag[1:].split("-", 1)[0]))
            i = j + 1
        elif section[i : i + 7].lower() == "general":
            out.append(("general", ""))
            i += 7
        elif ch in "0#?":
            out.append(("ph", ch))
            i += 1
        elif ch in "eE" and i + 1 < len(section) and section[i + 1] in "+-":
            out.append(("exp", section[i + 1]))
            i += 2
        else:
            kind = {".": "dot", ",": "comma", "%": "pct", "@": "at"}.get(ch, "lit")
            out.append((kind, ch))
            i += 1
    return out


def general(value: float) -> str:
    """Excel's General format: at most 11 characters, scientific beyond that."""
    if isinstance(value, int) or float(value).is_integer():
        if abs(value) < 1e11:
            return str(int(value))
    else:
        for decimals in range(10, -1, -1):
            s = f"{value:.{decimals}f}"
            if "." in s:
                s = s.rstrip("0").rstrip(".")
            if len(s) <= 11 and s not in ("0", "-0"):
                return s
    mantissa, exp = f"{value:.5E}".split("E")
    mantissa = mantissa.rstrip("0").rstrip(".")
    return f"{mantissa}E{exp[0]}{int(exp[1:]):02d}"


def _round(value: float, decimals: int) -> Decimal:
    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _group(digits: str) -> str:
    return f"{int(digits):,}" if digits else digits


def _int_fill(digits: str, phs: list[str]) -> list[str]:
    """Digits for each integer placeholder, filled right to left; the first takes the rest."""
    out = [""] * len(phs)
    rest = digits
    for k in range(len(phs) - 1, -1, -1):
        if k == 0:
            take, rest = rest, ""
        else:
            take, rest = rest[-1:], rest[:-1]
        if not take:
            take = {"0": "0", "?": " ", "#": ""}[phs[k]]
        out[k] = take
    return out


def _scientific(value: float, toks: list[tuple[str, str]]) -> str:
    exp_at = next(i for i, (k, _) in enumerate(toks) if k == "exp")
    head, tail = toks[:exp_at], toks[exp_at + 1 :]
    dot = next((i for i, (k, _) in enumerate(head) if k == "dot"), len(head))
    int_ph = [t for i, (k, t) in enumerate(head) if k == "ph" and i < dot]
    decimals = sum(1 for i, (k, _) in enumerate(head) if k == "ph" and i > dot)
    exp_digits = max(1, sum(1 for k, _ in tail if k == "ph"))
    # '##0.0E+0' is engineering notation: exponents in steps of the integer digits
    step = len(int_ph) if len(int_ph) > 1 and int_ph[0] == "#" else 1
    exp = 0 if value == 0 else math.floor(math.log10(abs(value)) / step) * step
    mant = _round(abs(value) / 10**exp, decimals)
    if mant >= 10**step:
        exp += step
        mant = _round(abs(value) / 10**exp, decimals)
    first = next((i for i, (k, _) in enumerate(head) if k == "ph"), len(head))
    prefix = "".join(t for i, (k, t) in enumerate(head) if k == "lit" and i < first)
    suffix = "".join(t for k, t in tail if k == "lit")
    sign = "-" if exp < 0 else ("+" if toks[exp_at][1] == "+" else "")
    return f"{prefix}{mant:f}E{sign}{abs(exp):0{exp_digits}d}{suffix}"


def _number(value: float, toks: list[tuple[str, str]]) -> str:
    if any(k == "general" for k, _ in toks):
        return "".join(general(value) if k == "general" else t for k, t in toks if k == "lit"
                       or k == "general")
    if any(k == "exp" for k, _ in toks):
        return _scientific(value, toks)
    phs = [i for i, (k, _) in enumerate(toks) if k == "ph"]
    if any(k == "lit" and t == "/" and phs and i > phs[0] for i, (k, t) in enumerate(toks)):
        return general(value)  # fractions ('# ?/?') are not rendered: the decimal is exact
    if not phs:  # only literals: '"해당없음"' shows the text whatever the number
        return "".join(t for k, t in toks if k in ("lit", "pct"))
    dot = next((i for i, (k, _) in enumerate(toks) if k == "dot"), None)
    int_idx = [i for i in phs if dot is None or i < dot]
    frac_idx = [i for i in phs if dot is not None and i > dot]
    scaled = value * 100 ** sum(1 for k, _ in toks if k == "pct")
    # a comma run right after a digit placeholder either groups thousands (more integer
    # digits follow) or, at the end of the digits, divides by 1000 per comma ('#,##0,')
    hidden_commas: set[int] = set()
    thousands = False
    i = 0
    while i < len(toks):
        if toks[i][0] == "comma" and i > 0 and toks[i - 1][0] == "ph":
            j = i
            while j < len(toks) and toks[j][0] == "comma":
                j += 1
            hidden_commas.update(range(i, j))
            if j < len(toks) and toks[j][0] == "ph":
                thousands = thousands or (dot is None or j < dot)
            else:
                scaled /= 1000 ** (j - i)
            i = j
        else:
            i += 1
    rounded = _round(abs(scaled), len(frac_idx))
    int_digits, _, frac_digits = f"{rounded:f}".partition(".")
    int_digits = int_digits.lstrip("0")
    pieces: dict[int, str] = {}
    if thousands:
        zeros = sum(1 for i in int_idx if toks[i][1] == "0")
        pieces[int_idx[0]] = _group(int_digits.rjust(zeros, "0"))
        pieces.update({i: "" for i in int_idx[1:]})
    else:
        pieces.update(zip(int_idx, _int_fill(int_digits, [toks[i][1] for i in int_idx]),
                          strict=True))
    frac = list(frac_digits.ljust(len(frac_idx), "0"))
    for k in range(len(frac_idx) - 1, -1, -1):  # optional trailing places vanish
        if frac[k] == "0" and toks[frac_idx[k]][1] in "#?":
            frac[k] = "" if toks[frac_idx[k]][1] == "#" else " "
        else:
            break
    pieces.update(zip(frac_idx, frac, strict=True))
    out = []
    for i, (k, t) in enumerate(toks):
        if k == "ph":
            out.append(pieces[i])
        elif k == "dot" and not int_idx:
            out.append(int_digits + t)  # '.00' still shows the integer part: 12.50
        elif k in ("lit", "pct", "dot") or (k == "comma" and i not in hidden_commas):
            out.append(t)
    return "".join(out)


def _pick_section(value: float, sections: list[str]) -> tuple[str, float, bool]:
    """The section for `value`, the value to render in it, and whether to add a minus."""
    conds = [_CONDITION.match(s) for s in sections]
    if any(conds):
        for s, m in zip(sections, conds, strict=True):
            if m is None:
                return s, abs(value) if value < 0 else value, False
            op, num = m.group(1), float(m.group(2))
            ok = {"<": value < num, "<=": value <= num, ">": value > num, ">=": value >= num,
                  "=": value == num, "<>": value != num}[op]
            if ok:
                return s[m.end() :], abs(value), value < 0 and num >= 0 and op in ("<", "<=")
        return sections[-1], value, False
    if value < 0 and len(sections) >= 2:
        return sections[1], -value, False
    if value == 0 and len(sections) >= 3:
        return sections[2], value, False
    return sections[0], abs(value), value < 0


def format_number(value: float, code: str | None) -> str:
    if not code or code.strip().lower() == "general":
        return general(value)
    section, shown, minus = _pick_section(value, split_sections(code))
    if not section:  # ';;;' hides the value
        return ""
    text = _number(shown, _tokens(section)).strip()
    # a minus only shows when the rounded figure is not zero ('-0' never appears)
    if minus and any(ch.isdigit() and ch != "0" for ch in text):
        text = "-" + text
    return text


def format_text(value: str, code: str | None) -> str:
    """Text cells: a fourth section with '@' can wrap the text ('"(" @ ")"')."""
    sections = split_sections(code) if code else []
    if len(sections) < 4 or "@" not in sections[3]:
        return value
    return "".join(value if k == "at" else t for k, t in _tokens(sections[3])
                   if k in ("lit", "at")).strip()


def display_text(value: object, code: str | None) -> str:
    """The text a reviewer sees in Excel for `value` formatted with `code`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, str):
        return format_text(value, code)
    if isinstance(value, datetime | date | time | timedelta):
        return format_datetime(value, code)
    if isinstance(value, int | float):
        if code and is_date_code(code):  # a serial number under a date code openpyxl missed
            return format_datetime(value, code)
        return format_number(value, code)
    return str(value)
