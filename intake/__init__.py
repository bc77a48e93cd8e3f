"""Safe intake of a submission: a folder or a .zip, hostile archives refused with findings."""

from intake.bundle import BundleFile, IntakeResult, open_submission, submission_id
from intake.limits import IntakeLimits
from intake.rules import RULES, IntakeRule

__all__ = [
    "RULES",
    "BundleFile",
    "IntakeLimits",
    "IntakeResult",
    "IntakeRule",
    "open_submission",
    "submission_id",
]
