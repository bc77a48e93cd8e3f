"""A reviewer's verdict on a finding: one vocabulary for the store, the reports and the
spreadsheet evaluators hand back."""

from __future__ import annotations

from enum import StrEnum


class VerdictKind(StrEnum):
    ACCEPT = "accept"  # 인정: the finding stands, the committee should see it
    DISMISS = "dismiss"  # 기각: a false alarm
