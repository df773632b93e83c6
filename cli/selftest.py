"""``testimony self-test``: prove on this laptop that the installed app really works.

Field laptops receive the app on a USB stick and never see the internet, so "it starts" is not
enough: the self-test runs every service end to end against a throw-away vault in a temporary
folder, which it always deletes, and prints one line per check (``PASS name: what was shown`` or
``FAIL name: what went wrong``). It touches no real vault and no real app state.

Each check is one function taking the shared :class:`SelfTestContext` and returning the text
after ``PASS name:``; it raises to fail. Checks are independent: resources they share (the
throw-away vault, the imported fixture) are made on first use, so any subset can run alone.
The same code runs from source and inside the frozen (PyInstaller) folder, where it also checks
that the modules found at run time are the ones the build recorded.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from app.errors import is_expected
from crypto.kdf import floor_params
from storage.vault import Vault, is_vault

# The throw-away vault's passphrase: it protects nothing, the vault is deleted at the end.
SELFTEST_PASSPHRASE = b"self-test passphrase, not a secret"
BUILD_MANIFEST = "testimony-build.json"
#: Development tools inside the project's packages; the build leaves them out of field laptops.
DEV_ONLY_MODULES = ("ui.screenshots", "ui.demo")
STATE_DIR_ENV = "TESTIMONY_STATE_DIR"  # see app.paths.state_dir


class SelfTestFailure(Exception):
    """A check found the app misbehaving; ``str(exc)`` says what was wrong."""


def expect(condition: bool, message: str) -> None:
    """Fail the current check with ``message`` unless ``condition`` holds."""
    if not condition:
        raise SelfTestFailure(message)


@dataclass
class SelfTestContext:
    """What checks share: the temporary folder and lazily made resources inside it."""

    folder: Path
    _vault: Vault | None = None
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def vault_path(self) -> Path:
        return self.folder / "vault"

    @property
    def state_dir(self) -> Path:
        path = self.folder / "state"
        path.mkdir(mode=0o700, exist_ok=True)
        return path

    def create_vault(self) -> Vault:
        """Create the throw-away vault with the floor KDF parameters (the cheapest accepted)."""
        from app.vault_setup import create_vault

        vault = create_vault(self.vault_path, SELFTEST_PASSPHRASE, with_recovery=False,
                             role="system", kdf=floor_params()).vault
        self._vault = vault
        return vault

    @property
    def vault(self) -> Vault:
        """The unlocked throw-away vault, created on first use."""
        if self._vault is None or self._vault.is_locked:
            if is_vault(self.vault_path):
                from app.unlock import unlock

                self._vault = unlock(self.vault_path, SELFTEST_PASSPHRASE,
                                     state_dir=self.state_dir).vault
            else:
                self.create_vault()
        assert self._vault is not None
        return self._vault

    def use_vault(self, vault: Vault) -> None:
        """Make ``vault`` the shared vault (e.g. after unlocking it through the app)."""
        self._vault = vault

    def close(self) -> None:
        if self._vault is not None and not self._vault.is_locked:
            self._vault.lock()
        self._vault = None


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[SelfTestContext], str]


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str
    seconds: float

    def line(self) -> str:
        return f"{'PASS' if self.ok else 'FAIL'} {self.name}: {self.detail}"


def bundle_dir() -> Path | None:
    """The frozen app's data folder (``_internal``), or None when running from source."""
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) if base else None


# --------------------------------------------------------------------------- checks
def build_manifest() -> dict[str, list[str]]:
    """What discovery finds: command modules, subcommands and migrations, as the build records."""
    from cli import build_parser, command_modules
    from storage.migrations import MIGRATIONS

    subcommands = next(action.choices for action in build_parser()._actions
                       if isinstance(action, argparse._SubParsersAction))
    return {
        "commands": sorted(n.rsplit(".", 1)[1].removesuffix("_cmds") for n in command_modules()),
        "subcommands": sorted(subcommands),
        "migrations": sorted(f"m{m.version:04d}" for m in MIGRATIONS),
    }


def check_modules(ctx: SelfTestContext) -> str:
    """CLI commands and schema migrations are found by module discovery, which must work frozen."""
    from storage.migrations import LATEST_VERSION

    found = build_manifest()
    commands, migrations = found["commands"], found["migrations"]
    expect("vault" in commands and "selftest" in commands,
           f"the command modules found were {commands}, which lacks vault or selftest")
    expect(migrations[:1] == ["m0001"], "the first schema migration (version 1) was not found")
    base = bundle_dir()
    if base is not None:
        manifest_path = base / BUILD_MANIFEST
        expect(manifest_path.is_file(), f"the build manifest {BUILD_MANIFEST} is missing")
        recorded = json.loads(manifest_path.read_text("utf-8"))
        for key in ("commands", "subcommands", "migrations"):
            expect(recorded.get(key) == found[key],
                   f"found {key} {found[key]} but the build recorded {recorded.get(key)}")
        if getattr(sys, "frozen", False):
            shipped = [name for name in DEV_ONLY_MODULES if importlib.util.find_spec(name)]
            expect(not shipped, f"the development tools {shipped} were shipped")
    where = "frozen build, matches its manifest" if base is not None else "from source"
    return (f"{len(commands)} command modules ({', '.join(commands)}); schema version "
            f"{LATEST_VERSION} from {len(migrations)} migrations ({where})")


def check_vault(ctx: SelfTestContext) -> str:
    """Create with floor KDF parameters, lock, refuse a wrong passphrase, unlock, check pages."""
    from app.unlock import unlock
    from storage.db import DB_NAME, file_is_plaintext_sqlite
    from storage.errors import WrongPassphrase
    from storage.header import HEADER_NAME

    ctx.close()
    if ctx.vault_path.exists():
        shutil.rmtree(ctx.vault_path)
    vault_id = ctx.create_vault().vault_id
    ctx.close()
    header_before = (ctx.vault_path / HEADER_NAME).read_bytes()
    try:
        unlock(ctx.vault_path, b"not the passphrase", state_dir=ctx.state_dir)
    except WrongPassphrase:
        pass
    else:
        raise SelfTestFailure("a wrong passphrase unlocked the vault")
    expect((ctx.vault_path / HEADER_NAME).read_bytes() == header_before,
           "a wrong passphrase changed the vault header")
    result = unlock(ctx.vault_path, SELFTEST_PASSPHRASE, state_dir=ctx.state_dir,
                    sleep=lambda _s: None)
    vault = result.vault
    ctx.use_vault(vault)
    expect(result.failed_attempts.count == 1,
           f"the failed attempt was counted {result.failed_attempts.count} times, not once")
    expect(vault.vault_id == vault_id, "the unlocked vault has another id")
    problems = vault.integrity_check()
    expect(not problems, f"the database failed its integrity check ({len(problems)} problems)")
    expect(not file_is_plaintext_sqlite(ctx.vault_path / DB_NAME),
           "the database file is plain SQLite, not encrypted")
    return "create, unlock, wrong passphrase refused and counted, page integrity"


def _new_code(vault: Vault) -> str:
    """The next free pseudonym code of the throw-away vault (the default pattern's form)."""
    from app.codes import propose

    return propose(vault)


def check_audit(ctx: SelfTestContext) -> str:
    """The hash chain grows with each change, verifies, and detects an edited entry."""
    from app.interviews import add_interview
    from storage import audit

    vault = ctx.vault
    before = audit.verify(vault.conn)
    add_interview(vault, code=_new_code(vault), role="interviewer")
    after = audit.verify(vault.conn)
    expect(after == before + 1, f"adding an interview added {after - before} audit entries, not 1")
    # Edit an entry inside a transaction that is always rolled back: verification must notice.
    if not audit.edit_is_detected(vault.conn, after):
        raise SelfTestFailure("an edited audit entry was not detected")
    expect(audit.verify(vault.conn) == after, "the audit log did not verify after the rollback")
    return f"{after} entries chained and verified, an edited entry detected"


def check_blob(ctx: SelfTestContext) -> str:
    """Encrypted blob storage returns exactly what was written, across chunk boundaries."""
    from storage import blobs

    vault = ctx.vault
    data = os.urandom(2 * blobs.CHUNK_SIZE + 17)
    writer = vault.blob_writer(kind="selftest", on_crash="discard")
    for start in range(0, len(data), 100_000):
        writer.write(data[start:start + 100_000])
    blob_id, size, digest = writer.finish()
    expect(size == len(data), f"the blob stored {size} bytes, not {len(data)}")
    expect(digest == hashlib.sha256(data).hexdigest(), "the blob's recorded hash is wrong")
    reader = vault.blob_reader(blob_id)
    expect(reader.read() == data, "the blob read back differs from what was written")
    middle = blobs.CHUNK_SIZE - 5
    reader.seek(middle)
    expect(reader.read(10) == data[middle:middle + 10],
           "seeking across a chunk boundary failed")
    with vault.transaction():
        blobs.delete(vault.conn, blob_id)
    return f"{size} bytes written in chunks, read back and seeked, hash matches"


def files_containing(folder: Path, marker: str) -> list[Path]:
    """Files under ``folder`` holding ``marker`` in UTF-8 or UTF-16 (either byte order)."""
    needles = [marker.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    return [path for path in sorted(folder.rglob("*"))
            if path.is_file() and any(n in path.read_bytes() for n in needles)]


def check_no_plaintext(ctx: SelfTestContext) -> str:
    """A marker stored in the vault appears in no file on disk, while open or after locking."""
    from app.interviews import add_interview

    marker = f"selftest-marker-{uuid.uuid4().hex}"
    vault = ctx.vault
    add_interview(vault, code=_new_code(vault), role="interviewer",
                  notes=f"testimony text {marker}")
    writer = vault.blob_writer(kind="selftest", on_crash="discard")
    writer.write(marker.encode("utf-8") * 64)
    writer.finish()
    leaks = files_containing(ctx.folder, marker)
    expect(not leaks, f"the marker was found in plaintext in {', '.join(p.name for p in leaks)}"
                      " while the vault was open")
    ctx.close()
    leaks = files_containing(ctx.folder, marker)
    expect(not leaks, f"the marker was found in plaintext in {', '.join(p.name for p in leaks)}"
                      " after locking")
    count = sum(1 for p in ctx.folder.rglob("*") if p.is_file())
    return f"marker text absent from every file ({count} after locking), open and locked"


# The bundled fixture: synthetic speech, no testimony. Made with
#   espeak-ng -v en -s 125 -g 4 -w s.wav "This is a self test of Testimony Vault. We crossed the
#   river at night." && sox s.wav -r 16000 -c 1 -b 16 cli/selftest_assets/speech.flac
SPEECH_FIXTURE = "selftest_assets/speech.flac"
SPEECH_WORDS = ("self", "test", "testimony", "vault", "crossed", "river", "night")


def fixture_bytes() -> bytes:
    """The bundled speech fixture (found through importlib.resources, also when frozen)."""
    return (resources.files("cli") / SPEECH_FIXTURE).read_bytes()


def _imported_speech(ctx: SelfTestContext) -> tuple[str, str]:
    """(interview id, audio asset id) of the fixture imported into the throw-away vault."""
    if "speech" not in ctx.values:
        from app.audio.assets import import_audio
        from app.interviews import add_interview

        vault = ctx.vault
        interview_id = add_interview(vault, code=_new_code(vault),
                                     role="interviewer", languages=["en"],
                                     consent_scopes=["archive"], consent_how="oral-recorded")
        with resources.as_file(resources.files("cli") / SPEECH_FIXTURE) as path:
            asset = import_audio(vault, interview_id, path, role="interviewer")
        ctx.values["speech"] = (interview_id, asset.id)
    speech: tuple[str, str] = ctx.values["speech"]
    return speech


def check_audio_import(ctx: SelfTestContext) -> str:
    """The bundled recording is imported, checked by decoding, and stored byte for byte."""
    from app.audio.assets import get_asset

    original = fixture_bytes()
    interview_id, asset_id = _imported_speech(ctx)
    asset = get_asset(ctx.vault, interview_id, asset_id)
    expect(asset.sha256 == hashlib.sha256(original).hexdigest(),
           "the stored recording's hash differs from the file imported")
    expect(ctx.vault.blob_reader(asset.blob_id).read() == original,
           "the recording read back from the vault differs from the file imported")
    expect(asset.duration_s is not None and 6.5 < asset.duration_s < 8.0,
           f"the recording's duration was read as {asset.duration_s} s, not about 7 s")
    return (f"{asset.size} bytes of {asset.codec} at {asset.sample_rate} Hz, "
            f"{asset.duration_s:.1f} s, stored unaltered (SHA-256 matches)")


def check_transcription(ctx: SelfTestContext) -> str:
    """The default model transcribes the bundled recording locally, recording which model."""
    from app.transcripts.store import segments, transcripts
    from app.transcripts.transcribe import transcribe_interview
    from transcription.models import DEFAULT_MODEL

    interview_id, _ = _imported_speech(ctx)
    results = transcribe_interview(ctx.vault, interview_id, role="interviewer", language="auto")
    expect([r.state for r in results] == ["complete"],
           f"the transcription ended as {[r.state for r in results]}, not complete")
    text = " ".join(seg.text for seg in segments(ctx.vault, interview_id)).lower()
    heard = [w for w in SPEECH_WORDS if w in text]
    expect(len(heard) >= len(SPEECH_WORDS) - 2,
           f"the transcript has only {len(heard)} of the {len(SPEECH_WORDS)} words spoken")
    [transcript] = transcripts(ctx.vault, interview_id)
    expect(transcript.model_name == DEFAULT_MODEL and bool(transcript.model_hashes),
           "the transcript does not record the model (name and file hashes) that made it")
    return (f"model '{transcript.model_name}' heard {len(heard)} of {len(SPEECH_WORDS)} words "
            f"(language {transcript.language}); model and hashes recorded")


def check_coding(ctx: SelfTestContext) -> str:
    """The shipped taxonomy loads into the vault; a tag takes a Korean label; search finds text."""
    from app.coding.search import search
    from app.coding.tags import add_tag, list_tags
    from app.coding.taxonomy import ensure_taxonomy
    from app.interviews import add_interview

    vault = ctx.vault
    taxonomy = ensure_taxonomy(vault, role="coder")
    korean = [t for t in taxonomy.terms.values() if any("\uac00" <= c <= "\ud7a3" for c in t.label_ko)]
    expect(len(taxonomy.terms) >= 20 and len(korean) >= 20,
           f"the shipped taxonomy has only {len(taxonomy.terms)} terms ({len(korean)} in Korean)")
    word = f"selftestword{uuid.uuid4().hex[:8]}"
    interview_id = add_interview(vault, code=_new_code(vault),
                                 role="interviewer", notes=f"the {word} at the river")
    term = next(iter(taxonomy.terms.values()))
    add_tag(vault, interview_id, term.id, role="coder")
    tags = list_tags(vault, interview_id)
    expect([t.term_id for t in tags] == [term.id], "the tag was not stored on the interview")
    hits = search(vault, word).hits
    expect([h.interview_id for h in hits] == [interview_id],
           f"searching for a word in the notes found {len(hits)} hits, not 1")
    return (f"taxonomy {taxonomy.version_id} with {len(taxonomy.terms)} terms "
            f"({len(korean)} with Korean labels), a tag stored, full-text search finds notes")


def check_bundle(ctx: SelfTestContext) -> str:
    """Export a signed, encrypted bundle, verify it, import it into a second vault, byte-exact."""
    from app.audio.assets import get_asset, list_assets
    from app.bundles.errors import BundleRejected
    from app.bundles.export import export_bundle
    from app.bundles.importer import import_bundle, verify_bundle
    from app.bundles.keys import DevicePublic, new_supervisor_key, trust_device, trust_supervisor

    laptop = ctx.vault
    interview_id, asset_id = _imported_speech(ctx)
    _, supervisor = new_supervisor_key()
    trust_supervisor(laptop, supervisor.public, role="interviewer", label="self-test")
    bundle = ctx.folder / "selftest.bundle"
    exported = export_bundle(laptop, [interview_id], recipients=[supervisor.public], out=bundle,
                             role="interviewer")
    expect(exported.encrypted and bundle.is_file(), "the bundle was not written encrypted")
    expect(fixture_bytes()[:64] not in bundle.read_bytes(),
           "the bundle file holds the recording in plaintext")

    from app.vault_setup import create_vault

    office = create_vault(ctx.folder / "supervisor-vault", SELFTEST_PASSPHRASE,
                          with_recovery=False, role="system", kdf=floor_params()).vault
    try:
        device = laptop.device()
        trust_device(office, DevicePublic(device.id, device.public_key), role="supervisor")
        report = verify_bundle(bundle, supervisor, vault=office)
        expect(report.pinned is True and report.encrypted,
               "the verified bundle was not reported as encrypted and from a pinned device")
        tampered = ctx.folder / "tampered.bundle"
        data = bytearray(bundle.read_bytes())
        data[len(data) // 2] ^= 0x01
        tampered.write_bytes(bytes(data))
        try:
            verify_bundle(tampered, supervisor, vault=office)
        except BundleRejected:
            pass
        else:
            raise SelfTestFailure("a bundle with one changed byte passed verification")
        result = import_bundle(office, bundle, supervisor, role="supervisor")
        expect(result.inserted > 0 and not result.conflicts,
               f"the import inserted {result.inserted} rows with {len(result.conflicts)} conflicts")
        [copy] = [a for a in list_assets(office, interview_id) if a.id == asset_id]
        original = get_asset(laptop, interview_id, asset_id)
        expect(copy.sha256 == original.sha256
               and office.blob_reader(copy.blob_id).read() == fixture_bytes(),
               "the imported recording differs from the exported one")
        again = import_bundle(office, bundle, supervisor, role="supervisor")
        expect(again.replay and again.inserted == 0, "importing the same bundle twice changed data")
    finally:
        office.lock()
    return (f"{bundle.stat().st_size} bytes signed and encrypted, verified from a pinned device, "
            f"one changed byte refused, imported ({result.inserted} rows, audio byte-exact), "
            "replay changed nothing")


def check_gui(ctx: SelfTestContext) -> str:
    """The desktop client starts: Qt's platform plugin, the Korean translation, the main window.

    The window is built and painted off screen, never shown. Like ``testimony gui``, the ui
    package is imported here, not at the top, so the rest of the self-test runs without Qt.
    """
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                 or os.environ.get("WAYLAND_DISPLAY")):
        # No screen (a build machine, or over ssh): Qt would abort rather than raise.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui import main as ui_main
    from ui import tasks as ui_tasks

    ctx.vault  # noqa: B018 - a vault must exist, so the window opens on its unlock screen
    app = ui_main.make_application()
    translators = ui_main.install_translations(app, "ko")
    runner = ui_tasks.TaskRunner()
    try:
        expect(len(translators) == 2,
               f"{len(translators)} of the 2 Korean translations (the app's and Qt's) loaded")
        window = ui_main.build_window(ctx.vault_path, role="interviewer", runner=runner,
                                      state=ctx.state_dir)
        picture = window.grab()
        expect(not picture.isNull() and picture.width() > 100,
               "the main window could not be painted")
        platform = app.platformName()
        window.close()
        window.deleteLater()
        app.processEvents()
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        runner.shutdown()
    return (f"Qt platform '{platform}', Korean translations loaded, main window built and "
            f"painted ({picture.width()}x{picture.height()})")


CHECKS: list[Check] = [
    Check("modules", check_modules),
    Check("vault", check_vault),
    Check("audit", check_audit),
    Check("blob", check_blob),
    Check("no-plaintext", check_no_plaintext),
    Check("audio-import", check_audio_import),
    Check("transcription", check_transcription),
    Check("coding", check_coding),
    Check("bundle", check_bundle),
    Check("gui", check_gui),
]


def check_names() -> list[str]:
    return [c.name for c in CHECKS]


def _describe_error(exc: BaseException) -> str:
    if isinstance(exc, SelfTestFailure) or is_expected(exc):
        text = str(exc)
    else:
        # The self-test handles only its own synthetic data, so the exception's text is safe to
        # show, and naming the type (e.g. a module missing from a frozen build) is what helps.
        text = f"{type(exc).__name__}: {exc}"
    return " ".join(text.split()) or type(exc).__name__


def run_checks(
    checks: Sequence[Check] | None = None,
    *,
    report: Callable[[CheckResult], None] = lambda _r: None,
    temp_parent: Path | None = None,
    clock: Callable[[], float] = time.perf_counter,
) -> list[CheckResult]:
    """Run ``checks`` (default: all) in a fresh temporary folder that is always deleted.

    ``report`` is called with each result as soon as it is known.
    """
    folder = Path(tempfile.mkdtemp(prefix="testimony-selftest-", dir=temp_parent))
    ctx = SelfTestContext(folder)
    results: list[CheckResult] = []
    # Services that keep app state (failed-unlock counts, settings, imported models) find it
    # through TESTIMONY_STATE_DIR: point it into the temporary folder so the real state is
    # neither read nor changed.
    saved_state_dir = os.environ.get(STATE_DIR_ENV)
    os.environ[STATE_DIR_ENV] = str(ctx.state_dir)
    try:
        for check in (CHECKS if checks is None else checks):
            start = clock()
            try:
                detail = check.run(ctx)
                ok = True
            except Exception as exc:  # noqa: BLE001 - a failing check must not stop the others
                detail, ok = _describe_error(exc), False
            result = CheckResult(check.name, ok, detail, clock() - start)
            results.append(result)
            report(result)
    finally:
        if saved_state_dir is None:
            os.environ.pop(STATE_DIR_ENV, None)
        else:
            os.environ[STATE_DIR_ENV] = saved_state_dir
        try:
            ctx.close()
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return results


def select_checks(names: Sequence[str]) -> list[Check]:
    """The checks named, in their standard order; ValueError names an unknown one."""
    known = {c.name: c for c in CHECKS}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(unknown[0])
    return [c for c in CHECKS if c.name in set(names)]
