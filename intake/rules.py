"""The intake rules: every rule id with its severity and Korean message template, one
`RuleSpec` constant each (`intake.zip-bomb` -> `ZIP_BOMB`). `intake.empty-file`, which the
extractors raise too, is `smartcert/core/files/rules.py`'s `EMPTY_FILE`.

Templates use `str.format` fields; `member` is the display path of the file or archive
member. Intake rules concern the files, not the call: they cite no clause.
"""

from __future__ import annotations

from smartcert.core.findings import Finding, Location, Severity
from smartcert.core.rulespec import RuleSpec
from smartcert.intake.limits import HOW_TO_RAISE

_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

UNSAFE_PATH = RuleSpec(
    "intake.unsafe-path", _E,
    "압축 파일 항목 '{member}'이(가) 제출 폴더 밖을 가리켜 거부했습니다 ({reason})")
NAME_TOO_LONG = RuleSpec(
    "intake.name-too-long", _E,
    "'{member}'의 이름이 너무 길어(경로 한 단계 255바이트 초과) 저장하지 않았습니다")
NAME_CONFLICT = RuleSpec(
    "intake.name-conflict", _E, "'{member}'이(가) 이미 받은 '{name}'과(와) 이름이 겹쳐 건너뛰었습니다")
UNDECODABLE_NAME = RuleSpec(
    "intake.undecodable-name", _W,
    "압축 파일 항목 이름을 UTF-8로도 CP949로도 읽을 수 없어 '{name}'(으)로 저장했습니다")
LINK = RuleSpec(
    "intake.link", _E, "'{member}'은(는) 링크(심볼릭 링크)여서 따라가지 않고 거부했습니다")
DEVICE_FILE = RuleSpec(
    "intake.device-file", _E,
    "'{member}'은(는) 일반 파일이 아닌 장치·파이프·소켓 파일이어서 거부했습니다")
ZIP_BOMB = RuleSpec(
    "intake.zip-bomb", _E,
    "압축 파일 항목 '{member}'의 압축을 풀자 {reason} 한도를 넘어 거부했습니다 (늘리려면 {how})")
INFLATE_BUDGET = RuleSpec(
    "intake.inflate-budget", _E,
    "압축을 푼 양이 제출물당 한도 {limit}바이트에 이르러 '{member}'부터 {count}개 항목을 풀지 "
    "않았습니다 (거부된 항목을 푼 양도 포함; 늘리려면 " + HOW_TO_RAISE["max_inflated_bytes"] + ")")
TOO_MANY_MEMBERS = RuleSpec(
    "intake.too-many-members", _E,
    "압축 파일 항목이 {limit}개를 넘어 '{member}'부터 {count}개를 받지 않았습니다 (늘리려면 "
    + HOW_TO_RAISE["max_members"] + ")")
ENCRYPTED_MEMBER = RuleSpec(
    "intake.encrypted-member", _E, "'{member}'은(는) 암호가 걸려 있어 열 수 없습니다")
UNSUPPORTED_COMPRESSION = RuleSpec(
    "intake.unsupported-compression", _E,
    "'{member}'은(는) 지원하지 않는 압축 방식({method})이라 풀 수 없습니다")
CORRUPT_ARCHIVE = RuleSpec(
    "intake.corrupt-archive", _E, "{what} '{member}'이(가) 손상되어 읽지 못했습니다 ({detail})")
NESTED_ARCHIVE = RuleSpec(
    "intake.nested-archive", _E,
    "'{member}'은(는) 압축 파일 안에 {depth}단계로 들어 있는 압축 파일이라"
    "(허용 {limit}단계) 풀지 않고 제외했습니다 (늘리려면 " + HOW_TO_RAISE["max_nesting"] + ")")
NOT_A_SUBMISSION = RuleSpec(
    "intake.not-a-submission", _E,
    "'{member}'은(는) 폴더나 ZIP 압축 파일이 아니어서 제출물로 열 수 없습니다")
EXTENSION_MISMATCH = RuleSpec(
    "intake.extension-mismatch", _W,
    "'{member}'의 확장자({ext})와 실제 형식({actual})이 달라 실제 형식으로 읽습니다")
UNKNOWN_FORMAT = RuleSpec(
    "intake.unknown-format", _W, "'{member}'의 파일 형식을 알 수 없어 내용을 읽지 않습니다")
EMPTY_ARCHIVE = RuleSpec(
    "intake.empty-archive", _E, "압축 파일 '{member}'에 파일이 없습니다")
DIRECTORY_ENTRY = RuleSpec(
    "intake.directory-entry", _W, "압축 파일 항목 '{member}'은(는) 폴더로 표시되어 있지만 {handling}")
OS_JUNK = RuleSpec(
    "intake.os-junk", _I,
    "운영체제가 만든 부속 파일 {count}개(__MACOSX, .DS_Store, Thumbs.db 등)를 건너뛰었습니다")


def intake_finding(
    rule: RuleSpec,
    where: str | list[str],
    *,
    claimed: str | None = None,
    expected: str | None = None,
    **fields: object,
) -> Finding:
    """A finding for `rule`; `where` (one display path or several) becomes the locations."""
    files = [where] if isinstance(where, str) else where
    fields.setdefault("member", files[0] if files else "")
    return rule.finding(claimed=claimed, expected=expected,
                        locations=[Location(file=f) for f in files], **fields)
