"""Entry point of the frozen app: one program, two executables in the same folder.

``testimony`` (a console program) is the command line; ``testimony-gui`` (windowed on Windows
and macOS, so no console window opens) starts the desktop client. Both are built from this
script and share every library in the folder; the executable's name decides which runs.
Started with ``--transcription-engine-child`` either one is the speech-engine child process
that transcription runs in (transcription/child.py): no multiprocessing, so no
``freeze_support`` dance; the app starts its own executable with that flag and a pipe.
"""

import os
import sys

# Defence in depth: the app never downloads anything, but the Whisper library can. Make any
# attempt fail fast instead of trying the network on a laptop that may be watched.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
# onnxruntime would write a telemetry session file into the temp folder (also set by the engine).
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

from transcription.child import ENGINE_CHILD_FLAG  # noqa: E402 - after the environment is set

if __name__ == "__main__" and sys.argv[1:2] == [ENGINE_CHILD_FLAG]:
    # The app started itself as its speech-engine child (transcription.process_engine): run
    # only the engine, before the CLI and Qt are imported.
    from transcription.child import main as engine_child_main

    sys.exit(engine_child_main())

from cli import gui_main, main  # noqa: E402 - after the environment is set

if __name__ == "__main__":
    program = os.path.splitext(os.path.basename(sys.executable))[0].lower()
    sys.exit(gui_main() if program.endswith("-gui") else main())
