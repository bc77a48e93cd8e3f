"""Reviewer verdicts on findings: 인정 (the finding stands) or 기각 (dismissed).

`VerdictInfo` is what the reports show (the verdict store hands them in, keyed by finding
key); `VerdictRow` is one row read back from an edited findings.xlsx.
"""

from __future__ import annotations

import unicodedata

from pydantic import BaseModel, Field

from smartcert.core.verdicts import VerdictKind

# one vocabulary with the store: accept (인정) / dismiss (기각)
Verdict = VerdictKind


VERDICT_LABEL: dict[Verdict, str] = {Verdict.ACCEPT: "인정", Verdict.DISMISS: "기각"}

# the words a reviewer may type (after NFKC, lower case, spaces removed)
_WORDS: dict[str, Verdict] = {
    **dict.fromkeys(["인정", "인정함", "수용", "accept", "accepted", "valid", "confirm",
                     "confirmed", "agree", "yes", "o"], Verdict.ACCEPT),
    **dict.fromkeys(["기각", "기각함", "불인정", "reject", "rejected", "dismiss", "dismissed",
                     "invalid", "falsepositive", "no", "x"], Verdict.DISMISS),
}


def parse_verdict(text: str) -> Verdict | None:
    """A verdict word in Korean or English; None when not one (blank is handled by callers)."""
    word = "".join(unicodedata.normalize("NFKC", text).lower().split())
    return _WORDS.get(word)


class VerdictInfo(BaseModel):
    verdict: Verdict
    comment: str = ""
    reviewer: str = ""
    decided_at: str | None = None  # ISO time, when the store knows it

    @property
    def label(self) -> str:
        return VERDICT_LABEL[self.verdict]


class VerdictRow(BaseModel):
    """One edited row. `problems` (Korean) are bad cells; such a row is never recorded."""

    row: int  # 1-based sheet row, for messages
    key: str | None = None
    verdict: Verdict | None = None
    comment: str = ""
    reviewer: str = ""
    problems: list[str] = Field(default_factory=list)

    @property
    def usable(self) -> bool:
        """A verdict to record: a key, a recognised verdict word, no problems."""
        return self.key is not None and self.verdict is not None and not self.problems

    def info(self) -> VerdictInfo | None:
        if not self.usable or self.verdict is None:
            return None
        return VerdictInfo(verdict=self.verdict, comment=self.comment, reviewer=self.reviewer)
