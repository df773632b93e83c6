"""A generated archive of coded interviews for the connect tests and bench_connect.

Rows go straight into a real (SQLCipher) vault by SQL, in one transaction, so 2,000 interviews
take seconds. The generator also returns the ground truth the tests count against: each
interview's witness, consent and events; the planted same-witness duplicates (some with
conflicting dates, some with conflicting places), near misses that must not be flagged, and
accounts dated after a facility's recorded closure.

Witnesses never collide by accident: distinct people get distinct (home, birth year) slots two
years apart, so only planted pairs share a home and a birth year within one year.
"""

from __future__ import annotations

import hashlib
import json
import random
import subprocess
import sys
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from app.coding import dates
from app.coding import taxonomy as tx
from storage.vault import Vault

FACILITIES = {
    "detention.kwanliso.14": ("개천", "Kaechon"),
    "detention.kwanliso.15": ("요덕", "Yodok"),
    "detention.kwanliso.16": ("화성", "Hwasong"),
    "detention.kwanliso.18": ("북창", "Pukchang"),
    "detention.kyohwaso.1": ("개천 교화소", "Kaechon prison"),
    "detention.kyohwaso.12": ("전거리", "Jongo-ri"),
    "detention.kwanliso.22": ("회령", "Hoeryong"),
}
YODOK = "detention.kwanliso.15"
CAMP22 = "detention.kwanliso.22"  # recorded closed at the end of 2012
CAMP22_CLOSED = "2012"
COMMODITIES = {
    "commodity.product.coal": ("석탄", "coal"),
    "commodity.product.gold": ("금", "gold"),
    "commodity.product.timber": ("목재", "timber"),
    "commodity.product.seafood": ("수산물", "seafood"),
    "commodity.product.textiles": ("옷감", "textiles"),
    "commodity.product.wigs": ("가발", "wigs"),
}
ENTERPRISES = {"enterprise.kangsong": ("강성무역회사", "Kangsong Trading Company"),
               "enterprise.sungri": ("승리무역", "Sungri Trading")}
PORTS = {"port.nampo": ("남포항", "Nampo port"), "port.sinuiju": ("신의주 세관", "Sinuiju customs")}
EXTENSION = "\n".join(json.dumps(x, ensure_ascii=False) for x in [
    {"format": "testimony-taxonomy", "format_version": 1, "name": "nk-hr",
     "version": "2026.1.org1"},
    {"id": "enterprise", "parent": None,
     "label": {"en": "Enterprises and trading companies", "ko": "기업소 및 무역회사"}},
    {"id": "enterprise.kangsong", "parent": "enterprise",
     "label": {"en": "Kangsong Trading Company", "ko": "강성무역회사"},
     "aliases": ["Kangsong", "강성무역"]},
    {"id": "enterprise.sungri", "parent": "enterprise",
     "label": {"en": "Sungri Trading", "ko": "승리무역"}, "aliases": ["Sungri"]},
    {"id": "port", "parent": None, "label": {"en": "Ports and crossings", "ko": "항구와 세관"}},
    {"id": "port.nampo", "parent": "port", "label": {"en": "Nampo port", "ko": "남포항"},
     "aliases": ["Nampo", "Namp'o"]},
    {"id": "port.sinuiju", "parent": "port",
     "label": {"en": "Sinuiju customs", "ko": "신의주 세관"}, "aliases": ["Sinuiju"]},
]) + "\n"
PROVINCES = ("North Hamgyong", "South Hamgyong", "Ryanggang", "Chagang", "North Pyongan",
             "South Pyongan", "North Hwanghae", "South Hwanghae", "Kangwon")
CONSENTS = ((["archive", "court", "publication", "un"], False, 40),
            (["archive", "un"], False, 25),
            (["archive", "court"], False, 10),
            (["archive"], False, 15),
            (["archive", "court", "publication", "un"], True, 10))
INTERVIEWERS = tuple(f"Interviewer {i}" for i in range(1, 13))
INTERPRETERS = (None, None, "Interpreter A", "Interpreter B", "Interpreter C")
RELATIONS = ("experienced", "saw", "heard")
REDACTED_NAME = "김철수"
REDACTED_NAME_EN = "Kim Chol-su"
STAMP = "2026-01-01T00:00:00+00:00"
ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Event:
    id: str
    act: str
    facility: str
    commodity: str | None
    years: tuple[int, int]
    relation: str
    enterprise: str | None = None
    port: str | None = None
    tags: list[str] = field(default_factory=list)
    reviewed: bool = False  # is the translation of its first segment reviewed


@dataclass
class Interview:
    id: str
    code: str
    witness: int
    scopes: list[str]
    withdrawn: bool
    birth_year: int
    home: str
    defection_year: int
    interviewer: str
    interpreter: str | None
    events: list[Event] = field(default_factory=list)
    quote_segment: str = ""  # the original segment the facility tag sits in
    quote_text: str = ""
    reviewed: bool = False
    redacted: bool = False

    def covers(self, purpose: str) -> bool:
        return not self.withdrawn and purpose in self.scopes


@dataclass
class Truth:
    interviews: list[Interview]
    duplicates: list[tuple[str, str]]  # codes of planted same-witness pairs (sorted)
    date_conflicts: list[tuple[str, str]]  # planted pairs that date Yodok differently
    place_conflicts: list[tuple[str, str]]  # planted pairs that place one act differently
    near_misses: list[tuple[str, str]]
    after_closure: list[str]  # codes dating Camp 22 after its recorded closure

    def by_code(self) -> dict[str, Interview]:
        return {i.code: i for i in self.interviews}


def _sentence(rng: random.Random) -> str:
    words = ("그때 우리는 밤에도 일했습니다 배급은 없었고 감시가 심했습니다 매일 새벽부터 "
             "작업반 반장이 점검했습니다 겨울에는 너무 추웠습니다").split()
    return " ".join(rng.choice(words) for _ in range(rng.randint(5, 9)))


def generate(vault: Vault, n_interviews: int = 2000, *, seed: int = 16,
             n_duplicates: int = 40, n_date_conflicts: int = 10, n_place_conflicts: int = 5,
             n_near_misses: int = 10, n_after_closure: int = 3) -> Truth:
    """Fill ``vault`` with ``n_interviews`` coded interviews; returns the ground truth."""
    rng = random.Random(seed)
    taxonomy = tx.ensure_taxonomy(vault, role="supervisor")
    tx.import_taxonomy(vault, EXTENSION.encode("utf-8"), role="supervisor")
    taxonomy = tx.ensure_taxonomy(vault)
    version = taxonomy.version_id
    n_base = n_interviews - n_duplicates
    regular = n_base - 2 * n_near_misses
    homes = [f"{p}, county {k}" for p in PROVINCES for k in range(1, 31)]
    slots = [(h, y) for h in homes for y in range(1950, 2000, 2)]
    rng.shuffle(slots)
    used = set(slots[:regular])
    people: list[tuple[str, int]] = slots[:regular]
    for k in range(n_near_misses):  # two different people: same home, born a year apart
        home = f"Ryanggang, near-miss county {k}"
        people += [(home, 1970), (home, 1971)]
    facilities = list(FACILITIES)
    commodities = list(COMMODITIES)
    interviews: list[Interview] = []
    counter = 0

    def new_interview(witness: int, home: str, birth: int, defection: int) -> Interview:
        nonlocal counter
        counter += 1
        scopes, withdrawn, _ = rng.choices(CONSENTS, weights=[c[2] for c in CONSENTS])[0]
        org = "ABC"[counter % 3]
        return Interview(str(uuid.UUID(int=rng.getrandbits(128))), f"NK-{org}-{counter:04d}",
                         witness, list(scopes), withdrawn, birth, home, defection,
                         rng.choice(INTERVIEWERS), rng.choice(INTERPRETERS))

    def stay(facility: str | None = None) -> tuple[str, tuple[int, int]]:
        fac = facility or rng.choice(facilities)
        if fac == CAMP22:
            y0 = rng.randint(1990, 2008)
            return fac, (y0, min(y0 + rng.randint(0, 3), 2011))
        y0 = rng.randint(1990, 2014)
        return fac, (y0, y0 + rng.randint(0, 4))

    def labour(fac: str, years: tuple[int, int], commodity: str | None = None) -> Event:
        ev = Event(str(uuid.UUID(int=rng.getrandbits(128))), "violation.cah.enslavement", fac,
                   commodity or rng.choice(commodities), years, rng.choice(RELATIONS))
        if rng.random() < 0.15:
            ev.enterprise = rng.choice(list(ENTERPRISES))
            ev.port = rng.choice(list(PORTS))
        return ev

    near_miss_facility = {}
    for w, (home, birth) in enumerate(people):
        defection = rng.randint(1995, 2020)
        iv = new_interview(w, home, birth, defection)
        if home.startswith("Ryanggang, near-miss"):
            # near misses: different defection years and no shared place of detention
            k = near_miss_facility.setdefault(home, len(near_miss_facility))
            first = birth == 1970
            iv.defection_year = 2001 if first else 2009
            fac = facilities[(2 * k + (0 if first else 1)) % len(facilities)]
            _, years = stay(fac)
            iv.events.append(labour(fac, years))
        else:
            fac, years = stay()
            iv.events.append(labour(fac, years))
            if rng.random() < 0.2:
                iv.events.append(Event(str(uuid.UUID(int=rng.getrandbits(128))),
                                       "violation.cah.torture", fac, None, years,
                                       rng.choice(RELATIONS)))
        interviews.append(iv)
    # Planted duplicates: the same person again, under another code and organisation.
    candidates = [iv for iv in interviews if not iv.home.startswith("Ryanggang, near-miss")
                  and iv.events[0].facility != CAMP22]
    chosen = rng.sample(candidates, n_duplicates)
    duplicates, date_conflicts, place_conflicts = [], [], []
    for n, base in enumerate(chosen):
        first = base.events[0]
        birth = base.birth_year
        if n % 4 == 3 and (base.home, birth + 2) not in used:
            birth += 1
        dup = new_interview(base.witness, base.home, birth, base.defection_year)
        if n < n_date_conflicts:
            # the same person dates their time at Yodok years apart in the two interviews
            first.facility, first.years = YODOK, (1995, 1997)
            for ev in base.events:
                ev.facility, ev.years = YODOK, (1995, 1997)
            dup.events.append(labour(YODOK, (2003, 2005), first.commodity))
            date_conflicts.append(tuple(sorted((base.code, dup.code))))
        elif n < n_date_conflicts + n_place_conflicts:
            other = next(f for f in facilities if f not in (first.facility, CAMP22))
            dup.events.append(labour(other, first.years, first.commodity))
            place_conflicts.append(tuple(sorted((base.code, dup.code))))
        else:
            dup.defection_year = base.defection_year + 1  # flagged by the shared detention
            dup.events.append(labour(first.facility, first.years, first.commodity))
        duplicates.append(tuple(sorted((base.code, dup.code))))
        interviews.append(dup)
    after: list[str] = []
    for iv in interviews:
        if len(after) >= n_after_closure:
            break
        if iv.events[0].facility == CAMP22 and all(iv.code not in p for p in duplicates):
            for ev in iv.events:
                ev.years = (2014, 2015)
            after.append(iv.code)
    near = [tuple(sorted((a.code, b.code))) for a, b in zip(
        [i for i in interviews if i.home.startswith("Ryanggang, near-miss")][::2],
        [i for i in interviews if i.home.startswith("Ryanggang, near-miss")][1::2],
        strict=True)]
    _insert(vault, interviews, version, rng)
    return Truth(interviews, sorted(duplicates), sorted(date_conflicts),  # type: ignore[arg-type]
                 sorted(place_conflicts), sorted(near), after)  # type: ignore[arg-type]


# One INSERT per table, parents first (dict order); bench/scale_archive.py reuses them.
INSERT_SQL = {
    "interview": "INSERT INTO interview(id, code, interviewer, interpreter, others_present,"
                 " started_at, languages, notes, status, created_at, updated_at, created_by)"
                 " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
    "consent": "INSERT INTO consent(interview_id, scopes, how_given, given_on, withdrawn_at,"
               " updated_at, updated_by) VALUES (?,?,?,?,?,?,?)",
    "interviewee": "INSERT INTO interviewee(interview_id, birth_year, home_province,"
                   " defection_year, updated_at, updated_by) VALUES (?,?,?,?,?,?)",
    "blob": "INSERT INTO blob(id, kind, state, on_crash, size, sha256, created_at,"
            " completed_at) VALUES (?,?,?,?,?,?,?,?)",
    "audio_asset": "INSERT INTO audio_asset(id, interview_id, blob_id, source, container,"
                   " codec, sample_rate, channels, duration_s, sha256, state, created_at,"
                   " created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "segment": "INSERT INTO segment(id, interview_id, asset_id, idx, start_s, end_s, speaker,"
               " text, created_at, created_by, source_segment_id, layer, review_status,"
               " transcript_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "tag": "INSERT INTO tag(id, interview_id, term_id, segment_id, char_start, char_end,"
           " audio_start_s, audio_end_s, asset_id, confidence, note, created_at, created_by,"
           " taxonomy_version, term_label, status, updated_at, updated_by)"
           " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "event": "INSERT INTO event(id, interview_id, act, victim, perpetrator, involvement,"
             " place, place_term, place_precision, date_text, date_json, date_from,"
             " date_to, relation, notes, taxonomy_version, created_at, created_by,"
             " updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "event_tag": "INSERT INTO event_tag(id, event_id, tag_id) VALUES (?,?,?)",
    "redaction": "INSERT INTO redaction(id, interview_id, segment_id, char_start, char_end,"
                 " reason, created_at, created_by) VALUES (?,?,?,?,?,?,?,?)",
}


def _label(taxonomy_terms: dict[str, tuple[str, str]], term: str) -> str:
    ko, en = taxonomy_terms.get(term, (term, term))
    return json.dumps({"en": en, "ko": ko}, ensure_ascii=False)


def _insert(vault: Vault, interviews: list[Interview], version: str,
            rng: random.Random) -> None:
    names = {**FACILITIES, **COMMODITIES, **ENTERPRISES, **PORTS}
    rows: dict[str, list[tuple[object, ...]]] = {k: [] for k in (
        "interview", "consent", "interviewee", "blob", "audio_asset", "segment", "tag", "event",
        "event_tag", "redaction")}
    for iv in interviews:
        rows["interview"].append((iv.id, iv.code, iv.interviewer, iv.interpreter, "[]",
                                  "2024-05-01T10:00:00+09:00", '["ko"]', "", "reviewed", STAMP,
                                  STAMP, "interviewer"))
        rows["consent"].append((iv.id, json.dumps(sorted(iv.scopes)), "written", "2024-05-01",
                                STAMP if iv.withdrawn else None, STAMP, "interviewer"))
        rows["interviewee"].append((iv.id, iv.birth_year, iv.home, iv.defection_year, STAMP,
                                    "interviewer"))
        blob_id, asset_id = str(uuid.uuid4()), str(uuid.uuid4())
        sha = hashlib.sha256(iv.id.encode()).hexdigest()
        rows["blob"].append((blob_id, "audio", "complete", "keep", 1000, sha, STAMP, STAMP))
        rows["audio_asset"].append((asset_id, iv.id, blob_id, "import", "wav", "pcm_s16le",
                                    16000, 1, 600.0, sha, "complete", STAMP, "interviewer"))
        t = 0.0
        for n, ev in enumerate(iv.events):
            fac_ko, fac_en = FACILITIES[ev.facility]
            parts = [fac_ko, "에서"]
            if ev.commodity:
                parts += [" ", COMMODITIES[ev.commodity][0], "을 생산했습니다"]
            else:
                parts += [" 매를 맞았습니다"]
            if ev.enterprise:
                parts += [", ", ENTERPRISES[ev.enterprise][0], "가 가져갔습니다"]
            if ev.port:
                parts += [", ", PORTS[ev.port][0], "으로 실어 갔습니다"]
            text = "".join(parts) + f" ({iv.code} {n})"
            seg = str(uuid.uuid4())
            rows["segment"].append((seg, iv.id, asset_id, 2 * n, t, t + 9.5, "witness", text,
                                    STAMP, "transcriber", None, "original", "reviewed", None))
            reviewed = rng.random() < 0.7
            ev.reviewed = reviewed
            translation = (f"At {fac_en} we "
                           + (f"produced {COMMODITIES[ev.commodity][1]}" if ev.commodity
                              else "were beaten") + f" ({iv.code} {n})")
            rows["segment"].append((str(uuid.uuid4()), iv.id, asset_id, 2 * n, t, t + 9.5,
                                    "witness", translation, STAMP, "translator", seg,
                                    "translation", "reviewed" if reviewed else "draft", None))
            if n == 0:
                iv.quote_segment, iv.quote_text, iv.reviewed = seg, fac_ko, reviewed
            spans = [(ev.facility, 0, len(fac_ko))]
            pos = len(fac_ko) + 3
            if ev.commodity:
                spans.append((ev.commodity, pos, pos + len(COMMODITIES[ev.commodity][0])))
            for extra, table in ((ev.enterprise, ENTERPRISES), (ev.port, PORTS)):
                if extra:
                    word = table[extra][0]
                    at = text.index(word)
                    spans.append((extra, at, at + len(word)))
            # the second segment: how the labour was forced (sometimes naming a person)
            seg2 = str(uuid.uuid4())
            named = rng.random() < 0.05 and ev.act == "violation.cah.enslavement"
            text2 = (f"{REDACTED_NAME} 반장이 " if named else "") + _sentence(rng)
            rows["segment"].append((seg2, iv.id, asset_id, 2 * n + 1, t + 10, t + 19.5,
                                    "witness", text2, STAMP, "transcriber", None, "original",
                                    "reviewed", None))
            if named:
                iv.redacted = True
                rows["segment"].append((str(uuid.uuid4()), iv.id, asset_id, 2 * n + 1, t + 10,
                                        t + 19.5, "witness",
                                        f"{REDACTED_NAME_EN}, the foreman, checked us daily",
                                        STAMP, "translator", seg2, "translation", "reviewed",
                                        None))
                rows["redaction"].append((str(uuid.uuid4()), iv.id, seg2, 0,
                                          len(REDACTED_NAME), "names a person", STAMP,
                                          "supervisor"))
            for term, a, b in spans:
                tag = str(uuid.uuid4())
                ev.tags.append(tag)
                rows["tag"].append((tag, iv.id, term, seg, a, b, None, None, None, None, "",
                                    STAMP, "coder", version, _label(names, term), "ok", STAMP,
                                    "coder"))
            if ev.act == "violation.cah.enslavement":
                tag = str(uuid.uuid4())
                ev.tags.append(tag)
                rows["tag"].append((tag, iv.id, "forced_labour.setting.detention", seg2, 0,
                                    len(text2), None, None, None, None, "", STAMP, "coder",
                                    version, "{}", "ok", STAMP, "coder"))
            when = dates.parse(f"{ev.years[0]}..{ev.years[1]}" if ev.years[0] != ev.years[1]
                               else str(ev.years[0]))
            low, high = when.interval()
            assert low is not None and high is not None
            rows["event"].append((ev.id, iv.id, ev.act, "witness", None, None, None,
                                  ev.facility, "facility", when.text(),
                                  json.dumps(when.to_json()), low.isoformat(), high.isoformat(),
                                  ev.relation, "", version, STAMP, "coder", STAMP, "coder"))
            rows["event_tag"] += [(str(uuid.uuid4()), ev.id, tag) for tag in ev.tags]
            t += 20.0
    # A helper process loads the rows: SQLCipher's memory security, which this process (like
    # the app) has switched on, makes each of SQLite's allocations lock and wipe memory, and a
    # bulk load of this size would take a minute instead of seconds.
    job = {"db": str(vault.path / "vault.db"), "key": vault._key().hex(),
           "steps": [[INSERT_SQL[t], rows[t]] for t in INSERT_SQL]}  # parents first (dict order)
    subprocess.run([sys.executable, "-m", "tests.connect_archive"], input=json.dumps(job),
                   text=True, check=True, cwd=ROOT, capture_output=True, timeout=600)


def _fill() -> None:
    """Helper process: run the inserts of a job (stdin) in one transaction."""
    import sqlcipher3

    job = json.loads(sys.stdin.read())
    conn = sqlcipher3.connect(job["db"], isolation_level=None, timeout=60)
    conn.execute(f"PRAGMA key = \"x'{job['key']}'\"")
    conn.execute("PRAGMA cipher_compatibility = 4")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("BEGIN IMMEDIATE")
    for statement, values in job["steps"]:
        conn.executemany(statement, values)
    conn.execute("COMMIT")
    conn.close()


if __name__ == "__main__":
    _fill()
