"""Which program each shipped rule set is for, read from its folder's ruleset.yaml alone —
without the catalogue's models, so the command's preflight can check `--program` before
anything heavy is imported (`catalogue.read` uses the same function)."""

from __future__ import annotations

from pathlib import Path

import yaml

RULESETS_DIR = Path(__file__).resolve().parent / "rulesets"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def program_kinds(root: Path = RULESETS_DIR) -> dict[str, str]:
    """Rule-set id → program kind, from each folder's ruleset.yaml `program` (a rule set
    that does not say is a city one). Unreadable metadata counts as city, so the city
    loader reports it with every other problem."""
    out: dict[str, str] = {}
    for path in sorted(root.glob("*/ruleset.yaml")):
        try:
            with path.open(encoding="utf-8") as f:
                data = yaml.load(f, Loader=_Loader)  # a safe loader (C or Python)
        except (OSError, yaml.YAMLError):
            data = None
        kind = data.get("program", "city") if isinstance(data, dict) else "city"
        out[path.parent.name] = kind if isinstance(kind, str) else "city"
    return out
