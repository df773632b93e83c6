"""The engine child started first thing by `testimony transcribe` (cli.early,
transcription.launch).

What must hold: only a transcribe command line of a built-in model starts a child early; the
job takes over exactly that child (no second model load); a child started for another request
or left over by a failed command line is stopped, never left running. Real tiny.en children.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.interviews import add_interview
from app.transcripts import transcribe
from cli import early
from tests.transcribe_helpers import add_asset, fixture_pcm, wav_bytes
from transcription import launch, process_engine


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[subprocess.Popen[bytes]]]:
    """Every child started through transcription.launch, stopped at the end of the test."""
    procs: list[subprocess.Popen[bytes]] = []
    real = launch.launch

    def record(command: list[str], request: dict[str, Any]) -> subprocess.Popen[bytes]:
        proc = real(command, request)
        procs.append(proc)
        return proc

    monkeypatch.setattr(launch, "launch", record)  # the early start
    monkeypatch.setattr(process_engine, "_launch_child", record)  # an engine's own start
    yield procs
    launch.discard_early()
    for proc in procs:
        launch.stop(proc)


def test_only_a_transcribe_command_line_is_read_for_an_early_start() -> None:
    options = early._transcribe_options
    assert options(["--vault", "v", "--passphrase-file", "p", "--role", "translator",
                    "transcribe", "NK-2026-113", "--model", "base", "--threads", "2"]) == \
        {"--model": "base", "--threads": "2"}
    assert options(["transcribe", "NK-2026-113", "--model=tiny.en", "--language", "en"]) == \
        {"--model": "tiny.en"}
    assert options(["--debug", "transcribe", "NK-2026-113"]) == {}
    # The value of a global option is not the command; other commands start nothing.
    assert options(["--vault", "transcribe", "interview", "list"]) is None
    assert options(["interview", "add", "--code", "transcribe"]) is None
    assert options(["transcribe", "--help"]) is None
    assert options([]) is None


def test_nothing_starts_early_for_an_unknown_model_or_a_bad_option(
        started: list[subprocess.Popen[bytes]]) -> None:
    assert not early.start_engine_for(["transcribe", "NK-2026-113", "--model", "no-such-model"])
    assert not early.start_engine_for(["transcribe", "NK-2026-113", "--threads", "two"])
    assert not early.start_engine_for(["interview", "list"])
    assert started == [] and launch.take_early({"model": "base"}) is None


def test_the_job_takes_over_the_child_started_early(
        vault: Any, started: list[subprocess.Popen[bytes]]) -> None:
    assert early.start_engine_for(["--vault", "v", "transcribe", "NK-2026-136", "--model",
                                   "tiny.en", "--threads", "1"])
    [child] = started
    # What the CLI does next, once the vault is open: the prestarted engine is that child.
    engines = transcribe.PrestartedEngines("tiny.en", 1)
    spare = engines._spare
    assert spare is not None and spare.pid == child.pid and len(started) == 1
    iid = add_interview(vault, code="NK-2026-136", role="interviewer")
    add_asset(vault, iid, wav_bytes(fixture_pcm("en_river.flac")), duration_s=5.0)
    [result] = transcribe.transcribe_interview(vault, iid, role="interviewer", model="tiny.en",
                                               language="en", engine_factory=engines)
    assert result.state == "complete" and result.segments == 1
    assert len(started) == 1  # one model load for the whole job
    assert child.poll() is not None  # stopped with the job


def test_a_child_started_for_another_request_is_stopped(
        started: list[subprocess.Popen[bytes]]) -> None:
    assert early.start_engine_for(["transcribe", "NK-2026-113", "--model", "tiny.en", "--threads", "1"])
    [child] = started
    from app import paths

    assert launch.take_early(launch.load_request("tiny.en", paths.models_dir(), 2)) is None
    assert child.poll() is not None
    assert launch.take_early(launch.load_request("tiny.en", paths.models_dir(), 1)) is None


def test_a_failed_transcribe_command_line_leaves_no_child(
        tmp_path: Path, started: list[subprocess.Popen[bytes]]) -> None:
    from cli import main

    # A usage error (argparse) after the early start: the child is stopped, exit status 2.
    code = main(["--vault", str(tmp_path / "none"), "transcribe", "NK-2026-113", "--model", "tiny.en",
                 "--language", "xx"])
    assert code == 2
    [child] = started
    assert child.poll() is not None and launch._early is None
