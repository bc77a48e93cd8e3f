"""Benchmark: Kiwi/spaCy load time and value-finding throughput on Korean text.

    .venv/bin/python -m benchmarks.values_text [FILE ...] [--kb 50] [--repeat 3]

Run it in a fresh process: the load figures are only cold once per process. Without
files it reads the reference seeds (../shared/seeds/*.txt beside the repository), real Korean call texts.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

_DEFAULT_SOURCES = sorted((Path(__file__).resolve().parents[2] / "shared" / "seeds").glob("*.txt"))


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _sample(paths: list[Path], kb: float) -> str:
    """The first ``kb`` KB (UTF-8) of the files, cut at a line end."""
    budget = int(kb * 1024)
    lines: list[str] = []
    used = 0
    for path in paths:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True):
            size = len(line.encode("utf-8"))
            if used + size > budget:
                return "".join(lines)
            lines.append(line)
            used += size
    return "".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--kb", type=float, default=50.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    text = _sample(args.files or _DEFAULT_SOURCES, args.kb)
    if not text:
        raise SystemExit("no input text")
    kb = len(text.encode("utf-8")) / 1024

    t_import, _ = _timed(lambda: __import__("smartcert.core.values.nlp"))
    from smartcert.core.values import find_dates, parse_value
    from smartcert.core.values.nlp import find_mentions, kiwi, korean_nlp

    t_kiwi, _ = _timed(kiwi)
    t_nlp, nlp = _timed(korean_nlp)
    print(f"input: {len(text):,} chars, {kb:.1f} KB UTF-8, {text.count(chr(10)):,} lines")
    print(f"import spacy+kiwipiepy+module: {t_import:.2f} s")
    print(f"Kiwi() + model load:           {t_kiwi:.2f} s")
    print(f"korean_nlp() after Kiwi:       {t_nlp:.2f} s (pipeline + matcher)")

    def rate(label: str, fn: Callable[[], Any]) -> Any:
        runs = [_timed(fn) for _ in range(args.repeat)]
        best = min(t for t, _ in runs)
        median = statistics.median(t for t, _ in runs)
        print(f"{label:<30} best {best:.3f} s, median {median:.3f} s -> {kb / best:,.1f} KB/s")
        return runs[-1][1]

    rate("Kiwi tokenize (lines):", lambda: list(kiwi().tokenize(text.split("\n"))))
    rate("spaCy tokenizer (Kiwi):", lambda: nlp.tokenizer(text))
    mentions = rate("find_mentions:", lambda: find_mentions(text))
    rate("find_dates (regex):", lambda: find_dates(text))
    rate("parse_value per line:", lambda: [parse_value(line) for line in text.splitlines()])
    kinds: dict[str, int] = {}
    for m in mentions:
        kinds[m.kind.value] = kinds.get(m.kind.value, 0) + 1
    print(f"mentions: {len(mentions)} {kinds}")


if __name__ == "__main__":
    main()
