"""Where the app keeps its data. No Qt here: the CLI and the services use it too."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional

from . import APP_NAME

DB_FILE_NAME = "livestream_desk.sqlite3"
DATABASE_CHOICE_FILE = "database.json"  # the window's database when --db is not given (Settings)
DATA_DIR_ENV = "LIVESTREAM_DESK_DATA_DIR"  # overrides the platformdirs folder (tests, portable installs)


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME


def saved_database_url() -> Optional[str]:
    """The server URL chosen on the Settings page (the window opens it when no --db is
    given); None for the database file on this PC. A file that cannot be read counts as
    "this PC's file" (the app still starts)."""
    try:
        data = json.loads((data_dir() / DATABASE_CHOICE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    url = data.get("url") if isinstance(data, dict) else None
    return url if isinstance(url, str) and url.strip() else None


def save_database_url(url: Optional[str]) -> None:
    """Remember the server URL (password included: the PC logs in by itself, as a saved
    libpq password file would; readable by this user only), or None for this PC's file."""
    path = data_dir() / DATABASE_CHOICE_FILE
    if url is None:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump({"url": url}, handle)
    os.replace(temporary, path)
