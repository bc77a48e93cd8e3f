"""Glyphs to lines and spans, inferring the spaces Hancom never writes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

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
_NUMERIC = set("0123456789,.")


def group_lines(chars: Iterable[Char], s: SpacingSettings = DEFAULT_SPACING) -> list[list[Char]]:
    """Cluster glyphs by baseline, top to bottom; each line sorted left to right."""
    lines: list[list[Char]] = []
    ref: list[float] = []
    tol = s.line_tolerance
    for ch in sorted(chars, key=lambda c: (c.baseline, c.x0)):
        if lines and abs(ch.baseline - ref[-1]) <= tol * (ch.size if ch.size > 1.0 else 1.0):
            lines[-1].append(ch)
        else:
            lines.append([ch])
            ref.append(ch.baseline)
    for line in lines:
        line.sort(key=lambda c: c.x0)
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


def region_text(chars: Iterable[Char], s: SpacingSettings = DEFAULT_SPACING) -> str:
    """Text of a region (a table cell): its lines joined with newlines."""
    return "\n".join(t for t in (line_text(ln, s) for ln in group_lines(chars, s)) if t)


def _bbox(chars: list[Char]) -> tuple[float, float, float, float]:
    return (
        min(c.x0 for c in chars),
        min(c.top for c in chars),
        max(c.x1 for c in chars),
        max(c.bottom for c in chars),
    )


def _dominant(chars: list[Char]) -> tuple[str, float]:
    counts: dict[tuple[str, float], int] = {}
    for c in chars:
        key = (c.font, round(c.size, 1))
        counts[key] = counts.get(key, 0) + 1
    return max(counts.items(), key=lambda kv: kv[1])[0]


def build_spans(
    regions: Iterable[list[Char]], page: int, s: SpacingSettings = DEFAULT_SPACING
) -> list[Span]:
    """Spans of a page: one per line piece, never crossing a region (a table cell)."""
    spans: list[Span] = []
    for region_chars in regions:
        for line in group_lines(region_chars, s):
            for part in split_line(line, s):
                text = line_text(part, s)
                if not text:
                    continue
                font, size = _dominant(part)
                spans.append(
                    Span(page=page, text=text, key=match_key(text), bbox=_bbox(part),
                         font=font, size=size)
                )
    spans.sort(key=reading_key)
    return spans


def reading_key(span: Span) -> tuple[float, float]:
    """Reading order on a page: by line (2-pt bands), then left to right."""
    return (round(span.bbox[1] / 2), span.bbox[0]) if span.bbox else (0, 0)
