"""Start the speech engine's model load first thing when the command is ``transcribe``.

``testimony transcribe`` spends seconds before it can decode: this program imports its command
modules and derives the vault key (Argon2id), the engine child starts Python, imports
faster-whisper and verifies and builds the model. Started here, before the command modules are
imported, the child loads on the other core while this process does all of that, instead of
after it. The job's engine takes the child over (``transcription.launch.take_early``).

Only the few options that decide the load are looked at (``--model``, ``--threads``); argparse
still parses the command line afterwards. When this reading is unsure (help, an abbreviated
option, an imported model whose hashes are in the still locked vault), no child is started
here and the job starts its own, as before. Imports only light modules.
"""

from __future__ import annotations

from collections.abc import Sequence

# Options before the command that take a value (cli.commands.build_parser).
_GLOBAL_WITH_VALUE = ("--vault", "--passphrase-file", "--role")


def _transcribe_options(argv: Sequence[str]) -> dict[str, str] | None:
    """``--model``/``--threads`` of a ``transcribe`` command line, or None for anything else."""
    args = list(argv)
    i = 0
    while i < len(args) and args[i].startswith("-"):
        if args[i] in _GLOBAL_WITH_VALUE:
            i += 1
        i += 1
    if i >= len(args) or args[i] != "transcribe":
        return None
    found: dict[str, str] = {}
    rest = args[i + 1:]
    for j, arg in enumerate(rest):
        if arg in ("-h", "--help"):
            return None
        for name in ("--model", "--threads"):
            if arg == name and j + 1 < len(rest):
                found[name] = rest[j + 1]
            elif arg.startswith(name + "="):
                found[name] = arg.split("=", 1)[1]
    return found


def start_engine_for(argv: Sequence[str]) -> bool:
    """Start the engine child now if ``argv`` is a ``transcribe`` of a built-in model.

    Returns whether a child was started. Never raises: anything unexpected leaves the start to
    the job, which reports problems in its own words.
    """
    options = _transcribe_options(argv)
    if options is None:
        return False
    try:
        threads = int(options.get("--threads", "0"))
    except ValueError:
        return False
    from app import paths
    from transcription import launch, models
    from transcription.errors import ModelNotFound

    name = options.get("--model", models.DEFAULT_MODEL)
    try:
        models.get_model(name)  # built-in only: an imported model's record is in the vault
        folder = paths.models_dir()
    except (ModelNotFound, OSError):
        return False
    return launch.start_early(launch.load_request(name, folder, threads))
