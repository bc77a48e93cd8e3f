"""The planted-defect manifest (manifest.yaml): bundles, their base profile and defects."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.yaml"
CATEGORIES = (
    "intake", "completeness", "arithmetic", "consistency", "period", "evidence",
    "duplicate", "exclusion", "eligibility",
)  # fmt: skip
# op -> (required keys, optional keys); unknown keys fail, e.g. a YAML flow mapping split
# on an unquoted comma ('old: 2,452백만원' reads as two keys)
OPS: dict[str, tuple[set[str], set[str]]] = {
    "profile": (set(), {"set", "add"}),
    "replace": ({"code", "old", "new"}, {"in", "row"}),
    "duplicate_row": ({"code", "row"}, set()),
    "drop_indicator": ({"code"}, set()),
    "pages": ({"code", "pages"}, set()),
    "encrypted_pdf": ({"file", "password"}, set()),
    "truncated_copy": ({"file", "source", "keep"}, set()),
    "empty_file": ({"file"}, set()),
}
CONTENT_OPS = {"replace", "duplicate_row", "drop_indicator"}
FILE_OPS = {"encrypted_pdf", "truncated_copy", "empty_file"}
PARTS = {"summary", "form", "evidence"}


def check_step(defect: str, step: dict[str, Any]) -> None:
    op = step.get("op")
    if op not in OPS:
        raise ValueError(f"{defect}: unknown op {op!r}")
    required, optional = OPS[op]
    keys = set(step) - {"op"}
    if not required <= keys or keys - required - optional:
        raise ValueError(f"{defect}: {op} needs {sorted(required)}, got {sorted(keys)}")
    if any(v is None for v in step.values()) or not set(step.get("in", PARTS)) <= PARTS:
        raise ValueError(f"{defect}: {op} has an empty value or an unknown part: {step}")


@dataclass(frozen=True)
class Defect:
    id: str
    category: str
    rule: str
    indicator: str | None
    description: str
    plant: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class PlantedBundle:
    name: str
    base: str  # a profile in samples/cities/
    clean: bool = False
    defects: tuple[Defect, ...] = field(default_factory=tuple)
    # changes to the base profile that are no defect ({set: …, add: …} as the profile op),
    # e.g. another municipality's identity (samples/renewals); applied before the defects
    profile: dict[str, dict[str, Any]] = field(default_factory=dict)


def _defect(raw: dict[str, Any]) -> Defect:
    d = Defect(
        id=str(raw["id"]),
        category=str(raw["category"]),
        rule=str(raw["rule"]),
        indicator=raw.get("indicator"),
        description=str(raw["description"]),
        plant=tuple(raw["plant"]),
    )
    if d.category not in CATEGORIES or not d.rule.startswith(d.category + "."):
        raise ValueError(f"{d.id}: rule {d.rule} is not in category {d.category}")
    if not d.plant:
        raise ValueError(f"{d.id}: no plant steps")
    for step in d.plant:
        check_step(d.id, step)
    return d


def _profile(name: str, raw: dict[str, Any] | None) -> dict[str, dict[str, Any]]:
    raw = raw or {}
    if set(raw) - {"set", "add"} or not all(isinstance(v, dict) for v in raw.values()):
        raise ValueError(f"{name}: profile takes only 'set' and 'add' mappings: {raw}")
    return {k: dict(v) for k, v in raw.items()}


def load(path: Path = MANIFEST) -> list[PlantedBundle]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if raw.get("format_version") != 1:
        raise ValueError(f"{path}: unsupported format_version")
    bundles = [
        PlantedBundle(
            name=b["name"],
            base=b["base"],
            clean=bool(b.get("clean", False)),
            defects=tuple(_defect(d) for d in b.get("defects") or []),
            profile=_profile(b["name"], b.get("profile")),
        )
        for b in raw["bundles"]
    ]
    ids = [d.id for b in bundles for d in b.defects]
    if len(ids) != len(set(ids)):
        raise ValueError(f"{path}: defect ids repeat")
    if any(b.clean == bool(b.defects) for b in bundles):
        raise ValueError(f"{path}: a clean bundle has defects, or a planted one has none")
    return bundles
