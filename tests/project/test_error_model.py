"""One error model: every error the app raises on purpose is an ``errors.Problem`` with a kind
and a code of ``errors.catalog``; the CLI maps kinds to exit codes and adds flag hints; the
window translates codes (the Korean GUI itself: tests/ui/test_ui_errors_korean.py)."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import string
from pathlib import Path

import pytest

from app.errors import AppError, IntegrityFailure, NotFound, UsageError, describe, is_expected
from cli.errors import EXIT_CODES, HINTS, exit_code_for, sentence_for
from errors import CATALOG, Kind, Message, Problem, placeholders
from tests.cli_runner import Cli
from tests.common import ROOT

# The packages below the front ends: their sentences must suit both the window and the CLI.
CORE = ("app", "errors", "qtaudio", "storage", "transcription")
# Functions that build a problem from a code and its parameters (a refusal's reason, ...).
CODE_HELPERS = {"rejected", "_reject", "_bad", "_refuse", "_require", "raise_if_cancelled"}
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _problem_classes() -> set[str]:
    for package in CORE:
        pkg = importlib.import_module(package)
        for info in pkgutil.walk_packages(pkg.__path__, f"{package}."):
            importlib.import_module(info.name)
    found: set[str] = set()
    todo: list[type] = [Problem]
    while todo:
        cls = todo.pop()
        found.add(cls.__name__)
        todo += cls.__subclasses__()
    return found


def _core_files() -> list[Path]:
    return sorted(p for package in CORE for p in (ROOT / package).rglob("*.py"))


def _name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def _code_calls() -> list[tuple[str, ast.Call, str]]:
    """(file:line, call, code) for every call that raises or builds a problem from a literal
    code; a code given as a variable is a literal elsewhere in the same module."""
    names = _problem_classes() | CODE_HELPERS | {"Message"}
    calls = []
    for path in _core_files():
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _name(node.func) in names):
                continue
            args = [a for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
                    and re.fullmatch(r"[a-z_]+\.[a-z0-9_]+", a.value)]
            if args:
                where = f"{path.relative_to(ROOT)}:{node.lineno}"
                calls.append((where, node, args[0].value))
    return calls


def test_every_code_has_a_korean_rendering_with_the_same_parameters(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    from ui.main import install_translations

    translators = install_translations(qapp, "ko")
    try:
        untranslated, mismatched = [], []
        for code, template in CATALOG.items():
            korean = QCoreApplication.translate("Errors", template)
            if korean == template or not HANGUL.search(korean):
                untranslated.append(code)
            fields = {(f, spec, conv) for _, f, spec, conv in string.Formatter().parse(template)
                      if f is not None}
            ko_fields = {(f, spec, conv) for _, f, spec, conv in string.Formatter().parse(korean)
                         if f is not None}
            if fields != ko_fields:
                mismatched.append(code)
    finally:
        for t in translators:
            qapp.removeTranslator(t)
    assert untranslated == [] and mismatched == []


def test_no_core_message_names_a_command_line_flag() -> None:
    """Neither a template nor any string at a raise site of the core contains ``--``: the
    window has no flags; the CLI adds them (cli/errors.py)."""
    assert [code for code, t in CATALOG.items() if "--" in t] == []
    offenders = []
    problem_names = _problem_classes() | CODE_HELPERS | {"Message"}
    for path in _core_files():
        tree = ast.parse(path.read_text("utf-8"))
        sites: list[ast.AST] = [n for n in ast.walk(tree) if isinstance(n, ast.Raise)]
        sites += [n for n in ast.walk(tree)
                  if isinstance(n, ast.Call) and _name(n.func) in problem_names]
        for site in sites:
            for sub in ast.walk(site):
                if isinstance(sub, ast.Constant) and isinstance(sub.value, str) \
                        and "--" in sub.value:
                    offenders.append(f"{path.relative_to(ROOT)}:{sub.lineno}")
    assert offenders == []


def test_every_raised_code_is_in_the_catalogue_with_its_parameters() -> None:
    calls = _code_calls()
    assert len(calls) > 300
    unknown = [(where, code) for where, _, code in calls if code not in CATALOG]
    assert unknown == []
    missing = []
    for where, call, code in calls:
        if any(k.arg is None for k in call.keywords):
            continue  # **params passed on: checked where they are built
        given = {k.arg for k in call.keywords}
        if _name(call.func) == "Message":
            if len(call.args) < 2:
                given = set()
            elif isinstance(call.args[1], ast.Dict):
                given = {k.value for k in call.args[1].keys if isinstance(k, ast.Constant)}
            else:
                continue
        if not placeholders(CATALOG[code]) <= given:
            missing.append((where, code, placeholders(CATALOG[code]) - given))
    assert missing == []


def test_every_catalogue_code_is_used() -> None:
    text = "\n".join(p.read_text("utf-8") for p in _core_files() if p.name != "catalog.py")
    text += (ROOT / "ui" / "export_view.py").read_text("utf-8")
    text += (ROOT / "ui" / "session.py").read_text("utf-8")
    dynamic = ("coding.field_",)  # built as f"coding.field_{field}"
    unused = [code for code in CATALOG if f'"{code}"' not in text
              and not code.startswith(dynamic)]
    assert unused == []


def test_the_core_has_no_exit_codes_and_one_root() -> None:
    assert [str(p.relative_to(ROOT)) for p in _core_files()
            if "exit_code" in p.read_text("utf-8")] == []
    from storage.errors import VaultError, WrongPassphrase
    from transcription.errors import ModelRejected, TranscriptionError

    for cls in (AppError, VaultError, TranscriptionError):
        assert issubclass(cls, Problem)
    assert WrongPassphrase.kind is Kind.LOCKED and ModelRejected.kind is Kind.INTEGRITY
    assert UsageError.kind is Kind.USAGE and IntegrityFailure.kind is Kind.INTEGRITY
    # crypto's opaque errors stay outside: they never reach a user as they are
    from crypto.errors import CryptoError

    assert not issubclass(CryptoError, Problem)


def test_str_is_the_english_sentence_and_parameters_fill_in_after_translation() -> None:
    exc = UsageError("interview.interview_code_already_exists", code="NK-2026-113")
    assert str(exc) == "An interview with code NK-2026-113 already exists; choose another code."
    assert (exc.code, exc.params, exc.kind) == ("interview.interview_code_already_exists",
                                                {"code": "NK-2026-113"}, Kind.USAGE)
    shout = {CATALOG["bundle.refused"]: "REFUSED: {reason}.",
             CATALOG["bundle.malformed"]: "MALFORMED"}
    refused = IntegrityFailure("bundle.refused", reason=Message("bundle.malformed"))
    assert str(refused) == "The bundle was refused: it is malformed; nothing was changed."
    assert refused.render(lambda t: shout.get(t, t)) == "REFUSED: MALFORMED."
    # a translation that lost its placeholder falls back to the English sentence
    assert exc.render(lambda _t: "{nonsense}") == str(exc)


def test_messages_cross_the_process_boundary_as_codes() -> None:
    from transcription.errors import TranscriptionError

    msg = Message("engine.speech_engine_stopped_unexpectedly",
                  {"how": Message("engine.exited_with_status", {"status": 9})})
    back = Message.from_json(msg.to_json())
    assert back.render() == msg.render() == (
        "The speech engine stopped unexpectedly (it exited with status 9); what was transcribed "
        "is kept — transcribe again to continue.")
    assert str(TranscriptionError.of(back)) == msg.render()


def test_unexpected_errors_get_a_generic_code_without_their_text() -> None:
    from storage.db import DatabaseError

    secret = "the witness said 요덕"
    for exc in (ValueError(secret), OSError(28, "No space left on device", secret),
                DatabaseError(secret)):
        assert not is_expected(exc)
        assert secret not in describe(exc).render() and describe(exc).code in CATALOG


@pytest.mark.parametrize(("exc", "code"), [
    (UsageError("interview.code_empty"), 2),
    (NotFound("transcribe.no_audio"), 1),
    (IntegrityFailure("bundle.refused", reason=Message("bundle.malformed")), 4),
    (AppError.from_text("A sentence of the CLI's own, naming --yes."), 1),
    (ValueError("boom"), 1),
])
def test_the_cli_maps_kinds_to_its_exit_codes(exc: BaseException, code: int) -> None:
    from storage.db import DatabaseError
    from storage.errors import VaultCorrupt, WrongPassphrase
    from transcription.errors import ModelRejected

    assert exit_code_for(exc) == code
    assert exit_code_for(WrongPassphrase("vault.wrong_passphrase")) == 3
    assert exit_code_for(VaultCorrupt("db.vault_key_open_database")) == 4
    assert exit_code_for(ModelRejected("model.model_s_model_bin_2")) == 4
    assert exit_code_for(DatabaseError("file is not a database")) == 4
    assert sorted(EXIT_CODES.values()) == [1, 2, 3, 4]


def test_cli_hints_name_the_flags_and_only_known_codes() -> None:
    assert set(HINTS) <= set(CATALOG)
    assert all("--" in hint for hint in HINTS.values())
    assert sentence_for(UsageError("interview.code_empty")) == (
        "An interview needs a pseudonym code, for example --code NK-2026-014.")
    assert sentence_for(UsageError("vault.not_found", path="/x")) == (
        "No vault was found at /x; create one with 'testimony init' or pass --vault.")
    assert sentence_for(UsageError("transcribe.recording_transcribed_model_continue",
                                   model="base")) == (
        "This recording was transcribed with the model 'base'; continue with that model: "
        "--model base (or leave --model out).")


def test_cli_exit_codes_per_kind_end_to_end(cli: Cli, tmp_path: Path) -> None:
    usage = cli("interview", "add", "--code", "  ")
    assert usage.returncode == 2
    assert usage.stderr == ("testimony: An interview needs a pseudonym code, for example "
                            "--code NK-2026-014.\n")
    failure = cli("interview", "show", "NK-NOPE")
    assert failure.returncode == 1 and "No interview NK-NOPE" in failure.stderr
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the passphrase\n")
    locked = cli("interview", "list", passphrase_file=wrong)
    assert locked.returncode == 3 and "passphrase is wrong" in locked.stderr
    junk = tmp_path / "junk.bundle"
    junk.write_bytes(b"\x00" * 2048)
    integrity = cli("verify", str(junk))
    assert integrity.returncode == 4 and "The bundle was refused" in integrity.stderr
    for res in (usage, failure, locked, integrity):
        assert res.stderr.count("\n") == 1 and "Traceback" not in res.stderr
