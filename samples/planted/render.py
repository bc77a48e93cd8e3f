"""Render one planted bundle: base profile + profile changes, content edits during the
build (samples.generator.bundle.build hooks), then file-level changes."""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path
from typing import Any

from samples.generator.bundle import build
from samples.generator.model import Built, Profile, Spec
from samples.planted.edits import apply_content, apply_ranges
from samples.planted.files import apply_file
from samples.planted.manifest import CONTENT_OPS, FILE_OPS, PlantedBundle

CITIES = Path(__file__).resolve().parent.parent / "cities"


def _set(raw: dict[str, Any], dotted: str, value: Any, new: bool = False) -> None:
    """Set ``population.2024-12`` style keys. ``set`` changes a key that exists (a typo
    fails), ``add`` creates one that does not."""
    *path, last = dotted.split(".")
    node = raw
    for key in path:
        node = node[key]
    if (last in node) == new:
        raise KeyError(f"profile key '{dotted}' {'exists' if new else 'is missing'}")
    node[last] = value


def planted_profile(bundle: PlantedBundle, cities: Path = CITIES) -> Profile:
    raw = json.loads((cities / f"{bundle.base}.json").read_text(encoding="utf-8"))
    raw = copy.deepcopy(raw)
    raw["bundle"] = bundle.name
    raw.pop("zip", None)  # planted bundles are folders
    changes = [bundle.profile] if bundle.profile else []
    changes += [s for d in bundle.defects for s in d.plant if s["op"] == "profile"]
    for change in changes:
        for key, value in change.get("set", {}).items():
            _set(raw, key, value)
        for key, value in change.get("add", {}).items():
            _set(raw, key, value, new=True)
    return Profile(raw)


def steps(bundle: PlantedBundle, ops: set[str]) -> list[dict[str, Any]]:
    return [s for d in bundle.defects for s in d.plant if s["op"] in ops]


def render(bundle: PlantedBundle, out_root: Path, cities: Path = CITIES) -> Path:
    content, ranges, files = (
        steps(bundle, CONTENT_OPS),
        steps(bundle, {"pages"}),
        steps(bundle, FILE_OPS),
    )

    def edit_content(specs: list[Spec], built: dict[str, Built]) -> None:
        for step in content:
            apply_content(step, specs, built)

    def edit_ranges(printed: dict[str, str]) -> None:
        for step in ranges:
            apply_ranges(step, printed)

    # the truth file describes the unplanted city; the manifest is this set's answer key
    with tempfile.TemporaryDirectory() as truth:
        build(planted_profile(bundle, cities), out_root, Path(truth), edit_content, edit_ranges)
    folder = out_root / bundle.name
    for step in files:
        apply_file(step, folder)
    return folder
