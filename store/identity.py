"""Stable identities: which municipality a submission belongs to (its lineage), and which
finding a finding is, so a reviewer's verdict survives re-runs and corrected re-submissions.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter

from smartcert.core.findings import Finding, Location
from smartcert.core.normalize import match_key

_ARCHIVE_SUFFIX = re.compile(r"\.zip$", re.IGNORECASE)


def lineage_key(applicant: str | None, source_name: str | None, submission_id: str,
                service: str | None = None) -> str:
    """The stable key of one municipality's submission across corrected re-submissions.

    - `service:<name>` — a service application, by the service's name: one company may hold
      several certified services, each with its own history.
    - `applicant:<name>` — the applicant as the documents print it, in matching form
      (NFKC, dashes unified, whitespace removed: '누리 시' = '누리시'). A corrected
      re-submission changes files, hence its content id, but not who applies.
    - `source:<name>` — when no applicant could be read: the folder or zip name without
      '.zip' (the same bundle as a folder and as a zip share it).
    - `content:<submission id>` — last resort; such a lineage never spans re-submissions.

    The prefix keeps the three kinds apart (a folder named like a city is not that city).
    Known limit: if the applicant is unreadable in one submission and readable in its
    correction, the two get different lineages.
    """
    if service and (key := match_key(service)):
        return f"service:{key}"
    if applicant and (key := match_key(applicant)):
        return f"applicant:{key}"
    if source_name and (key := match_key(_ARCHIVE_SUFFIX.sub("", source_name))):
        return f"source:{key}"
    return f"content:{submission_id}"


def service_lineage(service: str) -> str:
    """The lineage a service application of `service` is stored under."""
    return lineage_key(None, None, "", service=service)


def _place(loc: Location) -> tuple[str, int | None, str | None, str | None]:
    # file name and page (or sheet/cell) say where; bbox floats move with extractor changes
    return (match_key(loc.file), loc.page, loc.sheet, loc.cell)


def _base_parts(lineage: str, program: str, f: Finding) -> list[object]:
    """What a finding *is*, and why each part is in or out:

    in   lineage    — the same rule broken by another municipality is another finding
    in   program    — city-2023 and city-2025 rules are different promises
    in   rule       — the stable dotted id from the rule catalogue
    in   indicator  — the same rule on another indicator is another finding
    in   claimed    — what the municipality wrote (matching form); when a corrected
                      submission changes the value, the reviewer must look again
    in   places     — file name + page (+ sheet/cell), sorted, without duplicates
    out  bbox       — floats that move when the extractor improves; the page suffices
    out  message    — wording may be improved between versions
    out  expected   — the rule's side (catalogue windows, computed figures): its wording
                      and derivation change with rule-set and project versions
    out  severity, category — re-grading a rule must not discard a reviewer's verdict
                      (category follows from the rule anyway)
    out  versions   — an upgrade would otherwise orphan every verdict
    """
    claimed = match_key(f.claimed) if f.claimed is not None else None
    places = sorted(set(map(_place, f.locations)), key=repr)
    return [lineage, program, f.rule, f.indicator, claimed, places]


def _digest(parts: list[object]) -> str:
    text = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return "fk-" + hashlib.sha256(text.encode()).hexdigest()[:24]


def finding_key(lineage: str, program: str, finding: Finding, occurrence: int = 0) -> str:
    """The content key of a finding; `occurrence` tells apart findings of one report that
    agree on every part (only their bbox or message differ). The first keeps the plain key."""
    parts = _base_parts(lineage, program, finding)
    return _digest(parts if occurrence == 0 else [*parts, occurrence])


def _tiebreak(f: Finding) -> tuple[str, str, str]:
    boxes = sorted(repr(loc.bbox) for loc in f.locations)
    return (repr(boxes), f.message, f.expected or "")


def finding_keys(lineage: str, program: str, findings: list[Finding]) -> list[str]:
    """Keys of a report's findings, in the report's order, all distinct.

    Findings that share a base key are numbered in an order independent of the report's
    order (bbox, then message), so a re-run that lists them differently keys them alike."""
    bases = [finding_key(lineage, program, f) for f in findings]
    counts = Counter(bases)
    occurrence: dict[int, int] = {}
    for base in (b for b, n in counts.items() if n > 1):
        same = sorted((i for i, b in enumerate(bases) if b == base),
                      key=lambda i: _tiebreak(findings[i]))
        occurrence.update({i: k for k, i in enumerate(same)})
    return [finding_key(lineage, program, f, occurrence.get(i, 0))
            for i, f in enumerate(findings)]
