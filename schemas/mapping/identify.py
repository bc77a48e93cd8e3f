"""Which catalogue indicator a printed name (or form title) stands for.

Exact lookup first (`RuleSet.find_by_name`: names, aliases, points-table and form wordings,
with a trailing period in parentheses ignored), then Korean fuzzy matching on the same
wordings (`textmatch.best_match`). The shared name '지자체 자체 설정 지표 제시' fits one
indicator per area, so the area printed in the 분류 column — or the codes of the
neighbouring rows — decides between them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from smartcert.core.normalize import match_key
from smartcert.core.textmatch import best_match
from smartcert.schemas.catalogue import RuleSet, name_keys
from smartcert.schemas.catalogue.indicators import Indicator
from smartcert.schemas.mapping.settings import MAPPING

# "(’23~’24년)", "('23.8~'25.7)", "(2년간)", "(현재 기준)": period notes forms add to names
_PAREN_NOTE = re.compile(r"\((?:[^()]*\d[^()]*|[^()]*(?:년간|기준))\)")
_LEAD_MARK = re.compile(r"^\s*(?:[①-⑳]|\d{1,2}[).]|[○●■□◦▪※*·-]|[A-C]-\d{1,2}-\d{1,2}\.?)\s*")
_SELF_SET = match_key("지자체 자체 설정 지표")


def clean_name(text: str) -> str:
    """A printed name without list markers, period notes and line breaks."""
    s = " ".join(text.split())
    s = _LEAD_MARK.sub("", s)
    return _PAREN_NOTE.sub("", s).strip()


Wordings = tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]


def _collect(rs: RuleSet) -> Wordings:
    texts: dict[str, list[str]] = {}
    for ind in rs.indicators:
        for alias in ind.all_names():
            for key in name_keys(clean_name(alias.text)) | name_keys(alias.text):
                codes = texts.setdefault(key, [])
                if ind.code not in codes:
                    codes.append(ind.code)
    keys = tuple(texts)
    return keys, tuple(tuple(texts[k]) for k in keys)


_CACHE: dict[tuple[str, str, str, tuple[str, ...]], Wordings] = {}


def wordings(rs: RuleSet) -> Wordings:
    """Every wording key of the rule set and the codes it names (built once per rule set)."""
    key = (rs.id, rs.version, rs.folder, tuple(rs.codes))
    got = _CACHE.get(key)
    if got is None:
        got = _CACHE[key] = _collect(rs)
    return got


def is_self_set(text: str) -> bool:
    return match_key(text).startswith(_SELF_SET)


def area_of(rs: RuleSet, texts: Iterable[str]) -> str | None:
    """The service area named in the 분류 cells ('교통', '문화 관광', 'C-1 교통'), if any."""
    areas = rs.structure.areas
    choices: list[str] = []
    owners: list[str] = []
    for a in areas:
        for name in (a.name, *a.aliases):
            choices.append(name)
            owners.append(a.id)
    for text in texts:
        for piece in [text, *re.split(r"[\s/·,()]+", text)]:
            if not match_key(piece):
                continue
            found = rs.area(piece)
            if found is not None:
                return found.id
            m = best_match(re.sub(r"^[A-C]-\d{1,2}\s*", "", piece), choices, threshold=MAPPING.indicator_name_piece)
            if m is not None:
                return owners[m.index]
    return None


def candidates(rs: RuleSet, name: str, threshold: float = MAPPING.indicator_name) -> tuple[list[Indicator], float]:
    """Indicators the printed `name` may be, with the match score (100 = exact wording)."""
    cleaned = clean_name(name)
    if not match_key(cleaned):
        return [], 0.0
    if is_self_set(cleaned):
        return [i for i in rs.indicators if is_self_set(i.name)], 100.0
    exact = rs.find_by_name(cleaned) or rs.find_by_name(name)
    if exact:
        return exact, 100.0
    keys, codes = wordings(rs)
    m = best_match(cleaned, keys, threshold=threshold)
    if m is None:
        return [], 0.0
    return [rs.indicator(c) for c in codes[m.index]], m.score


def choose(found: Sequence[Indicator], area: str | None = None,
           taken: Iterable[str] = (), near: Iterable[str | None] = ()) -> Indicator | None:
    """One indicator among `found`: in `area`, not yet taken, in the subgroup of a neighbour."""
    pool = list(found)
    if area is not None and any(i.area == area for i in pool):
        pool = [i for i in pool if i.area == area]
    used = set(taken)
    pool = [i for i in pool if i.code not in used] or pool
    if len(pool) <= 1:
        return pool[0] if pool else None
    prefixes = [c.rsplit("-", 1)[0] for c in near if c]
    for p in prefixes:
        same = [i for i in pool if i.code.rsplit("-", 1)[0] == p]
        if same:
            return same[0]
    return None  # still ambiguous: better unknown than wrong
