"""Pseudonym codes: the organisation's pattern, and no personal names.

A pseudonym code is the only name an interview has in the vault, in bundles and in reports, so
a witness's real name must never become one. ``check_code`` refuses, with one sentence that says
why:

- anything that looks like a personal name in Hangul (two to four syllables starting with a
  common Korean surname, such as 김영호 or 남궁민) or in Latin script (a romanised surname next
  to a romanised given name, such as "Kim Young-ho", "RI SOL-JU" or "PARKJIMIN");
- anything that does not follow the organisation's pattern.

The pattern is a vault setting (``code_pattern`` in ``vault_setting``, changed with
``set_pattern``, audited) and governs new codes only: codes already in the vault stay valid
and are never renamed by a change of pattern. Its values:

- empty (the default of a new vault): ``ORG-YYYY-NNN``, an organisation prefix of 2 to 6
  capital letters, the year (1990 to 2099) and a sequence number of 3 or 4 digits, joined by
  hyphens: ``NK-2026-014``, ``TJWG-2025-0102``;
- ``general``: the looser general shape of a code: letters and digits in groups joined by
  hyphens, starting with a letter, at most 32 characters (``NK-2026-014``, ``SEOUL-7``); no
  spaces. Vaults created before the default became strict, whose codes do not all follow it,
  were given this value by schema migration 63 so their numbering can go on;
- a template: ``#`` stands for a digit, ``@`` for a capital letter, and every other character
  stands for itself, so ``NK-####-###`` accepts ``NK-2026-014``.
"""

from __future__ import annotations

import datetime as dt
import re

from app.errors import UsageError
from storage.vault import Vault

PATTERN_KEY = "code_pattern"
GENERAL = "general"
DEFAULT_SHAPE = "ORG-YYYY-NNN"
EXAMPLE = "NK-2026-014"
DEFAULT_PREFIX = "NK"
MAX_LENGTH = 32
_GENERAL = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
DEFAULT_RE = re.compile(r"([A-Z]{2,6})-(199\d|20\d\d)-(\d{3,4})")
_TEMPLATE_CHARS = re.compile(r"[A-Z0-9#@\-_./]+")

# The most common Korean surnames (about 95 % of people), as written in Hangul, in South
# Korean romanisation and in the North Korean and older spellings a defector's name may use.
HANGUL_SURNAMES = frozenset(
    "김 이 리 박 최 정 강 조 윤 장 임 림 한 오 서 신 권 황 안 송 전 홍 유 류 고 문 양 량 손 배 "
    "백 허 남 심 노 로 하 곽 성 차 주 우 구 민 나 라 진 지 엄 채 원 천 방 공 현 함 변 염 렴 여 "
    "려 추 도 소 석 선 설 마 길 연 련 위 표 명 기 반 왕 금 옥 육 륙 인 맹 제 모 탁 국 어 은 편 "
    "용 룡 예 경 봉 사 부 가 복 태 목 형 피 두 감 음 빈 동 온 호 범 좌 팽 승 간 상 갈 단 견 당 "
    "화 창 옹 순 종 풍 근".split())
HANGUL_DOUBLE_SURNAMES = frozenset("남궁 황보 제갈 선우 독고 사공 서문 동방".split())
LATIN_SURNAMES = frozenset(
    "kim gim lee yi rhee ri li rhie park pak bak choi choe chey jung jeong chung chong jong "
    "kang gang cho jo yoon yun jang chang lim im rim han oh o seo suh so shin sin kwon gwon "
    "hwang ahn an song jeon jun chun chon hong yoo yu ryu rew ko koh go moon mun yang ryang son "
    "sohn bae pae baek paek paik heo hur huh nam sim shim noh no roh ro ha kwak gwak sung seong "
    "cha joo ju woo wu koo ku gu min na ra jin ji eom um chae won cheon chun bang kong gong "
    "hyun hyeon ham byun byeon yeom yum yeo yoh choo chu do to tho seok suk sun seon sul seol "
    "ma kil gil yeon yun wi wee pyo myung myeong ki gi ban wang geum kum ok yuk ryuk in maeng "
    "je mo tak guk kook eo eun pyun yong ryong ye gyeong kyung bong sa bu ka ga bok tae mok "
    "hyung hyeong pi du doo gam kam eum bin dong on ho beom bum jwa paeng seung gan kan sang "
    "namgung hwangbo jegal sunwoo seonu dokgo sagong".split())
# A romanised Korean syllable: optional initial, a vowel, optional final consonant(s).
_SYLLABLE = (r"(?:kk|tt|pp|ss|jj|ch|sh|ts|[gkndrlmbpsjhtcyw])?"
             r"(?:yae|wae|yeo|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ee|ou|a|e|i|o|u)"
             r"(?:ng|nk|k|n|t|l|m|p|g|b|r|s)?")
_GIVEN = re.compile(rf"(?:{_SYLLABLE}){{1,3}}")
_HANGUL_NAME = re.compile(r"[\uac00-\ud7a3]{2,5}")


def _hangul_name(word: str) -> bool:
    if not _HANGUL_NAME.fullmatch(word):
        return False
    if word[:2] in HANGUL_DOUBLE_SURNAMES and 3 <= len(word) <= 5:
        return True
    return word[0] in HANGUL_SURNAMES and 2 <= len(word) <= 4


def _given(token: str) -> bool:
    return len(token) >= 2 and _GIVEN.fullmatch(token) is not None


def looks_like_name(code: str) -> bool:
    """True if ``code`` contains what looks like a Korean personal name."""
    if any(_hangul_name(w) for w in re.split(r"[^\uac00-\ud7a3]+", code) if w):
        return True
    tokens = [t.lower() for t in re.split(r"[\s\-_.,·/]+", code) if t]
    for i, token in enumerate(tokens):
        if not token.isalpha():
            continue
        if token in LATIN_SURNAMES:
            neighbours = tokens[i + 1:i + 3] if i + 1 < len(tokens) else tokens[max(0, i - 2):i]
            given = [t for t in neighbours if t.isalpha()]
            if given and _given(given[0]) and (len(given[0]) >= 3 or len(given) > 1):
                return True
        # Surname and given name written together: "KIMYOUNGHO", "PARKJIMIN".
        for cut in range(2, min(len(token) - 3, 8) + 1):
            head, rest = token[:cut], token[cut:]
            if head in LATIN_SURNAMES and len(rest) >= 4 and _given(rest) and \
                    len(re.findall(_SYLLABLE, rest)) >= 2:
                return True
    return False


def template_regex(template: str) -> re.Pattern[str]:
    """The regular expression of a pattern template such as ``NK-####-###``."""
    parts = []
    for ch in template:
        parts.append({"#": r"\d", "@": "[A-Z]"}.get(ch, re.escape(ch)))
    return re.compile("".join(parts))


def check_template(template: str) -> str:
    """A pattern setting as stored: "" (the default), ``general`` or a template."""
    template = template.strip()
    if template.lower() == GENERAL:
        return GENERAL
    if template and (not _TEMPLATE_CHARS.fullmatch(template) or len(template) > MAX_LENGTH
                     or not any(c in "#@" for c in template)):
        raise UsageError("interview.code_pattern_invalid")
    return template


def get_pattern(vault: Vault) -> str:
    """The organisation's code pattern: "" for the default ORG-YYYY-NNN, ``general`` or a
    template."""
    row = vault.conn.execute("SELECT value FROM vault_setting WHERE key = ?",
                             (PATTERN_KEY,)).fetchone()
    return str(row[0]) if row else ""


def set_pattern(vault: Vault, template: str, *, role: str,
                now: dt.datetime | None = None) -> str:
    """Set (or with "" reset to the default) the code pattern; audited. Existing codes are not
    changed."""
    template = check_template(template)
    stamp = (now or dt.datetime.now(dt.UTC)).isoformat()
    with vault.transaction() as conn:
        conn.execute("INSERT INTO vault_setting(key, value, updated_at, updated_by) "
                     "VALUES (?,?,?,?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, "
                     "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                     (PATTERN_KEY, template, stamp, role))
        vault.audit("edit", "vault_setting", PATTERN_KEY, role=role, now=now,
                    details={"value": template})
    return template


def example_for(template: str) -> str:
    """An example code that follows ``template``."""
    if not template or template == GENERAL:
        return EXAMPLE
    digits = iter("2026014")
    out = []
    for ch in template:
        if ch == "#":
            out.append(next(digits, "1"))
        elif ch == "@":
            out.append("K")
        else:
            out.append(ch)
    return "".join(out)


def check_code(code: str, template: str) -> str:
    """Return the stripped code, or raise UsageError with one sentence saying why not."""
    code = code.strip()
    example = example_for(template)
    if not code:
        raise UsageError("interview.code_empty")
    if looks_like_name(code):
        raise UsageError("interview.code_looks_like_name", code=code, example=example)
    if not template:
        if not DEFAULT_RE.fullmatch(code):
            raise UsageError("interview.code_breaks_default", code=code, example=example)
    elif template != GENERAL:
        if not template_regex(template).fullmatch(code):
            raise UsageError("interview.code_breaks_pattern", code=code, template=template,
                             example=example)
    elif len(code) > MAX_LENGTH or not _GENERAL.fullmatch(code):
        raise UsageError("interview.code_not_pseudonym", code=code, example=example)
    return code


def validate(vault: Vault, code: str) -> str:
    """``check_code`` against the vault's pattern."""
    return check_code(code, get_pattern(vault))


def _bump(code: str, template: str) -> str | None:
    """The code after ``code``: its last run of digits the template leaves free, plus one
    (None when that run is all nines)."""
    free = {i for i, ch in enumerate(code)
            if ch.isdigit() and (not template or template == GENERAL or template[i] == "#")}
    if not free:
        return None
    end = max(free)
    start = end
    while start - 1 in free:
        start -= 1
    run = code[start:end + 1]
    if set(run) == {"9"}:
        return None
    return f"{code[:start]}{int(run) + 1:0{len(run)}d}{code[end + 1:]}"


def _year_group(template: str) -> tuple[int, int] | None:
    """Where a template keeps the year: its first group of exactly four #, unless that is its
    last group (then it is the sequence number)."""
    groups = [m.span() for m in re.finditer("#+", template)]
    return next((g for g in groups[:-1] if g[1] - g[0] == 4), None)


def _first_for(template: str, year: int) -> str:
    """The first code of ``template`` in ``year``: the year group takes the year, the last #
    is 1, every other # 0 and every @ A."""
    out = list(template)
    year_group = _year_group(template)
    groups = [m.span() for m in re.finditer("#+", template)]
    for start, end in groups:
        out[start:end] = str(year) if (start, end) == year_group else "0" * (end - start)
    if groups and groups[-1] != year_group:
        out[groups[-1][1] - 1] = "1"
    return "".join(out).replace("@", "A")


def propose(vault: Vault, *, today: dt.date | None = None) -> str:
    """The next free code under the vault's pattern, to offer in a new-interview form.

    Default pattern: the prefix of the newest code that follows it (or NK), this year, and one
    more than the highest sequence number used with that prefix this year, in the same number
    of digits (NK-2026-015 after NK-2026-014; 001 in a new year). A template: one more than
    the highest code that follows it (this year's, when the template has a four-digit year
    group), or its first code. Never a code already in the vault; "" when none is free."""
    template = get_pattern(vault)
    year = (today or dt.date.today()).year
    rows = vault.conn.execute("SELECT code FROM interview ORDER BY created_at, rowid").fetchall()
    taken = {str(r[0]) for r in rows}
    candidate: str | None
    if template and template != GENERAL:
        span = _year_group(template)
        matching = sorted(c for c in taken if template_regex(template).fullmatch(c)
                          and (span is None or c[span[0]:span[1]] == str(year)))
        candidate = _bump(matching[-1], template) if matching else _first_for(template, year)
    else:
        prefix = DEFAULT_PREFIX
        for (code,) in reversed(rows):
            m = DEFAULT_RE.fullmatch(str(code))
            if m:
                prefix = m.group(1)
                break
        # (number, its width): the organisation's own width (014 or 0102) is kept.
        numbers = [(int(m.group(3)), len(m.group(3))) for m in map(DEFAULT_RE.fullmatch, taken)
                   if m and m.group(1) == prefix and m.group(2) == str(year)]
        last, width = max(numbers, default=(0, 3))
        candidate = f"{prefix}-{year}-{last + 1:0{width}d}"
    for _ in range(10_000):
        if candidate is None:
            return ""
        if candidate not in taken:
            try:
                return check_code(candidate, template)
            except UsageError:
                return ""
        candidate = _bump(candidate, template)
    return ""
