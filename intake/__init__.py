"""Safe intake of a submission: a folder or a .zip, hostile archives refused with findings.

The reader is `intake.bundle` (`open_submission`), its limits `intake.limits`. Nothing is
imported here: the command's options read the limits before any model is loaded.
"""
