"""smartcert: pre-review checks for Korean Smart City Certification submissions."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("smartcert")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"
