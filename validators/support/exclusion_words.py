"""Words that the call's per-indicator conditions turn on, found in printed text whatever
the spacing and case ('스마트 도시' reads as '스마트도시', 'SMART CITY' as 'Smart City'), and
the rows of a form those conditions are checked on.

The words live in the rule set (`indicators[].rules[].params`, `qualitative.
self_assessment`), never in code. A Latin word must stand as a word ('AI' is not in
'TRAIN'); a Korean one is found inside compounds ('데이터' in '데이터기반행정').
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from smartcert.core.findings import Location
from smartcert.core.normalize import match_key
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.catalogue.indicators import Indicator, IndicatorRule, ItemList
from smartcert.schemas.claims import FieldValue, IndicatorClaim, ListedItem
from smartcert.validators.support.item_names import name_key

# what may stand between the letters of a word as printed: spaces, a middle dot, a hyphen
_GAP = r"[\s·\-_]*"
_TOTALS = frozenset({"계", "합계", "총계", "소계", "총합계"})


@lru_cache(maxsize=2048)
def _pattern(word: str) -> re.Pattern[str] | None:
    key = match_key(word)
    if not key:
        return None
    body = _GAP.join(re.escape(ch) for ch in key)
    head = r"(?<![A-Za-z])" if key[0].isascii() and key[0].isalpha() else ""
    tail = r"(?![A-Za-z])" if key[-1].isascii() and key[-1].isalpha() else ""
    return re.compile(head + body + tail, re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    word: str  # the word of the rule set
    printed: str  # as printed
    start: int  # offsets in the NFKC form of the text
    end: int


def find(text: str, words: Iterable[str], not_words: Iterable[str] = ()) -> list[Found]:
    """Every occurrence of `words` in `text`, in reading order; one inside an occurrence of
    `not_words` does not count ('파일' in '프로파일', '예정' in '예정지')."""
    norm = unicodedata.normalize("NFKC", text or "")
    blocked = [(m.start(), m.end()) for w in not_words if (p := _pattern(w)) is not None
               for m in p.finditer(norm)]
    out = []
    for w in words:
        p = _pattern(w)
        for m in p.finditer(norm) if p is not None else ():
            if not any(m.start() < b_end and b_start < m.end() for b_start, b_end in blocked):
                out.append(Found(w, m.group(0), m.start(), m.end()))
    return sorted(out, key=lambda f: (f.start, -f.end))


def has_any(text: str, words: Iterable[str], not_words: Iterable[str] = ()) -> bool:
    return bool(find(text, words, not_words))


def quoted(words: Iterable[str]) -> str:
    """"'스마트도시', '스마트시티', 'Smart City'" — the words a message says were sought."""
    return ", ".join(f"'{w}'" for w in words)


def words(entry: IndicatorRule, key: str) -> list[str]:
    """A list of words of a rules entry's params (empty when absent or not a list)."""
    value: Any = entry.params.get(key)
    return [str(v) for v in value] if isinstance(value, list) else []


def entries(ruleset: RuleSet, code: str,
            kinds: Iterable[str]) -> Iterator[tuple[Indicator, IndicatorRule]]:
    """The rules entries of indicator `code` whose id is one of `kinds`."""
    ind = ruleset.get(code)
    wanted = set(kinds)
    for entry in ind.rules_of(*wanted) if ind is not None else []:
        yield ind, entry


def where(code: str, entry: IndicatorRule) -> str:
    """'A-1-2 분석자료': the indicator and the last step of the entry's clause."""
    return f"{code} {entry.clause.rsplit(' > ', 1)[-1]}"


def _key(text: str) -> str:
    return name_key(text)


def header_is(cell: FieldValue, headers: Iterable[str]) -> bool:
    """The cell's column is one of `headers`, whatever the spacing ('서비스 유형', '서비스유형
    (REST/LINK)')."""
    own = _key(cell.name)
    return bool(own) and any((k := _key(h)) and k in own for h in headers)


def cell(item: ListedItem, headers: Iterable[str]) -> FieldValue | None:
    """The first filled cell of `item` under one of `headers`."""
    heads = list(headers)
    return next((c for c in item.cells if c.text.strip() and header_is(c, heads)), None)


def is_artefact(item: ListedItem) -> bool:
    """A row that is no item: a header row repeated after a page break (each cell its own
    column's header), a total row, or a row with nothing printed."""
    filled = [c for c in item.cells if c.text.strip()]
    if not filled and not (item.name or item.text).strip():
        return True
    if filled and all(_key(c.text) == _key(c.name) for c in filled):
        return True
    texts = [item.name or "", item.kind or "", *(c.text for c in filled[:2])]
    return any(_key(t) in _TOTALS for t in texts if t)


def items(claim: IndicatorClaim) -> list[ListedItem]:
    """The claim's listed items that are items (`is_artefact` rows left out)."""
    return [it for it in claim.items if not is_artefact(it)]


def label(item: ListedItem) -> str:
    return (item.name or item.text).strip()


def role_texts(item: ListedItem, lst: ItemList | None, roles: Iterable[str]) -> list[str]:
    """The printed texts of `item` in the columns of the catalogue field `roles` ('name' the
    item's name, 'category' its group, other roles the cells under those fields' headers);
    the whole row when none of them is printed."""
    wanted = set(roles)
    out = []
    if "name" in wanted and item.name:
        out.append(item.name)
    if "category" in wanted and item.kind:
        out.append(item.kind)
    other = [f.name for f in (lst.fields if lst is not None else []) if f.role in wanted
             and f.role not in ("name", "category")]
    out += [c.text for c in item.cells if other and c.text.strip() and header_is(c, other)]
    return out or ([item.text] if item.text.strip() else [])


def item_list(ind: Indicator, item: ListedItem) -> ItemList | None:
    lists = ind.form.lists if ind.form is not None else []
    return next((lst for lst in lists if lst.id == item.list_id), None)


@dataclass
class Group:
    """Rows listed under one name (the same living lab on several dates): one finding."""

    label: str
    rows: list[ListedItem] = field(default_factory=list)

    @property
    def locations(self) -> list[Location | None]:
        return [it.location for it in self.rows]

    @property
    def rows_note(self) -> str:
        """'' for one row, ' (3행)' for a name listed on three."""
        return f" ({len(self.rows)}행)" if len(self.rows) > 1 else ""


def grouped(rows: Iterable[ListedItem]) -> list[Group]:
    """Rows grouped by their name's key, in order of first appearance."""
    out: dict[str, Group] = {}
    for it in rows:
        text = label(it)
        out.setdefault(_key(text) or text, Group(text)).rows.append(it)
    return list(out.values())
