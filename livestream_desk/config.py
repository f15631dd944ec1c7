"""Where the app keeps its data. No Qt here: the CLI and the services use it too."""
from __future__ import annotations

import os
from pathlib import Path

from . import APP_NAME

DB_FILE_NAME = "livestream_desk.sqlite3"
DATA_DIR_ENV = "LIVESTREAM_DESK_DATA_DIR"  # overrides the platformdirs folder (tests, portable installs)


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME
