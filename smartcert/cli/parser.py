"""The `smartcert` argument parser, in Korean throughout: argparse's own words (usage,
section titles, its error messages) as well as every option's help."""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

# argparse's English error messages → Korean (the patterns of CPython 3.11's argparse)
_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"the following arguments are required: (.+)"), r"다음 인수가 필요합니다: \1"),
    (re.compile(r"unrecognized arguments: (.+)"), r"알 수 없는 인수입니다: \1"),
    (re.compile(r"argument (.+?): invalid choice: (.+?) \(choose from (.+)\)"),
     r"\1: 허용되지 않는 값 \2 (가능한 값: \3)"),
    (re.compile(r"argument (.+?): invalid (\w+) value: (.+)"), r"\1: 올바르지 않은 값 \3"),
    (re.compile(r"argument (.+?): expected one argument"), r"\1: 값 하나가 필요합니다"),
    (re.compile(r"argument (.+?): not allowed with argument (.+)"),
     r"\1: \2와(과) 함께 쓸 수 없습니다"),
    (re.compile(r"argument (.+?): (.+)"), r"\1: \2"),
)


def korean_error(message: str) -> str:
    for pattern, repl in _ERRORS:
        if pattern.fullmatch(message):
            return pattern.sub(repl, message)
    return message


class KoreanFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, prefix="사용법: " if prefix is None else prefix)


class KoreanParser(argparse.ArgumentParser):
    """argparse with Korean words; an error is one Korean line and exit code 2."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", KoreanFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "위치 인수"
        self._optionals.title = "옵션"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="이 도움말을 보이고 끝냅니다")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: 오류: {korean_error(message)}\n")


def ocr_dpi(text: str) -> int:
    """--ocr-dpi: the range ExtractSettings accepts, said at parse time."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"정수가 아닙니다: {text!r}") from None
    if not 72 <= value <= 600:
        raise argparse.ArgumentTypeError(f"72–600 사이여야 합니다: {value}")
    return value


def non_negative(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"정수가 아닙니다: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"0 이상이어야 합니다: {value}")
    return value


def positive(text: str) -> int:
    value = non_negative(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"1 이상이어야 합니다: {value}")
    return value
