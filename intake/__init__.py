"""Safe intake of a submission: a folder or a .zip, hostile archives refused with findings."""

from smartcert.intake.bundle import BundleFile, IntakeResult, open_submission, submission_id
from smartcert.intake.limits import IntakeLimits

__all__ = [
    "BundleFile",
    "IntakeLimits",
    "IntakeResult",
    "open_submission",
    "submission_id",
]
