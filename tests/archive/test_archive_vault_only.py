"""Every command either works on the archive or refuses it: a command that works on a vault
only (recording, exporting bundles, keys, passphrases, purging ...) named an archive, by
``--archive URL`` or by TESTIMONY_ARCHIVE without ``--vault``, is refused before anything is
opened, with one sentence that says why and what to do; it never quietly works on a vault the
person did not mean. No server is needed: the refusal comes first."""

from __future__ import annotations

import argparse
from typing import Any

import pytest

from app.errors import UsageError
from cli.commands import build_parser
from cli.context import Context
from tests.cli_runner import Cli, run_cli

NOWHERE = "postgresql://nobody@127.0.0.1:1/none"  # never connected to
# Commands with no --archive of the usual kind: the archive's own (they name it otherwise),
# and those that open no vault or archive at all.
OWN_ADDRESS = {"archive init", "archive migrate", "gui", "self-test", "audio devices"}
# The commands of docs/cli/archive.md that work on the archive (tests/archive/ runs each).
ON_THE_ARCHIVE = {
    "import", "verify", "search", "report", "corroborate", "matrix", "brief",
    "archive trust-device", "archive check", "archive upgrade",
    "transcript show", "transcript edit", "transcript suggestions", "transcript review",
    "tag add", "tag list", "tag review", "event add", "event list",
    "taxonomy show", "taxonomy import", "taxonomy versions", "taxonomy export",
    "entity list", "entity add", "entity set", "link add", "link list",
    "witnesses duplicates", "witnesses same", "witnesses different",
    "interview list", "interview show", "interview withdraw", "audit list", "audio list", "audio markers",
    "conflicts list", "conflicts resolve", "conflicts reassign",
}


def _commands() -> dict[str, argparse.ArgumentParser]:
    """Every command of the whole parser, by its name after ``testimony``."""
    out: dict[str, argparse.ArgumentParser] = {}

    def walk(parser: argparse.ArgumentParser, name: str) -> None:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            out[name] = parser
        for sub in subs:
            for word, child in sub.choices.items():
                walk(child, f"{name} {word}".strip())

    walk(build_parser(), "")
    return out


def _takes_archive(parser: argparse.ArgumentParser) -> bool:
    return any("--archive" in a.option_strings for a in parser._actions)


def test_every_command_works_on_the_archive_or_refuses_it() -> None:
    commands = _commands()
    assert ON_THE_ARCHIVE | OWN_ADDRESS <= set(commands)
    for name, parser in commands.items():
        vault_only = parser.get_default("vault_only")
        if name in OWN_ADDRESS:
            continue
        assert _takes_archive(parser), f"'{name}' neither takes nor refuses --archive"
        assert (vault_only is None) == (name in ON_THE_ARCHIVE), name


def _args(parser: argparse.ArgumentParser, **given: Any) -> argparse.Namespace:
    values = {a.dest: a.default for a in parser._actions if a.dest != "help"}
    values.update(parser._defaults)
    values.update(vault=None, passphrase_file=None, role="supervisor", debug=False)
    values.update(given)
    return argparse.Namespace(**values)


def test_each_vault_only_command_refuses_an_archive_before_opening_anything(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TESTIMONY_ARCHIVE", raising=False)
    refused = 0
    for name, parser in _commands().items():
        why = parser.get_default("vault_only")
        if why is None:
            continue
        args = _args(parser, archive=NOWHERE)
        ctx = Context(args)
        with pytest.raises(UsageError) as info:
            args.func(ctx, args)
        assert str(info.value) == (
            f"'testimony {name}' works on a vault only: {why}; nothing was done, run it with "
            "--vault DIR (and without --archive or TESTIMONY_ARCHIVE).")
        assert ctx._vault is None and ctx._archive is None  # nothing was opened
        refused += 1
    assert refused >= 30


def test_the_command_line_refuses_typed_or_environment_archive(cli: Cli) -> None:
    """Exit 2 and the one sentence, the vault untouched; ``--vault`` wins over the
    environment, as for the commands that work on both."""
    env = {**cli.env, "TESTIMONY_ARCHIVE": NOWHERE}
    before = sorted(p.name for p in cli.vault.iterdir())
    typed = run_cli(["interview", "add", "--code", "NK-2026-951", "--archive", NOWHERE],
                    cli.env)
    assert typed.returncode == 2 and typed.stdout == ""
    assert typed.stderr == (
        "testimony: 'testimony interview add' works on a vault only: interviews and their "
        "consent are recorded in a vault and reach the archive only in bundles, which keep "
        "each record's chain of custody; nothing was done, run it with --vault DIR (and "
        "without --archive or TESTIMONY_ARCHIVE).\n")
    from_env = run_cli(["device", "show"], env)
    assert from_env.returncode == 2
    assert from_env.stderr.startswith("testimony: 'testimony device show' works on a vault "
                                      "only: a device key belongs to a field laptop's vault;")
    assert sorted(p.name for p in cli.vault.iterdir()) == before
    on_vault = run_cli(["--vault", str(cli.vault), "--passphrase-file", str(cli.passphrase_file),
                        "device", "show"], env)
    assert on_vault.returncode == 0 and "fingerprint: " in on_vault.stdout, on_vault.stderr
