"""Glyphs to lines and spans, inferring the spaces Hancom never writes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter

from smartcert.core.normalize import match_key
from smartcert.extractors.models import Span
from smartcert.extractors.pdf.chars import Char


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
_NUMERIC = frozenset("0123456789,.")
_BASELINE_X0 = attrgetter("baseline", "x0")
_X0 = attrgetter("x0")


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


def _needs_space(prev: Char, ch: Char, s: SpacingSettings) -> bool:
    gap = ch.x0 - prev.x1
    size = prev.size if prev.size > ch.size else ch.size
    if prev.c in _NUMERIC and ch.c in _NUMERIC:
        return gap > s.number_gap * size  # numbers are never split by tracking
    return gap > s.word_gap * size


def split_line(line: list[Char], s: SpacingSettings = DEFAULT_SPACING) -> list[list[Char]]:
    """Split a line where the gap is wide enough to be a column break."""
    parts: list[list[Char]] = []
    last: Char | None = None
    for ch in line:
        if ch.c.isspace():
            if parts:
                parts[-1].append(ch)
            continue
        if last is None or ch.x0 - last.x1 > s.span_gap * (ch.size if ch.size > last.size else last.size):
            parts.append([ch])
        else:
            parts[-1].append(ch)
        last = ch
    return parts


def line_text(line: list[Char], s: SpacingSettings = DEFAULT_SPACING) -> str:
    out: list[str] = []
    prev: Char | None = None
    for ch in line:
        if ch.c.isspace():
            if out and out[-1] != " ":
                out.append(" ")
            continue
        if prev is not None and out and out[-1] != " " and _needs_space(prev, ch, s):
            out.append(" ")
        out.append(ch.c)
        prev = ch
    return "".join(out).strip()


def lines_text(lines: list[list[Char]], s: SpacingSettings = DEFAULT_SPACING) -> str:
    """Text of a region (a table cell) from its glyphs grouped into lines (`group_lines`):
    the lines joined with newlines."""
    return "\n".join(t for t in (line_text(ln, s) for ln in lines) if t)


def _bbox(chars: list[Char]) -> tuple[float, float, float, float]:
    first = chars[0]
    x0, top, x1, bottom = first.x0, first.top, first.x1, first.bottom
    for c in chars:
        if c.x0 < x0:
            x0 = c.x0
        if c.top < top:
            top = c.top
        if c.x1 > x1:
            x1 = c.x1
        if c.bottom > bottom:
            bottom = c.bottom
    return (x0, top, x1, bottom)


def _dominant(chars: list[Char]) -> tuple[str, float]:
    """The most frequent (font, size to 0.1 pt); a tie goes to the one seen first."""
    raw: dict[tuple[str, float], int] = {}
    for c in chars:
        key = (c.font, c.size)
        raw[key] = raw.get(key, 0) + 1
    if len(raw) == 1:
        font, size = next(iter(raw))
        return (font, round(size, 1))
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
    for lines in regions:
        for line in lines:
            for part in split_line(line, s):
                text = line_text(part, s)
                if not text:
                    continue
                font, size = _dominant(part)
                # built unvalidated: the glyphs' text is already writable (`chars._writable`)
                spans.append(Span.model_construct(
                    page=page, text=text, key=match_key(text), bbox=_bbox(part), font=font,
                    size=size))
    spans.sort(key=reading_key)
    return spans


def reading_key(span: Span) -> tuple[float, float]:
    """Reading order on a page: by line (2-pt bands), then left to right."""
    return (round(span.bbox[1] / 2), span.bbox[0]) if span.bbox else (0, 0)
