"""How much an archive may make us write: the zip-bomb guard rails."""

from __future__ import annotations

from dataclasses import dataclass

MiB = 1 << 20
GiB = 1 << 30

# what a finding tells the operator to change, per limit: option of the CLI and field here
# (`smartcert validate|intake`; the options take MiB where the field counts bytes)
HOW_TO_RAISE = {
    "max_member_bytes": "--max-member-mb 옵션 또는 IntakeLimits.max_member_bytes",
    "max_total_bytes": "--max-submission-mb 옵션 또는 IntakeLimits.max_total_bytes",
    "max_inflated_bytes": "--max-inflated-mb 옵션 또는 IntakeLimits.max_inflated_bytes",
    "max_ratio": "--max-zip-ratio 옵션 또는 IntakeLimits.max_ratio",
    "max_members": "--max-members 옵션 또는 IntakeLimits.max_members",
    "max_nesting": "--max-nesting 옵션 또는 IntakeLimits.max_nesting",
}


@dataclass(frozen=True)
class IntakeLimits:
    """Caps applied while archives are expanded; validated on construction.

    Sizes count bytes actually decompressed, never the sizes an archive header claims, and
    the compression ratio is taken over the compressed bytes actually read.
    """

    # one scanned 300-page PDF can reach a few hundred MiB; more than this is not a document
    # (counted while inflating, kept or refused: it bounds the work one member can cause)
    max_member_bytes: int = 1 * GiB
    max_total_bytes: int = 4 * GiB  # written: the members kept
    # inflated, by every member of the submission's archives (nested ones included) whether
    # kept or refused — a member that lies about its sizes or fails its CRC is refused only
    # once inflated. Twice what may be kept: a real submission never comes near it, and it
    # bounds a hostile one at ~1 min of inflating on this machine
    max_inflated_bytes: int = 8 * GiB
    # deflate tops out near 1032:1; real documents stay far below 200:1
    max_ratio: float = 200.0
    # tiny files (a blank CSV, an XML stub) compress absurdly well and are harmless
    ratio_min_bytes: int = 1 * MiB
    max_members: int = 10_000
    # archives allowed *inside* the submission archive: 1 = a zip in the zip is expanded,
    # a zip in that one is refused
    max_nesting: int = 1

    def __post_init__(self) -> None:
        for field in ("max_member_bytes", "max_total_bytes", "max_inflated_bytes",
                      "max_members"):
            value = getattr(self, field)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"{field} must be a positive int, got {value!r}")
        if self.max_member_bytes > self.max_total_bytes:
            raise ValueError("max_member_bytes cannot exceed max_total_bytes")
        if self.max_total_bytes > self.max_inflated_bytes:
            raise ValueError("max_total_bytes cannot exceed max_inflated_bytes")
        if not self.max_ratio > 1.0:
            raise ValueError(f"max_ratio must be above 1, got {self.max_ratio!r}")
        if not isinstance(self.ratio_min_bytes, int) or self.ratio_min_bytes < 0:
            raise ValueError(f"ratio_min_bytes must be a non-negative int, got "
                             f"{self.ratio_min_bytes!r}")
        if not isinstance(self.max_nesting, int) or not 0 <= self.max_nesting <= 8:
            raise ValueError(f"max_nesting must be within 0..8, got {self.max_nesting!r}")

    @property
    def max_archive_depth(self) -> int:
        """How many archives may enclose a kept file (the submission zip counts as one)."""
        return 1 + self.max_nesting
