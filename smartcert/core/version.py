"""The installed smartcert version: standard library only, so `smartcert --version` and the
command's fast path do not import the readers to print it."""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError, version


@cache
def project_version() -> str:
    """The installed smartcert version (pyproject's `version`)."""
    try:
        return version("smartcert")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "0+unknown"
