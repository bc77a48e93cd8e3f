"""A document's kind from the points its signals gave each kind: one decision for the city
classifier (`classify.py`) and the service one (`service/classify.py`), so both weigh the
evidence alike."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

K = TypeVar("K")

# Below this many points no kind is claimed: the document is 'other'.
MIN_POINTS = 2.5


def strength(best: float, runner_up: float) -> float:
    """Strength of the evidence, discounted when another kind is nearly as strong."""
    if best <= 0:
        return 0.0
    s = 1.0 - 0.5 ** (best / 3.0)
    margin = max(0.0, best - runner_up) / best
    return round(s * (0.5 + 0.5 * margin), 3)


def decide(points: Mapping[K, float], other: K, reasons: list[str]) -> tuple[K, float]:
    """The kind with the most points and how sure; `other` (and why, added to `reasons`)
    when no kind reaches MIN_POINTS."""
    ranked = sorted(points.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] < MIN_POINTS:
        best = ranked[0][1] if ranked else 0.0
        reasons.append(f"no kind reaches {MIN_POINTS:g} points (best {best:g})")
        return other, round(1.0 - strength(best, 0.0), 3)
    kind, best = ranked[0]
    return kind, strength(best, ranked[1][1] if len(ranked) > 1 else 0.0)
