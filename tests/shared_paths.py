"""The project's shared folder (seeds, reference, real Hancom files) as the tests find it:
`../shared` beside the repository — where CI puts its copy next to the fresh clone.

A test that needs it fails, never skips, when it is absent: a skipped check hides a failure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
REFERENCE = SHARED / "reference"
REAL_HANCOM = SHARED / "real-hancom"


def require(path: Path) -> Path:
    """`path`, or a failure naming where the shared folder was looked for."""
    if not path.exists():
        pytest.fail(f"{path} is missing: the shared folder belongs beside the repository "
                    f"({SHARED})")
    return path
