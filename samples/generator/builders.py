"""Indicator code -> builder."""

from __future__ import annotations

from collections.abc import Callable

from samples.generator import ind_a1, ind_a3, ind_b, ind_b4, ind_c1, ind_c2, ind_c3
from samples.generator.model import Built, Ctx

SELF_CODES = {"C-1-8", "C-2-6", "C-3-3", "C-4-3", "C-5-3", "C-6-2", "C-7-3", "C-8-3", "C-9-3"}


def builder(code: str) -> Callable[[Ctx], Built]:
    if code in SELF_CODES:
        return ind_c3.self_indicator
    name = code.lower().replace("-", "_")
    for mod in (ind_a1, ind_a3, ind_b, ind_b4, ind_c1, ind_c2, ind_c3):
        fn = getattr(mod, name, None)
        if fn is not None:
            return fn  # type: ignore[no-any-return]
    raise KeyError(f"no builder for {code}")
