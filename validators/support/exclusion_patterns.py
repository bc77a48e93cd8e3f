"""spaCy phrase patterns built from the catalogue's exclusions (`indicators[].exclusions`).

Each exclusion's keywords are tokenised with the shared Kiwi pipeline
(`core.values.nlp.korean_nlp`) and matched case-insensitively on tokens, so
'스마트도시계획' and '스마트도시 계획' are the same pattern and '후보로' matches '후보'.
The keywords live in the rule set, never in code.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from smartcert.core.findings import Location
from smartcert.core.normalize import match_key
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.catalogue.indicators import Exclusion, Indicator
from smartcert.schemas.claims import IndicatorClaim
from smartcert.validators.support.phrases import find_phrase

if TYPE_CHECKING:  # spaCy loads with the first pattern matched, not with the rules
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

# keywords this long are compounds whose spacing and modifiers vary ('스마트도시 기본계획');
# shorter ones ('예정', '후보', '파일') are matched as words only
COMPOUND = 4


_UNIT_SUFFIXES = frozenset("팀과국실단관처")


@dataclass(frozen=True)
class Hit:
    text: str  # the item as reported: its name, else the text that matched
    keyword: str  # the words matched, as printed
    location: Location | None


@lru_cache(maxsize=256)
def _matcher(keywords: tuple[str, ...]) -> PhraseMatcher:
    from spacy.matcher import PhraseMatcher

    from smartcert.core.values.nlp import korean_nlp

    nlp = korean_nlp()
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("EXCLUDED", [nlp.make_doc(k) for k in keywords if k.strip()])
    return matcher


@lru_cache(maxsize=8192)
def _doc(text: str) -> Doc:
    from smartcert.core.values.nlp import korean_nlp

    return korean_nlp().make_doc(text)


def match_keyword(exclusion: Exclusion, text: str) -> str | None:
    """The first excluded phrase in `text` (as printed), or None. Compound keywords
    (`COMPOUND` letters or more) are also found whatever the spacing and with a modifier
    before their head noun (`support.phrases`): Kiwi tokenises '스마트도시계획' as one word
    after '부산광역시', and '스마트도시 기본계획' is the same plan."""
    if not exclusion.keywords or not text.strip():
        return None
    doc = _doc(text)
    hits = sorted(_matcher(tuple(exclusion.keywords))(doc), key=lambda m: m[1])
    # a keyword glued to an organisation's suffix is part of its name: '스마트도시계획팀'
    # is a team, not a plan
    hits = [h for h in hits if text[doc[h[1]:h[2]].end_char:][:1] not in _UNIT_SUFFIXES]
    if hits:
        return doc[hits[0][1]:hits[0][2]].text
    for keyword in exclusion.keywords:
        if len(match_key(keyword).replace(" ", "")) >= COMPOUND:
            found = find_phrase(keyword, text)
            if found is not None:
                return found
    return None


def _texts(claim: IndicatorClaim,
           ind: Indicator) -> Iterator[tuple[str, str, Location | None]]:
    """(label, text to screen, location) of the item rows (the whole row: a status column
    may say 예정) and of the free-text figures of the form (e.g. A-1-1's 전담부서)."""
    for item in claim.items:
        text = item.text or " ".join(filter(None, [item.name, item.kind]))
        yield (item.name or text).strip(), text, item.location or claim.form_source
    text_ids = {c.id for c in (ind.form.components if ind.form else []) if c.role == "text"}
    for comp in claim.components:
        if comp.id in text_ids and comp.text:
            yield comp.text.strip(), comp.text, comp.location or claim.form_source


def excluded_items(claim: IndicatorClaim, ruleset: RuleSet,
                   exclusion_id: str) -> Iterator[tuple[Exclusion, Hit]]:
    """Every item of `claim` matching the indicator's exclusion `exclusion_id`."""
    ind = ruleset.get(claim.code)
    exclusion = ind.exclusion(exclusion_id) if ind is not None else None
    if ind is None or exclusion is None:
        return
    for label, text, location in _texts(claim, ind):
        word = match_keyword(exclusion, text)
        if word is not None:
            yield exclusion, Hit(text=label, keyword=word, location=location)
