"""Glyphs to spans, made fast (one pass per line, spans built without `model_construct`),
give exactly what the plain per-function version gave: same text, box, font, size, order,
and the same pydantic objects."""

from __future__ import annotations

import copy
import pickle
import random

import pytest

from smartcert.core.normalize import match_key
from smartcert.extractors.models import Span
from smartcert.extractors.pdf import lines as L
from smartcert.extractors.pdf.chars import Char

S = L.DEFAULT_SPACING
_NUMERIC = frozenset("0123456789,.")


# --- the plain version the fast one replaced: the oracle --------------------------------


def _ref_split(line: list[Char]) -> list[list[Char]]:
    parts: list[list[Char]] = []
    last: Char | None = None
    for ch in line:
        if ch.c.isspace():
            if parts:
                parts[-1].append(ch)
            continue
        if last is None or ch.x0 - last.x1 > S.span_gap * (ch.size if ch.size > last.size else last.size):
            parts.append([ch])
        else:
            parts[-1].append(ch)
        last = ch
    return parts


def _ref_needs_space(prev: Char, ch: Char) -> bool:
    gap = ch.x0 - prev.x1
    size = prev.size if prev.size > ch.size else ch.size
    if prev.c in _NUMERIC and ch.c in _NUMERIC:
        return gap > S.number_gap * size
    return gap > S.word_gap * size


def _ref_text(line: list[Char]) -> str:
    out: list[str] = []
    prev: Char | None = None
    for ch in line:
        if ch.c.isspace():
            if out and out[-1] != " ":
                out.append(" ")
            continue
        if prev is not None and out and out[-1] != " " and _ref_needs_space(prev, ch):
            out.append(" ")
        out.append(ch.c)
        prev = ch
    return "".join(out).strip()


def _ref_dominant(chars: list[Char]) -> tuple[str, float]:
    counts: dict[tuple[str, float], int] = {}
    for c in chars:
        key = (c.font, round(c.size, 1))
        counts[key] = counts.get(key, 0) + 1
    return max(counts.items(), key=lambda kv: kv[1])[0]


def _ref_spans(regions: list[list[list[Char]]], page: int) -> list[Span]:
    spans = []
    for lines in regions:
        for line in lines:
            for part in _ref_split(line):
                text = _ref_text(part)
                if not text:
                    continue
                bbox = (min(c.x0 for c in part), min(c.top for c in part),
                        max(c.x1 for c in part), max(c.bottom for c in part))
                font, size = _ref_dominant(part)
                spans.append(Span.model_construct(page=page, text=text, key=match_key(text),
                                                  bbox=bbox, font=font, size=size))
    spans.sort(key=L.reading_key)
    return spans


# --- random lines with every case: white space anywhere, tracking, numbers, columns -------


def _glyph(rng: random.Random, x: float, base: float) -> Char:
    c = rng.choice("가나다ab12,.  \u3000" + "0123456789")
    size = rng.choice([10.0, 10.0, 10.0, 10.04, 9.96, 12.0, -0.0, 0.0])
    font = rng.choice(["휴먼명조", "휴먼명조", "돋움"])
    w = abs(size) * rng.uniform(0.3, 1.0)
    top, bottom = base - abs(size) * rng.uniform(0.7, 0.9), base + abs(size) * 0.2
    return Char(c, x, top, x + w, bottom, base + rng.uniform(-0.3, 0.3), size, font,
                x + w / 2, (top + bottom) / 2)


def _random_regions(rng: random.Random) -> list[list[Char]]:
    regions = []
    for _ in range(rng.randint(1, 4)):
        glyphs = []
        for row in range(rng.randint(1, 4)):
            x = rng.uniform(0, 50)
            for _ in range(rng.randint(1, 25)):
                ch = _glyph(rng, x, 100.0 + 14 * row)
                glyphs.append(ch)
                # mostly touching, sometimes a word gap, a number gap or a column break
                x = ch.x1 + rng.choice([0.0, 0.3, 1.0, 2.5, 4.0, 6.0, 25.0, -0.5])
        rng.shuffle(glyphs)
        regions.append(glyphs)
    return regions


def _state(span: Span) -> tuple[object, ...]:
    return (type(span), list(span.__dict__.items()), span.__pydantic_fields_set__,
            span.__pydantic_extra__, span.__pydantic_private__)


@pytest.mark.parametrize("seed", range(40))
def test_spans_are_those_of_the_plain_version(seed: int) -> None:
    rng = random.Random(seed)
    regions = _random_regions(rng)
    grouped = [L.group_lines(r) for r in regions]
    got = L.build_spans(regions, 3)
    want = _ref_spans(grouped, 3)
    assert [_state(s) for s in got] == [_state(s) for s in want]
    assert [repr(s.size) for s in got] == [repr(s.size) for s in want]  # -0.0 stays -0.0
    assert [_state(s) for s in L.spans_of_lines(grouped, 3)] == [_state(s) for s in want]
    for lines in grouped:
        for line in lines:
            assert L.line_text(line) == _ref_text(line)
            assert L.split_line(line) == _ref_split(line)


def test_mixed_fonts_take_the_most_frequent_first_seen_on_a_tie() -> None:
    def g(c: str, x: float, font: str, size: float) -> Char:
        return Char(c, x, 0.0, x + 5, 10.0, 9.0, size, font, x + 2.5, 5.0)

    line = [g("a", 0, "A", 10.0), g("b", 5, "B", 10.04), g("c", 10, "B", 9.96),
            g("d", 15, "A", 10.0), g("e", 200, "C", 8.0), g("f", 205, "D", 8.0)]
    spans = L.spans_of_lines([[line]], 1)
    assert [(s.text, s.font, s.size) for s in spans] == [("abcd", "A", 10.0), ("ef", "C", 8.0)]


# --- the trusted constructor ------------------------------------------------------------


def test_trusted_span_is_the_model_construct_span() -> None:
    args = dict(page=2, text="지 표", key="지표", bbox=(1.0, 2.0, 3.0, 4.0), font="돋움", size=10.5)
    fast = L._span(*args.values())
    slow = Span.model_construct(**args)  # type: ignore[arg-type]
    assert _state(fast) == _state(slow)
    assert fast == slow and repr(fast) == repr(slow)
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.model_fields_set == slow.model_fields_set
    for twin in (pickle.loads(pickle.dumps(fast)), fast.model_copy(), copy.deepcopy(fast)):
        assert _state(twin) == _state(slow)
    assert fast.model_copy(update={"text": "x"}).text == "x" and fast.text == "지 표"
    other = L._span(*args.values())
    fast.ocr = True  # each span has its own fields-set
    assert "ocr" in fast.model_fields_set and "ocr" not in other.model_fields_set


def test_rounded_sizes_keep_their_type_and_sign() -> None:
    for size in (10.04, 10.04, -0.0, 0.0, 12, 9.95):
        got = L._round1(size)  # type: ignore[arg-type]
        assert repr(got) == repr(round(size, 1))
