"""Glyphs to lines and spans, inferring the spaces Hancom never writes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from smartcert.core.normalize import match_key
from smartcert.extractors.models import Span
from smartcert.extractors.pdf.chars import Char
from smartcert.extractors.trusted import TrustedModel


@dataclass(frozen=True)
class SpacingSettings:
    """Gaps as fractions of the font size."""

    word_gap: float = 0.22  # wider than this between glyphs = a word break
    span_gap: float = 1.6  # wider than this on one line = a separate span (columns)
    number_gap: float = 0.5  # inside '2,208' a gap up to this never becomes a space
    line_tolerance: float = 0.45  # baselines closer than this are one line

    def __post_init__(self) -> None:
        if not 0 < self.word_gap < self.span_gap:
            raise ValueError("need 0 < word_gap < span_gap")
        if not 0 < self.line_tolerance < 1:
            raise ValueError("line_tolerance must be within (0, 1)")


DEFAULT_SPACING = SpacingSettings()
BBox = tuple[float, float, float, float]
_NUMERIC = frozenset("0123456789,.")
_BASELINE_X0 = attrgetter("baseline", "x0")
_X0 = attrgetter("x0")

# Span texts repeat a lot (labels, units, numbers, page furniture) across pages and documents
_key = lru_cache(maxsize=1 << 14)(match_key)

# spans are built from values made here: `model_construct`'s Python loop was the largest cost
_span = TrustedModel(Span, ("page", "text", "key", "bbox", "font", "size"))


def group_lines(chars: Iterable[Char], s: SpacingSettings = DEFAULT_SPACING) -> list[list[Char]]:
    """Cluster glyphs by baseline, top to bottom; each line sorted left to right."""
    lines: list[list[Char]] = []
    line: list[Char] = []
    ref = 0.0
    tol = s.line_tolerance
    for ch in sorted(chars, key=_BASELINE_X0):
        if line and abs(ch.baseline - ref) <= tol * (ch.size if ch.size > 1.0 else 1.0):
            line.append(ch)
        else:
            line = [ch]
            lines.append(line)
            ref = ch.baseline
    for line in lines:
        line.sort(key=_X0)
    return lines


def split_line(line: list[Char], s: SpacingSettings = DEFAULT_SPACING) -> list[list[Char]]:
    """Split a line where the gap is wide enough to be a column break."""
    parts: list[list[Char]] = []
    last: Char | None = None
    column = s.span_gap
    for ch in line:
        if ch.c.isspace():
            if parts:
                parts[-1].append(ch)
            continue
        if last is None or ch.x0 - last.x1 > column * (ch.size if ch.size > last.size else last.size):
            parts.append([ch])
        else:
            parts[-1].append(ch)
        last = ch
    return parts


def _line_parts(line: list[Char], s: SpacingSettings) -> list[tuple[str, BBox, str, float]]:
    """(text, bbox, font, size) of each `split_line` part that has text: its `line_text`,
    box and `_dominant` font, in one pass over the glyphs (this runs for every glyph of
    every page; separate functions took four passes and a list per part). White space
    glyphs join the part before them (box and font count too) and none starts a part."""
    out: list[tuple[str, BBox, str, float]] = []
    buf: list[str] = []
    put = buf.append
    word, number, column = s.word_gap, s.number_gap, s.span_gap
    numeric = _NUMERIC
    x0 = top = x1 = bottom = size = 0.0
    font = ""
    mixed = False  # the part has more than one (font, size): `_dominant` must count them
    parts = 0  # parts closed so far, to find a mixed part again (`split_line`)
    prev: Char | None = None  # last glyph that is not white space, None before a part
    spaced = True  # `buf` is empty or ends with a space: no space is inferred before a glyph
    for ch in line:
        c = ch.c
        if c.isspace():
            if prev is None:
                continue  # white space before the first glyph belongs to no part
            if not spaced:
                put(" ")
                spaced = True
        else:
            if prev is not None:
                gap = ch.x0 - prev.x1
                a, b = ch.size, prev.size
                if gap > column * (a if a > b else b):  # a column break: close the part
                    _close(out, buf, (x0, top, x1, bottom), font, size,
                           split_line(line, s)[parts] if mixed else None)
                    parts += 1
                    prev = None
                elif not spaced:  # the same test as in `line_text`
                    sz = b if b > a else a
                    if prev.c in numeric and c in numeric:
                        if gap > number * sz:  # numbers are never split by tracking
                            put(" ")
                    elif gap > word * sz:
                        put(" ")
            spaced = False
            if prev is None:  # a new part starts with this glyph
                prev = ch
                buf = [c]
                put = buf.append
                x0, top, x1, bottom = ch.x0, ch.top, ch.x1, ch.bottom
                font, size = ch.font, ch.size
                mixed = False
                continue
            prev = ch
            put(c)
        # the glyph (white space too) joins the current part's box and font count
        if ch.x0 < x0:
            x0 = ch.x0
        if ch.top < top:
            top = ch.top
        if ch.x1 > x1:
            x1 = ch.x1
        if ch.bottom > bottom:
            bottom = ch.bottom
        if ch.size != size or ch.font != font:
            mixed = True
    if prev is not None:
        _close(out, buf, (x0, top, x1, bottom), font, size,
               split_line(line, s)[parts] if mixed else None)
    return out


def _close(out: list[tuple[str, BBox, str, float]], buf: list[str], box: BBox, font: str,
           size: float, mixed: list[Char] | None) -> None:
    """Append a part that has text; `mixed`: its glyphs, when more than one (font, size)
    is among them and `_dominant` must count them."""
    text = "".join(buf).strip()
    if text:
        if mixed is not None:
            font, size = _dominant(mixed)
        else:
            size = _round1(size)
        out.append((text, box, font, size))


def line_text(line: list[Char], s: SpacingSettings = DEFAULT_SPACING) -> str:
    """A line's text: white space runs become one space, and a space is inferred where the
    gap between glyphs is wider than `word_gap` (`number_gap` between digits)."""
    out: list[str] = []
    put = out.append
    word, number = s.word_gap, s.number_gap
    numeric = _NUMERIC
    pc, px1, psize = "", 0.0, 0.0  # the last glyph that is not white space
    spaced = True  # `out` is empty or ends with a space: no space is inferred before a glyph
    for ch in line:
        c = ch.c
        if c.isspace():
            if not spaced:
                put(" ")
                spaced = True
            continue
        size = ch.size
        if not spaced:  # so a glyph came before; the same test as in `_line_parts`
            gap = ch.x0 - px1
            sz = psize if psize > size else size
            if pc in numeric and c in numeric:
                if gap > number * sz:  # numbers are never split by tracking
                    put(" ")
            elif gap > word * sz:
                put(" ")
        put(c)
        spaced = False
        pc, px1, psize = c, ch.x1, size
    return "".join(out).strip()


def lines_text(lines: list[list[Char]], s: SpacingSettings = DEFAULT_SPACING) -> str:
    """Text of a region (a table cell) from its glyphs grouped into lines (`group_lines`):
    the lines joined with newlines."""
    return "\n".join(t for t in (line_text(ln, s) for ln in lines) if t)


_ROUNDED: dict[float, float] = {}


def _round1(size: float) -> float:
    """round(size, 1), remembered: rounding a float to digits is slow, a page has few sizes."""
    if type(size) is not float or not size:  # an int rounds to an int; -0.0 equals 0.0
        return round(size, 1)
    r = _ROUNDED.get(size)
    if r is None:
        r = round(size, 1)
        if len(_ROUNDED) < 4096:
            _ROUNDED[size] = r
    return r


def _dominant(chars: list[Char]) -> tuple[str, float]:
    """The most frequent (font, size to 0.1 pt); a tie goes to the one seen first."""
    raw: dict[tuple[str, float], int] = {}
    for c in chars:
        key = (c.font, c.size)
        raw[key] = raw.get(key, 0) + 1
    if len(raw) == 1:
        font, size = next(iter(raw))
        return (font, _round1(size))
    # rounding after counting: far fewer round() calls, same first-seen order of keys
    counts: dict[tuple[str, float], int] = {}
    for (font, size), n in raw.items():
        key = (font, round(size, 1))
        counts[key] = counts.get(key, 0) + n
    return max(counts.items(), key=lambda kv: kv[1])[0]


def build_spans(
    regions: Iterable[list[Char]], page: int, s: SpacingSettings = DEFAULT_SPACING
) -> list[Span]:
    """Spans of a page: one per line piece, never crossing a region (a table cell)."""
    return spans_of_lines((group_lines(r, s) for r in regions), page, s)


def spans_of_lines(
    regions: Iterable[list[list[Char]]], page: int, s: SpacingSettings = DEFAULT_SPACING
) -> list[Span]:
    """`build_spans` of regions whose glyphs are already grouped into lines."""
    spans: list[Span] = []
    order: list[tuple[int, float]] = []  # `reading_key` of each span, computed here once
    for lines in regions:
        for line in lines:
            for text, bbox, font, size in _line_parts(line, s):
                # built unvalidated: the glyphs' text is already writable (`chars._writable`)
                spans.append(_span(page, text, _key(text), bbox, font, size))
                order.append((round(bbox[1] / 2), bbox[0]))
    if len(spans) < 2:
        return spans
    # = spans.sort(key=reading_key), stable too, without a Python call per span
    return [spans[i] for i in sorted(range(len(spans)), key=order.__getitem__)]


def reading_key(span: Span) -> tuple[float, float]:
    """Reading order on a page: by line (2-pt bands), then left to right."""
    return (round(span.bbox[1] / 2), span.bbox[0]) if span.bbox else (0, 0)
