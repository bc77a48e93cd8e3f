"""Every command and option of `smartcert`, with Korean help."""

from __future__ import annotations

import argparse

from smartcert.cli import commands as c
from smartcert.cli.parser import (
    KoreanParser,
    non_negative,
    ocr_dpi,
    positive,
)
from smartcert.store.versions import project_version


def _common(sp: argparse.ArgumentParser, runs: bool = True) -> None:
    sp.add_argument("--out", required=True, metavar="폴더", help="결과를 쓸 폴더 (없으면 만듭니다)")
    sp.add_argument("--no-ocr", action="store_true",
                    help="스캔 쪽을 OCR하지 않습니다 (글자 없는 쪽은 판독 불가로 보고)")
    sp.add_argument("--ocr-dpi", type=ocr_dpi, default=300, metavar="DPI",
                    help="OCR할 때 쪽을 그리는 해상도, 72–600 (기본 300)")
    sp.add_argument("--program", default="city-2025", metavar="규칙세트",
                    help="적용할 도시 인증 규칙 세트 (기본 city-2025; 서비스 인증 제출물은 "
                         "내용으로 알아보고 서비스 규칙 세트로 보냅니다)")
    if runs:
        sp.add_argument("--data-dir", metavar="폴더", help="캐시·저장소·Prefect 작업 폴더 "
                                           "(기본: $SMARTCERT_HOME, 없으면 <out>/.smartcert)")
        sp.add_argument("--store-url", metavar="URL", help="저장소 데이터베이스 URL (기본: 데이터 폴더의 "
                                            "SQLite; PostgreSQL은 postgresql+psycopg://…)")


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
    v.set_defaults(func=c.cmd_validate)

    i = sub.add_parser("intake", help="일괄 접수: 폴더 안의 제출물을 모두 검토합니다 (Prefect 흐름)")
    i.add_argument("batch_dir", nargs="+", metavar="접수폴더",
                   help="제출물(하위 폴더 또는 .zip)이 든 폴더, 여러 개 가능")
    _common(i)
    i.add_argument("--dask-workers", type=non_negative, default=0, metavar="N",
                   help="문서 작업을 로컬 Dask 클러스터의 작업 프로세스 N개로 나눠 실행 (기본 0: 쓰지 않음)")
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

    rn = sub.add_parser("renewals", help="인증 도시·서비스의 재검증")
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
