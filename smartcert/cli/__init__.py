"""The `smartcert` command: Korean help, a preflight that turns every operational mistake
into one Korean line and exit code 2 before any work starts, one command at a time per
output folder (`outlock`: a second is refused the same way), and one net at the end — an
interrupted run says so (exit 130), a failure of the machine or of smartcert itself is one
Korean line with the log file to read (exit 1)."""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from smartcert.cli.commands import _config, main_progress
from smartcert.cli.logs import configure, log_exception
from smartcert.cli.options import build_parser
from smartcert.cli.outlock import OutLock
from smartcert.cli.preflight import UsageProblem, preflight

__all__ = ["_config", "build_parser", "console", "main"]

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)  # argument mistakes: exit 2 there
    out = getattr(args, "out", None)
    try:
        preflight(args)
        lock = OutLock.take(out)  # one command per output folder, held to the end
    except UsageProblem as e:
        main_progress(f"smartcert: 오류: {e}")
        return EXIT_USAGE
    with lock:
        return _run(args, out)


def console() -> int:
    """The `smartcert` console script: `main`, then the heap frozen as the process ends.
    The interpreter's last collections would otherwise walk every object Prefect,
    SQLAlchemy and pydantic made — ~0.8 s of an unchanged batch's ~6 s. The atexit handlers
    (Prefect's drains, logging's flush, the workers' end) and module teardown still run;
    only garbage in reference cycles is left to the operating system. Not in `main`: the
    tests call it many times in one process."""
    code = main()
    gc.freeze()
    return code


def _run(args: argparse.Namespace, out: str | None) -> int:
    log = configure(Path(out) if out else None)
    where = f" (자세한 내용: {log})" if log else ""
    try:
        with _prefect_api(args):
            return int(args.func(args))
    except KeyboardInterrupt:
        main_progress("smartcert: 중단했습니다. 끝난 문서와 제출물은 저장되어 있어 같은 명령을 "
                      "다시 실행하면 이어서 처리합니다")
        return EXIT_INTERRUPTED
    except OSError as e:
        log_exception("operational failure")
        what = e.strerror or type(e).__name__
        name = f": {e.filename}" if e.filename else ""
        main_progress(f"smartcert: 작업을 계속할 수 없습니다 — {what}{name}{where}")
        return EXIT_FAILED
    except Exception as e:
        log_exception("internal error")
        main_progress(f"smartcert: 내부 오류로 멈췄습니다 — {type(e).__name__}: {e}{where}")
        return EXIT_FAILED


def _prefect_api(args: argparse.Namespace) -> AbstractContextManager[object]:
    """The local Prefect API the flow commands run on (unless PREFECT_API_URL names one):
    in a session of its own, so Ctrl-C stops the command, not the server it reports to."""
    if args.command not in ("intake", "renewals"):
        return nullcontext()
    from smartcert.pipelines.local_api import local_api
    from smartcert.pipelines.runtime import RunConfig, prepare_prefect

    data_dir = RunConfig.make(args.out, args.data_dir).data_dir
    prepare_prefect(data_dir, verbose=getattr(args, "verbose", False))
    flows = {"intake": "smartcert.pipelines.flows", "renewals": "smartcert.pipelines.renewal_flow"}
    return local_api(data_dir, warm=lambda: importlib.import_module(flows[args.command]))


if __name__ == "__main__":
    sys.exit(console())
