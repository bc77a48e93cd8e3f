"""Where the command's log goes: the whole record (tracebacks included) to a file beside the
results, the screen only one line per error — the operator reads Korean lines, the log keeps
what a developer needs."""

from __future__ import annotations

import logging
from pathlib import Path

from smartcert.pipelines.outnames import LOG_NAME

_LOGGER = "smartcert"


class _OneLine(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"{record.getMessage()}"  # no traceback on the screen


def configure(out_dir: Path | None) -> Path | None:
    """Route the `smartcert` loggers: to `<out_dir>/smartcert.log` when there is an output
    folder, and errors (one line each) to the screen. Returns the log file."""
    logger = logging.getLogger(_LOGGER)
    for h in list(logger.handlers):
        logger.removeHandler(h)
        h.close()
    logger.setLevel(logging.INFO)
    logger.propagate = False
    screen = logging.StreamHandler()
    screen.setLevel(logging.ERROR)
    screen.setFormatter(_OneLine())
    logger.addHandler(screen)
    if out_dir is None:
        return None
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / LOG_NAME
    file = logging.FileHandler(path, encoding="utf-8")
    file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(file)
    return path


def log_exception(message: str) -> None:
    """A failure's traceback, to the log file only."""
    logger = logging.getLogger(_LOGGER)
    for h in logger.handlers:
        if isinstance(h, logging.FileHandler):
            h.handle(logger.makeRecord(_LOGGER, logging.ERROR, __file__, 0, message, (),
                                       _exc_info()))


def _exc_info():  # type: ignore[no-untyped-def]
    import sys

    return sys.exc_info()
