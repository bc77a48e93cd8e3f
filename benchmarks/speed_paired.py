"""smartcert against OpenDataLoader in alternating rounds: the two throughput targets.

This host's speed drifts by a third within minutes (PyMuPDF's floor ran at 843 and at 1,603
pages/s on one afternoon). A JVM run timed two minutes before smartcert's pass carries that
drift into the ratio: three runs of the same code gave 2.55x, 3.13x and 2.87x. So each round
runs back to back, on the same files: one OpenDataLoader call (one JVM), one in-process
smartcert pass (`extract_file` over every file, its workers warm) and one `smartcert extract`
command, the order reversed every other round. Each round gives its own ratios; the verdict
is on their median, and every round's figures are reported beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from statistics import median
from typing import Any

from benchmarks.speed_engines import OdlRun, Timed


@dataclass(frozen=True)
class Round:
    odl: OdlRun | None  # None: OpenDataLoader was not run (no peers, or it failed)
    smartcert: Timed  # one in-process pass over all files
    cli: Timed | None  # one `smartcert extract` over all files; None without the command

    def in_process(self) -> Timed | None:
        """OpenDataLoader's time (JVM start excluded) over smartcert's in-process pass: the
        throughput ratio, by wall and by CPU time."""
        if self.odl is None or self.odl.error is not None:
            return None
        return _ratio(self.odl.without_start, self.smartcert)

    def command(self) -> Timed | None:
        """OpenDataLoader's whole call over the `smartcert extract` command, start-up
        included on both sides."""
        if self.odl is None or self.odl.error is not None or self.cli is None:
            return None
        return _ratio(self.odl.total, self.cli)


def _ratio(theirs: Timed, ours: Timed) -> Timed:
    return Timed(theirs.wall / ours.wall if ours.wall else 0.0,
                 theirs.cpu / ours.cpu if ours.cpu else 0.0)


def paired_rounds(
    count: int,
    odl_once: Callable[[], OdlRun] | None,
    smartcert_pass: Callable[[], Timed],
    cli_once: Callable[[], Timed] | None,
) -> list[Round]:
    """`count` rounds of the three runs back to back, reversed every other round so neither
    engine always runs first. A failed OpenDataLoader run is not tried again."""
    rounds: list[Round] = []
    for k in range(max(1, count)):
        if k % 2 == 0:
            odl = odl_once() if odl_once is not None else None
            ours = smartcert_pass()
            cli = cli_once() if cli_once is not None else None
        else:
            cli = cli_once() if cli_once is not None else None
            ours = smartcert_pass()
            odl = odl_once() if odl_once is not None else None
        if odl is not None and odl.error is not None:
            odl_once = None  # no Java or no JAR: the next rounds go without it
        rounds.append(Round(odl, ours, cli))
    return rounds


def best_odl(rounds: Sequence[Round]) -> OdlRun | None:
    """The round's OpenDataLoader run of least wall time (start included), or the failed
    run that says why there is none."""
    runs = [r.odl for r in rounds if r.odl is not None]
    good = [o for o in runs if o.error is None]
    if good:
        return min(good, key=lambda o: o.total.wall)
    return runs[0] if runs else None


def best_cli(rounds: Sequence[Round]) -> Timed | None:
    runs = [r.cli for r in rounds if r.cli is not None]
    return min(runs, key=lambda t: t.wall) if runs else None


def _spread(ratios: list[Timed]) -> dict[str, Any] | None:
    if not ratios:
        return None
    walls, cpus = [r.wall for r in ratios], [r.cpu for r in ratios]
    return {
        "wall": round(median(walls), 2),
        "cpu": round(median(cpus), 2),
        "wall_min": round(min(walls), 2),
        "wall_max": round(max(walls), 2),
        "rounds": len(ratios),
    }


def summary(rounds: Sequence[Round]) -> dict[str, Any]:
    """Every round's times and ratios, and the median ratios the targets are judged on."""
    rows = []
    for k, r in enumerate(rounds, 1):
        inp, cmd = r.in_process(), r.command()
        odl = r.odl if r.odl is not None and r.odl.error is None else None
        rows.append({
            "round": k,
            "odl_s": round(odl.without_start.wall, 3) if odl else None,
            "odl_with_start_s": round(odl.total.wall, 3) if odl else None,
            "smartcert_s": round(r.smartcert.wall, 3),
            "smartcert_cpu_s": round(r.smartcert.cpu, 3),
            "cli_s": round(r.cli.wall, 3) if r.cli else None,
            "in_process_ratio": round(inp.wall, 2) if inp else None,
            "cli_ratio": round(cmd.wall, 2) if cmd else None,
        })
    return {
        "rounds": rows,
        "in_process": _spread([x for r in rounds if (x := r.in_process()) is not None]),
        "command": _spread([x for r in rounds if (x := r.command()) is not None]),
    }


def markdown(paired: dict[str, Any]) -> list[str]:
    lines = [
        "Paired rounds: OpenDataLoader, smartcert in process and the `smartcert extract` "
        "command back to back on the same files, the order reversed every other round "
        "(seconds; ratio = OpenDataLoader's time over smartcert's)",
        "",
        "| round | ODL (start excl.) | ODL (start incl.) | smartcert in process | "
        "in-process ratio | smartcert extract | command ratio |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]

    def s(v: float | None, suffix: str = "") -> str:
        return "—" if v is None else f"{v}{suffix}"

    for r in paired["rounds"]:
        lines.append(
            f"| {r['round']} | {s(r['odl_s'])} | {s(r['odl_with_start_s'])} "
            f"| {r['smartcert_s']} | {s(r['in_process_ratio'], 'x')} | {s(r['cli_s'])} "
            f"| {s(r['cli_ratio'], 'x')} |")
    for key, label in (("in_process", "in process"), ("command", "command")):
        spread = paired[key]
        if spread is not None:
            lines.append(f"\n{label}: median {spread['wall']}x by wall time "
                         f"({spread['wall_min']}x–{spread['wall_max']}x over "
                         f"{spread['rounds']} rounds), {spread['cpu']}x by CPU time")
    return lines
