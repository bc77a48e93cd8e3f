"""Reading a rule-set folder: YAML files → parsed sections plus every problem found.

Parsing never stops at the first problem: each indicator is validated on its own, so one
broken entry is reported next to all the others instead of hiding them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from smartcert.schemas.catalogue.forms import FormTemplates
from smartcert.schemas.catalogue.indicators import Indicator
from smartcert.schemas.catalogue.meta import Documents, Meta, Periods
from smartcert.schemas.catalogue.program import Applicants, Grades, Qualitative, Structure
from smartcert.schemas.program_index import RULESETS_DIR as RULESETS_DIR
from smartcert.schemas.program_index import program_kinds as program_kinds

# libyaml's loader is ~10× faster than the pure-Python one; same safe subset of YAML
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# file → (model, required even in a partial rule set)
SECTIONS: dict[str, tuple[type[BaseModel], bool]] = {
    "ruleset.yaml": (Meta, True),
    "structure.yaml": (Structure, True),
    "qualitative.yaml": (Qualitative, False),
    "grades.yaml": (Grades, False),
    "applicants.yaml": (Applicants, False),
    "periods.yaml": (Periods, False),
    "documents.yaml": (Documents, False),
    "forms.yaml": (FormTemplates, False),
}
INDICATORS_FILE = "indicators.yaml"
FORM_REF = "§"  # a clause starting with § is relative to the indicator's form heading


@dataclass
class Parsed:
    sections: dict[str, BaseModel | None] = field(default_factory=dict)
    indicators: list[Indicator] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _read_yaml(path: Path, problems: list[str]) -> Any:
    try:
        with path.open(encoding="utf-8") as f:
            return yaml.load(f, Loader=_Loader)  # a safe loader (C or Python)
    except yaml.YAMLError as e:
        problems.append(f"{path.name}: not valid YAML ({e})")
        return None


def _errors(where: str, err: ValidationError) -> list[str]:
    out = []
    for e in err.errors():
        loc = ".".join(str(p) for p in e["loc"])
        out.append(f"{where}: {loc or '(root)'}: {e['msg']}")
    return out


def _expand_clauses(node: Any, form_clause: str) -> Any:
    """Resolve '§' clauses against the form heading, recursively."""
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k == "clause" and isinstance(v, str) and v.startswith(FORM_REF):
                v = form_clause + v[len(FORM_REF):]
            out[k] = _expand_clauses(v, form_clause)
        return out
    if isinstance(node, list):
        return [_expand_clauses(v, form_clause) for v in node]
    return node


def _alias_clauses(raw: dict[str, Any]) -> None:
    """An alias without a clause takes the clause of the table it comes from."""
    clauses = raw.get("clauses") or {}
    by_source = {"summary": clauses.get("summary"), "points": clauses.get("points"),
                 "form": clauses.get("form"), "heading": clauses.get("form")}
    for alias in raw.get("aliases") or []:
        if isinstance(alias, dict) and not alias.get("clause") and by_source.get(alias.get("source")):
            alias["clause"] = by_source[alias["source"]]


def _parse_indicator(raw: Any, index: int, problems: list[str]) -> Indicator | None:
    if not isinstance(raw, dict):
        problems.append(f"{INDICATORS_FILE}: entry {index} is not a mapping")
        return None
    code = raw.get("code") or f"entry {index}"
    form_clause = (raw.get("clauses") or {}).get("form") or ""
    if not form_clause and "§" in repr(raw):
        problems.append(f"{code}: clauses relative to the form (§) but no 'clauses.form'")
    raw = _expand_clauses(raw, form_clause)
    _alias_clauses(raw)
    try:
        return Indicator.model_validate(raw)
    except ValidationError as e:
        problems.extend(_errors(str(code), e))
        return None


def read_folder(folder: Path) -> Parsed:
    """Parse every file of a rule-set folder; problems are collected, not raised."""
    parsed = Parsed()
    for name, (model, required) in SECTIONS.items():
        path = folder / name
        if not path.is_file():
            if required:
                parsed.problems.append(f"{name}: missing")
            parsed.sections[name] = None
            continue
        data = _read_yaml(path, parsed.problems)
        try:
            parsed.sections[name] = model.model_validate(data)
        except ValidationError as e:
            parsed.problems.extend(_errors(name, e))
            parsed.sections[name] = None

    path = folder / INDICATORS_FILE
    data = _read_yaml(path, parsed.problems) if path.is_file() else None
    if not path.is_file():
        parsed.problems.append(f"{INDICATORS_FILE}: missing")
    elif not isinstance(data, dict) or not isinstance(data.get("indicators"), list):
        parsed.problems.append(f"{INDICATORS_FILE}: no 'indicators' list")
    else:
        for i, raw in enumerate(data["indicators"]):
            ind = _parse_indicator(raw, i, parsed.problems)
            if ind is not None:
                parsed.indicators.append(ind)
    return parsed
