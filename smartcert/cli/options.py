"""Every command and option of `smartcert`, with Korean help."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from smartcert.cli import commands as c
from smartcert.cli.parser import (
    KoreanParser,
    non_negative,
    ocr_dpi,
    positive,
)
from smartcert.core.version import project_version
from smartcert.extractors.limits import Limits
from smartcert.intake.limits import IntakeLimits, MiB
from smartcert.pipelines.api_lease import DEFAULT_LINGER, LINGER_ENV

# the flow commands' embedded Prefect API (pipelines/local_api.py, pipelines/api_lease.py)
LOCAL_API_NOTE = (f"PREFECT_API_URL이 없으면 데이터 폴더의 로컬 Prefect API를 쓰고, 없으면 "
                  f"띄웁니다. 이 API는 같은 데이터 폴더를 쓰는 마지막 실행이 끝나고 "
                  f"{DEFAULT_LINGER / 60:g}분 뒤 스스로 끝납니다 ({LINGER_ENV}=초, 0이면 실행과 "
                  f"함께 끝남).")


def _common(sp: argparse.ArgumentParser, runs: bool = True) -> None:
    sp.add_argument("--out", required=True, metavar="폴더", help="결과를 쓸 폴더 (없으면 만듭니다)")
    sp.add_argument("--no-ocr", action="store_true",
                    help="스캔 쪽을 OCR하지 않습니다 (글자 없는 쪽은 판독 불가로 보고)")
    sp.add_argument("--ocr-dpi", type=ocr_dpi, default=300, metavar="DPI",
                    help="OCR할 때 쪽을 그리는 해상도, 72–600 (기본 300)")
    sp.add_argument("--program", default="city-2025", metavar="규칙세트",
                    help="적용할 도시 인증 규칙 세트 (기본 city-2025; 서비스 인증 제출물은 "
                         "내용으로 알아보고 서비스 규칙 세트로 보냅니다)")
    sp.add_argument("--progress", choices=["auto", "bar", "plain"], default="auto",
                    help="진행 표시: auto는 오류 출력이 터미널이면 진행 막대(문서·OCR 쪽 수), 아니면 "
                         "제출물마다 한 줄 (기본); bar는 언제나 막대, plain은 언제나 줄")
    _limit_options(sp)
    if runs:
        _archive_options(sp)
        sp.add_argument("--extract-json", choices=["masked", "clear", "none"], default="masked",
                        help="제출물 폴더의 extract/*.extract.json(읽은 글·표 기록)을 쓰는 방식: "
                             "masked는 주민등록번호·전화번호를 가려서 (기본), clear는 읽은 그대로, "
                             "none은 쓰지 않음. 다시 실행할 때 이어 읽는 데 쓰는 추출 캐시는 데이터 "
                             "폴더(--data-dir)에 원문 그대로 두며 이 옵션과 무관합니다")
    else:
        sp.add_argument("--extract-json", choices=["masked", "clear"], default="masked",
                        help="<파일>.extract.json을 쓰는 방식: masked는 주민등록번호·전화번호를 "
                             "가려서 (기본), clear는 읽은 그대로")
    if runs:
        sp.add_argument("--data-dir", metavar="폴더", help="캐시·저장소·Prefect 작업 폴더 "
                                           "(기본: $SMARTCERT_HOME, 없으면 <out>/.smartcert)")
        sp.add_argument("--store-url", metavar="URL", help="저장소 데이터베이스 URL (기본: 데이터 폴더의 "
                                            "SQLite; PostgreSQL은 postgresql+psycopg://…)")


def _within(lo: float, hi: float | None = None, integer: bool = False
            ) -> Callable[[str], float]:
    """An option type: a number within lo..hi, in Korean when it is not."""
    def parse(text: str) -> float:
        try:
            value = int(text) if integer else float(text)
        except ValueError:
            kind = "정수" if integer else "수"
            raise argparse.ArgumentTypeError(f"{kind}가 아닙니다: {text!r}") from None
        if value < lo or (hi is not None and value > hi):
            span = f"{lo:g}–{hi:g} 사이여야" if hi is not None else f"{lo:g} 이상이어야"
            raise argparse.ArgumentTypeError(f"{span} 합니다: {text}")
        return value
    return parse


def _limit_options(sp: argparse.ArgumentParser) -> None:
    """The extraction limits (`extractors.limits.Limits`): each one hit is an intake finding
    that names the option raising it."""
    d = Limits()
    g = sp.add_argument_group("읽기 한도", "넘으면 그 부분을 읽지 않고 발견사항으로 알립니다")
    g.add_argument("--max-pages", type=positive, default=d.max_pages, metavar="N",
                   help=f"문서 하나에서 읽을 최대 쪽(시트) 수 (기본 {d.max_pages:,})")
    g.add_argument("--max-ocr-pages", type=non_negative, default=d.max_ocr_pages, metavar="N",
                   help=f"제출물 하나의 문서들이 나눠 쓰는 OCR 쪽 수 (기본 {d.max_ocr_pages})")
    g.add_argument("--max-render-mp", type=_within(1, 1000), default=d.max_render_megapixels,
                   metavar="MP", help="OCR하거나 보고서 그림을 만들려고 쪽을 그릴 때의 쪽당 최대 화소 "
                                      "수(백만 단위); 큰 쪽은 해상도를 낮춰 그립니다 (기본 "
                                      f"{d.max_render_megapixels:g})")
    g.add_argument("--max-cells", type=positive, default=d.max_cells, metavar="N",
                   help=f"통합문서(XLSX) 하나에서 읽을 최대 표 셀 수 (기본 {d.max_cells:,})")
    g.add_argument("--doc-timeout", type=_within(1), default=d.doc_timeout_s, metavar="초",
                   help=f"문서 하나를 읽는 최대 시간, OCR 시간 제외 (기본 {d.doc_timeout_s:g}초)")
    g.add_argument("--doc-memory-mb", type=_within(1024, integer=True), default=d.doc_memory_mb,
                   metavar="MiB",
                   help=f"문서 하나를 읽을 때 쓸 수 있는 최대 메모리 (기본 {d.doc_memory_mb:,} MiB)")


def _archive_options(sp: argparse.ArgumentParser) -> None:
    """The archive limits (`intake.limits.IntakeLimits`), in MiB where it counts bytes: each
    one hit is an intake finding that names the option raising it."""
    d = IntakeLimits()
    g = sp.add_argument_group("압축 파일 한도", "제출 .zip(과 그 안의 .zip)을 풀 때의 한도: 넘는 "
                                             "항목은 풀지 않고 발견사항으로 알립니다")
    g.add_argument("--max-member-mb", type=positive, default=d.max_member_bytes // MiB,
                   metavar="MiB", help="압축 파일 항목 하나를 풀었을 때의 최대 크기 "
                                       f"(기본 {d.max_member_bytes // MiB:,} MiB)")
    g.add_argument("--max-submission-mb", type=positive, default=d.max_total_bytes // MiB,
                   metavar="MiB", help="제출물 하나에서 풀어 받아 두는 파일들의 최대 합계 "
                                       f"(기본 {d.max_total_bytes // MiB:,} MiB)")
    g.add_argument("--max-inflated-mb", type=positive, default=d.max_inflated_bytes // MiB,
                   metavar="MiB", help="제출물 하나에서 푸는 양의 최대 합계, 거부한 항목을 푼 양 "
                                       f"포함 (기본 {d.max_inflated_bytes // MiB:,} MiB)")
    g.add_argument("--max-zip-ratio", type=_within(2, 100_000), default=d.max_ratio,
                   metavar="배", help="압축 파일 항목의 최대 압축률(푼 크기 ÷ 압축된 크기), "
                                      f"{d.ratio_min_bytes // MiB} MiB를 넘는 항목에 적용 "
                                      f"(기본 {d.max_ratio:g})")
    g.add_argument("--max-members", type=positive, default=d.max_members, metavar="N",
                   help=f"제출물 하나의 압축 파일 항목 최대 개수 (기본 {d.max_members:,})")
    g.add_argument("--max-nesting", type=_within(0, 8, integer=True), default=d.max_nesting,
                   metavar="N", help="제출 압축 파일 안에 든 압축 파일을 몇 단계까지 풀지, 0–8 "
                                     f"(기본 {d.max_nesting}: 안의 .zip까지)")


def build_parser() -> argparse.ArgumentParser:
    p = KoreanParser(prog="smartcert", description="스마트도시 인증 제출서류 사전 검토")
    p.add_argument("--version", action="version", version=f"smartcert {project_version()}",
                   help="버전을 보이고 끝냅니다")
    sub = p.add_subparsers(dest="command", required=True, title="명령", metavar="명령",
                          help="아래 중 하나 (명령마다 -h로 도움말)")

    e = sub.add_parser("extract", help="파일에서 글·표를 읽어 <out>/<파일>.extract.json으로 씁니다")
    e.add_argument("files", nargs="+", metavar="파일", help="읽을 파일 (PDF, XLSX, DOCX, 그림 …)")
    _common(e, runs=False)
    e.set_defaults(func=c.cmd_extract)

    v = sub.add_parser("validate", help="제출물 하나(폴더 또는 .zip)를 검토해 "
                                        "<out>/<이름>/findings.json과 보고서를 씁니다")
    v.add_argument("bundle", metavar="제출물", help="제출 폴더 또는 .zip 파일")
    _common(v)
    v.add_argument("--fresh", action="store_true",
                   help="지난 결과를 다시 쓰지 않고 처음부터 검토합니다 (기본: 제출 파일·옵션·규칙 "
                        "세트·프로그램·날짜·검토 의견이 모두 같고 결과 파일이 그대로이면 지난 결과를 "
                        "그대로 보입니다)")
    v.set_defaults(func=c.cmd_validate)

    i = sub.add_parser("intake", help="일괄 접수: 폴더 안의 제출물을 모두 검토합니다 (Prefect 흐름)",
                       epilog=LOCAL_API_NOTE)
    i.add_argument("batch_dir", nargs="+", metavar="접수폴더",
                   help="제출물(하위 폴더 또는 .zip)이 든 폴더, 여러 개 가능")
    _common(i)
    dask = i.add_mutually_exclusive_group()
    dask.add_argument("--dask-workers", type=non_negative, default=0, metavar="N",
                      help="문서 작업을 로컬 Dask 클러스터의 작업 프로세스 N개로 나눠 실행 "
                           "(기본 0: 쓰지 않음)")
    dask.add_argument("--dask-address", metavar="tcp://호스트:포트",
                      help="문서 작업을 이미 떠 있는 Dask 클러스터(스케줄러 주소, 예: "
                           "tcp://dask-scheduler:8786)로 보냅니다. 작업 프로세스에는 smartcert가 설치되어 "
                           "있고 접수·데이터 폴더가 같은 경로로 보여야 합니다")
    i.add_argument("--dask-dashboard", action="store_true",
                   help="--dask-workers로 띄운 로컬 클러스터의 Dask 대시보드를 엽니다 (기본: 열지 "
                        "않음; bokeh 필요)")
    i.add_argument("--parallel", type=positive, default=1, metavar="N",
                   help="동시에 처리할 제출물 수 (Dask를 쓰면 작업 프로세스 수까지)")
    scoring = i.add_mutually_exclusive_group()
    scoring.add_argument("--batch-relative", action="store_true",
                         help="정량지표 값을 이번 일괄 접수에 함께 든 같은 신청 유형(대도시/중소도시) "
                              "제출들의 최고값 대비로 환산합니다(잠정 점수가 함께 접수된 제출에 "
                              "따라 달라짐). 지정하지 않으면 각 제출을 다른 제출과 무관하게 "
                              "단독으로 산정합니다")
    scoring.add_argument("--score-alone", action="store_true",
                         help="각 제출을 단독으로 산정합니다(기본값; 이전 명령과의 호환용)")
    i.add_argument("--verbose", action="store_true", help="Prefect의 자체 로그도 보입니다")
    i.set_defaults(func=c.cmd_intake)

    vd = sub.add_parser("verdicts", help="검토자의 발견사항 판정")
    vsub = vd.add_subparsers(dest="verdicts_command", required=True, title="명령", metavar="명령",
                          help="아래 중 하나 (명령마다 -h로 도움말)")
    vi = vsub.add_parser("import", help="검토자가 고친 findings.xlsx의 판정을 저장소에 기록합니다")
    vi.add_argument("file", metavar="findings.xlsx", help="검토자가 판정을 적은 findings.xlsx")
    vi.add_argument("--reviewer", metavar="이름", help="검토자 칸이 빈 행에 쓸 이름 (기본: 운영체제 사용자)")
    vi.add_argument("--data-dir", metavar="폴더", help="실행의 데이터 폴더 (기본: $SMARTCERT_HOME, 없으면 파일 위쪽의 "
                                       "가장 가까운 .smartcert)")
    vi.add_argument("--store-url", metavar="URL", help="데이터 폴더의 SQLite가 아닐 때의 저장소 URL")
    vi.set_defaults(func=c.cmd_verdicts_import)

    rn = sub.add_parser("renewals", help="인증 도시·서비스의 재검증", epilog=LOCAL_API_NOTE)
    rsub = rn.add_subparsers(dest="renewals_command", required=True, title="명령", metavar="명령",
                          help="아래 중 하나 (명령마다 -h로 도움말)")
    rr = rsub.add_parser("run", help="N일 안에 유효기간이 끝나거나 재검토할 인증을 재검증합니다")
    rr.add_argument("--out", required=True, metavar="폴더", help="결과를 쓸 폴더")
    rr.add_argument("--today", metavar="날짜", help="기준일, ISO 형식 2026-12-03 (기본: 한국 시각 오늘)")
    rr.add_argument("--within-days", type=non_negative, default=90, metavar="일수",
                    help="기준일부터 며칠 안에 끝나는 인증을 볼지 (기본 90)")
    rr.add_argument("--purpose", choices=["maintain", "upgrade"], default="maintain",
                    help="도시 재검증의 목적: maintain 등급유지, upgrade 등급상향 (기본 maintain)")
    rr.add_argument("--service-program", default="service-2023", metavar="규칙세트",
                    help="서비스 인증 재검토에 적용할 규칙 세트 (기본 service-2023)")
    rr.add_argument("--cities-only", action="store_true",
                    help="도시 인증만 재검증 (서비스 인증 재검토 제외)")
    rr.add_argument("--data-dir", metavar="폴더", help="저장소의 데이터 폴더 (intake와 같음)")
    rr.add_argument("--store-url", metavar="URL", help="저장소 데이터베이스 URL")
    rr.set_defaults(func=c.cmd_renewals_run)
    return p
