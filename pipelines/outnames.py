"""Names the command writes at the top of an output folder that are not reports (standard
library only: the command's log is opened before anything heavy is imported)."""

from __future__ import annotations

LOG_NAME = "smartcert.log"  # the CLI's log (smartcert.cli.logs)
