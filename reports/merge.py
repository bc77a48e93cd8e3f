"""Combine findings from several steps without saying the same thing twice."""

from __future__ import annotations

from collections.abc import Iterable

from smartcert.core.findings import Finding


def _says(f: Finding) -> tuple[object, ...]:
    """Everything a finding tells the reader. Two findings merge only when they agree on
    all of it: a missing 자체평가표 and a missing 근거자료 share rule, indicator (none) and
    locations (none) but not their message, and both must reach the committee."""
    return (f.rule, f.severity, f.indicator, f.message, f.claimed, f.expected,
            tuple(f.locations))


def merge_findings(*groups: Iterable[Finding]) -> list[Finding]:
    """Keep the first of findings that say exactly the same thing, in pipeline order.

    Intake and the extractor may both notice that a file is empty or unknown; the
    committee should read that once. Findings that differ in anything they say are kept.
    """
    seen: set[tuple[object, ...]] = set()
    out: list[Finding] = []
    for group in groups:
        for f in group:
            key = _says(f)
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out
