"""Finding keys: the stable id a reviewer's verdict is attached to.

The persistence layer owns the real identity (`store/identity.py`); reports only accept
keys. Give either a list parallel to `report.findings` or a callable `Finding → key`.
Without either, a local deterministic fallback is used: sha256 of
rule|indicator|claimed|file|page (first location), so re-running the same bundle gives
the same keys and verdicts survive.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence

from smartcert.core.findings import Finding

FindingKeyFn = Callable[[Finding], str]
FindingKeys = Sequence[str] | FindingKeyFn


def fallback_key(f: Finding) -> str:
    loc = f.locations[0] if f.locations else None
    parts = [f.rule, f.indicator or "", f.claimed or "",
             loc.file if loc else "", str(loc.page) if loc and loc.page else ""]
    return "f-" + hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:16]


def resolve_keys(findings: Sequence[Finding], keys: FindingKeys | None = None) -> list[str]:
    if callable(keys):
        return [keys(f) for f in findings]
    if keys is not None:
        if isinstance(keys, str) or len(keys) != len(findings):
            raise ValueError(f"finding_keys must be parallel to the findings "
                             f"({len(findings)}), got {len(keys)}")
        return list(keys)
    out: list[str] = []
    seen: dict[str, int] = {}
    for f in findings:
        k = fallback_key(f)
        # two findings alike in every hashed field (same rule on one page): number them
        # in report order, which the pipeline keeps stable
        n = seen.get(k, 0) + 1
        seen[k] = n
        out.append(k if n == 1 else f"{k}-{n}")
    return out
