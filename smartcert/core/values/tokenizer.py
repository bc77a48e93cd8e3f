"""A spaCy tokenizer for Korean built on Kiwi (kiwipiepy; its model is a PyPI package).

spaCy's own Korean tokenizer needs MeCab. This one takes Kiwi's morpheme boundaries but
cuts the *input* at them, so every token is an exact slice and ``doc.text == text``:
Kiwi's restored forms ("했" → 하 + 었) only go into ``lemma_``/``tag_``. On top of Kiwi,
numerals with their separators stay one token ("1,250", "2023.08") and every symbol is a
token of its own ("’", "~", "%"), which is what the value patterns rely on.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

import spacy
from kiwipiepy import Kiwi, Match
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import DummyTokenizer, minibatch
from spacy.vocab import Vocab

from smartcert.core.values._text import fold, nfkc

__all__ = ["TOKENIZER_NAME", "KiwiTokenizer", "Morph", "kiwi"]

TOKENIZER_NAME = "smartcert.KiwiTokenizer.v1"

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


@lru_cache(maxsize=65536)
def _nfkc_word(word: str) -> str:
    return nfkc(word)


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
    # Neither the typo dictionary (typo correction is off) nor the multi-word one (its
    # entries span spaces, which we cut at anyway) changes our tokens; skipping them
    # halves the start-up time.
    instance = Kiwi(load_typo_dict=False, load_multi_dict=False)
    instance.tokenize("스마트도시 인증 2023.05")
    return instance


class Morph(NamedTuple):
    """A Kiwi morpheme, positioned in the whole text."""

    start: int
    len: int
    tag: str
    form: str


class KiwiTokenizer(DummyTokenizer):
    """Kiwi morpheme boundaries, cut so that surfaces are exact slices of the input."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return next(self.pipe([text]))

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
        # Kiwi is fastest on many short texts at once (it spreads them over its threads),
        # so every text goes in line by line and the offsets are shifted back.
        for batch in minibatch(texts, size=batch_size):
            lines: list[str] = []
            owners: list[tuple[int, int]] = []  # (text index, offset of the line)
            for i, text in enumerate(batch):
                offset = 0
                for line in text.split("\n"):
                    lines.append(line)
                    owners.append((i, offset))
                    offset += len(line) + 1
            morphs: list[list[Morph]] = [[] for _ in batch]
            for (i, offset), tokens in zip(
                owners, kiwi().tokenize(lines, match_options=_MATCH), strict=True
            ):
                morphs[i].extend(Morph(t.start + offset, t.len, t.tag, t.form) for t in tokens)
            for text, found in zip(batch, morphs, strict=True):
                yield self._make_doc(text, found)

    def _cuts(self, text: str, morphs: Sequence[Morph]) -> set[int]:
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

    def _make_doc(self, text: str, morphs: Sequence[Morph]) -> Doc:
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
        # NORM is what the patterns read: NFKC, so "１２", "％" and "㎞" match like "12", "%", "km"
        for i, word in enumerate(words):
            if not word.isascii() and (normal := _nfkc_word(word)) != word:
                doc[i].norm_ = normal
        return doc


@spacy.registry.tokenizers(TOKENIZER_NAME)
def _create_tokenizer() -> Any:
    def make(nlp: Language) -> KiwiTokenizer:
        return KiwiTokenizer(nlp.vocab)

    return make
