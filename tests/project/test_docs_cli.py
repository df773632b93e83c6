"""docs/cli.md and docs/cli/*.md name every command and every option the program has.

The argparse tree of the real parser is walked: each command path (``interview add``) must
appear as ``testimony interview add`` in the docs, and each of its options in the page that
documents it. A command or option added without documentation fails here."""

from __future__ import annotations

import argparse
import functools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import cli as cli_package
from tests.common import ROOT

DOCS = ROOT / "docs"


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    found: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                if sub not in found.values():  # an alias names the same parser
                    found[name] = sub
    return found


def _options(parser: argparse.ArgumentParser) -> list[str]:
    """The option strings a user types (the long form where there is one), without --help."""
    names = []
    for action in parser._actions:
        if not action.option_strings or isinstance(action, argparse._HelpAction):
            continue
        if action.help == argparse.SUPPRESS:  # hidden: only refuses (cli.context.vault_only)
            continue
        longs = [o for o in action.option_strings if o.startswith("--")]
        names.append(longs[0] if longs else action.option_strings[0])
    return names


def _walk(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
          ) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    yield path, parser
    for name, sub in _subcommands(parser).items():
        yield from _walk(sub, (*path, name))


@functools.cache
def _pages() -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in [DOCS / "cli.md", *sorted((DOCS / "cli").glob("*.md"))]}


def _documents(text: str, path: tuple[str, ...]) -> bool:
    # "testimony interview add" anywhere, or a code span opening with "audio import" (a
    # heading of the audio page).
    words = r"\s+".join(re.escape(w) for w in path)
    return re.search(rf"(testimony\s+|`){words}(?![\w-])", text) is not None


COMMANDS = [(path, parser) for path, parser in _walk(cli_package.build_parser()) if path]


def test_the_walk_sees_the_whole_tree() -> None:
    paths = {" ".join(p) for p, _ in COMMANDS}
    assert {"init", "interview add", "audio import", "transcribe", "export"} <= paths
    assert len(paths) > 40


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=" ".join)
def test_every_command_is_documented(path: tuple[str, ...]) -> None:
    pages = _pages()
    documented = [p for p, text in pages.items() if _documents(text, path)]
    assert documented, f"`testimony {' '.join(path)}` is in no page of docs/cli"


def _undocumented_options(path: tuple[str, ...], parser: argparse.ArgumentParser) -> list[str]:
    pages = [text for text in _pages().values() if _documents(text, path)]
    return [opt for opt in _options(parser)
            if not any(re.search(rf"{re.escape(opt)}(?![\w-])", text) for text in pages)]


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=" ".join)
def test_every_option_is_documented_beside_its_command(path: tuple[str, ...]) -> None:
    missing = _undocumented_options(path, dict(COMMANDS)[path])
    assert not missing, f"testimony {' '.join(path)}: {missing} not in its docs/cli page"


def test_an_undocumented_command_or_option_is_caught() -> None:
    parser = argparse.ArgumentParser(prog="testimony")
    sub = parser.add_subparsers()
    interview = sub.add_parser("interview").add_subparsers()
    add = interview.add_parser("add")
    add.add_argument("--code")
    add.add_argument("--notes-colour")  # --notes is documented; this is not
    sub.add_parser("frobnicate")
    walked = dict(_walk(parser))
    assert _undocumented_options(("interview", "add"), walked[("interview", "add")]) == [
        "--notes-colour"]
    assert not any(_documents(text, ("frobnicate",)) for text in _pages().values())


def test_global_options_are_documented() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    missing = [o for o in _options(cli_package.build_parser()) if o not in text]
    assert not missing, missing
