"""The task helper: work runs on ONE worker thread, callbacks come back on the GUI thread."""

from __future__ import annotations

import threading

import pytest

from app.tasks import Cancelled
from storage.errors import WrongPassphrase
from ui import errors
from ui.tasks import InlineRunner, TaskRunner


@pytest.fixture
def runner(qapp):
    r = TaskRunner()
    yield r
    r.shutdown()


def test_results_progress_and_errors_arrive_on_gui_thread(qtbot, runner):
    gui = threading.get_ident()
    seen: dict[str, object] = {}
    workers: set[int] = set()

    def work(cancel, progress):
        workers.add(threading.get_ident())
        progress(0.5, "half")
        return 42

    def done(value):
        seen["done"] = (value, threading.get_ident())

    progress_threads: list[int] = []
    runner.run_task(work, on_done=done, on_progress=lambda f, label: progress_threads.append(
        threading.get_ident()))

    def fail(cancel, progress):
        workers.add(threading.get_ident())
        raise WrongPassphrase("vault.wrong_passphrase")

    runner.run_task(fail, on_error=lambda e: seen.setdefault("error", (e, threading.get_ident())))
    qtbot.waitUntil(lambda: "done" in seen and "error" in seen, timeout=5000)
    assert seen["done"] == (42, gui)
    err, thread = seen["error"]
    assert isinstance(err, WrongPassphrase) and thread == gui
    assert progress_threads == [gui]
    assert len(workers) == 1 and gui not in workers  # one worker, never the GUI thread


def test_tasks_run_in_submission_order_on_one_thread(qtbot, runner):
    order: list[int] = []
    for i in range(5):
        runner.run_task(lambda c, p, i=i: order.append(i) or i)
    qtbot.waitUntil(lambda: len(order) == 5, timeout=5000)
    assert order == [0, 1, 2, 3, 4]


def test_cancel_reaches_the_job(qtbot, runner):
    started = threading.Event()
    outcome: list[BaseException] = []

    def long_job(cancel, progress):
        started.set()
        for _ in range(500):
            cancel.raise_if_cancelled()
            threading.Event().wait(0.01)
        return "finished"

    handle = runner.run_task(long_job, on_done=lambda v: outcome.append(AssertionError(v)),
                             on_error=outcome.append)
    assert started.wait(5)
    handle.cancel()
    qtbot.waitUntil(lambda: bool(outcome), timeout=5000)
    assert isinstance(outcome[0], Cancelled)
    assert handle.finished


def test_unexpected_error_text_is_never_shown(qtbot, caplog):
    caplog.set_level("DEBUG")
    shown: list[str] = []
    errors.add_listener(shown.append)
    try:
        InlineRunner().run_task(lambda c, p: (_ for _ in ()).throw(
            ValueError("secret testimony words")))
    finally:
        errors.remove_listener(shown.append)
    assert len(shown) == 1
    assert "secret" not in shown[0] and "unexpected" in shown[0]
    assert "ValueError" in caplog.text and "secret" not in caplog.text  # type and frames only
    from PySide6.QtWidgets import QApplication, QMessageBox

    boxes = [b for b in QApplication.topLevelWidgets()
             if isinstance(b, QMessageBox) and b.objectName() == "errorDialog"]
    assert boxes and "secret" not in boxes[-1].text()
    for b in boxes:
        b.close()
    assert errors.message_for(WrongPassphrase("vault.wrong_passphrase")) == str(
        WrongPassphrase("vault.wrong_passphrase"))


def test_results_of_work_started_before_a_lock_are_dropped(qtbot, runner, vault, tmp_path):
    from ui.session import Session
    from ui.settings import Settings

    session = Session(vault.path, role="interviewer", runner=runner, settings=Settings(),
                      state_dir=tmp_path)
    session.set_vault(vault)
    release = threading.Event()
    delivered: list[object] = []

    def slow(v, cancel, progress):
        release.wait(5)
        return "stale result"

    session.call(slow, on_done=delivered.append)
    locked: list[str] = []
    session.locked.connect(locked.append)
    session.lock("panic")
    release.set()
    qtbot.waitUntil(lambda: vault.is_locked, timeout=5000)  # closed on the worker
    qtbot.wait(100)
    assert locked == ["panic"] and delivered == []
    errors_seen: list[BaseException] = []
    assert session.call(slow, on_error=errors_seen.append) is None
    assert "locked" in str(errors_seen[0])
