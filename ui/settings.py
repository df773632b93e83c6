"""Desktop settings, kept as JSON in the app's state folder (never inside the vault).

They hold preferences only: no vault paths of interviews, no codes, no testimony, so a searched
laptop's settings file says nothing about the work. Unknown or malformed values fall back to the
defaults instead of stopping the app from starting.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from app.paths import state_dir

FILE_NAME = "ui-settings.json"
LANGUAGES = ("en", "ko")
LANGUAGE_NAMES = {"en": "English", "ko": "한국어 (Korean)"}  # each in its own script
MODELS = ("base", "tiny.en")  # the built-in models; imported ones are listed by the registry
TRANSCRIPTION_LANGUAGES = ("auto", "ko", "en")


@dataclass
class Settings:
    ui_language: str = "en"
    idle_lock_minutes: int = 5
    default_model: str = "base"
    default_language: str = "ko"
    audio_device: str = ""  # the device's description; "" means the system default
    # The organisation's archive last opened from the window, never with a password (an
    # office machine's setting; a field laptop that never opens an archive keeps it empty).
    last_archive_url: str = ""

    def normalised(self) -> Settings:
        s = Settings(**asdict(self))
        if s.ui_language not in LANGUAGES:
            s.ui_language = "en"
        if not isinstance(s.idle_lock_minutes, int) or not 1 <= s.idle_lock_minutes <= 240:
            s.idle_lock_minutes = 5
        if s.default_language not in TRANSCRIPTION_LANGUAGES:
            s.default_language = "ko"
        if not isinstance(s.default_model, str) or not s.default_model:
            s.default_model = "base"
        if not isinstance(s.audio_device, str):
            s.audio_device = ""
        s.last_archive_url = _without_password(s.last_archive_url)
        return s


def _without_password(url: object) -> str:
    """An archive address as it may be kept: no password, whatever was written to the file."""
    if not isinstance(url, str) or not url.strip():
        return ""
    from app.archive import without_password
    from storage.errors import ArchiveError

    try:
        return without_password(url)
    except ArchiveError:  # no PostgreSQL support installed: nothing to remember
        return ""


def settings_path(folder: Path | None = None) -> Path:
    return (folder or state_dir()) / FILE_NAME


def load(folder: Path | None = None) -> Settings:
    """Read the settings; a missing or damaged file gives the defaults."""
    try:
        doc = json.loads(settings_path(folder).read_text("utf-8"))
    except (OSError, ValueError):
        return Settings()
    if not isinstance(doc, dict):
        return Settings()
    known = {f.name for f in fields(Settings)}
    return Settings(**{k: v for k, v in doc.items() if k in known}).normalised()


def save(settings: Settings, folder: Path | None = None) -> None:
    """Write atomically (temp file in the same folder, then rename)."""
    path = settings_path(folder)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(settings.normalised()), indent=2), "utf-8")
    os.replace(tmp, path)
