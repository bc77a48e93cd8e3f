"""Write the requirements table from the rule set's `requirements.yaml`:
`python -m smartcert.validators.requirements_page`.

Validators is the layer that sees the whole rule catalogue, so the page can name, for each
rule id, the module that defines it. `tests/test_requirements.py` fails when
docs/requirements.md is out of date (it never writes it).
"""

from __future__ import annotations

import sys
from pathlib import Path

from smartcert.schemas.catalogue import DEFAULT_RULESET
from smartcert.schemas.catalogue.requirements import (
    Requirement,
    Requirements,
    Status,
    load_requirements,
)
from smartcert.validators.catalogue import all_rules

PAGE = Path(__file__).resolve().parent.parent / "docs" / "requirements.md"
COMMAND = "python -m smartcert.validators.requirements_page"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _how(req: Requirement, modules: dict[str, str]) -> str:
    if req.status is Status.CHECKED:
        parts = [f"`{rid}`" + (f" ({modules[rid].removeprefix('smartcert.')})"
                               if rid in modules else "") for rid in req.rules]
        out = ", ".join(parts)
    else:
        out = req.where or req.why or ""
    if req.entries:
        out += " — 지표 규칙: " + ", ".join(f"`{e}`" for e in req.entries)
    if req.note:
        out += f" — {req.note}"
    return _cell(out)


def render(reqs: Requirements) -> str:
    modules = {e.spec.id: e.module for e in all_rules()}
    counts = {s: len(rs) for s, rs in reqs.by_status().items()}
    lines = [
        "# Requirements of the 2025 city call and what smartcert does with each",
        "",
        f"Generated from `schemas/rulesets/city-2025/requirements.yaml` by `{COMMAND}`;",
        "`tests/test_requirements.py` fails when this page is stale, when a rule id below is",
        "not in the rule catalogue (docs/rules.md), or when an indicator's `rules:` entry is",
        "covered by no requirement or, for a checked one, read by no code.",
        f"Line numbers are those of the seed file `{reqs.seed}`.",
        "",
        "| status | meaning | count |",
        "|---|---|---|",
    ]
    meaning = {
        Status.CHECKED: "a rule reports a breach (rule ids)",
        Status.APPLIED: "applied by the scoring or renewals, not a check",
        Status.AID: "shown to evaluators beside the claim, not judged",
        Status.NOT_CHECKABLE: "a bundle cannot show it (why)",
        Status.OPEN: "checkable, not checked yet (why)",
    }
    lines += [f"| {s.value} ({s.label}) | {meaning[s]} | {counts[s]} |" for s in Status]
    lines += [f"| **all** | | **{len(reqs.requirements)}** |", ""]
    for section in reqs.sections:
        rows = [r for r in reqs.requirements if r.section == section.id]
        lines += [f"## {section.id} {section.title}", "",
                  "| # | requirement (seed 002) | lines | status | rules / where / why |",
                  "|---|---|---|---|---|"]
        lines += [f"| {r.id} | {_cell(r.text)} | {', '.join(map(str, r.lines))} | "
                  f"{r.status.value} | {_how(r, modules)} |" for r in rows]
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    PAGE.write_text(render(load_requirements(DEFAULT_RULESET)), encoding="utf-8")
    print(f"wrote {PAGE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
