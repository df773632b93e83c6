"""Tests of bundles (app/bundles/): export, verify, import as hostile input, receipts,
ownership, supervisor keys and the bundle commands. Helpers: tests/bundle_helpers.py (worlds of a
field and a supervisor vault), tests/bundle_forge.py (hand-made hostile bundles).

The fast set (scripts/check.sh) keeps the round trips, every attack and the parsers' property
tests; these are left to the whole suite:"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.archive_support import make_archive
from tests.bundle_helpers import World, make_world
from tests.common import mark_slow

SLOW = {
    "test_bundles_cli.py::test_full_workflow_and_stock_tools":
        "the whole workflow through the command line on floor-KDF vaults, then stock age, tar and minisign",
    "test_bundles_cli.py::test_cli_refusals_are_one_sentence_with_the_right_exit_code":
        "command-line refusals on two floor-KDF vaults",
    "test_handover_cli.py":
        "supervisor keys end to end through the command line on floor-KDF vaults",
    "test_bundles_hostile.py::test_every_tar_header_byte_flipped":
        "verifies a bundle once per byte of every tar header, with many full imports",
    "test_bundles_parsers.py::test_atheris_fuzzes_the_parsers":
        "50,000 coverage-guided fuzzing runs in a child process",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_slow(items, __file__, SLOW)
    # The PostgreSQL case of a BOTH_BACKENDS test needs a real server: the vault case of the
    # same test stays in the fast set.
    for item in items:
        spec = getattr(item, "callspec", None)
        if spec is not None and "archive" in (spec.params.get("backend"),
                                              spec.params.get("world")):
            item.add_marker(pytest.mark.slow)


@pytest.fixture
def world(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> Iterator[World]:
    """A field laptop and a supervisor side that trust each other (tests/bundle_helpers.py);
    the supervisor side is the PostgreSQL archive when ``backend`` is "archive"
    (BOTH_BACKENDS). A file with its own ``world`` uses that one."""
    w = make_world(tmp_path)
    if backend == "archive":
        make_archive(w, request)
    yield w
    for v in (w.field, w.sup):
        if not v.is_locked:
            v.lock()
