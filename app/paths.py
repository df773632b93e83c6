"""Where things live on this machine: the default vault and the app's state folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path, user_state_path

APP_NAME = "TestimonyVault"


def default_vault_path() -> Path:
    """``TESTIMONY_VAULT`` if set, else the platform's user-data folder."""
    env = os.environ.get("TESTIMONY_VAULT")
    if env:
        return Path(env).expanduser()
    return user_data_path(APP_NAME, appauthor=False) / "vault"


def state_dir() -> Path:
    """The app's state folder (failed-unlock counter, settings). Holds no testimony.

    ``TESTIMONY_STATE_DIR`` overrides it (used by tests and portable installs).
    """
    env = os.environ.get("TESTIMONY_STATE_DIR")
    path = Path(env).expanduser() if env else user_state_path(APP_NAME, appauthor=False)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


def models_dir() -> Path:
    """Where imported models' files live (app state, not the vault: weights are not testimony;
    their hashes are in the vault)."""
    return state_dir() / "models"
