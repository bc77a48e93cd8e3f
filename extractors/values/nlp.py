"""spaCy for Korean running text without MeCab: a Kiwi tokenizer plus value patterns.

`korean_nlp()` is a cached ``spacy.Language`` (lang "ko", its stop words and lexical
attributes) whose tokenizer is Kiwi (kiwipiepy, model shipped on PyPI) and whose one
pipe, ``smartcert_value_mentions``, labels DATE, SPAN, MONEY, COUNT, PERCENT and RATIO
entities. ``doc.text == text`` always: tokens are slices of the input, never Kiwi's
restored morphemes, so every offset points into the document as written.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import spacy
from kiwipiepy import Kiwi, Match
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import DummyTokenizer, minibatch
from spacy.vocab import Vocab

from extractors.values._patterns import date_patterns, quantity_patterns
from extractors.values._text import fold, nfkc
from extractors.values.dates import DATE_END_RE, DATE_START_RE, parse_date, parse_span
from extractors.values.mention import Mention, MentionKind
from extractors.values.numbers import parse_value

__all__ = ["KiwiTokenizer", "find_mentions", "iter_mentions", "kiwi", "korean_nlp"]

MENTIONS_KEY = "smartcert.mentions"
TOKENIZER_NAME = "smartcert.KiwiTokenizer.v1"
COMPONENT_NAME = "smartcert_value_mentions"

# Serial numbers off: Kiwi would glue "2023. 5. 12." into one token across spaces.
_MATCH = Match.URL | Match.EMAIL | Match.HASHTAG | Match.MENTION | Match.EMOJI
_PROTECTED = frozenset({"W_URL", "W_EMAIL", "W_HASHTAG", "W_MENTION"})
_ATOM_RE = re.compile(r"\d+(?:[.,]\d+)*")  # "1,250", "2023.08", "12.34" stay whole
_SYMBOL_RE = re.compile(r"[^\w\s]")  # every symbol is its own token ("’", "~", "%")
_RUN_RE = re.compile(r"\s+|\S+")
_UPOS = {
    "NNG": "NOUN", "NNB": "NOUN", "NNP": "PROPN", "NP": "PRON", "NR": "NUM", "SN": "NUM",
    "VV": "VERB", "VA": "ADJ", "VX": "AUX", "VCP": "AUX", "VCN": "ADJ", "MM": "DET",
    "MAG": "ADV", "MAJ": "CCONJ", "IC": "INTJ", "JC": "CCONJ", "SW": "SYM", "W_EMOJI": "SYM",
}  # fmt: skip


def _upos(tag: str) -> str:
    tag = tag.split("-")[0]  # Kiwi marks (ir)regular verbs: "VV-R", "VA-I"
    if tag in _UPOS:
        return _UPOS[tag]
    if tag.startswith("J"):
        return "ADP"
    if tag.startswith("E"):
        return "PART"
    if tag.startswith("S"):
        return "PUNCT"
    return "X"


def _fallback_tag(word: str) -> str:
    """Tag for a token Kiwi reported nothing for (a piece we cut off, or whitespace)."""
    if word.isspace():
        return "_SP"
    if _ATOM_RE.fullmatch(word):
        return "SN"
    return "SF" if word in ".!?" else "SP" if word in ",/:;" else "SW"


@lru_cache(maxsize=1)
def kiwi() -> Kiwi:
    """The shared Kiwi instance, model loaded (the first tokenisation is what loads it)."""
    instance = Kiwi()
    instance.tokenize("스마트도시 인증 2023.05")
    return instance


class KiwiTokenizer(DummyTokenizer):
    """Kiwi morpheme boundaries, cut so that surfaces are exact slices of the input."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return self._make_doc(text, kiwi().tokenize(text, match_options=_MATCH))

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
        for batch in minibatch(texts, size=batch_size):
            results = kiwi().tokenize(batch, match_options=_MATCH)
            for text, tokens in zip(batch, results, strict=True):
                yield self._make_doc(text, tokens)

    def _cuts(self, text: str, morphs: Sequence[Any]) -> set[int]:
        folded = fold(text)
        cuts: set[int] = set()
        protected = []
        for m in morphs:
            cuts.update((m.start, m.start + m.len))
            if m.tag in _PROTECTED:
                protected.append((m.start, m.start + m.len))
        for m in _SYMBOL_RE.finditer(folded):
            cuts.update(m.span())
        for m in _ATOM_RE.finditer(folded):
            cuts.difference_update(range(m.start() + 1, m.end()))
            cuts.update(m.span())
        for start, end in protected:
            cuts.difference_update(range(start + 1, end))
        return cuts

    def _make_doc(self, text: str, morphs: Sequence[Any]) -> Doc:
        cuts = sorted(self._cuts(text, morphs))
        words: list[str] = []
        spaces: list[bool] = []
        starts: list[int] = []
        for run in _RUN_RE.finditer(text):
            a, b = run.span()
            if text[a].isspace():
                # one plain space after a word is its trailing space; anything else is a token
                if text[a] == " " and words:
                    spaces[-1] = True
                    a += 1
                if a < b:
                    words.append(text[a:b])
                    spaces.append(False)
                    starts.append(a)
                continue
            prev = a
            for cut in [*cuts[bisect_right(cuts, a) : bisect_right(cuts, b - 1)], b]:
                words.append(text[prev:cut])
                spaces.append(False)
                starts.append(prev)
                prev = cut
        tags: list[list[str]] = [[] for _ in words]
        forms: list[list[str]] = [[] for _ in words]
        for m in morphs:
            i = bisect_right(starts, m.start) - 1
            if i >= 0 and m.start < starts[i] + len(words[i]):
                tags[i].append(m.tag)
                # a morpheme running past the token ("2023." over "2023") lends no lemma
                inside = m.start + m.len <= starts[i] + len(words[i])
                forms[i].append(m.form if inside else words[i])
        tag_strs, pos, lemmas = [], [], []
        for word, tag, form in zip(words, tags, forms, strict=True):
            if not tag:
                tag = [_fallback_tag(word)]
                form = [word]
            tag_strs.append("+".join(tag))
            pos.append("SPACE" if tag[0] == "_SP" else _upos(tag[0]))
            lemmas.append(form[0] + "다" if tag[0][:2] in ("VV", "VA", "VX") else "".join(form))
        doc = Doc(self.vocab, words=words, spaces=spaces, tags=tag_strs, pos=pos, lemmas=lemmas)
        for token in doc:
            normal = nfkc(token.text)
            if normal != token.text:
                token.norm_ = normal
        return doc


@spacy.registry.tokenizers(TOKENIZER_NAME)
def _create_tokenizer() -> Any:
    def make(nlp: Language) -> KiwiTokenizer:
        return KiwiTokenizer(nlp.vocab)

    return make


_QUANTITY_KINDS = {
    "money": MentionKind.MONEY,
    "percent": MentionKind.PERCENT,
    "count": MentionKind.COUNT,
}


def _read(label: str, text: str) -> tuple[MentionKind, Any] | None:
    """Parse a pattern match; None if the parsers say it is not a value after all."""
    if label == "DATE":
        day = parse_date(text, strict=True)
        return (MentionKind.DATE, day) if day is not None else None
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
        folded = fold(doc.text)
        candidates: dict[tuple[int, int], tuple[MentionKind, Any]] = {}
        seen: set[tuple[int, int, int]] = set()
        for match_id, s, e in self.matcher(doc):
            if (match_id, s, e) in seen:
                continue
            seen.add((match_id, s, e))
            label = doc.vocab.strings[match_id]
            start, end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
            is_date = label in ("DATE", "SPAN")
            if is_date and not (
                DATE_START_RE.match(folded, start) and DATE_END_RE.match(folded, end)
            ):
                continue
            if (s, e) in candidates and candidates[(s, e)][0] in (
                MentionKind.DATE,
                MentionKind.SPAN,
            ):
                continue
            reading = _read(label, doc.text[start:end])
            if reading is not None:
                candidates[(s, e)] = reading
        taken = [False] * len(doc)
        entities: list[Span] = []
        mentions: list[Mention] = []

        def rank(item: tuple[tuple[int, int], tuple[MentionKind, Any]]) -> tuple[int, int, int]:
            (s, e), (kind, _) = item
            dated = kind in (MentionKind.DATE, MentionKind.SPAN)
            return (0 if dated else 1, doc[s].idx - doc[e - 1].idx - len(doc[e - 1]), s)

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
    for doc in korean_nlp().pipe(texts, batch_size=batch_size):
        yield list(doc.user_data[MENTIONS_KEY])
