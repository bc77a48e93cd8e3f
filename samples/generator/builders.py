"""Indicator code -> builder."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from samples.generator import (
    ind_a_open,
    ind_a_private,
    ind_a_public,
    ind_a_systems,
    ind_b_finance,
    ind_b_gov,
    ind_b_network,
    ind_c_admin_housing,
    ind_c_center,
    ind_c_econ,
    ind_c_edu_culture,
    ind_c_safety,
    ind_c_traffic,
    ind_c_traffic_info,
)
from samples.generator.model import Built, Ctx

SELF_CODES = {"C-1-8", "C-2-6", "C-3-3", "C-4-3", "C-5-3", "C-6-2", "C-7-3", "C-8-3", "C-9-3"}
MODULES: list[ModuleType] = [
    ind_a_public, ind_a_private, ind_a_open, ind_a_systems, ind_b_gov, ind_b_network,
    ind_b_finance, ind_c_traffic, ind_c_traffic_info, ind_c_safety, ind_c_admin_housing,
    ind_c_edu_culture, ind_c_econ, ind_c_center,
]  # fmt: skip


def builder(code: str) -> Callable[[Ctx], Built]:
    if code in SELF_CODES:
        return ind_c_center.self_indicator
    name = code.lower().replace("-", "_")
    for mod in MODULES:
        fn = getattr(mod, name, None)
        if fn is not None:
            return fn  # type: ignore[no-any-return]
    raise KeyError(f"no builder for {code}")
