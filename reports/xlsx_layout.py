"""The findings.xlsx layout shared by the writer and the verdict reader."""

from __future__ import annotations

FINDINGS_SHEET = "발견사항"
INFO_SHEET = "정보"
FINDING_HEADERS: tuple[str, ...] = (
    "번호", "발견사항 키", "심각도", "분류", "지표", "규칙", "내용", "신고값", "기대값", "위치",
    "공고 조항", "이미지", "검토 의견", "코멘트", "검토자",
)
COL_KEY = FINDING_HEADERS.index("발견사항 키") + 1
COL_VERDICT = FINDING_HEADERS.index("검토 의견") + 1
VERDICT_CHOICES = ("인정", "기각")

# header aliases the reader accepts (NFKC, lower case, spaces and '(…)' removed)
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "key": ("발견사항키", "키", "key", "findingkey", "finding_key", "id"),
    "verdict": ("검토의견", "판정", "검토결과", "verdict", "decision"),
    "comment": ("코멘트", "의견", "메모", "comment", "comments", "note"),
    "reviewer": ("검토자", "reviewer", "by"),
}
