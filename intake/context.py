"""State shared by one intake run: kept files, claimed names, budgets, findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from smartcert.core.files.media import MediaType
from smartcert.core.findings import Finding
from smartcert.core.rulespec import RuleSpec
from smartcert.intake import rules as R
from smartcert.intake.limits import IntakeLimits
from smartcert.intake.rules import intake_finding


@dataclass
class Kept:
    """A file accepted into the submission; hash and size are filled when known."""

    name: str  # POSIX path relative to the submission root
    path: Path
    origin: str | None = None  # 'bundle.zip!근거자료.zip!사진.pdf' for archive members
    sha256: str | None = None
    size: int | None = None
    extracted: bool = False  # written under the staging folder (moved with it later)
    media_type: MediaType | None = None  # sniffed already when known


@dataclass
class IntakeRun:
    limits: IntakeLimits
    staging: Path
    kept: list[Kept] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    written_bytes: int = 0
    inflated_bytes: int = 0  # by every member, kept or refused
    members_seen: int = 0
    _files: set[str] = field(default_factory=set)
    _dirs: set[str] = field(default_factory=set)
    _junk: list[str] = field(default_factory=list)
    _overflow: list[str] = field(default_factory=list)
    _uninflated: list[str] = field(default_factory=list)

    # names -------------------------------------------------------------------------
    def conflict(self, name: str) -> str | None:
        """The already claimed name `name` would clash with (same file, or file vs folder)."""
        if name in self._files or name in self._dirs:
            return name
        parts = name.split("/")
        for i in range(1, len(parts)):
            prefix = "/".join(parts[:i])
            if prefix in self._files:
                return prefix
        return None

    def claim(self, name: str) -> None:
        self._files.add(name)
        parts = name.split("/")
        self._dirs.update("/".join(parts[:i]) for i in range(1, len(parts)))

    def release(self, name: str) -> None:
        # an expanded archive gives its name up; its folder prefixes may stay claimed
        self._files.discard(name)

    def free_folder(self, parent: str, stem: str) -> str:
        """A folder name for an expanded archive that clashes with nothing already taken."""
        base = f"{parent}/{stem}" if parent else stem
        candidate, n = base, 1
        while candidate in self._files or candidate in self._dirs:
            n += 1
            candidate = f"{base} ({n})"
        self._dirs.add(candidate)
        return candidate

    # budgets -----------------------------------------------------------------------
    @property
    def remaining_bytes(self) -> int:
        return self.limits.max_total_bytes - self.written_bytes

    def admit_member(self, display: str) -> bool:
        """Count one archive member; False once the member limit is used up."""
        self.members_seen += 1
        if self.members_seen > self.limits.max_members:
            self._overflow.append(display)
            return False
        return True

    @property
    def inflate_budget_spent(self) -> bool:
        return self.inflated_bytes >= self.limits.max_inflated_bytes

    def skip_uninflated(self, display: str) -> None:
        """A member left packed: the submission's inflate budget is spent."""
        self._uninflated.append(display)

    # findings ----------------------------------------------------------------------
    def report(self, rule: RuleSpec, where: str, **kw: object) -> None:
        self.findings.append(intake_finding(rule, where, **kw))  # type: ignore[arg-type]

    def skip_junk(self, display: str) -> None:
        self._junk.append(display)

    def close(self) -> None:
        """Emit the findings that summarise many members at once."""
        if self._overflow:
            self.report(
                R.TOO_MANY_MEMBERS,
                self._overflow[0],
                limit=self.limits.max_members,
                count=len(self._overflow),
                claimed=f"{self.members_seen}개 이상",
                expected=f"≤ {self.limits.max_members}",
            )
        if self._uninflated:
            self.report(
                R.INFLATE_BUDGET,
                self._uninflated[0],
                limit=f"{self.limits.max_inflated_bytes:,}",
                count=len(self._uninflated),
                claimed=f"{self.inflated_bytes:,}바이트",
                expected=f"≤ {self.limits.max_inflated_bytes:,}바이트",
            )
        if self._junk:
            self.findings.append(
                intake_finding(R.OS_JUNK, sorted(self._junk), count=len(self._junk))
            )
