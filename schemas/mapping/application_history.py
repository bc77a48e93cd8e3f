"""The application's 인증 실적 (별지 제1호서식) and the purpose of the application.

'2023년 스마트도시 인증 3등급 (등급 상향 신청)' → one earlier certification (2023, 3등급)
and the purpose 등급상향; '해당 없음 (신규 신청)' → none, a new application. The words
come from the rule set (`applicants.renewal.purpose_words`, `no_history_words`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import get_args

from smartcert.core.normalize import match_key, tidy
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.claims import Purpose, StatedCertification, Submission

# Labels of the 인증 실적 cell, most preferred first.
HISTORY = ["인증실적", "기존인증실적", "인증이력"]
# Labels of a cell stating the purpose, when a form adds one.
PURPOSE = ["신청목적", "인증신청목적", "신청사유"]
_SEPARATORS = frozenset(",，;；/\n")
_YEAR = re.compile(r"(?<!\d)(20\d{2})\s*(?:년|\.|\s|$)|['‘’](\d{2})\s*년")
_GRADE = re.compile(r"(?<!\d)([1-5])\s*등급")
_PAREN = re.compile(r"\([^()]*\)")


def _pieces(text: str) -> list[str]:
    """Split at separators outside parentheses ('2021년 인증(3등급), 2023년 재인증')."""
    out, depth, cur = [], 0, ""
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if depth == 0 and ch in _SEPARATORS:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    return [p.strip() for p in [*out, cur] if p.strip()]


def _year(text: str) -> int | None:
    m = _YEAR.search(text)
    if m is None:
        return None
    return int(m.group(1)) if m.group(1) else 2000 + int(m.group(2))


def stated_none(text: str, rs: RuleSet) -> bool:
    """True when the cell says there is no earlier certification ('해당 없음 (신규 신청)')."""
    renewal = rs.applicants.renewal if rs.applicants else None
    words = {match_key(w) for w in (renewal.no_history_words if renewal else [])}
    bare = match_key(_PAREN.sub("", text))
    return bare in words or (not bare and match_key(text).strip("()") in words)


def parse_history(text: str, rs: RuleSet) -> list[StatedCertification]:
    """The earlier certifications stated, one per piece with a year; a piece without a
    year is kept with `year` None (it states something this reading cannot place)."""
    if stated_none(text, rs):
        return []
    out = []
    for piece in _pieces(tidy(text)):
        grade = _GRADE.search(piece)
        out.append(StatedCertification(year=_year(piece), text=piece,
                                       grade=int(grade.group(1)) if grade else None))
    return out


def purpose_of(texts: Iterable[str], rs: RuleSet) -> Purpose | None:
    """The one purpose the texts state; None when none or several do."""
    renewal = rs.applicants.renewal if rs.applicants else None
    words = renewal.purpose_words if renewal else {}
    valid = set(get_args(Purpose))
    found: set[str] = set()
    for text in texts:
        key = match_key(text)
        found |= {p for p, ws in words.items() if p in valid
                  and any(match_key(w) in key for w in ws)}
    return found.pop() if len(found) == 1 else None  # type: ignore[return-value]


_PURPOSE_KO = {"new": "신규 인증", "grade_upgrade": "등급상향", "grade_maintenance": "등급유지"}


def override_purpose(sub: Submission, given: Purpose | None) -> None:
    """An operator's purpose (a renewal run's) wins over the application's reading; when the
    two differ the submission notes it, so a reviewer sees both."""
    if given is None or given == sub.purpose:
        return
    if sub.purpose is not None:
        sub.notes.append(f"신청 목적: 신청서에는 '{_PURPOSE_KO[sub.purpose]}'(으)로 기재되어 "
                         f"있으나 운영자가 지정한 '{_PURPOSE_KO[given]}'(으)로 검토함")
    sub.purpose = given
