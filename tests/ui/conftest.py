"""Fixtures for the GUI tests (real Qt widgets offscreen; helpers in tests/ui_support.py).

A GUI test builds a real window on a real vault: one to ten seconds of CPU each, so the GUI
tests are left to the whole suite (scripts/test.sh) except the few in ``FAST``, which keep the
task runner, the window's own report wording and its Korean strings in scripts/check.sh."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.common import mark_slow_except

FAST = {
    "test_ui_tasks.py",
    "test_ui_access.py::test_window_follows_the_system_font_size",
    "test_review_ui.py::test_new_strings_have_korean_translations",
    "test_ui_bundle_report.py::test_a_pinned_bundle_is_reported_in_the_windows_words",
    "test_ui_archive_korean.py::test_archive_errors_are_korean_sentences",
    "test_ui_archive_korean.py::test_gui_command_takes_an_archive_without_its_password",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    mark_slow_except(items, __file__, FAST)


@pytest.fixture
def korean(qapp: Any) -> Iterator[None]:
    """The interface in Korean for one test (the shipped .qm), English again afterwards."""
    from ui.main import install_translations

    translators = install_translations(qapp, "ko")
    yield
    for t in translators:
        qapp.removeTranslator(t)
