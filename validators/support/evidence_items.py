"""Where a listed item (award, session, ordinance, plan, event) is shown in the evidence,
and which items an indicator asks the evidence to show."""

from __future__ import annotations

import re
from dataclasses import dataclass

from smartcert.core.normalize import match_key
from smartcert.schemas.catalogue.indicators import Indicator, ItemList
from smartcert.schemas.claims import IndicatorClaim, ListedItem
from smartcert.schemas.mapping.tables import label_score
from smartcert.validators.support.evidence_index import EvidenceIndex, EvidencePage
from smartcert.validators.support.phrases import find_phrase

MIN_NAME_KEY = 4  # shorter names ('A동', '1차') say nothing on their own
WINDOW = 4  # lines after the one naming the item that still belong to it (its date, amount)


@dataclass(frozen=True)
class Seen:
    page: EvidencePage
    line: int | None  # index into page.lines of the line naming the item, when one does


def searchable(item: ListedItem) -> str | None:
    name = (item.name or "").strip()
    letters = sum(ch.isalpha() for ch in name)  # '1,113' in a name column is not a name
    return name if len(match_key(name)) >= MIN_NAME_KEY and letters >= 2 else None


class ItemFinder:
    """Finds listed items in one run's evidence. Three evidence rules look for the same items
    (not found, date differs, amount differs) and fuzzy search over every page is the costly
    part, so each (증빙 페이지, name) is searched once per run (`CheckContext.evidence_items`)."""

    def __init__(self, index: EvidenceIndex) -> None:
        self.index = index
        self._seen: dict[tuple[str | None, str, bool], Seen | None] = {}

    def find(self, claim: IndicatorClaim, name: str, anywhere: bool = True) -> Seen | None:
        """The first page showing `name`: the claim's 증빙 페이지 first, then (`anywhere`, or
        when the claim cites no page of the bundle) all evidence."""
        key = (claim.evidence_pages.raw if claim.evidence_pages else None, name, anywhere)
        if key not in self._seen:
            self._seen[key] = self._search(claim, name, anywhere)
        return self._seen[key]

    def _search(self, claim: IndicatorClaim, name: str, anywhere: bool) -> Seen | None:
        index = self.index
        referenced = index.referenced(claim.evidence_pages.pages()) if claim.evidence_pages \
            else []
        rest = [p for p in index.pages if p not in referenced] if anywhere or not referenced \
            else []
        for page in [*referenced, *rest]:
            line = page.find_name(name)
            if line is not None:
                return Seen(page=page, line=line if line >= 0 else None)
        return None


def to_prove(claim: IndicatorClaim, ind: Indicator | None) -> list[ListedItem]:
    """The items the evidence must show. Items counted into the value (a list with a count
    or a summed column, any list of a non-O/X indicator) are each proof. An O/X indicator
    asks that the thing its list is about exists (B-2-1: a 스마트도시계획): when the form lists
    other things beside it (관련 계획, by their 구분 or their names), only the items that read
    as the list's subject need to be shown."""
    lists = {lst.id: lst for lst in (ind.form.lists if ind and ind.form else [])}
    flag = ind is not None and ind.value_rule is not None and ind.value_rule.kind == "bool"
    beside: set[int] = set()  # items not asked for, by id()
    for lst_id in dict.fromkeys(it.list_id for it in claim.items):
        lst = lists.get(lst_id or "")
        if not flag or lst is None or lst.count_to or any(f.sums_to for f in lst.fields):
            continue
        rows = [it for it in claim.items if it.list_id == lst_id]
        subject = [it for it in rows if _of_subject(it, lst)]
        if subject:
            beside |= {id(it) for it in rows if not _of_subject(it, lst)}
    return [it for it in claim.items if id(it) not in beside]


def _of_subject(item: ListedItem, lst: ItemList) -> bool | None:
    """Whether the item reads as what the list is about (its label); None when it says
    nothing either way. A 구분 the catalogue does not print ('관련 계획') decides; else the
    name, when it names the subject."""
    if item.kind and lst.field_with("category") is None:
        return find_phrase(lst.label, item.kind) is not None
    if item.name and find_phrase(lst.label, item.name) is not None:
        return True
    return None


_PART_SPLIT = re.compile(r"\s*(?:[,，、/·ㆍ;]|\n|\s및\s|\s등\s*$|\s등\b)\s*")
MIN_PART_KEY = 3  # shorter entries ('앱', 'TV') say nothing about one system
HEADER_FITS = 75.0  # a printed header reads as the catalogue's field (as the mapping takes it)


def parts_of(item: ListedItem, lst: ItemList | None) -> list[str]:
    """What the row says the item consists of: the entries of the cells the catalogue calls
    descriptive ('내용': '자동음성통보, 재해문자, 전광판, CBS 등'), never its name, number,
    department, date or figures."""
    text_fields = [f.name for f in lst.fields if f.role == "text"] if lst else []
    out: list[str] = []
    for cell in item.cells:
        if not cell.text or cell.text == item.name or not text_fields \
                or label_score(cell.name, text_fields) < HEADER_FITS:
            continue
        for part in _PART_SPLIT.split(cell.text):
            part = part.strip(" -·•○▪()[]").removesuffix("등").strip()
            if len(match_key(part).replace(" ", "")) >= MIN_PART_KEY and part not in out \
                    and sum(ch.isalpha() for ch in part) >= 2:
                out.append(part)
    return out
