"""The service bundles' manifest (manifest.yaml): names, base profiles, producers, planted
defects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from samples.service.catalogue import BY_S
from samples.service.model import Bundle, make_bundle

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "manifest.yaml"
BUNDLES = HERE / "bundles"
TRUTH = HERE / "truth"
SOURCES = HERE / "sources"  # the Word documents LibreOffice converted (not submitted)
PRODUCERS = ("painter", "libreoffice")
# the findings contract's categories (a fixed list: no program-specific ones)
CATEGORIES = (
    "intake",
    "completeness",
    "arithmetic",
    "consistency",
    "period",
    "evidence",
    "duplicate",
    "exclusion",
    "eligibility",
)
OPS = {
    "set": {"set"},
    "add": {"add"},
    "claim": {"sub", "score"},
    "subtotal": {"group", "printed"},
    "omit_document": {"kind"},
}
DEFECT_KEYS = {"id", "category", "rule", "item", "sub", "description", "plant"}
# `severity`: how the defect must be reported (default error; warning where the call itself
# leaves doubt, as for the 동의서 the notice's document list omits)
OPTIONAL_KEYS = {"severity"}


def check_defect(d: dict[str, Any]) -> None:
    if not DEFECT_KEYS <= set(d) <= DEFECT_KEYS | OPTIONAL_KEYS:
        raise ValueError(f"{d.get('id')}: keys {sorted(d)} != {sorted(DEFECT_KEYS)}")
    if d.get("severity", "error") not in ("error", "warning"):
        raise ValueError(f"{d['id']}: severity {d['severity']!r}")
    if d["category"] not in CATEGORIES or not d["rule"].startswith(d["category"] + "."):
        raise ValueError(f"{d['id']}: category {d['category']!r} / rule {d['rule']!r}")
    if d["item"] is not None and d["item"] not in BY_S:
        raise ValueError(f"{d['id']}: unknown item {d['item']}")
    for step in d["plant"]:
        op = step.get("op")
        if op not in OPS or set(step) - {"op"} != OPS[op]:
            raise ValueError(f"{d['id']}: bad step {step}")


def raw() -> list[dict[str, Any]]:
    """The entries, each with its `producer` and its defects (`defects_from`: another
    bundle's, their ids suffixed)."""
    data = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert data["format_version"] == 1
    entries = [dict(e) for e in data["bundles"]]
    by_name = {e["name"]: e for e in entries}
    for e in entries:
        e.setdefault("producer", "painter")
        if e["producer"] not in PRODUCERS:
            raise ValueError(f"{e['name']}: unknown producer {e['producer']!r}")
        src = e.pop("defects_from", None)
        if src is not None:
            if e.get("defects"):
                raise ValueError(f"{e['name']}: both defects and defects_from")
            e["defects"] = [
                {**d, "id": d["id"] + src["id_suffix"]} for d in by_name[src["bundle"]]["defects"]
            ]
    return entries


def load() -> list[Bundle]:
    out = []
    for entry in raw():
        for d in entry["defects"]:
            check_defect(d)
        out.append(make_bundle(entry["name"], entry["base"], entry["defects"], entry["producer"]))
    return out
