"""Where a listed item (award, session, ordinance, plan, event) is shown in the evidence."""

from __future__ import annotations

from dataclasses import dataclass

from extractors.normalize import match_key
from schemas.claims import IndicatorClaim, ListedItem
from validators.evidence.index import EvidenceIndex, EvidencePage

MIN_NAME_KEY = 4  # shorter names ('A동', '1차') say nothing on their own


@dataclass(frozen=True)
class Seen:
    page: EvidencePage
    line: int | None  # index into page.lines of the line naming the item, when one does


def searchable(item: ListedItem) -> str | None:
    name = (item.name or "").strip()
    letters = sum(ch.isalpha() for ch in name)  # '1,113' in a name column is not a name
    return name if len(match_key(name)) >= MIN_NAME_KEY and letters >= 2 else None


def find_item(index: EvidenceIndex, claim: IndicatorClaim, name: str) -> Seen | None:
    """The first page showing `name`: the claim's 증빙 페이지 first, then all evidence."""
    memo_key = ("item", claim.evidence_pages.raw if claim.evidence_pages else None, name)
    if memo_key in index.memo:
        return index.memo[memo_key]  # type: ignore[return-value]
    seen = _find(index, claim, name)
    index.memo[memo_key] = seen
    return seen


def _find(index: EvidenceIndex, claim: IndicatorClaim, name: str) -> Seen | None:
    referenced = index.referenced(claim.evidence_pages.pages()) if claim.evidence_pages else []
    for page in [*referenced, *(p for p in index.pages if p not in referenced)]:
        line = page.find_name(name)
        if line is not None:
            return Seen(page=page, line=line if line >= 0 else None)
    return None
