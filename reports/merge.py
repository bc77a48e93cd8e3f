"""Combine findings from several steps without saying the same thing twice."""

from __future__ import annotations

from collections.abc import Iterable

from smartcert.core.findings import Finding


def merge_findings(*groups: Iterable[Finding]) -> list[Finding]:
    """Keep the first of findings with the same rule, indicator and locations.

    Intake and the extractor may both notice that a file is empty or unknown; the
    committee should read that once.
    """
    seen: set[tuple[object, ...]] = set()
    out: list[Finding] = []
    for group in groups:
        for f in group:
            key = (f.rule, f.indicator, tuple(f.locations))
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out
