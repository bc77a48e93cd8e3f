"""The intake rule catalogue: every rule id with its severity and Korean message template.

Look a rule up here by its id (`intake.zip-bomb` -> `IntakeRule.ZIP_BOMB`). Templates use
`str.format` fields; `where` is the display path of the file or archive member.
"""

from __future__ import annotations

from enum import StrEnum

from schemas.findings import Category, Finding, Location, Severity
from schemas.rulespec import MessageTemplate


class IntakeRule(StrEnum):
    UNSAFE_PATH = "intake.unsafe-path"
    NAME_TOO_LONG = "intake.name-too-long"
    NAME_CONFLICT = "intake.name-conflict"
    UNDECODABLE_NAME = "intake.undecodable-name"
    LINK = "intake.link"
    DEVICE_FILE = "intake.device-file"
    ZIP_BOMB = "intake.zip-bomb"
    TOO_MANY_MEMBERS = "intake.too-many-members"
    ENCRYPTED_MEMBER = "intake.encrypted-member"
    UNSUPPORTED_COMPRESSION = "intake.unsupported-compression"
    CORRUPT_ARCHIVE = "intake.corrupt-archive"
    NESTED_ARCHIVE = "intake.nested-archive"
    NOT_A_SUBMISSION = "intake.not-a-submission"
    EMPTY_FILE = "intake.empty-file"
    EXTENSION_MISMATCH = "intake.extension-mismatch"
    UNKNOWN_FORMAT = "intake.unknown-format"
    OS_JUNK = "intake.os-junk"


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

RULES: dict[IntakeRule, MessageTemplate] = {
    IntakeRule.UNSAFE_PATH: MessageTemplate(
        _E, "압축 파일 항목 '{member}'이(가) 제출 폴더 밖을 가리켜 거부했습니다 ({reason})"),
    IntakeRule.NAME_TOO_LONG: MessageTemplate(
        _E, "'{member}'의 이름이 너무 길어(경로 한 단계 255바이트 초과) 저장하지 않았습니다"),
    IntakeRule.NAME_CONFLICT: MessageTemplate(
        _E, "'{member}'이(가) 이미 받은 '{name}'과(와) 이름이 겹쳐 건너뛰었습니다"),
    IntakeRule.UNDECODABLE_NAME: MessageTemplate(
        _W, "압축 파일 항목 이름을 UTF-8로도 CP949로도 읽을 수 없어 '{name}'(으)로 저장했습니다"),
    IntakeRule.LINK: MessageTemplate(
        _E, "'{member}'은(는) 링크(심볼릭 링크)여서 따라가지 않고 거부했습니다"),
    IntakeRule.DEVICE_FILE: MessageTemplate(
        _E, "'{member}'은(는) 일반 파일이 아닌 장치·파이프·소켓 파일이어서 거부했습니다"),
    IntakeRule.ZIP_BOMB: MessageTemplate(
        _E, "압축 파일 항목 '{member}'의 압축을 풀자 {reason} 한도를 넘어 거부했습니다"),
    IntakeRule.TOO_MANY_MEMBERS: MessageTemplate(
        _E, "압축 파일 항목이 {limit}개를 넘어 '{member}'부터 {count}개를 받지 않았습니다"),
    IntakeRule.ENCRYPTED_MEMBER: MessageTemplate(
        _E, "'{member}'은(는) 암호가 걸려 있어 열 수 없습니다"),
    IntakeRule.UNSUPPORTED_COMPRESSION: MessageTemplate(
        _E, "'{member}'은(는) 지원하지 않는 압축 방식({method})이라 풀 수 없습니다"),
    IntakeRule.CORRUPT_ARCHIVE: MessageTemplate(
        _E, "{what} '{member}'이(가) 손상되어 읽지 못했습니다 ({detail})"),
    IntakeRule.NESTED_ARCHIVE: MessageTemplate(
        _E, "'{member}'은(는) 압축 파일 안에 {depth}단계로 들어 있는 압축 파일이라"
            "(허용 {limit}단계) 풀지 않고 제외했습니다"),
    IntakeRule.NOT_A_SUBMISSION: MessageTemplate(
        _E, "'{member}'은(는) 폴더나 ZIP 압축 파일이 아니어서 제출물로 열 수 없습니다"),
    IntakeRule.EMPTY_FILE: MessageTemplate(
        _E, "'{member}'은(는) 크기가 0바이트인 빈 파일입니다"),
    IntakeRule.EXTENSION_MISMATCH: MessageTemplate(
        _W, "'{member}'의 확장자({ext})와 실제 형식({actual})이 달라 실제 형식으로 읽습니다"),
    IntakeRule.UNKNOWN_FORMAT: MessageTemplate(
        _W, "'{member}'의 파일 형식을 알 수 없어 내용을 읽지 않습니다"),
    IntakeRule.OS_JUNK: MessageTemplate(
        _I, "운영체제가 만든 부속 파일 {count}개(__MACOSX, .DS_Store, Thumbs.db 등)를 "
            "건너뛰었습니다"),
}


def intake_finding(
    rule: IntakeRule,
    where: str | list[str],
    *,
    claimed: str | None = None,
    expected: str | None = None,
    **fields: object,
) -> Finding:
    """A finding for `rule`; `where` (one display path or several) becomes the locations."""
    spec = RULES[rule]
    files = [where] if isinstance(where, str) else where
    fields.setdefault("member", files[0] if files else "")
    return Finding(
        rule=rule.value,
        category=Category.INTAKE,
        severity=spec.severity,
        message=spec.template.format(**fields),
        claimed=claimed,
        expected=expected,
        locations=[Location(file=f) for f in files],
    )
