"""Dates and times as Excel displays them on a Korean system.

Built-in format 14 ('mm-dd-yy' in the file) follows the system's short date, which on a
Korean system prints '2023-05-12'; built-in 22 likewise prints '2023-05-12 9:30'. Month
and weekday names are Korean unless the code carries another locale tag ('[$-409]').
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from openpyxl.styles.numbers import is_date_format
from openpyxl.utils.datetime import from_excel

# numFmtIds 27–36 and 50–58 are the CJK locales' built-in date/time formats. openpyxl
# does not know them (it reads them as General), so their serials would print as numbers.
CJK_BUILTIN_DATE_IDS = frozenset([*range(27, 37), *range(50, 59)])

_KO_DAYS = "월화수목금토일"
_EN_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_SYSTEM = {"mm-dd-yy": "yyyy-mm-dd", "m/d/yy h:mm": "yyyy-mm-dd h:mm"}


def is_date_code(code: str) -> bool:
    return is_date_format(code)


def _first_section(code: str) -> str:
    depth_quote = False
    for i, ch in enumerate(code):
        if ch == '"':
            depth_quote = not depth_quote
        elif ch == ";" and not depth_quote and (i == 0 or code[i - 1] != "\\"):
            return code[:i]
    return code


def _tokens(section: str) -> tuple[list[tuple[str, str]], str]:
    """Date tokens (y m d h s a ampm frac elapsed lit) and the locale: ko, other, or
    sysdate/systime for '[$-F800]'/'[$-F400]' (Excel then prints the system's long form)."""
    out: list[tuple[str, str]] = []
    locale = "ko"
    i, n = 0, len(section)
    while i < n:
        ch = section[i]
        low = ch.lower()
        if ch == '"':
            j = section.find('"', i + 1)
            j = n if j < 0 else j
            out.append(("lit", section[i + 1 : j]))
            i = j + 1
        elif ch == "\\" and i + 1 < n:
            out.append(("lit", section[i + 1]))
            i += 2
        elif ch == "_" and i + 1 < n:
            out.append(("lit", " "))
            i += 2
        elif ch == "*" and i + 1 < n:
            i += 2
        elif ch == "[":
            j = section.find("]", i + 1)
            j = n if j < 0 else j
            tag = section[i + 1 : j]
            if tag.lower() in ("h", "hh", "m", "mm", "s", "ss"):
                out.append(("elapsed", tag.lower()))
            elif tag.startswith("$"):
                loc = tag.split("-", 1)[1].upper() if "-" in tag else ""
                locale = {"F800": "sysdate", "X-SYSDATE": "sysdate", "F400": "systime",
                          "X-SYSTIME": "systime"}.get(loc, "ko" if loc in ("", "412", "KO-KR")
                                                      or loc.endswith("0412") else "other")
            i = j + 1
        elif section[i : i + 5].upper() == "AM/PM":
            out.append(("ampm", "AM/PM"))
            i += 5
        elif section[i : i + 3].upper() == "A/P":
            out.append(("ampm", "A/P"))
            i += 3
        elif low in "ymdhsae":
            j = i
            while j < n and section[j].lower() == low:
                j += 1
            out.append(("y" if low == "e" else low, section[i:j].lower()))
            i = j
        elif ch == "." and i + 1 < n and section[i + 1] == "0":
            j = i + 1
            while j < n and section[j] == "0":
                j += 1
            out.append(("frac", section[i + 1 : j]))
            i = j
        else:
            out.append(("lit", ch))
            i += 1
    return out, locale


def _minutes(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """'m' means minutes right after an hour or right before a second."""
    out = list(tokens)
    real = [i for i, (k, _) in enumerate(out) if k != "lit"]
    for pos, i in enumerate(real):
        if out[i][0] != "m" or len(out[i][1]) > 2:
            continue
        prev = out[real[pos - 1]][0] if pos > 0 else None
        nxt = out[real[pos + 1]][0] if pos + 1 < len(real) else None
        if prev in ("h", "elapsed") or nxt == "s":
            out[i] = ("min", out[i][1])
    return out


def _as_datetime(value: object) -> datetime | timedelta:
    if isinstance(value, timedelta):
        return value
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, time):
        return datetime(1899, 12, 30, value.hour, value.minute, value.second, value.microsecond)
    converted = from_excel(value)  # a serial number
    return _as_datetime(converted)


def _iso(v: datetime | timedelta) -> str:
    if isinstance(v, timedelta):
        total = int(v.total_seconds())
        return f"{total // 3600}:{total // 60 % 60:02d}:{total % 60:02d}"
    if (v.hour, v.minute, v.second) == (0, 0, 0):
        return v.strftime("%Y-%m-%d")
    if (v.year, v.month, v.day) == (1899, 12, 30):
        return v.strftime("%H:%M:%S")
    return v.strftime("%Y-%m-%d %H:%M:%S")


def format_datetime(value: object, code: str | None) -> str:
    v = _as_datetime(value)
    section = _first_section(code or "")
    section = _SYSTEM.get(section.lower(), section)
    if not section or section.lower() == "general":
        return _iso(v)
    tokens, locale = _tokens(section)
    korean = locale == "ko"
    if not any(k != "lit" for k, _ in tokens):
        return _iso(v)
    if locale == "sysdate" and isinstance(v, datetime):
        return f"{v.year}년 {v.month}월 {v.day}일 {_KO_DAYS[v.weekday()]}요일"
    if locale == "systime" and isinstance(v, datetime):
        return f"{'오후' if v.hour >= 12 else '오전'} {v.hour % 12 or 12}:{v.minute:02d}:{v.second:02d}"
    if isinstance(v, timedelta):
        base = datetime(1899, 12, 30) + v
        elapsed_s = int(v.total_seconds())
    else:
        base = v
        elapsed_s = int((v - datetime(1899, 12, 30)).total_seconds())
    tokens = _minutes(tokens)
    twelve = any(k == "ampm" for k, _ in tokens)
    out: list[str] = []
    for kind, t in tokens:
        if kind == "lit":
            out.append(t)
        elif kind == "y":
            out.append(f"{base.year % 100:02d}" if len(t) <= 2 else f"{base.year:04d}")
        elif kind == "m":
            month = base.month
            if len(t) <= 2:
                out.append(f"{month:0{len(t)}d}")
            elif korean:
                out.append(f"{month}월")
            else:
                name = _EN_MONTHS[month - 1]
                out.append(name[:3] if len(t) == 3 else name[:1] if len(t) == 5 else name)
        elif kind == "d":
            wd = base.weekday()
            if len(t) <= 2:
                out.append(f"{base.day:0{len(t)}d}")
            elif korean:
                out.append(_KO_DAYS[wd] + ("요일" if len(t) >= 4 else ""))
            else:
                out.append(_EN_DAYS[wd][:3] if len(t) == 3 else _EN_DAYS[wd])
        elif kind == "a":  # 'aaa'/'aaaa': Korean weekday names
            out.append(_KO_DAYS[base.weekday()] + ("요일" if len(t) >= 4 else ""))
        elif kind == "h":
            hour = (base.hour % 12 or 12) if twelve else base.hour
            out.append(f"{hour:0{min(len(t), 2)}d}")
        elif kind == "min":
            out.append(f"{base.minute:0{min(len(t), 2)}d}")
        elif kind == "s":
            out.append(f"{base.second:0{min(len(t), 2)}d}")
        elif kind == "frac":
            out.append("." + f"{base.microsecond / 1e6:.{len(t)}f}"[2:])
        elif kind == "elapsed":
            div = {"h": 3600, "m": 60, "s": 1}[t[0]]
            out.append(f"{elapsed_s // div:0{len(t)}d}")
        elif kind == "ampm":
            pm = base.hour >= 12
            if korean and t == "AM/PM":
                out.append("오후" if pm else "오전")
            else:
                out.append(("PM" if pm else "AM") if t == "AM/PM" else ("P" if pm else "A"))
    return "".join(out).strip()


def serial_text(value: float) -> str:
    """A serial under a CJK built-in date id: shown as an ISO date (or time below 1)."""
    return _iso(_as_datetime(value))
