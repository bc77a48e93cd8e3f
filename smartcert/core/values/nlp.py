"""spaCy for Korean running text without MeCab: a Kiwi tokenizer plus value patterns.

`korean_nlp()` is a cached ``spacy.Language`` (lang "ko", its stop words and lexical
attributes) whose tokenizer is Kiwi (kiwipiepy, model shipped on PyPI) and whose one
pipe, ``smartcert_value_mentions``, labels DATE, SPAN, MONEY, COUNT, PERCENT and RATIO
entities. ``doc.text == text`` always: tokens are slices of the input, never Kiwi's
restored morphemes, so every offset points into the document as written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from smartcert.core.values._patterns import date_patterns, quantity_patterns
from smartcert.core.values._text import fold
from smartcert.core.values.dates import DATE_END_RE, DATE_START_RE, parse_date, parse_span
from smartcert.core.values.mention import Mention, MentionKind
from smartcert.core.values.numbers import parse_value
from smartcert.core.values.tokenizer import TOKENIZER_NAME, KiwiTokenizer, kiwi

__all__ = ["KiwiTokenizer", "find_mentions", "iter_mentions", "kiwi", "korean_nlp"]

MENTIONS_KEY = "smartcert.mentions"
COMPONENT_NAME = "smartcert_value_mentions"

_DATED = frozenset({MentionKind.DATE, MentionKind.SPAN})
_QUANTITY_KINDS = {
    "money": MentionKind.MONEY,
    "percent": MentionKind.PERCENT,
    "count": MentionKind.COUNT,
}


def _read(label: str, text: str) -> tuple[MentionKind, Any] | None:
    """Parse a pattern match; None if the parsers say it is not a value after all."""
    if label == "DATE":
        day = parse_date(text, strict=True)
        if day is None or (day.precision == "year" and "년" not in text):
            return None  # a lone "2023" is a number; "2023년" is a year
        return MentionKind.DATE, day
    if label == "SPAN":
        span = parse_span(text, strict=True)
        return (MentionKind.SPAN, span) if span is not None else None
    value = parse_value(text)
    if len(value.parts) != 1:
        return None
    if label == "RATIO":
        return (MentionKind.RATIO, value) if value.per is not None else None
    kind = _QUANTITY_KINDS.get(value.kind)
    return (kind, value) if kind is not None else None


class ValueMentions:
    """Matcher over token shapes, parsers as the judge, longest reading wins (dates first)."""

    def __init__(self, vocab: Vocab) -> None:
        self.matcher = Matcher(vocab)
        for label, patterns in {**date_patterns(), **quantity_patterns()}.items():
            self.matcher.add(label, patterns)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text  # computed on every access: read once
        folded = fold(text)
        candidates: dict[tuple[int, int], tuple[MentionKind, Any]] = {}
        seen: set[tuple[int, int, int]] = set()
        for match_id, s, e in self.matcher(doc):
            if (match_id, s, e) in seen:
                continue
            seen.add((match_id, s, e))
            label = doc.vocab.strings[match_id]
            start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
            if label in ("DATE", "SPAN") and not (
                DATE_START_RE.match(folded, start) and DATE_END_RE.match(folded, end)
            ):
                continue
            if (s, e) in candidates and candidates[(s, e)][0] in _DATED:
                continue  # the same tokens read as a date already
            reading = _read(label, text[start:end])
            if reading is not None:
                candidates[(s, e)] = reading
        taken = [False] * len(doc)
        entities: list[Span] = []
        mentions: list[Mention] = []

        def rank(item: tuple[tuple[int, int], tuple[MentionKind, Any]]) -> tuple[int, int, int]:
            (s, e), (kind, _) = item
            length = doc[e - 1].idx + len(doc[e - 1]) - doc[s].idx
            return (0 if kind in _DATED else 1, -length, s)

        for (s, e), (kind, value) in sorted(candidates.items(), key=rank):
            if any(taken[s:e]):
                continue
            taken[s:e] = [True] * (e - s)
            span = Span(doc, s, e, label=kind.value)
            entities.append(span)
            mentions.append(
                Mention(
                    kind=kind, text=span.text, start=span.start_char, end=span.end_char, value=value
                )
            )
        doc.ents = sorted(entities, key=lambda sp: sp.start)
        doc.user_data[MENTIONS_KEY] = sorted(mentions, key=lambda m: m.start)
        return doc


@Language.factory(COMPONENT_NAME)
def _create_component(nlp: Language, name: str) -> ValueMentions:
    return ValueMentions(nlp.vocab)


@lru_cache(maxsize=1)
def korean_nlp() -> Language:
    """The shared pipeline (Kiwi loads on first call: a few seconds, once per process)."""
    nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_NAME}}})
    nlp.add_pipe(COMPONENT_NAME)
    kiwi()
    return nlp


def find_mentions(text: str) -> list[Mention]:
    """Dates, periods, amounts, counts, percentages and ratios in ``text``, left to right."""
    return list(korean_nlp()(text).user_data[MENTIONS_KEY])


def iter_mentions(texts: Iterable[str], batch_size: int = 64) -> Iterator[list[Mention]]:
    """`find_mentions` for many texts, tokenised in Kiwi batches."""
    nlp = korean_nlp()
    # Language.pipe would tokenise one text at a time; hand it ready Docs instead
    docs = nlp.tokenizer.pipe(texts, batch_size=batch_size)  # type: ignore[union-attr]
    for doc in nlp.pipe(docs, batch_size=batch_size):
        yield list(doc.user_data[MENTIONS_KEY])
