"""Helpers for the bundle tests: populated field vaults and a supervisor ready to import."""

from __future__ import annotations

import atexit
import datetime as dt
import hashlib
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from app.bundles import keys
from app.bundles.export import ExportResult, export_bundle
from app.interviews import add_interview
from crypto.kdf import weak_test_params
from storage.vault import Vault

PASS = b"correct horse battery staple"
NOW = dt.datetime(2026, 11, 28, 12, 0, tzinfo=dt.UTC)
MARKER = "ZQXJ-UNIQUE-TESTIMONY-MARKER"


# Creating a vault runs every migration, each committed to disk (about a second of CPU, more
# on a busy disk), and a bundle test needs two or three. So each vault a test asks for is a copy
# of a template created once per process: the n-th vault of a test is a copy of the n-th
# template, so the vaults of one test are always distinct vaults (their own id, device keys and
# salt), exactly as if each had been created. Creation itself is tested in tests/vault.
# A fixture that outlives one test (module or session scope) must not share a template with
# the tests that use it: its vaults are made afresh (``lasting_vaults``, tests/conftest.py).
_TEMPLATES: list[Path] = []
_used_in_this_test = 0
_lasting = False


def new_test() -> None:
    """Called before each test (tests/conftest.py): its first vault is the first template."""
    global _used_in_this_test
    _used_in_this_test = 0


def _template(n: int) -> Path:
    while len(_TEMPLATES) <= n:
        folder = Path(tempfile.mkdtemp(prefix="tv-vault-template-"))
        atexit.register(shutil.rmtree, folder, True)
        v, _ = Vault.create(folder / "vault", PASS, kdf=weak_test_params(), allow_weak_kdf=True)
        v.lock()
        _TEMPLATES.append(folder / "vault")
    return _TEMPLATES[n]


@contextmanager
def lasting_vaults() -> Iterator[None]:
    """While a module- or session-scoped fixture is set up: every vault is created, not copied,
    so no vault a later test makes can share its identity (device keys, data key)."""
    global _lasting
    _lasting = True
    try:
        yield
    finally:
        _lasting = False


def new_vault(path: Path) -> Vault:
    """A new, unlocked vault at ``path`` (test-only KDF parameters), distinct from every other
    vault this test and its longer-lived fixtures made."""
    global _used_in_this_test
    if _lasting:
        v, _ = Vault.create(path, PASS, kdf=weak_test_params(), allow_weak_kdf=True)
        return v
    template = _template(_used_in_this_test)
    _used_in_this_test += 1
    shutil.copytree(template, path, dirs_exist_ok=True)
    return Vault.open(path, PASS, allow_weak_kdf=True)


def open_vault(path: Path) -> Vault:
    return Vault.open(path, PASS, allow_weak_kdf=True)


def add_audio(vault: Vault, interview_id: str, data: bytes) -> tuple[str, str]:
    """Store ``data`` as an imported audio asset; returns (asset id, blob id)."""
    writer = vault.blob_writer(kind="audio", on_crash="keep")
    writer.write(data)
    asset_id = str(uuid.uuid4())

    def link(conn: object) -> None:
        conn.execute(  # type: ignore[attr-defined]
            "INSERT INTO audio_asset(id, interview_id, blob_id, source, original_name, container,"
            " codec, sample_rate, channels, duration_s, sha256, created_at, created_by)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (asset_id, interview_id, writer.id, "import", "int.wav", "wav", "pcm_s16le", 16000,
             1, 1.5, hashlib.sha256(data).hexdigest(), NOW.isoformat(), "interviewer"))

    writer.finish(then=link)
    return asset_id, writer.id


def add_transcript(vault: Vault, interview_id: str, asset_id: str, layer: str) -> str:
    tid = str(uuid.uuid4())
    with vault.transaction() as conn:
        conn.execute(
            "INSERT INTO transcript(id, interview_id, asset_id, layer, task, model_name, "
            "model_hashes, parameters, engine_version, state, resume_at_s, started_at, "
            "updated_at, completed_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (tid, interview_id, asset_id, layer,
             "transcribe" if layer == "original" else "translate", "whisper-base", "{}", "{}",
             "test", "complete", 0.0, NOW.isoformat(), NOW.isoformat(), NOW.isoformat(),
             "interviewer"))
    return tid


def add_segment(vault: Vault, interview_id: str, idx: int, text: str,
                asset_id: str | None = None, layer: str = "original",
                transcript_id: str | None = None) -> str:
    sid = str(uuid.uuid4())
    with vault.transaction() as conn:
        conn.execute("INSERT INTO segment(id, interview_id, asset_id, idx, start_s, end_s, "
                     "speaker, text, created_at, created_by, layer, transcript_id) "
                     "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                     (sid, interview_id, asset_id, idx, idx * 1.25, idx * 1.25 + 1.0, "A", text,
                      NOW.isoformat(), "interviewer", layer, transcript_id))
        vault.audit("create", "segment", sid, role="interviewer")
    return sid


def add_tag(vault: Vault, interview_id: str, segment_id: str, a: int, b: int) -> str:
    tid = str(uuid.uuid4())
    with vault.transaction() as conn:
        conn.execute("INSERT INTO tag(id, interview_id, term_id, segment_id, char_start, char_end,"
                     " created_at, created_by) VALUES (?,?,?,?,?,?,?,?)",
                     (tid, interview_id, "detention", segment_id, a, b, NOW.isoformat(), "coder"))
    return tid


def populate(vault: Vault, code: str = "NK-2026-001", *, audio: bytes = b"RIFF" + b"\x01" * 5000,
             scopes: tuple[str, ...] = ("archive", "un")) -> str:
    iid = add_interview(vault, code=code, role="interviewer", consent_scopes=list(scopes),
                        consent_how="written", languages=["ko"], notes="notes " + MARKER,
                        interviewer="Park Staff", interpreter="Lee Interp",
                        others_present=["Choi Witness"])
    with vault.transaction() as conn:
        conn.execute("INSERT INTO interviewee(interview_id, birth_year, home_province, "
                     "updated_at, updated_by) VALUES (?,?,?,?,?)",
                     (iid, 1980, "North Hamgyong", NOW.isoformat(), "interviewer"))
        conn.execute("INSERT INTO event(id, interview_id, act, place, created_at, created_by) "
                     "VALUES (?,?,?,?,?,?)", (str(uuid.uuid4()), iid, "detention", "Onsong",
                                              NOW.isoformat(), "coder"))
        conn.execute("INSERT INTO marker(id, interview_id, at_s, note, created_at, created_by) "
                     "VALUES (?,?,?,?,?,?)", (str(uuid.uuid4()), iid, 2.5, "important",
                                              NOW.isoformat(), "interviewer"))
    asset_id, _ = add_audio(vault, iid, audio)
    first = "I was held at the ministry office in Onsong."
    original = add_transcript(vault, iid, asset_id, "original")
    translation = add_transcript(vault, iid, asset_id, "translation")
    s0 = add_segment(vault, iid, 0, first, asset_id, transcript_id=original)
    add_segment(vault, iid, 1, "My cousin Kim Chol was there too.", asset_id,
                transcript_id=original)
    add_segment(vault, iid, 0, "translated text", asset_id, layer="translation",
                transcript_id=translation)
    start = first.index("ministry office")
    add_tag(vault, iid, s0, start, start + len("ministry office"))
    return iid


@dataclass
class World:
    """A field vault and a supervisor vault that trust each other."""

    tmp: Path
    field: Vault
    sup: Vault
    identity: keys.SupervisorIdentity
    key_file: Path

    def export(self, *ids: str, name: str = "b.age", **kw: object) -> ExportResult:
        kw.setdefault("role", "interviewer")
        return export_bundle(self.field, list(ids), recipients=[self.identity.public],
                             out=self.tmp / name, **kw)  # type: ignore[arg-type]

    def sup_digest(self) -> dict[str, str]:
        """Hashes of every file in the supervisor vault folder, taken with the vault locked
        (for an archive: of every table's rows and every object file)."""
        if not isinstance(self.sup, Vault):
            from tests.archive_support import archive_digest
            return archive_digest(self.sup)
        path = self.sup.path
        self.sup.lock()
        result = {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
                  for p in sorted(path.rglob("*")) if p.is_file()}
        self.sup = open_vault(path)
        return result


def make_world(tmp: Path) -> World:
    field = new_vault(tmp / "field")
    sup = new_vault(tmp / "sup")
    text, identity = keys.new_supervisor_key()
    key_file = tmp / "supervisor.key"
    key_file.write_text(text)
    keys.trust_supervisor(field, identity.public, role="interviewer")
    dev = field.device()
    keys.trust_device(sup, keys.DevicePublic(dev.id, dev.public_key), role="supervisor")
    return World(tmp, field, sup, identity, key_file)
