"""Dates and periods in the styles submissions use.

"'23.05", "’24.10", "2023. 5. 12.", "2023-05-12", "2023년 5월", "2023.08~2025.07",
"'23.01~02", "’23.3.~’24.2.". Two-digit years are 20yy below 70, else 19yy.
Impossible dates (month 13, 30 February) and reversed spans give None, never raise.

``strict`` is for running text: a date must then carry a year marker (four digits, an
apostrophe, or 년 with a month) because a bare "12.05" is far more often a number.
"""

from __future__ import annotations

import re

from pydantic import ValidationError

from smartcert.core.values._text import APOSTROPHES, RANGE_SEPARATORS, fold, nfkc
from smartcert.core.values.mention import Mention, MentionKind
from smartcert.core.values.periods import DateSpan, PartialDate

__all__ = ["DateSpan", "PartialDate", "find_dates", "parse_date", "parse_span"]

_A = re.escape(APOSTROPHES)
_S = re.escape(RANGE_SEPARATORS)
_Y = rf"(?:(?P<y4>(?:19|20)\d{{2}})|(?P<apos>[{_A}])\s?(?P<ya>\d{{2}})|(?P<yb>\d{{2}}))"
_M, _D = r"(?P<m>\d{1,2})", r"(?P<d>\d{1,2})"
_DATE_FORMS = [
    re.compile(rf"{_Y}\s{{0,2}}\.\s{{0,2}}{_M}(?:\s{{0,2}}\.\s{{0,2}}{_D})?\s?\.?"),
    re.compile(rf"(?P<y4>(?:19|20)\d{{2}})(?P<sep>[-/]){_M}(?:(?P=sep){_D})?"),
    re.compile(rf"{_Y}\s?년도?(?:\s?{_M}\s?월(?:\s?{_D}\s?일)?)?"),
    re.compile(rf"(?P<y4>(?:19|20)\d{{2}})|(?P<apos>[{_A}])\s?(?P<ya>\d{{2}})"),
    re.compile(r"(?P<y4>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})"),  # strict: not in running text
]
_COMPACT = _DATE_FORMS[-1]
_WEEKDAY_RE = re.compile(r"\s*\(\s*[월화수목금토일](?:요일)?\s*\)\s*$|\s+[월화수목금토일]요일$")
_SEP_RE = re.compile(rf"\s*[{_S}]\s*")


def _century(yy: int) -> int:
    return 2000 + yy if yy < 70 else 1900 + yy


def _year(m: re.Match[str]) -> int:
    groups = m.groupdict()
    if groups.get("y4"):
        return int(groups["y4"])
    return _century(int(groups.get("ya") or groups["yb"]))


def _make(year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
    try:
        return PartialDate(year=year, month=month, day=day)
    except ValidationError:
        return None


def parse_date(text: str, strict: bool = False) -> PartialDate | None:
    """Read one date; None if it is not one (or does not exist)."""
    s = _WEEKDAY_RE.sub("", nfkc(text or "").strip())
    for form in _DATE_FORMS:
        if strict and form is _COMPACT:
            break  # "20230512" in running text is as likely an id as a date
        m = form.fullmatch(s)
        if m is None:
            continue
        groups = m.groupdict()
        month, day = groups.get("m"), groups.get("d")
        if strict and groups.get("yb") and not (month and "월" in s):
            return None  # bare "23.05" in running text is a number, not May 2023
        return _make(_year(m), int(month) if month else None, int(day) if day else None)
    return None


def _parse_end(text: str, start: PartialDate) -> PartialDate | None:
    """The end of a span, which may leave out what it shares with the start ("'23.01~02")."""
    s = _WEEKDAY_RE.sub("", text.strip())
    if m := re.fullmatch(r"(\d{1,2})\s?(월|일)?\s?\.?", s):
        number, suffix = int(m.group(1)), m.group(2)
        if suffix == "일" or (suffix is None and start.day is not None):
            return _make(start.year, start.month, number)
        if suffix == "월" or start.month is not None:
            # "'23.11~02" runs into the next year
            year = start.year + (1 if start.month is not None and number < start.month else 0)
            return _make(year, number)
        if len(m.group(1)) == 2:
            return _make(_century(number))
        return None
    if start.day is not None and (
        m := re.fullmatch(r"(\d{1,2})\s?\.\s?(\d{1,2})\s?\.?|(\d{1,2})\s?월\s?(\d{1,2})\s?일", s)
    ):
        month, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if (end := _make(start.year, int(month), int(day))) is not None:
            return end
    if start.month is None and (m := re.fullmatch(r"(\d{2})\s?년도?", s)):
        return _make(_century(int(m.group(1))))
    return parse_date(s)


def parse_span(text: str, strict: bool = False) -> DateSpan | None:
    """Read a period "start ~ end"; None unless both ends are valid and in order."""
    s = nfkc(text or "").strip()
    if s.startswith("(") and s.endswith(")"):
        s = s[1:-1].strip()
    if parse_date(s) is not None:
        return None  # "2023-05-12" is one day, not 2023-05 to the 12th
    for sep in _SEP_RE.finditer(s):
        start = parse_date(s[: sep.start()], strict=strict)
        if start is None:
            continue
        end = _parse_end(s[sep.end() :], start)
        if end is None:
            continue
        try:
            return DateSpan(start=start, end=end)
        except ValidationError:
            continue
    return None


# --- finding dates in running text -------------------------------------------------------

_SP = r" ?"
_Y4 = r"(?:19|20)\d{2}"
_YA = rf"[{_A}] ?\d{{2}}"
_DOTTED = (
    rf"(?:{_Y4}|{_YA}|\d{{2}}){_SP}\.{_SP}\d{{1,2}}(?:{_SP}\.{_SP}\d{{1,2}})?(?:{_SP}\.(?!\d))?"
)
_DASHED = rf"{_Y4}[-/]\d{{1,2}}(?:[-/]\d{{1,2}})?"
_KOREAN = (
    rf"(?:{_Y4}|{_YA}|\d{{2}}(?={_SP}년{_SP}\d{{1,2}}{_SP}월)){_SP}년(?:도)?"
    rf"(?:{_SP}\d{{1,2}}{_SP}월(?:{_SP}\d{{1,2}}{_SP}일)?)?"
)
_DATE = rf"(?:{_KOREAN}|{_DOTTED}|{_DASHED})"
_SHORT_END = (
    rf"\d{{1,2}}{_SP}월(?:{_SP}\d{{1,2}}{_SP}일)?|\d{{1,2}}{_SP}일"
    rf"|\d{{1,2}}{_SP}\.{_SP}\d{{1,2}}(?:{_SP}\.(?!\d))?|\d{{2}}{_SP}년|\d{{1,2}}(?:{_SP}\.(?!\d))?"
)
# After a date: no more digits, and nothing glued to a final numeral that makes it a
# figure or another date part ("2023.5억", "2020.5%", "2024-24월").
_END = r"(?!\d|[.,]\d)(?:(?<=[년월일도.])|(?![%A-Za-z십백천만억조년월일]))"
_WEEKDAY = r"(?: ?\([월화수목금토일]\))?"  # "2023. 5. 12.(금)"
_DATE_RE = re.compile(rf"{_DATE}{_WEEKDAY}{_END}")
_SPAN_START = rf"(?:{_DATE}|{_Y4}|{_YA}){_WEEKDAY}"
_SPAN_END = rf"(?:{_DATE}|{_Y4}|{_YA}{_SP}년?|{_SHORT_END}){_WEEKDAY}"
_SPAN_RE = re.compile(rf"{_SPAN_START} {{0,3}}[{_S}] {{0,3}}{_SPAN_END}{_END}")
DATE_END_RE = re.compile(_END)
DATE_START_RE = re.compile(rf"(?<![\dA-Za-z.,/\-])(?=[{_A}]? ?\d)")


def find_dates(text: str, strict: bool = True) -> list[Mention]:
    """Every date and span in ``text``, left to right, with offsets into ``text``."""
    if not text:
        return []
    folded = fold(text)
    found: list[Mention] = []
    last_end = 0
    for start_match in DATE_START_RE.finditer(folded):
        pos = start_match.start()
        if pos < last_end:
            continue
        mention = None
        if m := _SPAN_RE.match(folded, pos):
            span = parse_span(text[pos : m.end()], strict=strict)
            if span is not None:
                mention = Mention(
                    kind=MentionKind.SPAN,
                    text=text[pos : m.end()],
                    start=pos,
                    end=m.end(),
                    value=span,
                )
        if mention is None and (m := _DATE_RE.match(folded, pos)):
            day = parse_date(text[pos : m.end()], strict=strict)
            if day is not None:
                mention = Mention(
                    kind=MentionKind.DATE,
                    text=text[pos : m.end()],
                    start=pos,
                    end=m.end(),
                    value=day,
                )
        if mention is not None:
            found.append(mention)
            last_end = mention.end
    return found
